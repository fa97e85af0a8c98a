# hostile: catching MemoryError in a loop: 200,000 allocations that cannot fit, each refused
# before it is made and caught, then ordinary work goes on.
# error: none
# seconds: 10
n = 0
for i in range(200000):
    try:
        x = "x" * (10 ** 12)
    except MemoryError:
        n += 1
print(n)
print(len("y" * 10 ** 6))
