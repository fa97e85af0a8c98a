# classes: metaclasses as tutorials write them: Singleton via __call__, __new__/__init__ with keywords, inherited metaclass, class-level dunders, __instancecheck__, type(name, bases, ns)
class Singleton(type):
    _instances = {}
    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]
class Logger(metaclass=Singleton):
    def __init__(self, name="x"):
        self.name = name
a = Logger("a"); b = Logger("b")
print(a is b, a.name, type(Logger), type(a))
class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        print("Meta.__new__", name, kw)
        return super().__new__(mcs, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name)
        super().__init__(name, bases, ns)
    def describe(cls):
        return f"class {cls.__name__}"
    def __len__(cls): return 3
    def __iter__(cls): return iter([1,2])
    def __instancecheck__(cls, obj): return obj == 5
class A(metaclass=Meta):
    pass
class B(A):
    pass
print(type(B), B.describe(), isinstance(B, Meta), B.__class__)
print(len(A), list(A), isinstance(5, A), isinstance(A(), A))
X = Meta("X", (), {})
print(type(X))


class PluginMeta(type):
    registry = {}

    def __new__(mcs, name, bases, namespace, **kwargs):
        cls = super().__new__(mcs, name, bases, namespace)
        if bases:
            mcs.registry[name.lower()] = cls
        return cls

    def __getitem__(cls, key):
        return cls.registry[key]

    def __contains__(cls, key):
        return key in cls.registry


class Plugin(metaclass=PluginMeta):
    pass


class Audio(Plugin):
    pass


class Video(Plugin):
    pass


print(sorted(PluginMeta.registry), Plugin["audio"].__name__, "video" in Plugin, "text" in Plugin)
Point = type("Point", (), {"x": 0, "describe": lambda self: f"Point at {self.x}"})
p = Point()
print(Point.__name__, p.describe(), type(Point))
