# Subclassing dict: __missing__, overridden __getitem__/__setitem__, attributes, and what dict's own methods ignore
class Registry(dict):
    def __missing__(self, key):
        return f"<no {key}>"


r = Registry(a=1, b=2)
print(r["a"], r["zzz"], r.get("zzz"), r.get("zzz", 0), "zzz" in r, r)
print(isinstance(r, dict), len(r), list(r), list(r.items()), dict(r), r == {"a": 1, "b": 2})
import json
print(json.dumps(r), json.dumps(r, sort_keys=True, indent=1))


class Counter(dict):
    def __missing__(self, key):
        return 0


words = "the cat and the hat and the bat".split()
c = Counter()
for w in words:
    c[w] += 1
print(c, sorted(c.items(), key=lambda kv: -kv[1])[:2])


class AutoVivify(dict):
    def __missing__(self, key):
        value = self[key] = type(self)()
        return value


tree = AutoVivify()
tree["a"]["b"]["c"] = 1
print(tree, json.dumps(tree))


class LowerDict(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)

    def __getitem__(self, key):
        return super().__getitem__(key.lower())


d = LowerDict()
d["Hello"] = 1
d["WORLD"] = 2
print(d, d["HELLO"], d["world"])
d.update({"Ignored": 3})
print(d)
d2 = LowerDict({"KeyFromInit": 1})
print(d2)
dict.__setitem__(d, "Raw", 4)
print(d, dict.__getitem__(d, "Raw"))


class AttrDict(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name, value):
        self[name] = value


cfg = AttrDict(host="localhost", port=8080)
print(cfg.host, cfg.port, cfg)
try:
    cfg.missing
except AttributeError as e:
    print("AttributeError:", e)


class Default(dict):
    def __init__(self, default, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.default = default

    def __missing__(self, key):
        return self.default

    def __repr__(self):
        return f"Default({self.default!r}, {dict.__repr__(self)})"


df = Default(0, {"x": 1}, y=2)
print(df, df["q"], df.default, df.__dict__, str(df))
print({**df}, dict(df, z=3), df | {"w": 4}, type(df | {}).__name__)
try:
    Registry()["k"] if False else dict()["k"]
except KeyError as e:
    print("KeyError:", e)
