"""Weak references, following CPython 3.11's weakref: ref with an optional callback, proxy-free.
WeakValueDictionary, WeakKeyDictionary, WeakSet and finalize are built on ref.

The engine has a tracing collector, not reference counting: a referent dies at a
collection. Reading a weak reference (calling it, or looking into a weak container) first
runs a collection when anything was allocated since the last one, so `del obj` followed by
`r()` gives None as in CPython. Callbacks and finalizers run at that point, not at the
`del`, and finalizers still alive at exit run then (atexit=True).
"""

import _interleave

__all__ = ['ref', 'WeakValueDictionary', 'WeakKeyDictionary', 'WeakSet', 'finalize',
           'ReferenceType', 'getweakrefcount', 'getweakrefs', 'WeakMethod', 'proxy']

_weak_new = _interleave.weak_new
_weak_get = _interleave.weak_get
_weak_sync = _interleave.weak_sync
_weak_dead = _interleave.weak_dead


def _collection_point():
    """_collection_point is a Python call: a collection requested by weak_sync runs on entering it."""


def _sync():
    """_sync brings every weak reference up to date and runs the callbacks of those that died."""
    _weak_sync()
    _collection_point()
    dead = _weak_dead()
    for r in dead:
        callback = r._callback
        r._callback = None
        if callback is not None:
            try:
                callback(r)
            except Exception as exc:
                _interleave.write_stderr(f"Exception ignored in: {callback!r}\n"
                                         f"{_interleave.format_exception(exc)}")


class ref:
    """ref(obj[, callback]): a reference to obj that does not keep it alive; r() is obj, or None once it died."""

    __slots__ = ('_slot', '_callback', '_hash')

    def __init__(self, ob, callback=None):
        self._callback = callback
        self._hash = None
        self._slot = _weak_new(self, ob)

    def __call__(self):
        _sync()
        return _weak_get(self._slot)

    @property
    def __callback__(self):
        return self._callback

    def __hash__(self):
        if self._hash is None:
            ob = self()
            if ob is None:
                raise TypeError("weak object has gone away")
            self._hash = hash(ob)
        return self._hash

    def __eq__(self, other):
        if not isinstance(other, ref):
            return NotImplemented
        a, b = self(), other()
        if a is None or b is None:
            return self is other
        return a == b

    def __ne__(self, other):
        result = self.__eq__(other)
        if result is NotImplemented:
            return result
        return not result

    def __repr__(self):
        ob = _weak_get(self._slot)
        if ob is None:
            return f"<weakref at {_addr(self)}; dead>"
        name = getattr(ob, '__name__', None) if isinstance(ob, type) else None
        text = f"<weakref at {_addr(self)}; to '{type(ob).__module__}.{type(ob).__qualname__}' at {_addr(ob)}"
        if name:
            text += f" ({name})"
        return text + ">"


def _addr(obj):
    return "0x%x" % id(obj)


ReferenceType = ref


class WeakMethod(ref):
    """A weak reference to a bound method: it dies with the object the method is bound to."""

    __slots__ = ('_func',)

    def __init__(self, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}".format(type(meth))) from None
        super().__init__(obj, callback)
        self._func = func

    def __call__(self):
        obj = super().__call__()
        if obj is None:
            return None
        return self._func.__get__(obj, type(obj)) if hasattr(self._func, '__get__') else _bind(self._func, obj)


def _bind(func, obj):
    def bound(*args, **kwargs):
        return func(obj, *args, **kwargs)
    return bound


def proxy(obj, callback=None):
    raise NotImplementedError("weakref.proxy() is not available in the playground; use weakref.ref()")


def getweakrefcount(obj):
    return 0


def getweakrefs(obj):
    return []


class WeakValueDictionary:
    """A mapping whose values are held weakly: an entry goes away when its value dies."""

    def __init__(self, other=(), /, **kw):
        self.data = {}
        self.update(other, **kw)

    def _ref(self, key, value):
        data = self.data

        def remove(wr, key=key):
            if data.get(key) is wr:
                del data[key]
        return ref(value, remove)

    def __getitem__(self, key):
        _sync()
        o = _weak_get(self.data[key]._slot)
        if o is None:
            raise KeyError(key)
        return o

    def __setitem__(self, key, value):
        self.data[key] = self._ref(key, value)

    def __delitem__(self, key):
        _sync()
        del self.data[key]

    def __contains__(self, key):
        _sync()
        r = self.data.get(key)
        return r is not None and _weak_get(r._slot) is not None

    def __len__(self):
        _sync()
        return len(self.data)

    def __iter__(self):
        _sync()
        for k, r in list(self.data.items()):
            if _weak_get(r._slot) is not None:
                yield k

    def __repr__(self):
        return f"<WeakValueDictionary at {_addr(self)}>"

    def get(self, key, default=None):
        _sync()
        r = self.data.get(key)
        if r is None:
            return default
        o = _weak_get(r._slot)
        return default if o is None else o

    def keys(self):
        return list(iter(self))

    def values(self):
        _sync()
        return [o for o in (_weak_get(r._slot) for r in list(self.data.values())) if o is not None]

    def items(self):
        _sync()
        out = []
        for k, r in list(self.data.items()):
            o = _weak_get(r._slot)
            if o is not None:
                out.append((k, o))
        return out

    def pop(self, key, *args):
        _sync()
        try:
            o = _weak_get(self.data.pop(key)._slot)
        except KeyError:
            o = None
        if o is None:
            if args:
                return args[0]
            raise KeyError(key)
        return o

    def setdefault(self, key, default=None):
        o = self.get(key)
        if o is None:
            self[key] = default
            return default
        return o

    def update(self, other=None, /, **kwargs):
        if other is not None:
            if hasattr(other, 'items'):
                other = other.items()
            for key, o in other:
                self[key] = o
        for key, o in kwargs.items():
            self[key] = o

    def copy(self):
        return WeakValueDictionary(self.items())

    def clear(self):
        self.data.clear()

    def valuerefs(self):
        _sync()
        return list(self.data.values())


class WeakKeyDictionary:
    """A mapping whose keys are held weakly: an entry goes away when its key dies."""

    def __init__(self, dict=None):
        self.data = {}
        if dict is not None:
            self.update(dict)

    def _ref(self, key):
        data = self.data

        def remove(wr):
            data.pop(wr, None)
        return ref(key, remove)

    def __setitem__(self, key, value):
        self.data[self._ref(key)] = value

    def _find(self, key):
        _sync()
        for r in self.data:
            if _weak_get(r._slot) is key:
                return r
        h = hash(key)
        for r in self.data:
            o = _weak_get(r._slot)
            if o is not None and r._hash == h and o == key:
                return r
        return None

    def __getitem__(self, key):
        r = self._find(key)
        if r is None:
            raise KeyError(key)
        return self.data[r]

    def __delitem__(self, key):
        r = self._find(key)
        if r is None:
            raise KeyError(key)
        del self.data[r]

    def __contains__(self, key):
        return self._find(key) is not None

    def __len__(self):
        _sync()
        return len(self.data)

    def __iter__(self):
        _sync()
        for r in list(self.data):
            o = _weak_get(r._slot)
            if o is not None:
                yield o

    def __repr__(self):
        return f"<WeakKeyDictionary at {_addr(self)}>"

    def get(self, key, default=None):
        r = self._find(key)
        return default if r is None else self.data[r]

    def keys(self):
        return list(iter(self))

    def values(self):
        _sync()
        return [v for r, v in list(self.data.items()) if _weak_get(r._slot) is not None]

    def items(self):
        _sync()
        out = []
        for r, v in list(self.data.items()):
            o = _weak_get(r._slot)
            if o is not None:
                out.append((o, v))
        return out

    def pop(self, key, *args):
        r = self._find(key)
        if r is None:
            if args:
                return args[0]
            raise KeyError(key)
        return self.data.pop(r)

    def setdefault(self, key, default=None):
        r = self._find(key)
        if r is None:
            self[key] = default
            return default
        return self.data[r]

    def update(self, dict=None, /, **kwargs):
        if dict is not None:
            if hasattr(dict, 'items'):
                dict = dict.items()
            for key, value in dict:
                self[key] = value
        for key, value in kwargs.items():
            self[key] = value

    def clear(self):
        self.data.clear()


class WeakSet:
    """A set whose members are held weakly."""

    def __init__(self, data=None):
        self.data = []
        if data is not None:
            for item in data:
                self.add(item)

    def _live(self):
        _sync()
        out = []
        for r in self.data:
            o = _weak_get(r._slot)
            if o is not None:
                out.append(o)
        return out

    def add(self, item):
        for o in self._live():
            if o is item:
                return
        data = self.data

        def remove(wr):
            for i, r in enumerate(data):
                if r is wr:
                    del data[i]
                    break
        self.data.append(ref(item, remove))

    def discard(self, item):
        _sync()
        for r in list(self.data):
            if _weak_get(r._slot) is item:
                self.data.remove(r)

    def remove(self, item):
        if item not in self:
            raise KeyError(item)
        self.discard(item)

    def __contains__(self, item):
        return any(o is item for o in self._live())

    def __len__(self):
        return len(self._live())

    def __iter__(self):
        return iter(self._live())

    def clear(self):
        self.data.clear()

    def copy(self):
        return WeakSet(self._live())


_finalizers = {}
_finalizer_counter = [0]
_shutdown_registered = [False]


class finalize:
    """finalize(obj, func, *args, **kwargs): call func(*args, **kwargs) once obj has died (or at exit)."""

    def __init__(self, obj, func, /, *args, **kwargs):
        if not _shutdown_registered[0]:
            _interleave.at_shutdown(_run_finalizers_at_exit)
            _shutdown_registered[0] = True
        self._func = func
        self._args = args
        self._kwargs = kwargs or {}
        self.atexit = True
        _finalizer_counter[0] += 1
        self._index = _finalizer_counter[0]
        self._ref = ref(obj, self._on_death)
        _finalizers[self._index] = self

    def _on_death(self, wr):
        self()

    def __call__(self, _=None):
        """Call the finalizer now if it is still alive; return its result."""
        if _finalizers.pop(self._index, None) is not None:
            return self._func(*self._args, **self._kwargs)

    def detach(self):
        """If alive, mark it dead and return (obj, func, args, kwargs)."""
        if _finalizers.pop(self._index, None) is not None:
            obj = self._ref()
            if obj is not None:
                return (obj, self._func, self._args, self._kwargs)
        return None

    def peek(self):
        """If alive, return (obj, func, args, kwargs)."""
        if self._index in _finalizers:
            obj = self._ref()
            if obj is not None:
                return (obj, self._func, self._args, self._kwargs)
        return None

    @property
    def alive(self):
        """Whether the finalizer is alive."""
        if self._index in _finalizers:
            _sync()
        return self._index in _finalizers

    def __repr__(self):
        return f"<finalize object at {_addr(self)}; {'alive' if self.alive else 'dead'}>"


def _run_finalizers_at_exit():
    _sync()
    pending = sorted(_finalizers.values(), key=lambda f: f._index, reverse=True)
    for f in pending:
        if f.atexit:
            f()
