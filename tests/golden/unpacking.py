# Tuple/list unpacking in assignments and loops, swaps and starred targets.
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
x, y, z = "xyz"
print(x, y, z)
[p, q] = [10, 20]
print(p, q)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = range(5)
print(init, last)
head, *middle, tail = "abcde"
print(head, middle, tail)
one, *empty = [1]
print(one, empty)
(m, n), o = (1, 2), 3
print(m, n, o)
d = {"a": 1, "b": 2}
for k, v in d.items():
    print(k, v)
for i, (left, right) in enumerate(zip("ab", "xy")):
    print(i, left, right)
for (i, j), label in [((0, 1), "A"), ((2, 3), "B")]:
    print(i + j, label)
i = j = 0
print(i, j)
lst = [0, 0, 0]
lst[0], lst[2] = "L", "R"
print(lst)
def stats(values):
    return min(values), max(values), sum(values) / len(values)
lo, hi, mean = stats([2, 4, 9])
print(lo, hi, mean)
print(*[1, 2], *(3, 4))
print([*range(3), *"ab"], (*[1], 2))
print({**{"a": 1}, "b": 2, **{"a": 3}})
fib = [0, 1]
for _ in range(8):
    fib.append(fib[-1] + fib[-2])
u, v = fib[-2:]
print(u, v)
