# typing: Protocol with runtime_checkable, class-based NamedTuple and TypedDict, as the docs write them
from typing import NamedTuple, Protocol, TypedDict, runtime_checkable, Iterable, get_type_hints


@runtime_checkable
class Closable(Protocol):
    def close(self) -> None:
        ...


class Resource:
    def close(self) -> None:
        print("closed")


print(isinstance(Resource(), Closable), isinstance(42, Closable))


class SupportsClose(Protocol):
    def close(self) -> None:
        ...


def close_all(things: Iterable[SupportsClose]) -> None:
    for t in things:
        t.close()


close_all([Resource(), Resource()])
try:
    isinstance(Resource(), SupportsClose)
except TypeError as e:
    print("TypeError:", e)


class Employee(NamedTuple):
    name: str
    id: int = 3


employee = Employee('Guido')
assert employee.id == 3
print(employee, employee._fields, employee._asdict(), isinstance(employee, tuple))
print(Employee.__annotations__, Employee('Tim', 7)[1])


class Movie(TypedDict):
    name: str
    year: int


movie: Movie = {'name': 'Blade Runner', 'year': 1982}
m2 = Movie(name='Alien', year=1979)
print(movie, m2, type(m2), Movie.__required_keys__ == frozenset({'name', 'year'}))
print(get_type_hints(Movie))
