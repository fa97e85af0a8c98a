# Generator functions: yield, next(), exhaustion, yield from, return values, infinite streams.
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count_up(5)))
g = count_up(2)
print(next(g), next(g), next(g, "exhausted"))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
out = []
for v in fib():
    if v > 100:
        break
    out.append(v)
print(out)
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain([1, 2], "ab", range(2))))
def inner():
    yield 1
    yield 2
    return "inner done"
def outer():
    result = yield from inner()
    yield result
print(list(outer()))
def trace():
    print("start")
    yield "a"
    print("middle")
    yield "b"
    print("end")
for item in trace():
    print("got", item)
def take(n, it):
    for i, v in enumerate(it):
        if i >= n:
            return
        yield v
print(list(take(3, fib())))
def squares():
    for i in range(4):
        yield i * i
print(sum(squares()), max(squares()), sorted(squares(), reverse=True))
def pipeline(lines):
    stripped = (l.strip() for l in lines)
    nonblank = (l for l in stripped if l)
    return [l.upper() for l in nonblank]
print(pipeline(["  a ", "", " b", "   "]))
def gen_with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
for v in gen_with_finally():
    print(v)
g2 = count_up(3)
print(iter(g2) is g2, list(g2), list(g2))
try:
    next(count_up(0))
except StopIteration:
    print("StopIteration")
def walk(tree):
    if isinstance(tree, list):
        for sub in tree:
            yield from walk(sub)
    else:
        yield tree
print(list(walk([1, [2, [3, 4]], [[5]]])))
