# Augmented assignment on names, list items, dict entries, attributes, and aliased lists.
n = 10
n += 5
n -= 3
n *= 2
print(n)
n //= 5
print(n)
n %= 3
print(n)
n **= 4
print(n)
n /= 4
print(n)
s = "ab"
s += "cd"
s *= 2
print(s)
lst = [1, 2]
alias = lst
lst += [3]
print(lst, alias, lst is alias)
t = (1, 2)
t_alias = t
t += (3,)
print(t, t_alias)
counts = {"a": 0}
counts["a"] += 1
counts["a"] *= 10
print(counts)
grid = [[1, 2], [3, 4]]
grid[1][0] -= 3
print(grid)
class Box:
    def __init__(self):
        self.value = 1
box = Box()
box.value += 41
print(box.value)
x = 7
x &= 3
x |= 8
x ^= 1
x <<= 2
x >>= 1
print(x)
f = 1.5
f += 1
f *= 2
print(f)
total = 0
for i in range(1, 6):
    total += i * i
print(total)
