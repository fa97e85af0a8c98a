# @property getters and setters.
# optional: @property
class Circle:
    def __init__(self, radius):
        self._radius = radius
    @property
    def radius(self):
        return self._radius
    @radius.setter
    def radius(self, value):
        if value < 0:
            raise ValueError("radius must be non-negative")
        self._radius = value
    @property
    def diameter(self):
        return self._radius * 2
c = Circle(2)
print(c.radius, c.diameter)
c.radius = 5
print(c.radius, c.diameter)
try:
    c.radius = -1
except ValueError as e:
    print("error:", e)
try:
    c.diameter = 3
except AttributeError:
    print("diameter is read-only")
print(c.radius)
