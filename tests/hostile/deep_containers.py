# hostile: deep data — lists, dicts, tuples and sets nested 100,000 deep, then printed,
# compared, ordered, copied and serialised (hashing: deep_hash.py); each raises RecursionError as CPython does.
# error: none
# seconds: 10
# cpython: same
import copy
import json

def nested(make, depth=100000):
    x = make(None)
    for _ in range(depth):
        x = make(x)
    return x

cases = {
    "repr(list)": lambda: repr(nested(lambda x: [x])),
    "str(dict)": lambda: str(nested(lambda x: {"k": x})),
    "print(tuple)": lambda: print(nested(lambda x: (x,))),
    "list == list": lambda: nested(lambda x: [x]) == nested(lambda x: [x]),
    "list < list": lambda: nested(lambda x: [x]) < nested(lambda x: [x]),
    "dict == dict": lambda: nested(lambda x: {1: x}) == nested(lambda x: {1: x}),
    "hash(frozenset)": lambda: hash(nested(lambda x: frozenset([x]))),
    "copy.deepcopy": lambda: copy.deepcopy(nested(lambda x: [x])),
    "json.dumps": lambda: json.dumps(nested(lambda x: [x])),
}
for name, case in cases.items():
    try:
        case()
        print(name, "finished")
    except RecursionError as e:
        # The messages' suffixes ("while getting the repr ...") are checked in tests/golden/lang.
        print(name, "RecursionError:", str(e)[:32])
a = []
a.append(a)
print(a, {"self": a}, a == a)
