# map/zip/filter/enumerate wrapped thousands deep, then iterated (recursed once per level in C++).
m = [1, 2, 3]
for i in range(5000):
    m = map(abs, zip(filter(None, enumerate(m))))
print(list(m))
