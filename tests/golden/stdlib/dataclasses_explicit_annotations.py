# dataclasses: every option and helper, on classes that spell __annotations__ out (runs without class-body annotations)
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass, FrozenInstanceError, InitVar, KW_ONLY
from typing import List, ClassVar

@dataclass
class InventoryItem:
    """Class for keeping track of an item in inventory."""
    __annotations__ = {'name': str, 'unit_price': float, 'quantity_on_hand': int}
    name: str
    unit_price: float
    quantity_on_hand: int = 0

    def total_cost(self) -> float:
        return self.unit_price * self.quantity_on_hand

item = InventoryItem("widget", 3.0, 5)
print(item, item.total_cost(), item == InventoryItem("widget", 3.0, 5))
print(InventoryItem.__doc__)
print(InventoryItem("a", 1.0))
@dataclass
class Point:
    __annotations__ = {'x': int, 'y': int}
print(Point(1, 2), Point(x=1, y=2), Point.__match_args__)
for bad in (lambda: Point(1), lambda: Point(), lambda: Point(1, 2, 3), lambda: Point(1, z=3), lambda: Point(1, x=3)):
    try: bad()
    except TypeError as e: print("TypeError:", e)
@dataclass(frozen=True)
class FP:
    __annotations__ = {'x': int, 'y': int}
    y = 0
p = FP(1)
print(p, hash(p) == hash(FP(1, 0)))
try: p.x = 3
except FrozenInstanceError as e: print("Frozen:", e)
try: del p.y
except FrozenInstanceError as e: print("Frozen:", e)
print(isinstance(FrozenInstanceError(), AttributeError))
@dataclass(order=True)
class V:
    __annotations__ = {'a': int, 'b': str}
print(sorted([V(2, 'x'), V(1, 'z'), V(1, 'a')]), V(1,'a') < V(1,'b'))
try: hash(V(1,'a'))
except TypeError as e: print(e)
@dataclass
class C:
    __annotations__ = {'mylist': List[int], 'tags': dict, 'n': int}
    mylist: List[int] = field(default_factory=list)
    tags: dict = field(default_factory=dict, repr=False)
    n: int = field(default=0, compare=False, metadata={'unit': 'm'})
c = C(); c.mylist += [1, 2, 3]
print(c, C(), C() == C(n=5), fields(C)[2].metadata['unit'])
print([f.name for f in fields(c)], asdict(c), astuple(c))
try:
    @dataclass
    class D:
        __annotations__ = {'x': list}
        x: list = []
except ValueError as e: print("ValueError:", e)
try:
    @dataclass
    class E:
        __annotations__ = {'a': int, 'b': int}
        a: int = 1
except TypeError as e: print("TypeError:", e)
@dataclass
class Base:
    __annotations__ = {'x': int, 'y': int}
    x: int = 0
    y: int = 0
@dataclass
class Derived(Base):
    __annotations__ = {'z': int, 'x': int}
    z: int = 10
    x: int = 15
print(Derived(), fields(Derived)[0].name)
@dataclass
class IV:
    __annotations__ = {'i': int, 'j': int, 'database': InitVar[str]}
    j: int = None
    database: InitVar[str] = None
    def __post_init__(self, database):
        print("post_init", database)
        if self.j is None and database is not None:
            self.j = len(database)
print(IV(1, database="mydb"), fields(IV)[-1].name)
@dataclass
class KW:
    __annotations__ = {'x': float, '_': KW_ONLY, 'y': float, 'z': float}
    y: float = 0.0
print(KW(3, z=1), KW.__match_args__)
try: KW(1, 2)
except TypeError as e: print("TypeError:", e)
@dataclass(kw_only=True)
class KW2:
    __annotations__ = {'a': int, 'b': int}
print(KW2(a=1, b=2))
try: KW2(1, 2)
except TypeError as e: print("TypeError:", e)
try: KW2()
except TypeError as e: print("TypeError:", e)
print(replace(Point(1, 2), y=5), is_dataclass(Point), is_dataclass(Point(1,2)), is_dataclass(3))
@dataclass
class Outer:
    __annotations__ = {'pts': list, 'inner': Point}
o = Outer([Point(1, 2), Point(3, 4)], Point(5, 6))
print(asdict(o), astuple(o))
@dataclass(unsafe_hash=True)
class H:
    __annotations__ = {'a': int}
print(hash(H(1)) == hash(H(1)))
@dataclass
class CV:
    __annotations__ = {'count': ClassVar[int], 'x': int}
    count: ClassVar[int] = 0
print(CV(3), [f.name for f in fields(CV)])
try: fields(3)
except TypeError as e: print(e)
