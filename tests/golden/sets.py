# set operations; printed through sorted() or built from ascending small ints so the order is defined.
s = {1, 2, 3}
print(s, len(s), 2 in s, 5 not in s)
s.add(4)
s.add(2)
print(s)
s.remove(1)
s.discard(100)
print(s)
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union(b)), sorted(a.intersection(b)), sorted(a.difference(b)))
print({1, 2} <= a, {1, 5} <= a, a.issubset({0, 1, 2, 3, 4}), a.issuperset({1}))
words = "to be or not to be".split()
unique = set(words)
print(len(unique), sorted(unique))
print(set(), set([3, 3, 3]), set(range(3)), len(set("hello")))
print({x % 3 for x in range(10)})
print(sorted({w[0] for w in words}))
seen = set()
out = []
for w in words:
    if w not in seen:
        seen.add(w)
        out.append(w)
print(out)
print({1, 2} == {2, 1}, set() == set(), bool(set()))
t = {(0, 0), (0, 1)}
print((0, 1) in t, len(t))
p = {5}
print(p.pop(), p)
