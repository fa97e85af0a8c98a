# @staticmethod and @classmethod, including alternative constructors and subclass-aware factories.
class Temperature:
    unit = "C"
    instances = 0
    def __init__(self, degrees):
        self.degrees = degrees
        Temperature.instances += 1
    @classmethod
    def from_fahrenheit(cls, f):
        return cls(round((f - 32) * 5 / 9, 1))
    @staticmethod
    def is_freezing(degrees):
        return degrees <= 0
    @classmethod
    def describe_unit(cls):
        return f"{cls.__name__} in {cls.unit}"
    def __repr__(self):
        return f"{type(self).__name__}({self.degrees})"
t = Temperature.from_fahrenheit(212)
print(t, Temperature.is_freezing(-3), t.is_freezing(5), Temperature.instances)
print(Temperature.describe_unit(), t.describe_unit())
class Kelvin(Temperature):
    unit = "K"
k = Kelvin.from_fahrenheit(32)
print(k, Kelvin.describe_unit(), isinstance(k, Kelvin), Temperature.instances)
class MathUtil:
    @staticmethod
    def clamp(v, lo, hi):
        return max(lo, min(hi, v))
print(MathUtil.clamp(15, 0, 10), MathUtil().clamp(-5, 0, 10))
