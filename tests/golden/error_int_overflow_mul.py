# engine-only: ints are 64-bit in the playground; 10**19 does not fit
x = 1
for i in range(25):
    x *= 10
    print(i + 1, x)
