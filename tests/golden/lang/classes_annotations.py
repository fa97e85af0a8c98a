# annotations: class-body and module-level `x: T` fill __annotations__ in order, as CPython
from typing import ClassVar, Optional

version: str = "1.0"
count: int
print(__annotations__)
print(version, "count" in globals())


class Point:
    """A point in the plane."""
    x: float
    y: float = 0.0
    label: Optional[str] = None
    instances: ClassVar[int] = 0

    def __init__(self, x, y=0.0):
        self.x = x
        self.y = y
        local: int = 3
        self.local = local


print(Point.__annotations__)
print(list(Point.__annotations__))
print(Point.y, Point.label, Point.__doc__)
print(hasattr(Point, "x"))
p = Point(2.5)
print(p.x, p.y, p.local)


class Empty:
    pass


class Child(Point):
    z: int = 1


print(Child.__annotations__)
print("__annotations__" in Empty.__dict__)
print("__annotations__" in Point.__dict__)


class Config:
    debug: bool = False
    if debug:
        level: int = 10
    else:
        level: str = "info"
    for i in range(2):
        pass


print(Config.__annotations__, Config.level)
