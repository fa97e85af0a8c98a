# dataclasses: the docs' examples as the docs write them, with class-body annotations
from dataclasses import dataclass, field, fields, asdict, astuple, replace, InitVar, KW_ONLY, FrozenInstanceError
from typing import ClassVar


@dataclass
class InventoryItem:
    """Class for keeping track of an item in inventory."""
    name: str
    unit_price: float
    quantity_on_hand: int = 0

    def total_cost(self) -> float:
        return self.unit_price * self.quantity_on_hand


item = InventoryItem("widget", 3.0, 5)
print(item)
print(item.total_cost(), item == InventoryItem("widget", 3.0, 5))


@dataclass
class Point:
    x: int
    y: int


@dataclass
class C:
    mylist: list[Point]


p = Point(10, 20)
assert asdict(p) == {'x': 10, 'y': 20}
c = C([Point(0, 0), Point(10, 4)])
assert asdict(c) == {'mylist': [{'x': 0, 'y': 0}, {'x': 10, 'y': 4}]}
print(p, c, asdict(c), astuple(c))
print(Point.__match_args__, replace(p, y=1))


@dataclass
class D:
    x: list = field(default_factory=list)

    def add(self, element):
        self.x.append(element)


d1, d2 = D(), D()
d1.add(1)
print(d1, d2)


@dataclass
class Base:
    x: int = 15
    y: int = 0


@dataclass
class Derived(Base):
    z: int = 10
    x: int = 15


print(Derived(), [f.name for f in fields(Derived)])


@dataclass
class WithInit:
    i: int
    j: int = None
    database: InitVar[str] = None

    def __post_init__(self, database):
        if self.j is None and database is not None:
            self.j = len(database)


print(WithInit(10, database="my_database"))


@dataclass
class KwPoint:
    x: float
    _: KW_ONLY
    y: float
    z: float


print(KwPoint(0, y=1.5, z=2.0))


@dataclass(frozen=True)
class Frozen:
    name: str
    count: ClassVar[int] = 0


f = Frozen("ice")
try:
    f.name = "water"
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0


print(sorted([Version(2), Version(1, 5), Version(1)]))

try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print("ValueError:", e)

try:
    @dataclass
    class Bad2:
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError:", e)

try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)
