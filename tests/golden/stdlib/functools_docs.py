# functools: partial, reduce, wraps, lru_cache, cache, total_ordering, singledispatch, cmp_to_key
from functools import *

@lru_cache(maxsize=None)
def fib(n):
    if n < 2:
        return n
    return fib(n-1) + fib(n-2)

print([fib(n) for n in range(16)])
print(fib.cache_info())

@cache
def factorial(n):
    return n * factorial(n-1) if n else 1
print(factorial(10), factorial(5), factorial.cache_info())

@lru_cache(maxsize=2)
def sq(x):
    return x * x
sq(1); sq(2); sq(1); sq(3); sq(2)
print(sq.cache_info())
sq.cache_clear()
print(sq.cache_info())

basetwo = partial(int, base=2)
basetwo.__doc__ = 'Convert base 2 string to an int.'
print(basetwo('10010'), basetwo.func is int, basetwo.args, basetwo.keywords)
print(reduce(lambda x, y: x+y, [1, 2, 3, 4, 5]), reduce(lambda x, y: x*y, [], 1))
try:
    reduce(lambda x, y: x, [])
except TypeError as e:
    print('TypeError:', e)

def my_decorator(f):
    @wraps(f)
    def wrapper(*args, **kwds):
        print('Calling decorated function')
        return f(*args, **kwds)
    return wrapper

@my_decorator
def example():
    """Docstring"""
    print('Called example function')

example()
print(example.__name__, example.__doc__)

@total_ordering
class Student:
    def __init__(self, lastname, firstname):
        self.lastname, self.firstname = lastname, firstname
    def __eq__(self, other):
        return ((self.lastname.lower(), self.firstname.lower()) ==
                (other.lastname.lower(), other.firstname.lower()))
    def __lt__(self, other):
        return ((self.lastname.lower(), self.firstname.lower()) <
                (other.lastname.lower(), other.firstname.lower()))

a, b = Student('Smith', 'Ann'), Student('Jones', 'Bob')
print(a > b, a <= b, a >= b, b <= a)

@singledispatch
def fun(arg, verbose=False):
    if verbose:
        print("Let me just say,", end=" ")
    print(arg)

@fun.register(int)
def _(arg, verbose=False):
    if verbose:
        print("Strength in numbers, eh?", end=" ")
    print(arg)

@fun.register(list)
def _(arg, verbose=False):
    if verbose:
        print("Enumerate this:")
    for i, elem in enumerate(arg):
        print(i, elem)

fun("Hello, world.")
fun("test.", verbose=True)
fun(42, verbose=True)
fun(['spam', 'spam', 'eggs', 'spam'], verbose=True)
fun(True)
print(fun.dispatch(float) is fun.dispatch(object))

def compare(a, b):
    return (a > b) - (a < b)
print(sorted([5, 2, 4, 1, 3], key=cmp_to_key(compare)), sorted(['b', 'a'], key=cmp_to_key(lambda x, y: compare(y, x))))
