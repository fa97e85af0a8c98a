# engine-only: CPython 3.11 crashes printing a chain of 100,000 causes; the engine prints the newest 1000 links
e = None
for i in range(100000):
    try:
        raise ValueError(i) from e
    except ValueError as x:
        e = x
print("built")
raise e
