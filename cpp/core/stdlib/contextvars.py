"""Context variables, following CPython 3.11's contextvars (PEP 567).

Each thread has its current Context, empty when the thread starts (as in CPython 3.11).
asyncio's Task copies the current context when it is created and runs each of its steps
in it, so a value set inside a task stays in that task.
"""

import _interleave

__all__ = ('Context', 'ContextVar', 'Token', 'copy_context')

_get_ident = _interleave.get_ident
_current = {}
# _used turns true with the first ContextVar; until then asyncio skips the context bookkeeping.
_used = False


def _get_context():
    ident = _get_ident()
    ctx = _current.get(ident)
    if ctx is None:
        ctx = _current[ident] = Context()
    return ctx


def _swap(ctx):
    """_swap makes ctx the current context of this thread and returns the previous one."""
    ident = _get_ident()
    prev = _current.get(ident)
    _current[ident] = ctx
    return prev


class Context:
    """A mapping of ContextVars to their values; Context.run(f) runs f with it as the current context."""

    def __init__(self):
        self._data = {}
        self._entered = False

    def run(self, callable, /, *args, **kwargs):
        if self._entered:
            raise RuntimeError(f"cannot enter context: {self!r} is already entered")
        prev = _swap(self)
        self._entered = True
        try:
            return callable(*args, **kwargs)
        finally:
            self._entered = False
            _current[_get_ident()] = prev

    def copy(self):
        new = Context()
        new._data = self._data
        return new

    def __getitem__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")
        return self._data[var]

    def get(self, var, default=None):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")
        return self._data.get(var, default)

    def __contains__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")
        return var in self._data

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def __eq__(self, other):
        if not isinstance(other, Context):
            return NotImplemented
        return self._data == other._data


def copy_context():
    """Return a shallow copy of the current context."""
    return _get_context().copy()


class _Missing:
    def __repr__(self):
        return '<Token.MISSING>'


class Token:
    """What ContextVar.set() returns: ContextVar.reset(token) restores the previous value."""

    MISSING = _Missing()

    def __init__(self, context, var, old_value):
        self._context = context
        self._var = var
        self._old_value = old_value
        self._used = False

    @property
    def var(self):
        return self._var

    @property
    def old_value(self):
        return self._old_value

    def __repr__(self):
        used = ' used' if self._used else ''
        return f"<Token{used} var={self._var!r} at 0x{id(self):x}>"


_NO_DEFAULT = object()


class ContextVar:
    """A context variable: ContextVar('name', default=...), with get(), set() and reset()."""

    def __init__(self, name, *, default=_NO_DEFAULT):
        global _used
        if not isinstance(name, str):
            raise TypeError("context variable name must be a str")
        self._name = name
        self._default = default
        _used = True

    @property
    def name(self):
        return self._name

    def get(self, *args):
        if len(args) > 1:
            raise TypeError(f"get expected at most 1 argument, got {len(args)}")
        data = _get_context()._data
        if self in data:
            return data[self]
        if args:
            return args[0]
        if self._default is not _NO_DEFAULT:
            return self._default
        raise LookupError(self)

    def set(self, value):
        ctx = _get_context()
        data = ctx._data
        old = data.get(self, Token.MISSING)
        new = dict(data)
        new[self] = value
        ctx._data = new
        return Token(ctx, self, old)

    def reset(self, token):
        if not isinstance(token, Token):
            raise TypeError(f"expected an instance of Token, got {token!r}")
        if token._used:
            raise RuntimeError(f"{token!r} has already been used once")
        if token._var is not self:
            raise ValueError(f"{token!r} was created by a different ContextVar")
        ctx = _get_context()
        if token._context is not ctx:
            raise ValueError(f"{token!r} was created in a different Context")
        new = dict(ctx._data)
        if token._old_value is Token.MISSING:
            new.pop(self, None)
        else:
            new[self] = token._old_value
        ctx._data = new
        token._used = True

    def __class_getitem__(cls, item):
        return cls

    def __repr__(self):
        default = ''
        if self._default is not _NO_DEFAULT:
            default = f" default={self._default!r}"
        return f"<ContextVar name={self._name!r}{default} at 0x{id(self):x}>"
