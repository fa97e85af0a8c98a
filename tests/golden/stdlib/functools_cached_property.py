# functools.cached_property: computed once, stored in the instance __dict__, deletable, a non-data descriptor
import functools
import statistics


class DataSet:
    def __init__(self, sequence_of_numbers):
        self._data = tuple(sequence_of_numbers)

    @functools.cached_property
    def stdev(self):
        print("computing stdev")
        return statistics.stdev(self._data)

    @functools.cached_property
    def total(self):
        print("computing total")
        return sum(self._data)


ds = DataSet([2, 4, 4, 4, 5, 5, 7, 9])
print(ds.total, ds.total, round(ds.stdev, 4))
print(sorted(ds.__dict__))
del ds.total
print(ds.total)
ds.total = 0
print(ds.total, type(DataSet.__dict__['total']).__name__, DataSet.total.attrname)


class Slotted:
    __slots__ = ('x',)

    @functools.cached_property
    def value(self):
        return 1


try:
    Slotted().value
except TypeError as e:
    print("TypeError:", e)
