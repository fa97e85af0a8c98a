# Ints past 64 bits: CPython's ints have no size limit
largest = 9223372036854775807
print(largest)
print(-largest - 1)
print(largest + 1)
