# types: the engine's own type objects under their types names, SimpleNamespace, MappingProxyType, GenericAlias (list[int])
import types
def f(): pass
print(type(f) is types.FunctionType, types.FunctionType, types.MethodType, types.GeneratorType, types.CoroutineType)
print(types.ModuleType, types.BuiltinFunctionType, types.NoneType)
ns = types.SimpleNamespace(a=1, b="x")
print(ns, ns.a)
ns.c = [1]
print(ns, ns == types.SimpleNamespace(a=1, b="x", c=[1]))
mp = types.MappingProxyType({"a": 1})
print(mp, mp["a"], len(mp), list(mp))
try:
    mp["b"] = 2
except TypeError as e:
    print(e)
print(types.GenericAlias(list, (int,)), types.GenericAlias(dict, (str, int)))
print(list[int], dict[str, list[int]], tuple[int, ...], type[int], set[str])
x = list[int]([1, 2])
print(x, type(x))
from typing import get_origin, get_args, Optional, TypeVar
print(get_origin(dict[str, int]), get_args(dict[str, int]))
print(Optional[list[int]])
T = TypeVar("T")
print(list[T][int], dict[str, T])
print(list[int] == list[int])
print(type(len) is types.BuiltinFunctionType, type(types) is types.ModuleType)
def gen():
    yield 1
print(isinstance(gen(), types.GeneratorType), types.LambdaType is types.FunctionType)
class Point:
    def dist(self):
        return 0
print(isinstance(Point().dist, types.MethodType), isinstance(Point.dist, types.FunctionType))
ns = types.SimpleNamespace(x=1, y=2)
ns.z = 3
del ns.x
print(ns, vars(ns) if False else ns.__dict__, types.SimpleNamespace())
try:
    types.SimpleNamespace({"a": 1}, b=2)
except TypeError as e:
    print("TypeError:", e)
C = types.new_class("C", (Point,), exec_body=lambda ns: ns.update({"v": 7}))
print(C.v, C().dist(), C.__mro__[1] is Point)
print(types.resolve_bases((int, list[int])))
@types.coroutine
def legacy():
    yield
print(callable(legacy))
class Dog:
    def __init__(self, name):
        self.name = name
def bark(self, times=1):
    return f"{self.name} says woof" * times
d = Dog("Rex")
d.bark = types.MethodType(bark, d)
print(d.bark(), d.bark(2), d.bark.__self__ is d, d.bark.__func__ is bark)
print(types.MethodType(len, [1, 2])())
try:
    types.MethodType(3, d)
except TypeError as e:
    print("TypeError:", e)
try:
    types.MethodType(bark, None)
except TypeError as e:
    print("TypeError:", e)
