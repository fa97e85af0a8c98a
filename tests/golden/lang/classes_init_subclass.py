# classes: __init_subclass__ with class keywords, __set_name__, __class_getitem__, metaclass= calling the metaclass, bound-method equality
class PluginBase:
    plugins = []

    def __init_subclass__(cls, /, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        PluginBase.plugins.append(cls)


class CsvPlugin(PluginBase, name="csv"):
    pass


class JsonPlugin(PluginBase):
    pass


print([p.plugin_name for p in PluginBase.plugins])
print(type(PluginBase.__dict__["__init_subclass__"]).__name__)


class Philosopher:
    def __init_subclass__(cls, /, default_name, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.default_name = default_name


class AustralianPhilosopher(Philosopher, default_name="Bruce"):
    pass


print(AustralianPhilosopher.default_name)

try:
    class Bad(default_name="x"):
        pass
except TypeError as e:
    print("TypeError:", e)


class Named:
    def __set_name__(self, owner, name):
        self.owner = owner.__name__
        self.public_name = name
        self.private_name = "_" + name


class Person:
    name = Named()
    age = Named()


print(Person.__dict__["name"].public_name, Person.__dict__["age"].private_name, Person.__dict__["age"].owner)


class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__}]"


print(Box[int], Box[str])


class Registry(type):
    classes = []

    def __new__(mcs, name, bases, namespace, **kwargs):
        namespace["registered_as"] = name.upper()
        cls = super().__new__(mcs, name, bases, namespace)
        Registry.classes.append(name)
        return cls


class Model(metaclass=Registry):
    pass


print(Model.registered_as, Registry.classes)
Dyn = type("Dyn", (PluginBase,), {"x": 1})
print(Dyn.x, Dyn.plugin_name, Dyn.__name__)


class Counter:
    def inc(self):
        pass


c, d = Counter(), Counter()
print(c.inc == c.inc, c.inc != c.inc, c.inc == d.inc, c.inc is c.inc)
print(hash(c.inc) == hash(c.inc), len({c.inc, c.inc, d.inc}))
