# Function decorators: plain wrappers, decorator factories, stacking, and class decorators of methods.
def shout(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs).upper()
    return wrapper
@shout
def hello(name):
    return f"hello {name}"
print(hello("ann"))
calls = []
def logged(fn):
    def wrapper(*args):
        calls.append(fn.__name__)
        return fn(*args)
    return wrapper
@logged
def add(a, b):
    return a + b
print(add(1, 2), add(3, 4), calls)
def repeat(times):
    def decorate(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return decorate
@repeat(3)
def ping():
    return "ping"
print(ping())
def bold(fn):
    return lambda: "<b>" + fn() + "</b>"
def italic(fn):
    return lambda: "<i>" + fn() + "</i>"
@bold
@italic
def text():
    return "hi"
print(text())
def memoize(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return wrapper
@memoize
def slow_fib(n):
    return n if n < 2 else slow_fib(n - 1) + slow_fib(n - 2)
print(slow_fib(60))
registry = {}
def register(fn):
    registry[fn.__name__] = fn
    return fn
@register
def cmd_start():
    return "started"
print(sorted(registry), registry["cmd_start"]())
