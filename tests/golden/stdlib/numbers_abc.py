# numbers: the numeric tower's ABCs, isinstance of built-in numbers and Fraction, abstract methods, registering.
import numbers
from fractions import Fraction

for x in (1, True, -7, 2 ** 100, 1.5, float("inf"), Fraction(1, 3), "12", None, [1]):
    print(repr(x), [c.__name__ for c in (numbers.Number, numbers.Complex, numbers.Real,
                                          numbers.Rational, numbers.Integral) if isinstance(x, c)])

print(numbers.Integral, numbers.Real.__mro__[1:])
print(issubclass(int, numbers.Number), issubclass(float, numbers.Integral), issubclass(bool, numbers.Rational))


def describe(value):
    if isinstance(value, numbers.Integral):
        return "whole number"
    if isinstance(value, numbers.Rational):
        return "fraction"
    if isinstance(value, numbers.Real):
        return "real number"
    return "not a number"


print([describe(v) for v in (3, Fraction(3, 4), 0.75, "x")])


class MyInt(numbers.Integral):
    pass


try:
    MyInt()
except TypeError as e:
    print(e)


class Meters:
    def __init__(self, v):
        self.v = v


numbers.Real.register(Meters)
print(isinstance(Meters(3), numbers.Real), isinstance(Meters(3), numbers.Number), isinstance(Meters(3), numbers.Integral))
print(sorted(numbers.Rational.__abstractmethods__)[:6])
print(numbers.Number.__hash__ is None)

from decimal import Decimal
print([c.__name__ for c in (numbers.Number, numbers.Complex, numbers.Real, numbers.Rational, numbers.Integral)
       if isinstance(Decimal('1.5'), c)])
