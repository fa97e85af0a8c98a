"""Abstract base classes, after CPython 3.11's _py_abc: ABCMeta, ABC, abstractmethod,
register and __subclasshook__. A class with abstract methods left refuses to be
instantiated with CPython's message; virtual subclasses answer isinstance and issubclass.
"""

__all__ = ['ABCMeta', 'ABC', 'abstractmethod', 'abstractclassmethod', 'abstractstaticmethod',
           'abstractproperty', 'get_cache_token', 'update_abstractmethods']


def abstractmethod(funcobj):
    """A decorator indicating abstract methods."""
    funcobj.__isabstractmethod__ = True
    return funcobj


def _is_abstract(value):
    # _is_abstract sees through property, classmethod and staticmethod to the functions they wrap.
    if getattr(value, '__isabstractmethod__', False):
        return True
    for attr in ('fget', 'fset', 'fdel', '__func__'):
        try:
            inner = getattr(value, attr, None)
        except Exception:
            inner = None
        if inner is not None and getattr(inner, '__isabstractmethod__', False):
            return True
    return False


class abstractclassmethod(classmethod):
    """A decorator indicating abstract classmethods (deprecated: use classmethod and abstractmethod)."""
    __isabstractmethod__ = True


class abstractstaticmethod(staticmethod):
    """A decorator indicating abstract staticmethods (deprecated)."""
    __isabstractmethod__ = True


class abstractproperty(property):
    """A decorator indicating abstract properties (deprecated)."""
    __isabstractmethod__ = True


_abc_invalidation_counter = 0


def get_cache_token():
    """Returns the current ABC cache token."""
    return _abc_invalidation_counter


def _compute_abstracts(cls, namespace, bases):
    abstracts = {name for name, value in namespace.items() if _is_abstract(value)}
    for base in bases:
        for name in getattr(base, '__abstractmethods__', ()):
            value = getattr(cls, name, None)
            if _is_abstract(value):
                abstracts.add(name)
    return frozenset(abstracts)


class ABCMeta(type):
    """Metaclass for defining Abstract Base Classes (ABCs)."""

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _compute_abstracts(cls, namespace, bases)
        cls._abc_registry = []
        cls._abc_subclasses = []
        cls._abc_cache = {}
        cls._abc_cache_version = _abc_invalidation_counter
        for base in bases:
            if isinstance(base, ABCMeta) and '_abc_subclasses' in base.__dict__:
                base.__dict__['_abc_subclasses'].append(cls)
        return cls

    def register(cls, subclass):
        """Register a virtual subclass of an ABC. Returns the subclass, to allow usage as a class decorator."""
        global _abc_invalidation_counter
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls.__dict__['_abc_registry'].append(subclass)
        _abc_invalidation_counter += 1
        return subclass

    def __instancecheck__(cls, instance):
        """Override for isinstance(instance, cls)."""
        return cls.__subclasscheck__(type(instance))

    def __subclasscheck__(cls, subclass):
        """Override for issubclass(subclass, cls)."""
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        # __subclasscheck__ remembers its answers until the next register() anywhere, as CPython's caches do.
        cache = cls.__dict__.get('_abc_cache')
        if cache is not None:
            if cls.__dict__['_abc_cache_version'] != _abc_invalidation_counter:
                cache.clear()
                cls._abc_cache_version = _abc_invalidation_counter
            elif subclass in cache:
                return cache[subclass]
            ok = cls._abc_subclasscheck(subclass)
            cache[subclass] = ok
            return ok
        return cls._abc_subclasscheck(subclass)

    def _abc_subclasscheck(cls, subclass):
        hook = getattr(cls, '__subclasshook__', None)
        if hook is not None:
            ok = hook(subclass)
            if ok is not NotImplemented:
                return bool(ok)
        if cls in subclass.__mro__:
            return True
        for rcls in cls.__dict__.get('_abc_registry', ()):
            if issubclass(subclass, rcls):
                return True
        for scls in cls.__dict__.get('_abc_subclasses', ()):
            if issubclass(subclass, scls):
                return True
        return False

    def _dump_registry(cls, file=None):
        """Debug helper to print the ABC registry."""
        print(f"Class: {cls.__module__}.{cls.__qualname__}", file=file)
        print(f"Inv. counter: {get_cache_token()}", file=file)
        print(f"_abc_registry: {cls.__dict__.get('_abc_registry')!r}", file=file)


def update_abstractmethods(cls):
    """Recalculate the set of abstract methods of an abstract class."""
    if not hasattr(cls, '__abstractmethods__'):
        return cls
    abstracts = set()
    for scls in cls.__bases__:
        for name in getattr(scls, '__abstractmethods__', ()):
            value = getattr(cls, name, None)
            if _is_abstract(value):
                abstracts.add(name)
    for name, value in cls.__dict__.items():
        if _is_abstract(value):
            abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    return cls


class ABC(metaclass=ABCMeta):
    """Helper class that provides a standard way to create an ABC using inheritance."""
    __slots__ = ()
