# engine-only: adding one to the largest 64-bit int overflows
largest = 9223372036854775807
print(largest)
print(-largest - 1)
print(largest + 1)
