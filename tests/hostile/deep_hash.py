# hostile: deep data — tuples nested 100,000 and 1,000,000 deep, hashed. CPython 3.11 hashes
# them recursively in C with no limit (the second crashes it); the playground raises RecursionError.
# error: none
# seconds: 10
for depth in (100000, 1000000):
    t = ()
    for _ in range(depth):
        t = (t,)
    try:
        hash(t)
        print(depth, "hashed")
    except RecursionError as e:
        print(depth, "RecursionError:", e)
    try:
        print(depth, {t: 1} is not None)
    except RecursionError as e:
        print(depth, "as a dict key: RecursionError:", e)
