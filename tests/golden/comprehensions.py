# list, dict and set comprehensions: filters, nesting, scoping.
squares = [x * x for x in range(8)]
print(squares)
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[i * j for j in range(1, 4)] for i in range(1, 4)])
matrix = [[1, 2, 3], [4, 5, 6]]
print([row[i] for i in range(3) for row in matrix])
print([[row[i] for row in matrix] for i in range(3)])
print([v for row in matrix for v in row if v % 2])
print({w: len(w) for w in ["a", "bb", "ccc"]})
print({k: v for k, v in zip("xyz", range(3)) if v != 1})
print({n % 4 for n in range(10)})
print(["even" if n % 2 == 0 else "odd" for n in range(4)])
words = ["Apple", "bob", "Cat"]
print([w.lower() for w in words if w[0] == w[0].upper()])
print(sum([x for x in range(101)]), len([c for c in "mississippi" if c == "s"]))
x = "outer"
result = [x for x in range(3)]
print(x, result)
fns = [lambda i=i: i * 10 for i in range(3)]
print([f() for f in fns])
print([(i, c) for i, c in enumerate("ab")])
print({(a, b) for a in range(2) for b in range(2)} == {(0, 0), (0, 1), (1, 0), (1, 1)})
