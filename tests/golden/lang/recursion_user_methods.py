# Dunder methods that call back into the same protocol (__repr__, __eq__, __hash__, __getattr__, __next__, sorted key) stop with RecursionError
class Wrapper:
    def __init__(self, inner):
        self.inner = inner

    def __repr__(self):
        return "Wrapper(" + repr(self.inner) + ")"

    def __str__(self):
        return str(self.inner)

    def __eq__(self, other):
        return self.inner == other.inner

    def __hash__(self):
        return hash(self.inner)

    def __format__(self, spec):
        return format(self.inner, spec)


class Forwarder:
    def __init__(self, inner):
        self.inner = inner

    def __getattr__(self, name):
        return getattr(self.inner, name)


class Relay:
    def __init__(self, source):
        self.source = source

    def __iter__(self):
        return self

    def __next__(self):
        return next(self.source)


def deep(make, base, n=100000):
    value = base
    for i in range(n):
        value = make(value)
    return value


def attempt(label, action):
    try:
        result = action()
        print(label, "->", result)
    except RecursionError:
        print(label, "-> RecursionError")


a = deep(Wrapper, 0)
b = deep(Wrapper, 0)
attempt("repr", lambda: len(repr(a)))
attempt("str", lambda: len(str(a)))
attempt("==", lambda: a == b)
attempt("hash", lambda: hash(a))
attempt("format", lambda: f"{a:>5}")
attempt("getattr", lambda: deep(Forwarder, 5).real)
attempt("next", lambda: next(deep(Relay, iter([7]))))


def key(x):
    return sorted([x - 1], key=key)[0] if x > 0 else 0


attempt("sorted key", lambda: key(100000))


def countdown(n):
    if n == 0:
        yield "bottom"
        return
    yield from countdown(n - 1)


attempt("yield from", lambda: list(countdown(100000)))

small = deep(Wrapper, 1, 20)
print(repr(small)[:30], str(small), small == deep(Wrapper, 1, 20), hash(small) == hash(1))
print(list(countdown(50)), key(50), deep(Forwarder, 3, 50).bit_length())
