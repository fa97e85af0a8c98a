# ExceptionGroup: the docs' subclass with derive(), subgroup/split on nested groups, constructor errors, except* with tuples, else/finally
class MyGroup(ExceptionGroup):
    def __new__(cls, message, excs, errcode):
        obj = super().__new__(cls, message, excs)
        obj.errcode = errcode
        return obj

    def derive(self, excs):
        return MyGroup(self.message, excs, self.errcode)


eg = MyGroup("eg", [ValueError(1), TypeError(2)], 42)
match, rest = eg.split(ValueError)
print(f'match: {match!r}: {match.errcode}')
print(f'rest: {rest!r}: {rest.errcode}')

eg = ExceptionGroup("one",
                    [TypeError(1),
                     ExceptionGroup("two",
                                    [TypeError(2), ValueError(3)]),
                     ExceptionGroup("three",
                                    [OSError(4)])])
print(eg.subgroup(lambda e: isinstance(e, OSError)))
type_errors = eg.subgroup(lambda e: isinstance(e, TypeError))
print(repr(type_errors))
print(eg.split(TypeError))
for bad in [lambda: ExceptionGroup("x", []), lambda: ExceptionGroup(1, [ValueError()]),
            lambda: ExceptionGroup("x", ValueError()), lambda: ExceptionGroup("x", [1]),
            lambda: eg.split(1), lambda: ExceptionGroup("x")]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
try:
    raise ExceptionGroup("group", [ValueError("v"), OSError("o")])
except* (ValueError, TypeError) as e:
    print("tuple", repr(e))
except* OSError as e:
    print("os", repr(e))
def f():
    try:
        raise ExceptionGroup("eg", [ValueError(1), ValueError(2)])
    except* ValueError as e:
        for x in e.exceptions:
            print("handling", x)
    else:
        print("no")
    finally:
        print("finally")
f()
try:
    try:
        raise ExceptionGroup("eg", [KeyError('k')])
    except* KeyError as e:
        e.add_note("extra")
        raise
except ExceptionGroup as g:
    print(hasattr(g, "__notes__"), g.exceptions)
