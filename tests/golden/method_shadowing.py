# An instance attribute named like a method shadows it for that instance only; deleting it,
# clearing the instance dict or replacing __dict__ brings the method back.
class Greeter:
    def __init__(self, name):
        self.name = name

    def hello(self):
        return "hello from " + self.name


a = Greeter("a")
b = Greeter("b")
calls = [a, b] * 3


def call_all():
    return [g.hello() for g in calls]


print(call_all())
a.hello = lambda: "shadowed a"
print(call_all())
del a.hello
print(call_all())
for i in range(40):
    setattr(b, "attr%d" % i, i)  # many keys: the shadow check must still find the real one
b.hello = lambda: "shadowed b"
print(call_all())
b.__dict__.clear()
b.name = "b again"
print(call_all())
a.__dict__ = {"name": "new dict", "hello": lambda: "from the new dict"}
print(call_all())
a.__dict__ = {"name": "plain"}
print(call_all())
vars(b).update(hello=lambda: "updated")
print(call_all())
vars(b).pop("hello")
print(call_all())
class A:
    pass


a=A()
a.__dict__ = {"x": 1}
print(a.x, a.__dict__)
try:
    a.__dict__ = [1]
except TypeError as e:
    print(e)
