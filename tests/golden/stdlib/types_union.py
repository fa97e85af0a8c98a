# types.UnionType: int | str, X | None, their reprs, equality with typing.Union, isinstance with a union, get_args/get_origin
import typing
from typing import Optional, Union, get_args, get_origin
import types
print(int | str, int | None, None | int, list[int] | None, int | str | float, int | int)
print(type(int | str), (int | str) == (str | int), Union[int, str] == (int | str), (int | str) == Union[int, str])
print(get_args(int | str), get_origin(int | str) is types.UnionType)
print(isinstance(3, int | str), isinstance(3.0, int | str), issubclass(bool, int | None))
print(Optional[int | str], Union[int | str, float])
def f(x: int | None = None) -> str | None:
    return x
print(f(3))
class A: pass
print(A | None, typing.List[int] | None)
try:
    int | 3
except TypeError as e:
    print(e)
