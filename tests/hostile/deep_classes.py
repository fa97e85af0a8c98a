# hostile: deep data — a class hierarchy 2,000 deep made with type() in a loop, then
# instantiated, looked up through and checked with isinstance/issubclass.
# error: none
# seconds: 10
# cpython: same
C = object
for i in range(2000):
    C = type("C%d" % i, (C,), {"depth": i})
print(len(C.__mro__), C.__mro__[:2])
x = C()
print(x.depth, isinstance(x, object), issubclass(C, C.__mro__[-2]), type(x).__name__)
print(repr(x)[:13])
