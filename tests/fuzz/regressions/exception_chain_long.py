# A long chain of `raise ... from` printed as an uncaught traceback (recursed once per link).
e = None
for i in range(20000):
    try:
        raise ValueError(i) from e
    except ValueError as x:
        e = x
raise e
