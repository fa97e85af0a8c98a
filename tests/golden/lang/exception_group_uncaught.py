# ExceptionGroup: an uncaught nested group (CPython prints the boxed traceback on stderr), notes, chained sub-exceptions
def inner():
    raise KeyError("k")
excs = []
for i in range(2):
    try:
        if i:
            inner()
        raise ValueError(i)
    except Exception as e:
        excs.append(e)
e = ValueError("noted")
e.add_note("note one")
excs.append(e)
raise ExceptionGroup("outer", [ExceptionGroup("inner", excs), OSError("x")])
