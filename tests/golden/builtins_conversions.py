# Conversion and reflection built-ins: str, repr, list, dict, set, tuple, bool, isinstance, type, hasattr, getattr.
print(str(42), str(4.0), str(None), str([1, "a"]), str((1,)), str(""), repr(42), repr("x"))
print(list("abc"), list((1, 2)), list({"a": 1, "b": 2}), list(range(2)), list({1}))
print(tuple([1, 2]), tuple("ab"), tuple({"k": 0}))
print(dict([("a", 1)]), dict(a=1), dict({"x": 1}, y=2), dict(zip("ab", "xy")))
print(sorted(set("banana")), set((1, 1, 2)), sorted(set({"k": 1, "j": 2})))
print(bool(3), bool(""), bool("False"), bool([None]))
print(str(True) + "!", repr(None), repr([None, "a"]), repr((1, "b")))
class Config:
    debug = False
    def __init__(self):
        self.level = 3
c = Config()
print(hasattr(c, "level"), hasattr(c, "debug"), hasattr(c, "verbose"), hasattr("s", "upper"))
print(getattr(c, "level"), getattr(c, "debug"), getattr(c, "verbose", "n/a"), getattr(c, "verbose", None))
print(getattr("text", "upper")(), getattr([1, 2], "count")(2))
print(isinstance(c, Config), isinstance(c, object), type(c) is Config)
print(str(1) == "1", int(str(12345)[::-1]), float(str(0.5)) == 0.5)
print(list(map(str, [1.5, 2.0, True])), ",".join(map(repr, ["a", 1])))
print(len(str(2 ** 40)), str(-0.0), str(1e-10), str(123456789012345678))
print(sorted(list(set([3, 1, 2]))))
