# fractions: Fraction construction (ints, strings, floats), arithmetic, comparisons, limit_denominator, hash, repr and errors
from fractions import Fraction
import math

print(Fraction(16, -10))
print(Fraction(123))
print(Fraction())
print(Fraction('3/7'))
print(Fraction(' -3/7 '))
print(Fraction('1.414213 \t\n'))
print(Fraction('-.125'))
print(Fraction('7e-6'))
print(Fraction(2.25))
print(Fraction(1.1))
print(Fraction(Fraction(1, 7), 5))
print(Fraction('1_000/3'), Fraction('1.5e2'), Fraction('+2'))
print(repr(Fraction(3, 4)), str(Fraction(3, 4)), repr(Fraction(5)))
print(Fraction('3.1415926535897932').limit_denominator(1000))
print(Fraction(math.pi).limit_denominator(), Fraction(1.1).limit_denominator())
print(Fraction(125, 7).limit_denominator(3))
print(Fraction.from_float(0.3), Fraction(0.3).as_integer_ratio())

a, b = Fraction(1, 3), Fraction(1, 6)
print(a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b))
print(a + 1, 1 + a, a * 3, 2 / a, a - 1, 1 - a)
print(a + 0.5, 0.5 + a, a * 1.5, a ** 2, a ** -2, 2 ** Fraction(1, 2), Fraction(4) ** Fraction(1, 2))
print(-a, +a, abs(Fraction(-2, 5)), a == Fraction(2, 6), a == 1 / 3, Fraction(1, 2) == 0.5)
print(a < b, a > b, a <= 0.34, a >= 1, Fraction(5, 1) == 5, sorted([Fraction(3, 4), 0.5, 1, Fraction(1, 8)]))
print(float(a), int(Fraction(-7, 2)), round(Fraction(7, 2)), round(Fraction(5, 2)), round(Fraction(22, 7), 2))
print(math.floor(Fraction(-7, 2)), math.ceil(Fraction(-7, 2)), math.trunc(Fraction(-7, 2)))
print(hash(Fraction(1, 2)) == hash(0.5), hash(Fraction(3)) == hash(3), hash(Fraction(1, 3)))
print(a.numerator, a.denominator, bool(Fraction(0)), bool(a))
print(sum([Fraction(1, n) for n in range(1, 11)]))
print({Fraction(1, 2): "half"}[Fraction(2, 4)])
for bad in ['abc', '1/0', '1/', '3.4.5', '']:
    try:
        print(Fraction(bad))
    except (ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
try:
    Fraction(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    Fraction(1.5, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    Fraction([1])
except TypeError as e:
    print("TypeError:", e)
try:
    Fraction(float('inf'))
except OverflowError as e:
    print("OverflowError:", e)
try:
    Fraction(1, 3).limit_denominator(0)
except ValueError as e:
    print("ValueError:", e)
