# Class hierarchies: C3 method resolution order for diamonds and long chains built with type(), and the inconsistent-MRO error
class Animal:
    def speak(self):
        return "..."


class Pet(Animal):
    def speak(self):
        return "pet " + super().speak()


class Working(Animal):
    def speak(self):
        return "working " + super().speak()


class Dog(Pet, Working):
    pass


class Robot:
    pass


class RoboDog(Dog, Robot):
    pass


print([c.__name__ for c in Dog.__mro__])
print([c.__name__ for c in RoboDog.__mro__])
print(Dog().speak())
try:
    class Broken(Animal, Pet):
        pass
except TypeError as error:
    print(error)

Level = object
for depth in range(3000):
    Level = type("Level%d" % depth, (Level,), {"depth": depth})
print(len(Level.__mro__), Level.__mro__[1].__name__, Level.depth)
leaf = Level()
print(isinstance(leaf, object), isinstance(leaf, Dog), issubclass(Level, Level.__mro__[2999]))
print(Level.__mro__[-2].__name__, type(leaf).__name__)
