# Attributes of class objects and modules, and methods of built-in values, read again and
# again from the same line: each read must see what the class, the module or the type holds
# now (a changed or deleted attribute, a descriptor, a static or class method).
import keyword as mod
import math


class Desc:
    def __get__(self, obj, owner):
        return ("desc", obj is None, owner.__name__)


class Plain:
    def __init__(self, label):
        self.label = label

    def __repr__(self):
        return f"Plain({self.label})"


class Strength:
    @staticmethod
    def stronger(a, b):
        return a < b

    @classmethod
    def make(cls, x):
        return (cls.__name__, x)

    def method(self):
        return "method"

    LIMIT = 3
    desc = Desc()


Strength.REQUIRED = Plain("required")


class Weak(Strength):
    pass


def read(cls):
    return (cls.LIMIT, cls.REQUIRED, cls.desc, cls.stronger(1, 2), cls.make(5), cls.method(None)
            if cls is not Strength else cls.method.__name__, cls.__name__)


for i in range(4):
    print(i, read(Strength))
    print(i, read(Weak))
    if i == 1:
        Strength.LIMIT = 30
        Weak.REQUIRED = Plain("weak")
    if i == 2:
        del Weak.REQUIRED
        Strength.desc = "no longer a descriptor"

for i in range(3):
    print(Strength.__dict__["LIMIT"], Strength.__class__.__name__, len(Weak.__mro__), Weak.__bases__[0].__name__)

# A module's attributes, then one patched, one added, one deleted.
mod.value = 1
mod.fn = lambda x: x * 2
for i in range(5):
    try:
        print(i, mod.value, mod.fn(i), math.sqrt(16), mod.extra)
    except AttributeError as e:
        print(i, "AttributeError:", e)
    if i == 1:
        mod.fn = lambda x: x * 10
    if i == 2:
        mod.extra = "added"
    if i == 3:
        del mod.value


def module_getattr(name):
    return "computed " + name


mod.__getattr__ = module_getattr
for i in range(2):
    print(mod.missing, mod.extra)

# Methods of built-in values from one line, the receiver's type changing underneath.
values = [[1, 2, 1], (1, 1, 3), "a1b1", [1], b"1\x01"]
for v in values:
    print(type(v).__name__, v.count(1) if not isinstance(v, str) else v.count("1"), v.index(v[0]))
for n in [7, 2 ** 70, True, 3.5]:
    print(repr(n), n.__class__.__name__, n.is_integer() if isinstance(n, float) else n.bit_length())


class MyList(list):
    def count(self, x):
        return "overridden"


for v in [[1, 1], MyList([1, 1]), [1]]:
    print(v.count(1))


def gen():
    got = yield 1
    yield got


g = gen()
print(g.send(None), g.send("sent"))


# New attributes of fresh instances from the same lines, in different orders and numbers,
# deleted and added again: each instance's __dict__ keeps its own order.
class Bag:
    def __init__(self, n, reverse):
        names = ["a%d" % i for i in range(n)]
        for name in reversed(names) if reverse else names:
            setattr(self, name, n)
        self.first = n
        self.second = -n

    def refill(self):
        del self.first
        self.third = 3
        self.first = "again"


bags = [Bag(n, n % 2 == 1) for n in range(0, 12, 3)]
for b in bags:
    print(list(vars(b).items())[-4:], len(vars(b)))
for b in bags:
    b.refill()
    b.refill()
    print(list(vars(b))[-3:], b.first, b.third)
