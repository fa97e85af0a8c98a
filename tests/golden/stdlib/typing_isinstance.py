# typing and types.UnionType in isinstance/issubclass: typing.List, Optional, Union, int | str, and the errors for subscripted generics
import typing
from typing import List, Dict, Sequence, Union, Optional
print(isinstance([], List), isinstance({}, Dict), isinstance(3, List), issubclass(list, List))
print(isinstance(3, int | str), isinstance(None, Optional[int]), isinstance("x", Union[int, str]), issubclass(bool, int | None))
try:
    isinstance([], List[int])
except TypeError as e:
    print("TypeError:", e)
try:
    isinstance(3, typing.Any)
except TypeError as e:
    print("TypeError:", e)
try:
    isinstance([], list[int])
except TypeError as e:
    print("TypeError:", e)
try:
    isinstance(3, 4)
except TypeError as e:
    print("TypeError:", e)
