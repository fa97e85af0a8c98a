# More of the math module.
# optional: math functions beyond the core list
import math
print(math.e, math.tau, math.isinf(math.inf), math.isnan(float("nan")))
print(math.pow(2, 10), math.fabs(-3), math.trunc(-3.7), math.factorial(10))
print(math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024), math.exp(0))
print(round(math.sin(math.pi / 2), 6), round(math.cos(0), 6), round(math.atan2(1, 1), 6))
print(math.hypot(3, 4), math.degrees(math.pi), math.radians(180) == math.pi)
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]))
