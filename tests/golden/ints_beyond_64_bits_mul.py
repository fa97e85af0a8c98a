# Ints past 64 bits: CPython's ints have no size limit
x = 1
for i in range(25):
    x *= 10
    print(i + 1, x)
