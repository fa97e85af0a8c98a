# match statement: class patterns (__match_args__, keywords, built-in self-matching, dataclasses, namedtuple, errors)
from dataclasses import dataclass, field
from collections import namedtuple
from enum import Enum


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


def where_is(point):
    match point:
        case Point(x=0, y=0):
            print("Origin")
        case Point(x=0, y=y):
            print(f"Y={y}")
        case Point(x=x, y=0):
            print(f"X={x}")
        case Point():
            print("Somewhere else")
        case _:
            print("Not a point")


for p in (Point(0, 0), Point(0, 3), Point(4, 0), Point(1, 1), "nope"):
    where_is(p)

match Point(1, 2):
    case Point(x, y):
        print("positional", x, y)

points = [Point(0, 7), Point(0, 9)]
match points:
    case []:
        print("No points")
    case [Point(0, 0)]:
        print("The origin")
    case [Point(x, y)]:
        print(f"Single point {x}, {y}")
    case [Point(0, y1), Point(0, y2)]:
        print(f"Two on the Y axis at {y1}, {y2}")
    case _:
        print("Something else")


@dataclass
class Click:
    position: tuple
    button: str = "left"


@dataclass
class KeyPress:
    key_name: str
    modifiers: list = field(default_factory=list)


@dataclass(match_args=False)
class Quit:
    code: int = 0


print(Click.__match_args__, KeyPress.__match_args__, hasattr(Quit, "__match_args__"))

for event in (Click((1, 2)), Click((5, 5), "right"), KeyPress("q"), KeyPress("c", ["ctrl"]), Quit(3)):
    match event:
        case Click(position=(x, y), button="left"):
            print(f"left click at {x},{y}")
        case Click((x, y), button):
            print(f"{button} click at {x},{y}")
        case KeyPress("q"):
            print("quit key")
        case KeyPress(k, [*mods]) if mods:
            print("key", k, "with", mods)
        case Quit(code=c):
            print("quit with", c)

Pair = namedtuple("Pair", ["left", "right"])
print(Pair.__match_args__)
match Pair(1, 2):
    case Pair(l, r):
        print("pair", l, r)

# built-in types match themselves with one positional pattern
for v in (3, 2.5, "s", b"b", [1], (1,), {1: 2}, {1}, frozenset({2}), True, None):
    match v:
        case bool(b):
            print("bool", b)
        case int(i):
            print("int", i)
        case float(f):
            print("float", f)
        case str(s):
            print("str", s)
        case bytes(bb):
            print("bytes", bb)
        case list(l) | tuple(l):
            print("list or tuple", l)
        case dict(d):
            print("dict", d)
        case set(s) | frozenset(s):
            print("set-like", sorted(s))
        case _:
            print("other", v)


class Shape(Enum):
    CIRCLE = "circle"
    SQUARE = "square"


match Shape.SQUARE:
    case Shape(value="circle"):
        print("circle")
    case Shape(value=v):
        print("shape with value", v)

# a missing attribute just fails the pattern
class Empty:
    pass

match Empty():
    case Empty(missing=1):
        print("wrong")
    case object():
        print("object() matches anything")

# errors CPython raises at match time
class NoArgs:
    pass

class BadArgs:
    __match_args__ = ["a"]

class NotStr:
    __match_args__ = (1,)

def call_len(v):
    match v:
        case len():
            pass

def no_args(v):
    match v:
        case NoArgs(a):
            pass

def too_many(v):
    match v:
        case Point(1, 2, 3):
            pass

def int_two(v):
    match v:
        case int(1, 2):
            pass

def twice(v):
    match v:
        case Point(x, x=1):
            pass

def bad_args(v):
    match v:
        case BadArgs(a):
            pass

def not_str(v):
    match v:
        case NotStr(a):
            pass

for fn, arg in [(call_len, 1), (no_args, NoArgs()), (too_many, Point(1, 2)), (int_two, 5),
                (twice, Point(1, 2)), (bad_args, BadArgs()), (not_str, NotStr())]:
    try:
        fn(arg)
    except TypeError as e:
        print("TypeError:", e)
