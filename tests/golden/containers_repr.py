# repr/str of nested containers mixing every value type.
print([1, [2, (3, {"a": None})]])
print((), (1,), [], {}, set(), [[]], [()], ((),))
print({"t": (1, 2), "l": [True, False], "n": None, "f": 1.5, "s": "x"})
print([1.0, 2.50, -0.0, 1e-7])
print(("a", 'b"', "c'"))
x = [1, 2]
y = [x, x]
print(y)
print(str([1, "a"]) == repr([1, "a"]), str("a") == repr("a"))
print([None] * 3, [range(3)])
print({1: {2: {3: [4, (5,)]}}})
print(list(zip([1, 2], "ab")))
print(list(enumerate(["x", "y"])))
print(list({"k": 1}.items()))
