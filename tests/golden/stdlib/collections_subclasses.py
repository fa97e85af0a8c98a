# collections: Counter, defaultdict and OrderedDict are dict subclasses and namedtuple classes tuple subclasses, as in CPython
import json
from collections import Counter, OrderedDict, defaultdict, namedtuple

words = "the quick brown fox jumps over the lazy dog the end".split()
c = Counter(words)
print(c.most_common(2), c["the"], c["missing"], "missing" in c, len(c))
print(isinstance(c, dict), issubclass(Counter, dict), dict(c)["fox"], json.dumps(Counter("abca")))
print(sorted(c.elements())[:3], c.total(), Counter("aab") + Counter("bc"), Counter("aab") - Counter("a"))
print(Counter(a=3, b=1) | Counter(a=1, b=2), Counter(a=3, b=1) & Counter(a=1, b=2), +Counter(a=1, b=-2), -Counter(a=1, b=-2))
c2 = Counter()
c2.update("hello")
c2.subtract("l")
print(c2, c2 == Counter("helo"), repr(Counter()), list(c2.keys()), list(c2.items())[:2])
del c2["zzz"]
print({**c2}, sorted(c2), max(c2, key=c2.get), c2.copy(), type(c2.copy()).__name__)

dd = defaultdict(list)
for k, v in [("yellow", 1), ("blue", 2), ("yellow", 3), ("blue", 4), ("red", 1)]:
    dd[k].append(v)
print(sorted(dd.items()), isinstance(dd, dict), json.dumps(dd, sort_keys=True))
print(dd, dd.default_factory, dict(dd) == {"yellow": [1, 3], "blue": [2, 4], "red": [1]})
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(counts, counts.get("zz"), "zz" in counts, len(counts), counts.copy())
try:
    defaultdict(None)["x"]
except KeyError as e:
    print("KeyError:", e)
try:
    defaultdict(5)
except TypeError as e:
    print("TypeError:", e)

od = OrderedDict.fromkeys("abcde")
od.move_to_end("b")
print("".join(od), isinstance(od, dict), od == OrderedDict.fromkeys("acdeb"), od == dict.fromkeys("edcba"))
od.move_to_end("b", last=False)
print("".join(od.keys()), od.popitem(), od.popitem(last=False), od)
print(OrderedDict(a=1), json.dumps(OrderedDict([("z", 1), ("a", 2)])), list(reversed(OrderedDict(x=1, y=2))))

Point = namedtuple("Point", ["x", "y"])
p = Point(11, y=22)
print(p, p[0] + p[1], p.x + p.y, isinstance(p, tuple), tuple(p), len(p), p == (11, 22), hash(p) == hash((11, 22)))
x, y = p
print(x, y, p._asdict(), p._replace(x=33), Point._make([1, 2]), Point._fields, json.dumps(p))
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.z = 5
except AttributeError as e:
    print("AttributeError:", e)
Employee = namedtuple("Employee", "name, age, title", defaults=["staff"])
print(Employee("Ann", 30), sorted([Employee("B", 2), Employee("A", 1)]), Employee._field_defaults)
try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)
