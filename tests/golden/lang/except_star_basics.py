# except* (PEP 654): subgroups per clause, naked exceptions wrapped, remainder re-raised, raising in a clause, split/subgroup, add_note
try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
except* ValueError as e:
    print("caught", repr(e))
except* TypeError as e:
    print("caught", repr(e))

try:
    raise ValueError("naked")
except* ValueError as e:
    print("wrapped", repr(e), e.exceptions)

def f():
    try:
        raise ExceptionGroup("eg", [ValueError(1), KeyError(2)])
    except* ValueError:
        print("handled values")
try:
    f()
except ExceptionGroup as e:
    print("rest", repr(e))

eg = ExceptionGroup("many", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
m, r = eg.split(ValueError)
print(repr(m)); print(repr(r))
print(repr(eg.subgroup(lambda e: isinstance(e, TypeError))))
print(eg.subgroup(OSError))
print(repr(BaseExceptionGroup("b", [ValueError()])), type(BaseExceptionGroup("b", [KeyboardInterrupt()])).__name__)
try:
    ExceptionGroup("x", [KeyboardInterrupt()])
except TypeError as e:
    print(e)
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("new")
except BaseException as e:
    print(repr(e), repr(e.exceptions[0].__context__))
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ExceptionGroup:
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
except ExceptionGroup as e:
    print("reraised", repr(e))
e = ValueError("x")
e.add_note("a note")
print(e.__notes__)
print("end")
