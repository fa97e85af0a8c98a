# Built-in types' dunders fetched as methods: int.__add__, float.__repr__, str.__len__, list.__getitem__, object.__setattr__, NotImplemented
print(int.__add__(1, 2), (1).__add__(2), int.__add__(1, 'a'), (5).__radd__(1), int.__sub__(10, 3))
print(float.__repr__(1.5), float.__add__(1.5, 2), (2.0).__mul__(3), int.__lt__(1, 2), int.__eq__(1, 'x'))
print(str.__len__("abc"), "abc".__contains__("b"), str.__add__("a", "b"), "ab".__mul__(2), str.__getitem__("hello", 1))
it = iter([1, 2])
print(it.__next__(), next(it), it.__iter__() is it)
try:
    it.__next__()
except StopIteration:
    print("StopIteration")
print(set.__contains__({1, 2}, 2), frozenset([1]).__len__(), {1}.__or__({2}))
print(list.__getitem__([10, 20, 30], 1), list.__len__([1, 2]), [1].__add__([2]), list.__contains__([1], 1))
print(list.__getitem__([1, 2, 3], slice(1, None)), tuple.__getitem__((1, 2), 0), tuple.__len__(()))
d = {}
dict.__setitem__(d, "k", 1)
print(d, dict.__getitem__(d, "k"), dict.__len__(d), dict.__contains__(d, "k"), d.__repr__())
dict.__delitem__(d, "k")
print(d)


class P:
    pass


p = P()
object.__setattr__(p, "x", 1)
print(p.x, object.__getattribute__(p, "x"))
object.__delattr__(p, "x")
print(hasattr(p, "x"))
print(object.__init__(p), type(object.__new__(P)).__name__, object.__repr__(p).startswith("<__main__.P object"))
print(int.__hash__(7) == hash(7), str.__hash__("a") == hash("a"), int.__repr__(42), str.__str__("s"), int.__bool__(0))
print(int.__neg__(3), int.__abs__(-3), float.__abs__(-2.5), int.__int__(True), float.__float__(2.0), int.__index__(9))
print(int.__format__(255, "x"), float.__format__(0.5, ".1%"), round(2.675, 2), int.__round__(7))
print(sorted([3, 1, 2], key=int.__neg__), list(map(str.__len__, ["a", "bb"])), list(map(int.__add__, [1, 2], [10, 20])))
print(NotImplemented, int.__mul__(2, "x"), float.__truediv__(1.0, 4))


class Vector:
    def __init__(self, *xs):
        self.xs = xs

    def __add__(self, other):
        if not isinstance(other, Vector):
            return NotImplemented
        return Vector(*[a + b for a, b in zip(self.xs, other.xs)])

    def __repr__(self):
        return f"Vector{self.xs}"


print(Vector(1, 2) + Vector(3, 4), Vector(1).__add__(5))
try:
    Vector(1) + 5
except TypeError as e:
    print("TypeError:", e)
