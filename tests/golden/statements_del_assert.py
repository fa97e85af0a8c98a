# del on names, list items, slices and dict keys; assert that passes and assert caught.
x = 10
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
lst = [0, 1, 2, 3, 4, 5]
del lst[0]
del lst[-1]
print(lst)
del lst[1:3]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
a, b = 1, 2
del a, b
try:
    print(a)
except NameError as e:
    print("after del a, b:", e)
assert True
assert 1 + 1 == 2, "math is broken"
try:
    assert 2 + 2 == 5, "two plus two is not five"
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert []
except AssertionError as e:
    print("bare assert message:", repr(str(e)))
class Obj:
    pass
o = Obj()
o.attr = 1
del o.attr
print(hasattr(o, "attr"))
