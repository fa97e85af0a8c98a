# lambda functions and conditional expressions.
square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(7), add(1), add(1, 2), (lambda: "nullary")())
print(list(map(lambda s: s[::-1], ["ab", "cd"])))
pairs = [(1, "b"), (3, "a"), (2, "c")]
print(sorted(pairs, key=lambda p: p[1]), sorted(pairs, key=lambda p: -p[0]))
for n in [-2, 0, 5]:
    sign = "neg" if n < 0 else "zero" if n == 0 else "pos"
    print(n, sign)
x = 7
print("big" if x > 5 else "small", (x if x % 2 else 0), [1, 2][0 if x else 1])
make_adder = lambda k: lambda v: v + k
print(make_adder(3)(4))
ops = {"+": lambda a, b: a + b, "*": lambda a, b: a * b}
print(ops["+"](2, 3), ops["*"](2, 3))
print((lambda *a, **kw: (a, kw))(1, 2, z=3))
abs_val = lambda v: v if v >= 0 else -v
print(abs_val(-9), abs_val(4))
