# Garbage made while list() and tuple() gather a generator is collected inside the call, as
# CPython frees it: every value gathered so far, the generator, its iterable and the objects
# its frame holds must survive each of those collections. (cpp/core/vm/memory_test.cpp checks
# that the garbage goes.)


class Node:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)


def tree(depth, value):
    # Garbage: a small tree per call, dropped once its sum is taken.
    if depth == 0:
        return Node(value)
    return Node(value, [tree(depth - 1, value + i) for i in range(2)])


def total(node):
    return node.value + sum(total(c) for c in node.children)


def results(n):
    for i in range(n):
        t = tree(6, i)
        junk = [str(k) * 3 for k in range(40)]
        yield (i, total(t), len(junk), {"k": [i] * 3})


class Squares:
    # An iterable whose __iter__ makes a new generator: list() must keep it alive.
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        for i in range(self.n):
            payload = [object() for _ in range(30)]
            yield i * i + len(payload) - 30


def nested(n):
    # list() inside a generator gathered by list(): both levels collect.
    for i in range(n):
        yield tuple(x + i for x in list(results(3)) for x in (x[1],))


gathered = list(results(3000))
print(len(gathered), gathered[0], gathered[-1][:3], gathered[-1][3])
print(sum(g[1] for g in gathered) % 1000003)
squares = tuple(Squares(20000))
print(len(squares), squares[:5], squares[-1])
inner = list(nested(300))
print(len(inner), inner[0], inner[-1])
mapped = list(zip(results(500), Squares(500)))
print(len(mapped), mapped[-1][0][:2], mapped[-1][1])


def failing(n):
    for i in range(n):
        _ = [list(range(20)) for _ in range(20)]
        if i == n - 1:
            raise ValueError(f"stopped at {i}")
        yield i


try:
    list(failing(5000))
except ValueError as e:
    print("caught", e)
