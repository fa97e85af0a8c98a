# match statement: the Python 3.11 tutorial's "match Statements" section, as it writes it
from enum import Enum


def http_error(status):
    match status:
        case 400:
            return "Bad request"
        case 404:
            return "Not found"
        case 418:
            return "I'm a teapot"
        case _:
            return "Something's wrong with the internet"


print(http_error(418))
print(http_error(500))


def describe_point(point):
    # point is an (x, y) tuple
    match point:
        case (0, 0):
            print("Origin")
        case (0, y):
            print(f"Y={y}")
        case (x, 0):
            print(f"X={x}")
        case (x, y):
            print(f"X={x}, Y={y}")
        case _:
            raise ValueError("Not a point")


for point in [(0, 0), (0, 2), (3, 0), (1, 2)]:
    describe_point(point)
try:
    describe_point("nowhere")
except ValueError as e:
    print("ValueError:", e)


class Point:
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


where_is(Point(0, 0))
where_is(Point(0, 4))
where_is(Point(5, 0))
where_is(Point(1, 1))
where_is(42)


class Point:
    __match_args__ = ('x', 'y')

    def __init__(self, x, y):
        self.x = x
        self.y = y


points = [Point(0, 3), Point(0, 8)]
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

for point in [Point(2, 2), Point(2, 3)]:
    match point:
        case Point(x, y) if x == y:
            print(f"Y=X at {x}")
        case Point(x, y):
            print(f"Not on the diagonal")


class Color(Enum):
    RED = 'red'
    GREEN = 'green'
    BLUE = 'blue'


for name in ("red", "green", "blue"):
    color = Color(name)
    match color:
        case Color.RED:
            print("I see red!")
        case Color.GREEN:
            print("Grass is green")
        case Color.BLUE:
            print("I'm feeling the blues :(")

from dataclasses import dataclass


@dataclass
class Point:
    x: int
    y: int


for p in (Point(0, 0), Point(1, 0), Point(3, 4)):
    match p:
        case Point(x=0, y=0):
            print("Origin is the point's location.")
        case Point(x, 0):
            print(f"On the x axis at {x}")
        case Point(x, y):
            print(f"Point at {x}, {y}")
