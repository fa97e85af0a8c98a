# Integer arithmetic: floor division and modulo with negatives, powers, divmod, bit ops.
a = 17
b = 5
print(a + b, a - b, a * b, a / b)
print(a // b, a % b)
print(-a // b, -a % b)
print(a // -b, a % -b)
print(-a // -b, -a % -b)
print(divmod(a, b), divmod(-a, b), divmod(a, -b))
print(2 ** 10, 2 ** 0, (-3) ** 3, -3 ** 2)
print(2 ** -1, 10 ** -2)
print(7 / 7, 1 / 4, -7 / 2)
print(abs(-42), abs(0), -(-5))
print(0b1010, 0o17, 0xff, 1_000_000)
print(6 & 3, 6 | 3, 6 ^ 3, ~6, 1 << 10, 1024 >> 3, -16 >> 2)
big = 9223372036854775807
print(big, -big - 1)
print(big // 2, big % 1000)
print(3037000499 * 3037000499)
n = 0
for i in range(1, 21):
    n = n * 3 + i
print(n)
print(10 == 10.0, 3 < 3.5, 7 // 2 * 2 + 7 % 2)
print(int(7.9), int(-7.9), int("123"), int("-45"))
print(100 // 7 * 7 + 100 % 7)
print(1 + 2 * 3 - 4 // 2 ** 2)
