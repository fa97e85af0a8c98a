# abc: the abc docs' examples: ABC with abstract methods, ABCMeta, register, __subclasshook__, abstract properties
from abc import ABC, ABCMeta, abstractmethod


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def perimeter(self):
        ...

    def describe(self):
        return f"{type(self).__name__} with area {self.area()}"


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2

    def perimeter(self):
        return 4 * self.side


class HalfDone(Shape):
    def area(self):
        return 0


for cls in (Shape, HalfDone):
    try:
        cls()
    except TypeError as e:
        print("TypeError:", e)

sq = Square(3)
print(sq.describe(), sq.perimeter(), isinstance(sq, Shape), issubclass(Square, Shape))
print(sorted(Shape.__abstractmethods__), HalfDone.__abstractmethods__, Square.__abstractmethods__)
print(type(Shape), type(ABC), isinstance(Shape, ABCMeta))


class MyABC(metaclass=ABCMeta):
    pass


MyABC.register(tuple)
print(issubclass(tuple, MyABC), isinstance((), MyABC), issubclass(list, MyABC), isinstance([], MyABC))


@MyABC.register
class Registered:
    pass


print(issubclass(Registered, MyABC), isinstance(Registered(), MyABC), Registered.__name__)


class Foo:
    def __getitem__(self, index):
        ...

    def __len__(self):
        ...

    def get_iterator(self):
        return iter(self)


class MyIterable(ABC):
    @abstractmethod
    def __iter__(self):
        while False:
            yield None

    def get_iterator(self):
        return self.__iter__()

    @classmethod
    def __subclasshook__(cls, C):
        if cls is MyIterable:
            if any("__iter__" in B.__dict__ for B in C.__mro__):
                return True
        return NotImplemented


MyIterable.register(Foo)
print(issubclass(Foo, MyIterable), issubclass(Square, MyIterable), issubclass(type("It", (), {"__iter__": lambda self: iter([])}), MyIterable), issubclass(int, MyIterable))


class C(ABC):
    @property
    @abstractmethod
    def name(self):
        ...

    @classmethod
    @abstractmethod
    def make(cls):
        ...

    @staticmethod
    @abstractmethod
    def helper():
        ...


print(sorted(C.__abstractmethods__))


class D(C):
    @property
    def name(self):
        return "d"

    @classmethod
    def make(cls):
        return cls()

    @staticmethod
    def helper():
        return 1


print(D.make().name, D.helper())
try:
    C()
except TypeError as e:
    print("TypeError:", e)


class Base(ABC):
    @abstractmethod
    def run(self):
        print("Base.run")


class Impl(Base):
    def run(self):
        super().run()
        print("Impl.run")


Impl().run()
Shape()
