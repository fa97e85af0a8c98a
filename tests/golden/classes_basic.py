# Classes: __init__, methods, instance vs class attributes, dynamic attributes, hasattr/getattr.
class Dog:
    species = "canis familiaris"
    count = 0
    def __init__(self, name, age=1):
        self.name = name
        self.age = age
        self.tricks = []
        Dog.count += 1
    def add_trick(self, trick):
        self.tricks.append(trick)
        return self
    def describe(self):
        return f"{self.name} ({self.age}) knows {', '.join(self.tricks) or 'nothing'}"
    def birthday(self):
        self.age += 1
rex = Dog("Rex", 3)
fido = Dog("Fido")
rex.add_trick("sit").add_trick("roll")
rex.birthday()
print(rex.describe())
print(fido.describe())
print(Dog.count, rex.species, Dog.species, fido.count)
rex.species = "wolf?"
print(rex.species, fido.species, Dog.species)
fido.color = "brown"
print(fido.color, hasattr(fido, "color"), hasattr(rex, "color"))
print(getattr(rex, "name"), getattr(rex, "missing", "default"), getattr(Dog, "count"))
setattr(rex, "age", 10)
print(rex.age)
method = rex.describe
print(method())
print(Dog.describe(fido))
class Empty:
    pass
e = Empty()
e.x = 1
e.x += 1
print(e.x, type(e).__name__, isinstance(e, Empty))
class Counter:
    def __init__(self):
        self.n = 0
    def inc(self):
        self.n += 1
counters = [Counter() for _ in range(3)]
for i, c in enumerate(counters):
    for _ in range(i):
        c.inc()
print([c.n for c in counters])
class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next
head = Node(1, Node(2, Node(3)))
node = head
values = []
while node is not None:
    values.append(node.value)
    node = node.next
print(values)
