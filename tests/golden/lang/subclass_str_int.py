# Subclassing str, int, float, tuple, set, frozenset and bytes: behaviour of the base type plus extras
class Name(str):
    def shout(self):
        return self.upper() + "!"


n = Name("bob")
print(n, n.shout(), n + "by", len(n), repr(n), f"<{n}>", n == "bob", {n: 1}, n.title(), n[0], type(n[0]).__name__)
print(isinstance(n, str), type(n).__name__, "-".join([n, n]), "%s!" % n, sorted([Name("b"), Name("a")]))
n.note = "extra"
print(n.note, n.__dict__)


class Tag(str):
    def __new__(cls, value, level=0):
        obj = super().__new__(cls, value.lower())
        obj.level = level
        return obj

    def __repr__(self):
        return f"Tag({str(self)!r}, level={self.level})"


t = Tag("PYTHON", 2)
print(t, repr(t), [t], t.level, t == "python", t.startswith("py"))


class Money(int):
    def __repr__(self):
        return f"Money({int(self)})"


m = Money(5)
print(m, repr(m), m + 1, 1 + m, m * 2, m - 10, -m, m // 2, m / 2, m % 3, m ** 2, abs(Money(-3)))
print(isinstance(m, int), m == 5, m < 6, hash(m) == hash(5), {m: "five"}[5], int(m), float(m), str(m))
print(range(m), [0, 1, 2, 3, 4, 5, 6][m], f"{m:03d}", f"{m}", "%d" % 7, m.bit_length(), bool(Money(0)))


class Celsius(float):
    def __str__(self):
        return f"{float(self):.1f}°C"


c = Celsius(21.456)
print(c, repr(c), c + 1, c * 2, c > 20, isinstance(c, float), round(c, 1), f"{c:.2f}", int(c))


class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))

    @property
    def x(self):
        return self[0]

    @property
    def y(self):
        return self[1]

    def __repr__(self):
        return f"Point(x={self.x}, y={self.y})"


p = Point(3, 4)
x, y = p
print(p, p.x, p.y, x, y, len(p), p[0], p == (3, 4), isinstance(p, tuple), hash(p) == hash((3, 4)), p + (5,))
print(sorted([Point(2, 1), Point(1, 2)]), {p: 1}, tuple(p), list(p))


class Tags(set):
    def add_all(self, *items):
        for i in items:
            self.add(i)


ts = Tags(["a"])
ts.add_all("b", "c")
print(sorted(ts), len(ts), "a" in ts, isinstance(ts, set), ts == {"a", "b", "c"}, sorted(ts | {"d"}))


class Frozen(frozenset):
    pass


fz = Frozen([1, 2])
print(sorted(fz), type(fz).__name__, fz == frozenset([1, 2]), len({fz, frozenset([1, 2])}))


class Blob(bytes):
    def hexed(self):
        return self.hex()


b = Blob(b"hi")
print(b, b.hexed(), len(b), b + b"!", isinstance(b, bytes), b.decode())


class HTTPError(Exception):
    def __init__(self, status, reason):
        super().__init__(f"{status} {reason}")
        self.status = status
        self.reason = reason

    def __str__(self):
        return f"HTTP {self.status}: {self.reason}"


try:
    raise HTTPError(404, "Not Found")
except HTTPError as e:
    print(e, e.status, e.args, repr(e))
try:
    int.__new__(str)
except TypeError as e:
    print("TypeError:", e)
