# hostile: deep data — a chain of 100,000 `raise ... from` causes, raised uncaught, so the
# traceback printer walks it (CPython 3.11 overflows its C stack printing it; we show the newest 1000 links).
# error: ValueError: 99999
# seconds: 5
e = None
for i in range(100000):
    try:
        if e is None:
            raise ValueError(i)
        raise ValueError(i) from e
    except ValueError as x:
        e = x
print("built")
raise e
