# functools.singledispatch as the docs write it: register by type argument and by annotation, dispatch on the MRO
from functools import singledispatch
from collections import OrderedDict


@singledispatch
def fun(arg, verbose=False):
    if verbose:
        print("Let me just say,", end=" ")
    print(arg)


@fun.register
def _(arg: int, verbose=False):
    if verbose:
        print("Strength in numbers, eh?", end=" ")
    print(arg)


@fun.register
def _(arg: list, verbose=False):
    if verbose:
        print("Enumerate this:")
    for i, elem in enumerate(arg):
        print(i, elem)


@fun.register(tuple)
def _(arg, verbose=False):
    if verbose:
        print("Better than complicated.", end=" ")
    print("tuple of", len(arg))


def nothing(arg, verbose=False):
    print("Nothing.")


fun.register(type(None), nothing)


@fun.register(float)
def fun_num(arg, verbose=False):
    if verbose:
        print("Half of your number:", end=" ")
    print(arg / 2)


fun("Hello, world.")
fun("test.", verbose=True)
fun(42, verbose=True)
fun(["spam", "spam", "eggs", "spam"], verbose=True)
fun(None)
fun(1.23)
fun(True)
fun((1, 2), verbose=True)


class MyList(list):
    pass


fun(MyList(["sub"]))
fun(OrderedDict(a=1))
print(fun.dispatch(float) is fun_num, fun.dispatch(dict) is fun.registry[object], sorted(t.__name__ for t in fun.registry))


@singledispatch
def describe(x) -> str:
    return "thing"


@describe.register
def _(x: str) -> str:
    return "text"


print(describe(1), describe("a"))
try:
    @describe.register
    def _(x):
        return "?"
except TypeError as e:
    print("TypeError:", str(e).split(":")[0])
