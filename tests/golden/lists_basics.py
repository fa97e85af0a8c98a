# list methods, operators, nesting and aliasing.
nums = [3, 1, 4, 1, 5]
nums.append(9)
nums.extend([2, 6])
nums.insert(0, 7)
print(nums, len(nums))
print(nums.pop(), nums.pop(0), nums)
nums.remove(1)
print(nums, nums.index(5), nums.count(1))
nums.sort()
print(nums)
nums.sort(reverse=True)
print(nums)
nums.reverse()
print(nums)
words = ["pear", "Apple", "fig", "banana"]
words.sort(key=len)
print(words)
words.sort(key=lambda w: w.lower())
print(words)
a = [1, 2]
b = a
b.append(3)
print(a, a is b, a == [1, 2, 3])
c = a.copy()
c.append(4)
print(a, c, list(a) == a, list(a) is a)
print([1, 2] + [3], [0] * 4, [[0] * 2] * 2, 3 in a, 5 not in a)
grid = [[0] * 3 for _ in range(3)]
grid[1][1] = 5
print(grid)
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], [] == [])
print(list("abc"), list(range(3)), list((1, 2)), list())
m = [10, 20, 30, 40]
m[1] = 21
m[-1] += 1
print(m, m[-2])
del m[0]
print(m)
m.clear()
print(m, len(m))
stack = []
for i in range(4):
    stack.append(i * i)
while stack:
    print(stack.pop(), end=" ")
print()
nested = [1, [2, [3, [4]]]]
print(nested[1][1][1][0], len(nested))
print(min([4, 2, 8]), max([4, 2, 8]), sum([4, 2, 8]))
print(sorted([3, 1, 2]), [3, 1, 2])
