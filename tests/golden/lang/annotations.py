# Function annotations: __annotations__ in order with "return" last, evaluated at def time, seen by decorators, inspect.signature and functools.singledispatch
import inspect


def greeting(name: str, times: int = 1, *args: float, flag: bool = False, **kw: dict) -> str:
    return "Hello " * times + name


print(greeting.__annotations__)
print(greeting("Ann"), inspect.signature(greeting))


def plain(a, b=2):
    pass


print(plain.__annotations__, inspect.signature(plain))
plain.__annotations__["a"] = int
print(plain.__annotations__)

Alias = list[int]


def total(values: Alias) -> "int":
    return sum(values)


print(total.__annotations__, total([1, 2]))


def record(func):
    print("decorating", func.__name__, func.__annotations__)
    return func


@record
def area(w: float, h: float) -> float:
    return w * h


print(area(2, 3))


def outer():
    T = dict

    def inner(x: T) -> T:
        return x

    return inner


print(outer().__annotations__)


class Shape:
    def scale(self, factor: float) -> "Shape":
        return self


print(Shape.scale.__annotations__, inspect.signature(Shape.scale))
print(inspect.get_annotations(greeting) == greeting.__annotations__)
f = lambda x: x
print(f.__annotations__)
