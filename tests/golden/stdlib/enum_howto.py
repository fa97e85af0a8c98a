# enum: the enum HOWTO's examples: Enum, auto, Flag, IntEnum, StrEnum, IntFlag, unique, aliases, _missing_, functional API, reprs and errors
from enum import Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
print(Color.RED, repr(Color.RED), Color(2), Color['BLUE'], Color.RED.name, Color.RED.value)
print(list(Color), len(Color), Color.RED in Color, type(Color.RED), Color)
print(Color.RED == Color.RED, Color.RED is Color(1), Color.RED == 1, f"{Color.GREEN}")
try:
    Color(4)
except ValueError as e:
    print("ValueError:", e)
class Weekday(Enum):
    MONDAY = auto()
    TUESDAY = auto()
print(list(Weekday), Weekday.TUESDAY.value)
class Perm(Flag):
    R = 4
    W = 2
    X = 1
print(Perm.R | Perm.W, repr(Perm.R | Perm.W), Perm(7), repr(Perm(0)), Perm.R in (Perm.R | Perm.X), bool(Perm(0)))
class Num(IntEnum):
    ONE = 1
    TWO = 2
print(Num.ONE + 1, Num.TWO == 2, repr(Num.ONE), str(Num.ONE), sorted([Num.TWO, Num.ONE]))
class S(StrEnum):
    A = auto()
    B = "bee"
print(S.A, repr(S.B), S.B.upper(), S.A == "a")
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH   = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def surface_gravity(self):
        G = 6.673e-11
        return G * self.mass / (self.radius * self.radius)
print(Planet.EARTH.value, round(Planet.EARTH.surface_gravity, 2))
try:
    @unique
    class Mistake(Enum):
        ONE = 1
        TWO = 2
        THREE = 2
except ValueError as e:
    print("ValueError:", e)
print(Color.__members__)
class Shape(Enum):
    SQUARE = 2
    DIAMOND = 1
    ALIAS_FOR_SQUARE = 2
print(Shape.ALIAS_FOR_SQUARE, Shape(2), list(Shape))
class Ord(Enum):
    A = 1
    @classmethod
    def _missing_(cls, value):
        return cls.A
print(Ord(99))
Animal = Enum('Animal', 'ANT BEE CAT DOG')
print(list(Animal), Animal.ANT.value)
class IP(IntFlag):
    R = 4
    W = 2
print(IP.R | IP.W, repr(IP.R | 2), IP.R == 4)
