# engine-only: 2**63 is one past the largest 64-bit int
print(2 ** 62)
print(2 ** 63 - 1)
