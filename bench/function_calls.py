# Benchmark: many small Python-level calls (recursion, defaults, keywords).
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
def add(a, b=1):
    return a + b
def clamp(v, lo=0, hi=100):
    return lo if v < lo else hi if v > hi else v
total = fib(27)
for i in range(3000000):
    total = add(total, clamp(i % 150, hi=120)) % 1000003
print(total)
