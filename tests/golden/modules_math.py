# The math module: constants, roots, rounding, closeness, gcd, and import forms.
import math
import math as m
from math import sqrt, pi as PI
print(math.sqrt(16), math.sqrt(2), sqrt(0.25))
print(math.floor(3.7), math.floor(-3.2), math.ceil(3.2), math.ceil(-3.7), type(math.floor(2.5)).__name__)
print(math.pi, m.pi == PI, f"{math.pi:.4f}", math.inf, -math.inf, math.inf > 1e308)
print(math.isclose(0.1 + 0.2, 0.3), 0.1 + 0.2 == 0.3, math.isclose(1.0, 1.1), math.isclose(100, 101, rel_tol=0.05))
print(math.gcd(48, 18), math.gcd(17, 5), math.gcd(0, 9), math.gcd(-12, 8))
print(math.floor(7), math.ceil(7), math.sqrt(1e10))
radius = 2.5
area = math.pi * radius ** 2
print(f"area = {area:.3f}", round(area, 2))
def hypot(a, b):
    return math.sqrt(a * a + b * b)
print(hypot(3, 4), hypot(1, 1))
print(m.floor(m.sqrt(50)), math.e if hasattr(math, "e") else "no e")
