# match statement: sequence patterns (list/tuple syntax, star patterns, str/bytes never match, iterables)
from collections import deque, namedtuple


def classify(seq):
    match seq:
        case []:
            return "empty"
        case [x]:
            return f"one: {x}"
        case [x, y]:
            return f"two: {x}, {y}"
        case [first, *rest] if len(rest) > 3:
            return f"long: first={first} rest={rest}"
        case (first, *middle, last):
            return f"first={first} middle={middle} last={last}"


for s in ([], [1], (1, 2), [1, 2, 3], (1, 2, 3, 4), list(range(6)), "ab", b"xy", range(3)):
    print(repr(s), "->", classify(s))

for value in ("abc", b"abc", bytearray(b"abc"), {"a": 1}, {1, 2}, 42):
    match value:
        case [*items]:
            print(type(value).__name__, "is a sequence", items)
        case _:
            print(type(value).__name__, "is not a sequence")

# nested sequences and wildcards
points = [(0, 0), (0, 5), (3, 0), (2, 2), [1, 2, 3]]
for p in points:
    match p:
        case (0, 0):
            print("Origin")
        case (0, y):
            print(f"Y={y}")
        case (x, 0):
            print(f"X={x}")
        case [_, _, _]:
            print("three things")
        case (x, y):
            print(f"X={x}, Y={y}")

match [1, [2, [3, 4]], 5]:
    case [a, [b, [c, d]], e]:
        print(a, b, c, d, e)

# star wildcard uses indexing: [first, *_, last]
for s in ([1, 2], [1, 2, 3, 4, 5], [9]):
    match s:
        case [first, *_, last]:
            print("ends", first, last)
        case [*_]:
            print("short", s)

# star capture is always a list
match (1, 2, 3):
    case (*head, tail):
        print(head, tail, type(head).__name__)
match [1, 2, 3]:
    case [1, *_, 3] | [3, *_, 1]:
        print("1..3 either way")

# deque and namedtuple are sequences
Point = namedtuple("Point", "x y")
match deque([1, 2, 3]):
    case [a, b, c]:
        print("deque", a, b, c)
match Point(1, 2):
    case [x, y]:
        print("namedtuple", x, y)
    case _:
        print("namedtuple not matched")

# an iterator is not a sequence
match iter([1, 2]):
    case [a, b]:
        print("iterator matched")
    case _:
        print("iterator not a sequence")

# open sequence at the top level
match 1, 2, 3:
    case 1, *others:
        print("others", others)

# the failed alternative binds nothing that leaks a wrong value
match [5, 6]:
    case [x, 7] | [6, x]:
        print("x is", x)
    case [x, y]:
        print("fell through", x, y)
