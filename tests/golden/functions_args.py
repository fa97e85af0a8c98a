# Function parameters: defaults, keywords, *args, **kwargs, keyword-only, and return values.
def greet(name, greeting="Hello", punct="!"):
    return f"{greeting}, {name}{punct}"
print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cy", punct="?"))
print(greet(greeting="Yo", name="Di"))
def total(*nums):
    return sum(nums), len(nums), type(nums).__name__
print(total(), total(1), total(1, 2, 3))
def describe(**info):
    return sorted(info.items())
print(describe(), describe(b=2, a=1))
def everything(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)
print(everything(1, c=3))
print(everything(1, 5, 6, 7, c=8, e=9))
def kw_only(x, *, scale=1):
    return x * scale
print(kw_only(3), kw_only(3, scale=4))
def nothing():
    pass
print(nothing())
def early(n):
    if n < 0:
        return "negative"
    return
print(early(-1), early(1))
def append_to(item, bucket=[]):
    bucket.append(item)
    return bucket
print(append_to(1), append_to(2))
def safe_append(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket
print(safe_append(1), safe_append(2))
args = (1, 2)
kwargs = {"punct": "."}
print(greet(*["Ed"], **kwargs), everything(*args, **{"c": 0}))
def divide(a, b):
    q, r = divmod(a, b)
    return q, r
q, r = divide(17, 5)
print(q, r)
def apply(fn, *a, **k):
    return fn(*a, **k)
print(apply(greet, "Flo", greeting="Hey"))
def outer():
    def inner(v):
        return v * 2
    return inner(21)
print(outer())
def fact(n):
    """Return n! computed iteratively."""
    result = 1
    for i in range(2, n + 1):
        result *= i
    return result
print(fact(10), fact(0))
