# Uncaught AttributeError on an instance attribute that was never set.
class Robot:
    def __init__(self, name):
        self.name = name
    def status(self):
        return f"{self.name} battery at {self.charge_level}%"
r = Robot("R2")
print(r.name)
print(r.status())
