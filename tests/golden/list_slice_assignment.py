# Assigning to and deleting slices.
# optional: slice assignment and slice deletion
a = list(range(10))
a[2:5] = ["x", "y"]
print(a)
a[:2] = []
print(a)
a[len(a):] = [100, 200]
print(a)
del a[::2]
print(a)
b = [1, 2, 3, 4, 5, 6]
b[::2] = [0, 0, 0]
print(b)
del b[1:3]
print(b)
