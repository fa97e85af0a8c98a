# A builtin read in a loop, then shadowed by a global, removed again, and replaced in builtins:
# each read must see the name's current meaning.
import builtins


def measure(items):
    return [len(x) for x in items]


data = ["a", "bb", "ccc"]
print(measure(data))

len = lambda x: 100  # noqa: E731 (a global now shadows the builtin)
print(measure(data))

del len
print(measure(data))

real_len = builtins.len
builtins.len = lambda x: -1
print(measure(data))
builtins.len = real_len
print(measure(data))

g = globals()
g["len"] = lambda x: 7
print(measure(data))
g.pop("len")
print(measure(data))
g.update(len=lambda x: 8)
print(measure(data))
g.clear() if False else None
del g["len"]
print(measure(data))
for i in range(3):
    if i == 1:
        globals()["len"] = lambda x: 9
    print(i, measure(data))
