# Inheritance, overriding, super(), multi-level chains and isinstance/issubclass.
class Shape:
    def __init__(self, name):
        self.name = name
    def area(self):
        return 0
    def describe(self):
        return f"{self.name} with area {self.area():.2f}"
class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w = w
        self.h = h
    def area(self):
        return self.w * self.h
class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side)
        self.name = "square"
    def describe(self):
        return "Square! " + super().describe()
class Circle(Shape):
    def __init__(self, r):
        Shape.__init__(self, "circle")
        self.r = r
    def area(self):
        return 3.14159 * self.r ** 2
shapes = [Shape("blob"), Rect(2, 3), Square(4), Circle(1)]
for s in shapes:
    print(s.describe())
sq = Square(2)
print(isinstance(sq, Square), isinstance(sq, Rect), isinstance(sq, Shape), isinstance(sq, Circle))
print(isinstance(sq, (Circle, Rect)), issubclass(Square, Shape), issubclass(Shape, Square))
print(isinstance(3, int), isinstance(True, int), isinstance(3.0, (int, float)), isinstance("s", list))
class Animal:
    sound = "..."
    def speak(self):
        return f"{type(self).__name__} says {self.sound}"
class Cat(Animal):
    sound = "meow"
class Kitten(Cat):
    def speak(self):
        return super().speak() + " (quietly)"
print(Animal().speak(), Cat().speak(), Kitten().speak())
class Base:
    def __init__(self):
        self.log = ["Base"]
class Middle(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Middle")
class Leaf(Middle):
    def __init__(self):
        super().__init__()
        self.log.append("Leaf")
print(Leaf().log)
class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
    def deposit(self, amount):
        self.balance += amount
        return self.balance
class Savings(Account):
    def __init__(self, owner, rate):
        super().__init__(owner, 100)
        self.rate = rate
    def add_interest(self):
        return self.deposit(self.balance * self.rate)
acct = Savings("Ann", 0.5)
print(acct.add_interest(), acct.owner, acct.balance)
