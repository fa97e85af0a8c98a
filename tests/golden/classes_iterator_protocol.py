# User-defined iterators (__iter__/__next__) and iterables used by for, list(), sum() and zip().
class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1
for n in Countdown(3):
    print(n)
print(list(Countdown(5)), sum(Countdown(4)))
class Repeat:
    def __init__(self, items, times):
        self.items = items
        self.times = times
    def __iter__(self):
        for _ in range(self.times):
            for item in self.items:
                yield item
r = Repeat("ab", 2)
print(list(r), list(r))
print(list(zip(Countdown(3), Repeat("xyz", 1))))
it = iter([10, 20])
print(next(it), next(it), next(it, None))
c = Countdown(2)
print(next(c), next(c))
try:
    next(c)
except StopIteration:
    print("done")
class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return Range2Iter(self.n)
class Range2Iter:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i * 2
r2 = Range2(3)
print([x for x in r2], max(r2), sorted(r2, reverse=True), 4 in r2)
a, b, c2 = Range2(3)
print(a, b, c2)
