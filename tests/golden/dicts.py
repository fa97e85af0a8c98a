# dict: construction, lookup, mutation, views, iteration order, nesting.
d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["b"])
print(d.get("a"), d.get("z"), d.get("z", 0))
print("a" in d, "z" in d, 1 in d, "z" not in d)
print(list(d.keys()), list(d.values()), list(d.items()))
for k in d:
    print(k, d[k], end="; ")
print()
for k, v in d.items():
    print(f"{k}={v}", end=" ")
print()
d.update({"b": 20, "d": 4})
print(d)
print(d.pop("a"), d.pop("zz", "missing"), d)
del d["c"]
print(d)
d["b"] += 5
print(d)
print(d.setdefault("e", 9), d.setdefault("b", 0), d)
print(dict(x=1, y=2), dict([("p", 1), ("q", 2)]), dict(zip("abc", range(3))), dict())
counts = {}
for w in "the cat and the hat and the bat".split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
nested = {"user": {"name": "Ann", "tags": ["x", "y"]}, 1: (2, 3)}
print(nested["user"]["tags"][1], nested)
keys = {1: "int", 1.5: "float", (1, 2): "tuple", True: "bool?", None: "none"}
print(keys)
e = {}
print(e, len(e), bool(e))
d2 = d.copy()
d2["new"] = 1
print(len(d), len(d2), d == d2)
print({"a": 1, "b": 2} == {"b": 2, "a": 1})
order = {}
order["z"] = 1
order["a"] = 2
order["m"] = 3
del order["a"]
order["a"] = 4
print(list(order))
print(max(counts, key=counts.get))
inv = {v: k for k, v in {"one": 1, "two": 2}.items()}
print(inv)
print(d.items(), d.keys(), d.values())
