# engine-only: CPython 3.11 crashes (segfault) on 200,000 nested map objects; the engine raises RecursionError
m = [1, 2, 3]
for i in range(200000):
    m = map(abs, m)
print("built")
print(list(m))
