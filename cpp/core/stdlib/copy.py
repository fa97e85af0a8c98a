"""The playground's copy, following CPython 3.11's Lib/copy.py: shallow and deep copies
of built-in containers and instances, honouring __copy__, __deepcopy__ and the memo.
"""

__all__ = ['Error', 'copy', 'deepcopy']


class Error(Exception):
    pass


error = Error

_atomic = (type(None), int, float, bool, str, bytes, type, range,
           type(len), type(lambda: 0), type(Ellipsis), type(NotImplemented))


def copy(x):
    cls = type(x)
    if isinstance(x, _atomic) or cls is tuple or cls is frozenset:
        return x
    if cls is list:
        return list(x)
    if cls is dict:
        return dict(x)
    if cls is set:
        return set(x)
    if cls is bytearray:
        return bytearray(x)
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    return _copy_instance(x, cls)


def _copy_builtin_subclass(x, cls, copier, memo):
    """A list, dict, set or tuple subclass instance rebuilt with copier applied to its items
    and its __dict__, as CPython's __reduce_ex__ protocol does."""
    if isinstance(x, tuple):
        getnewargs = getattr(x, '__getnewargs__', None)
        if getnewargs is not None:
            y = cls.__new__(cls, *[copier(a) for a in getnewargs()])
        else:
            y = tuple.__new__(cls, [copier(a) for a in x])
        if memo is not None:
            memo[id(x)] = y
        return y
    y = cls.__new__(cls)
    if memo is not None:
        memo[id(x)] = y
    state = getattr(x, '__dict__', None)
    if state:
        for key, value in state.items():
            y.__dict__[key] = copier(value)
    if isinstance(x, list):
        list.extend(y, [copier(a) for a in x])
    elif isinstance(x, dict):
        for key, value in dict.items(x):
            dict.__setitem__(y, copier(key), copier(value))
    else:
        for a in x:
            set.add(y, copier(a))
    return y


_builtin_bases = (list, dict, set, tuple)


def _copy_instance(x, cls):
    if isinstance(x, _builtin_bases):
        return _copy_builtin_subclass(x, cls, lambda v: v, None)
    y = cls.__new__(cls)
    d = getattr(x, '__dict__', None)
    if d is not None:
        y.__dict__.update(d)
    return y


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if isinstance(x, _atomic):
        return x
    if cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is tuple:
        y = tuple(deepcopy(a, memo) for a in x)
        if d in memo:
            return memo[d]
        if all(a is b for a, b in zip(x, y)):
            y = x
    elif cls is set:
        y = {deepcopy(a, memo) for a in x}
    elif cls is frozenset:
        y = frozenset(deepcopy(a, memo) for a in x)
    elif cls is bytearray:
        y = bytearray(x)
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None:
            y = copier(memo)
        elif isinstance(x, _builtin_bases):
            y = _copy_builtin_subclass(x, cls, lambda v: deepcopy(v, memo), memo)
        else:
            y = cls.__new__(cls)
            memo[d] = y
            state = getattr(x, '__dict__', None)
            if state is not None:
                for key, value in state.items():
                    y.__dict__[key] = deepcopy(value, memo)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]
