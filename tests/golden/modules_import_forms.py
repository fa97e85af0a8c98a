# import forms: plain, aliased, from-import with aliases, several names, import inside a function.
import math, time
import random as rnd
from math import floor, ceil as ceiling
from random import seed, randint
seed(5)
a = randint(1, 100)
rnd.seed(5)
print(a == rnd.randint(1, 100))
print(floor(2.7), ceiling(2.1), math.floor(-0.5))
def later():
    import math as mm
    from time import perf_counter
    return mm.sqrt(81), perf_counter() >= 0
print(later())
print(time.sleep(0) is None)
print(type(math).__name__)
