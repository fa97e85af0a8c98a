# type() and its printed form, isinstance with builtins, tuples and user classes.
for v in [1, 2.5, "s", True, None, [1], (1,), {"a": 1}, {1}, range(2)]:
    print(type(v), type(v).__name__)
class Animal:
    pass
class Dog(Animal):
    pass
d = Dog()
print(type(d), type(d) is Dog, type(d) == Animal, Dog, type(d).__name__)
print(isinstance(d, Animal), isinstance(d, (int, Dog)), isinstance(Animal(), Dog))
print(type(1) is int, type("") is str, type(1.0) == float, type(True) is bool)
print(isinstance(True, int), isinstance(None, object), isinstance(1, object))
print(int, str, float, list, dict, bool, type(None))
def kind(x):
    if isinstance(x, bool):
        return "bool"
    if isinstance(x, (int, float)):
        return "number"
    if isinstance(x, str):
        return "text"
    if isinstance(x, (list, tuple)):
        return "sequence"
    return "other"
print([kind(x) for x in [True, 3, 4.5, "a", [], (), {}, None]])
print(type(type(1)), type(int))
