# typing: the docs' aliases, NewType, Callable, Optional/Union reprs and equality, get_origin/get_args, cast
from typing import (Any, Callable, Dict, List, Literal, NewType, Optional, Sequence, Tuple, Union,
                    Iterable, Iterator, Mapping, Annotated, Final, ClassVar, Type, TypeVar, cast,
                    get_args, get_origin, overload, TYPE_CHECKING, no_type_check, final)
import typing

Vector = list[float]


def scale(scalar: float, vector: Vector) -> Vector:
    return [scalar * num for num in vector]


new_vector = scale(2.0, [1.0, -4.2, 5.4])
print(new_vector)

ConnectionOptions = dict[str, str]
Address = tuple[str, int]
Server = tuple[Address, ConnectionOptions]
print(Vector, ConnectionOptions, Server)

UserId = NewType('UserId', int)
some_id = UserId(524313)
print(UserId, some_id, type(some_id), UserId.__supertype__)


def get_user_name(user_id: UserId) -> str:
    return f"user{user_id}"


print(get_user_name(UserId(42)))
output = UserId(23413) + UserId(54341)
print(output)
ProUserId = NewType('ProUserId', UserId)
print(ProUserId, ProUserId(7))


def feeder(get_next_item: Callable[[], str]) -> None:
    print("fed", get_next_item())


feeder(lambda: "item")
print(Callable[[], str], Callable[[int, str], bool], Callable[..., str])

print(List[int], Dict[str, int], Tuple[int, str], Tuple[int, ...], Tuple[()])
print(Optional[str], Union[int, str], Union[int, None], Union[str, int, None])
print(Union[int, Union[str, float]], Union[int, int], Union[int, str] == Union[str, int])
print(Optional[int] == Union[int, None], List[int] == List[int], List[int] == List[str])
print(Any, Literal["r", "rb", "w"], Type[int], Final[int], ClassVar[Dict[str, int]])
print(Sequence[int], Iterable[str], Iterator[int], Mapping[str, float])
print(Annotated[float, "meters"], typing.Generator[int, None, str])
print(typing.List, typing.Dict, typing.Callable, typing.Optional, typing.Union)

print(get_origin(List[int]), get_args(List[int]))
print(get_origin(Dict[str, int]), get_args(Dict[str, int]))
print(get_origin(Union[int, str]) is Union, get_args(Union[int, str]))
print(get_origin(Literal[42]), get_args(Literal[42]))
print(get_args(Callable[[int, str], bool]), get_args(Optional[int]))
print(get_origin(int), get_args(int), get_origin(Annotated[int, "x"]) is Annotated)
print(get_origin(list[int]), get_args(dict[str, list[int]]))

value = cast(int, "not really an int")
print(value, TYPE_CHECKING)

T = TypeVar('T')
A = TypeVar('A', str, int)
Num = TypeVar('Num', bound=float)
T_co = TypeVar('T_co', covariant=True)
T_contra = TypeVar('T_contra', contravariant=True)
print(T, A, Num, T_co, T_contra, T.__name__, A.__constraints__ == (str, int), Num.__bound__)


def first(l: Sequence[T]) -> T:
    return l[0]


print(first([3, 1, 2]), first("abc"))
print(List[T], Dict[str, T], List[T][int], Dict[str, T][float], Optional[T][str])


@overload
def process(response: None) -> None:
    ...


@overload
def process(response: int) -> Tuple[int, str]:
    ...


def process(response):
    return response, str(response)


print(process(3))
print(len(typing.get_overloads(process)))


@no_type_check
def untyped(x: "whatever") -> "nothing":
    return x


print(untyped(5))


@final
class Leaf:
    pass


print(Leaf.__final__)

for bad in (lambda: Union[()], lambda: Optional[int, str], lambda: List[int, str], lambda: Any(),
            lambda: Union(), lambda: TypeVar('X', int), lambda: Dict[int]):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
