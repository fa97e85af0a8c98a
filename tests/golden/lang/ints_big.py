# Arbitrary-precision ints: the arithmetic, conversions and formatting people use
import math
print(2 ** 100, 2 ** 100 - 1, -(2 ** 100), (2 ** 100) // 7, (2 ** 100) % 7, -(2 ** 100) // 7)
print(math.factorial(30), math.comb(100, 50), math.gcd(2 ** 80, 6 ** 40), math.isqrt(10 ** 40 + 1))
fib = [0, 1]
while len(fib) < 120:
    fib.append(fib[-1] + fib[-2])
print(fib[-1], len(str(fib[-1])), fib[-1] % 1_000_000_007)
n = 1
for i in range(1, 40):
    n *= i
print(n, n.bit_length(), n == math.factorial(39), hash(n) == hash(n + 0), n > 1e40)
print(int("123456789012345678901234567890"), int("ff" * 10, 16), int("-0b" + "1" * 70, 2))
print(str(10 ** 25), repr(-10 ** 25), f"{10 ** 25:e}", f"{2 ** 64:>30}", format(2 ** 64, "#x"))
print(10 ** 20 / 3, 10 ** 20 / 10 ** 18, 2 ** 64 * 1.0, (10 ** 30) // 10 ** 29, abs(-(2 ** 70)))
print(1 << 100, (1 << 100) >> 98, (2 ** 70) & (2 ** 70 - 1), (2 ** 70) | 1, ~(2 ** 70), (2 ** 70) ^ (2 ** 69))
print(divmod(10 ** 30, 97), pow(2, 10 ** 5, 10 ** 9 + 7), sum(range(10 ** 12, 10 ** 12 + 10)) * 10 ** 10)
print(sorted([2 ** 70, -2 ** 65, 3, 2 ** 64]), max(2 ** 99, 2 ** 98), {2 ** 64: "a"}[2 ** 64])
print(round(2 ** 70 / 3), int(1e25), float(10 ** 300) > 1e299, (2 ** 70).to_bytes(9, "big"))
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
try:
    1 / (10 ** 400 - 10 ** 400)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print((-2 ** 70).to_bytes(10, "big", signed=True), int.from_bytes(b"\xff" * 10, "big", signed=True))
print(int.from_bytes(b"\x01" + b"\x00" * 10, "little"), int.from_bytes(b"\x80" + b"\x00" * 9, "big", signed=True))
try:
    (2 ** 70).to_bytes(8, "big")
except OverflowError as e:
    print("OverflowError:", e)
print((5).as_integer_ratio(), (2**70).as_integer_ratio(), True.as_integer_ratio(), (-3).conjugate())
print((5).numerator, (5).denominator, (2**70).numerator, True.numerator, True.denominator, (5).real, (5).imag)
