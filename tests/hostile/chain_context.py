# hostile: deep data — 50,000 exceptions each raised while handling the last (implicit
# __context__), then raised uncaught (CPython 3.11 loses sys.stderr printing it).
# error: ValueError: 49999
# seconds: 5
e = None
for i in range(50000):
    try:
        try:
            raise ValueError(i)
        finally:
            if e is not None and i % 2:
                e.__traceback__ = None
    except ValueError as x:
        x.__context__ = e
        e = x
n = 0
c = e
while c is not None:
    n += 1
    c = c.__context__
print(n)
raise e
