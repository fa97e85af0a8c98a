# range objects: bounds, steps, negative steps, len, membership, indexing, repr.
print(list(range(5)), list(range(2, 6)), list(range(0, 10, 3)))
print(list(range(10, 0, -2)), list(range(5, 5)), list(range(5, 0)))
print(len(range(10)), len(range(0, 10, 3)), len(range(10, 0, -3)))
print(3 in range(5), 5 in range(5), 4 in range(0, 10, 2), 5 in range(0, 10, 2))
print(range(5), range(1, 5), range(0, 10, 2))
r = range(100, 200, 7)
print(r[0], r[-1], r[3], len(r))
print(sum(range(101)), max(range(7)), min(range(3, 9)))
print(list(reversed(range(4))))
total = 0
for i in range(1, 11, 2):
    total += i
print(total)
for i in range(3, 0, -1):
    print(i, end=" ")
print("liftoff")
print(range(3) == range(3), list(range(-3, 3)))
