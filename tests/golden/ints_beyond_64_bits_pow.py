# Ints past 64 bits: CPython's ints have no size limit
print(2 ** 62)
print(2 ** 63 - 1)
print(2 ** 100, -(7 ** 30), 3 ** 50 % 1000003)
print(pow(3, 200, 10 ** 9 + 7), pow(2 ** 70, -1, 97))
print(hex(2 ** 80), bin(2 ** 65), f"{10 ** 20:,}", f"{2 ** 70:_x}")
print(int("1" * 30) // 7, divmod(-10 ** 20, 7), round(123456789012345678901, -5))
print(float(2 ** 80), (2 ** 80).bit_length(), 10 ** 30 == 10.0 ** 30, 2 ** 64 > 1.8e19)
