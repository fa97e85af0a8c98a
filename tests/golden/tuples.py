# Tuples: creation, singletons, indexing, methods, comparison, as dict keys.
t = (1, 2, 3)
print(t, len(t), t[0], t[-1])
print((), (1,), tuple([4, 5]), tuple("ab"), tuple(range(3)))
single = 5,
print(single, type(single) is tuple)
print(t + (4,), t * 2, 2 in t)
print(t.count(2), t.index(3))
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9))
x, y, z = t
print(x, y, z)
point = (3, 4)
dist = {point: "a", (0, 0): "origin"}
print(dist[(3, 4)], dist[0, 0])
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], nested)
print(tuple(sorted((3, 1, 2))))
def pair():
    return 1, "one"
r = pair()
print(r, type(r))
print(max((1, "b"), (1, "a")))
print(tuple(x * x for x in range(4)))
