# match statement: mapping patterns (literal and value keys, **rest, extra keys ignored, non-dict mappings)
from collections import OrderedDict, defaultdict, Counter


class Key:
    NAME = "name"


def handle(event):
    match event:
        case {"type": "click", "pos": (x, y)}:
            return f"click at {x},{y}"
        case {"type": "key", "key": str(k), **rest}:
            return f"key {k} rest={rest}"
        case {Key.NAME: name, "age": int(age)} if age >= 18:
            return f"adult {name}"
        case {Key.NAME: name}:
            return f"someone called {name}"
        case {1: one, -2: minus_two, None: n}:
            return f"numbers {one} {minus_two} {n}"
        case {}:
            return f"some mapping with {len(event)} keys"
        case _:
            return "not a mapping"


events = [
    {"type": "click", "pos": (3, 4), "button": 1},
    {"type": "key", "key": "q", "mods": ["ctrl"], "time": 1.5},
    {"name": "Ada", "age": 36},
    {"name": "Tim", "age": 10},
    {1: "a", -2: "b", None: "c"},
    {"unrelated": True},
    {},
    [("type", "click")],
    "type",
]
for e in events:
    print(handle(e))

config = {"host": "localhost", "port": 8080, "debug": True}
match config:
    case {"host": host, **others}:
        print(host, others)

# mappings other than dict
od = OrderedDict(a=1, b=2)
match od:
    case {"a": a, **rest}:
        print("OrderedDict", a, rest, type(rest).__name__)

dd = defaultdict(list)
dd["x"].append(1)
match dd:
    case {"missing": _}:
        print("found missing (wrong)")
    case {"x": [v]}:
        print("defaultdict", v, "missing" in dd)

match Counter("hello"):
    case {"l": count}:
        print("Counter l", count)

# a key whose value is None still matches
match {"k": None}:
    case {"k": None}:
        print("None value matched")

# duplicate value keys are found at run time
class K:
    A = "a"
    B = "a"

try:
    match {"a": 1}:
        case {K.A: 1, K.B: 2}:
            pass
except ValueError as exc:
    print("ValueError:", exc)
