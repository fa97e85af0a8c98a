# match statement: literal, capture, wildcard, value, group, OR and AS patterns, guards, soft keywords
from enum import Enum


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3


def http_error(status):
    match status:
        case 400:
            return "Bad request"
        case 404:
            return "Not found"
        case 418:
            return "I'm a teapot"
        case 401 | 403 | 405:
            return "Not allowed"
        case _:
            return "Something's wrong with the internet"


for s in (400, 404, 418, 403, 500):
    print(s, http_error(s))


def describe(x):
    match x:
        case None:
            return "none"
        case True:
            return "true"
        case False:
            return "false"
        case -1:
            return "minus one"
        case 0 | 0.5:
            return "zero or half"
        case "hello" "world":
            return "concatenated"
        case b"raw":
            return "bytes"
        case -2.5:
            return "negative float"
        case str() as s if len(s) > 3:
            return f"long string {s!r}"
        case (1 | 2 | 3) as small:
            return f"small {small}"
        case other:
            return f"other {other!r}"


for v in (None, True, False, -1, 0, 0.5, 1, 2, "helloworld", b"raw", -2.5, "abcdef", "ab", 1.0, 7, [1]):
    print(repr(v), "->", describe(v))

for c in Color:
    match c:
        case Color.RED:
            print("I see red!")
        case Color.GREEN:
            print("Grass is green")
        case Color.BLUE:
            print("I'm feeling the blues :(")

# guards see the bindings; a failing guard moves on
for n in range(-2, 3):
    match n:
        case x if x < 0:
            print(n, "negative")
        case 0:
            print(n, "zero")
        case x:
            print(n, "positive", x)

# captured names stay bound after the match
match (1, 2):
    case (a, b):
        pass
print(a, b)

# soft keywords stay usable as names
match = 3
case = match + 1
print(match, case)
def match(x):
    return x * 2
print(match(21))
_ = "underscore"
print(_)

# in a loop, break and continue inside case bodies
for item in [1, "stop", 2]:
    match item:
        case int():
            print("int", item)
            continue
        case "stop":
            print("stopping")
            break
print("done")

# subject is evaluated once
calls = []
def subject():
    calls.append(1)
    return 5
match subject():
    case 1: print("one")
    case 2: print("two")
    case 5: print("five")
print(len(calls))

# no case matches: nothing happens
match 99:
    case 1:
        print("unreachable")
print("after")
