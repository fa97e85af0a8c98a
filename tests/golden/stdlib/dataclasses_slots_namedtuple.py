# typing.NamedTuple classes are tuple subclasses built on collections.namedtuple; dataclass(slots=True) makes a class with __slots__ and no __dict__
from typing import NamedTuple
class Employee(NamedTuple):
    name: str
    id: int = 3
    def greet(self):
        return f"hi {self.name}"
e = Employee("Guido")
print(e, e.greet(), isinstance(e, tuple), e._replace(id=5), Employee._field_defaults, Employee.__annotations__)
x, y = e
print(x, y, e[0], e == ("Guido", 3))
E2 = NamedTuple("E2", [("a", int), ("b", str)])
print(E2(1, "x"), E2.__mro__)
class P:
    __slots__ = ("a",)
import dataclasses
@dataclasses.dataclass(slots=True)
class D:
    x: int
    y: int = 0
d = D(1)
print(d, D.__slots__, hasattr(d, "__dict__"))
try:
    d.z = 1
except AttributeError as err:
    print(err)
