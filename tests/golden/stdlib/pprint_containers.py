# pprint: pprint/pformat/pp with indent, width, depth, compact, sort_dicts; nested containers, strings, bytes, dataclasses, recursion
import pprint
from dataclasses import dataclass, field
stuff = ['spam', 'eggs', 'lumberjack', 'knights', 'ni']
stuff.insert(0, stuff[:])
pp = pprint.PrettyPrinter(indent=4)
pp.pprint(stuff)
pp = pprint.PrettyPrinter(width=41, compact=True)
pp.pprint(stuff)
tup = ('spam', ('eggs', ('lumberjack', ('knights', ('ni', ('dead', ('parrot', ('fresh fruit',))))))))
pp = pprint.PrettyPrinter(depth=6)
pp.pprint(tup)
data = {"name": "interleave", "versions": list(range(30)), "nested": {"a": [1, 2, {"b": "c" * 40}], "z": (1, 2, 3), "s": {3, 1, 2}}, "text": "a fairly long string that will need to be wrapped across several lines because it is long", "b": b"bytes " * 20}
pprint.pprint(data)
pprint.pprint(data, width=40, sort_dicts=False)
pprint.pprint(data, compact=True, indent=2, width=60)
print(pprint.pformat(data, depth=1))
pprint.pp(data, width=50)
@dataclass
class Point:
    __annotations__ = {'x': int, 'y': int, 'tags': tuple}
    tags = ()
pprint.pprint([Point(1, 2, tuple(range(20))), Point(3, 4)], width=30)
class R:
    def __repr__(self): return "R()"
class MyList(list):
    pass
pprint.pprint([R()] * 30)
pprint.pprint(MyList(range(40)))
rec = [1, 2]; rec.append(rec); rec = rec[2]
print(pprint.pformat(rec).split(" with id")[0])
print(pprint.saferepr(rec).split(" with id")[0], pprint.isrecursive(rec), pprint.isreadable([1, 2]), pprint.isreadable(R()))
pprint.pprint({(1, 2): None, 3: "x", "k": [1.5, None, True]})
pprint.pprint(list(range(100)), compact=True)
pprint.pprint([[1, 2, 3]] * 10, width=20)
print(pprint.pformat("short"), pprint.pformat({}), pprint.pformat([]), pprint.pformat(set()), pprint.pformat(frozenset({1,2})))
import types
pprint.pprint(types.SimpleNamespace(a=1, b="x" * 80, c=[1, 2]))
pprint.pprint({"long key %d" % i: i for i in range(8)}, width=30)
