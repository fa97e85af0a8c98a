# hostile: deep data — map, zip, filter, enumerate, reversed and generator wrappers nested
# 100,000 deep, then advanced. CPython 3.11 crashes on the deepest; the playground raises RecursionError.
# error: none
# seconds: 10
def chain(wrap, depth=100000):
    it = iter([1, 2, 3])
    for _ in range(depth):
        it = wrap(it)
    return it

cases = {
    "map": lambda it: map(abs, it),
    "zip": lambda it: zip(it),
    "filter": lambda it: filter(None, it),
    "enumerate": lambda it: (x for _, x in enumerate(it)),
    "generator": lambda it: (x for x in it),
    "iter": lambda it: iter(it),
}
for name, wrap in cases.items():
    for depth in (100, 100000):
        try:
            print(name, depth, next(chain(wrap, depth)))
        except RecursionError as e:
            print(name, depth, "RecursionError:", e)
