# enum: an invalid value raises CPython's ValueError, uncaught
from enum import Enum


class Color(Enum):
    RED = 1
    GREEN = 2


print(Color(1), Color["GREEN"].value, [c.name for c in Color])
for c in Color:
    print(c, c.value, c is Color(c.value))
Color(4)
