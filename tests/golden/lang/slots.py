# __slots__: no __dict__, CPython's AttributeError messages, slot descriptors on the class, inheritance with and without slots
class Point:
    __slots__ = ('x', 'y')

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


p = Point(1, 2)
print(p, p.x, p.y, hasattr(p, '__dict__'), Point.__slots__)
p.x = 10
print(p)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.__dict__
except AttributeError as e:
    print("AttributeError:", e)
del p.y
try:
    p.y
except AttributeError as e:
    print("AttributeError:", e)
try:
    del p.y
except AttributeError as e:
    print("AttributeError:", e)
print(Point.x, type(Point.x).__name__, repr(Point.y))
p.y = 5
print(getattr(p, 'y'), Point.x.__get__(p, Point))
try:
    vars(p)
except TypeError as e:
    print("TypeError:", e)


class Point3D(Point):
    __slots__ = ('z',)

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


q = Point3D(1, 2, 3)
print(q.x, q.y, q.z, hasattr(q, '__dict__'))
try:
    q.w = 4
except AttributeError as e:
    print("AttributeError:", e)


class Loose(Point):
    pass


l = Loose(1, 2)
l.extra = "allowed"
print(l.extra, l.__dict__, l)


class Empty:
    __slots__ = ()


e = Empty()
try:
    e.anything = 1
except AttributeError as err:
    print("AttributeError:", err)


class WithDict:
    __slots__ = ('a', '__dict__')


w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.b, w.__dict__)

try:
    class Bad:
        __slots__ = ('v',)
        v = 1
except ValueError as err:
    print("ValueError:", err)


class Single:
    __slots__ = 'only'


s = Single()
s.only = 'yes'
print(s.only)
