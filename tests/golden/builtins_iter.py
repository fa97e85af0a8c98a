# Iteration built-ins: len, sum, min, max, sorted, reversed, enumerate, zip, map, filter, any, all.
nums = [5, 3, 8, 1, 9, 2]
print(len(nums), len("four"), len((1, 2)), len({"a": 1}), len({1, 2, 3}), len(range(7)))
print(sum(nums), sum(nums, 100), sum([0.5, 0.25]), sum([]), sum(range(5), start=10))
print(min(nums), max(nums), min(3, 1, 2), max("b", "a", "c"), max("hello"))
words = ["kiwi", "fig", "banana", "apple"]
print(min(words, key=len), max(words, key=len), max(words, key=lambda w: w[-1]))
print(min([], default="none"), max([], default=0), max([4], default=0))
print(sorted(nums), sorted(nums, reverse=True), sorted("bca"), sorted(words, key=len))
print(sorted(words, key=lambda w: (len(w), w), reverse=True))
records = [("ann", 30), ("bob", 25), ("cy", 30), ("di", 25)]
print(sorted(records, key=lambda r: r[1]))
print(list(reversed(nums)), list(reversed("abc")), list(reversed(range(3))))
print(list(enumerate("abc")), list(enumerate(["x", "y"], start=1)), list(enumerate([], 5)))
for i, w in enumerate(words, 1):
    print(i, w, end="; ")
print()
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip(range(3), range(3, 6), "xyz")))
names = ["a", "b"]
ages = [1, 2]
print(dict(zip(names, ages)))
print(list(map(str, nums)), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6])))
print(list(map(len, words)), list(map(int, "123")))
print(list(filter(lambda n: n % 2, nums)), list(filter(None, [0, 1, "", "a", None, [], [0]])))
print(any([]), all([]), any([0, "", None]), any([0, 1]), all([1, "a", [0]]), all([1, 0]))
print(any(w.startswith("b") for w in words), all(len(w) > 2 for w in words))
m = map(lambda x: x * 2, [1, 2, 3])
print(next(m), list(m))
z = zip("ab", [1, 2])
print(next(z), list(z))
e = enumerate("xy")
print(next(e), next(e))
print(sorted({3: "c", 1: "a", 2: "b"}), sorted({3: "c", 1: "a"}.items()))
print(list(reversed([])), sorted([]), list(map(abs, [-1, -2])))
print(sum(x * y for x, y in zip([1, 2, 3], [4, 5, 6])))
stable = sorted([(1, "b"), (0, "z"), (1, "a"), (0, "y")], key=lambda p: p[0])
print(stable)
