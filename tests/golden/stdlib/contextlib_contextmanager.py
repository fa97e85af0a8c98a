# contextlib: @contextmanager (the docs' tag example), suppress, closing, nullcontext, ContextDecorator
from contextlib import contextmanager, suppress, closing, nullcontext, ContextDecorator


@contextmanager
def tag(name):
    print("<%s>" % name)
    yield
    print("</%s>" % name)


with tag("h1"):
    print("foo")


@contextmanager
def managed_resource(*args, **kwds):
    print("acquire", args, kwds)
    resource = {"name": args[0]}
    try:
        yield resource
    finally:
        print("release", resource["name"])


with managed_resource("db", timeout=3) as r:
    print("using", r)

try:
    with managed_resource("net"):
        raise ValueError("boom")
except ValueError as e:
    print("caught", e)


@contextmanager
def swallow():
    try:
        yield
    except KeyError as e:
        print("swallowed", repr(e))


with swallow():
    {}["missing"]
print("after swallow")


@contextmanager
def no_yield():
    if False:
        yield


try:
    with no_yield():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)


@contextmanager
def two_yields():
    yield 1
    yield 2


try:
    with two_yields() as v:
        print("v", v)
except RuntimeError as e:
    print("RuntimeError:", e)

print(tag.__name__, tag.__doc__)


@tag("p")
def para():
    print("text")


para()
para()

with suppress(FileNotFoundError, KeyError):
    raise KeyError("x")
print("suppressed")

try:
    with suppress(KeyError):
        raise IndexError("not suppressed")
except IndexError as e:
    print("IndexError:", e)


class Page:
    def __init__(self, url):
        self.url = url

    def read(self):
        return "content of " + self.url

    def close(self):
        print("closing", self.url)


with closing(Page("http://www.python.org")) as page:
    print(page.read())


def myfunction(arg, ignore_exceptions=False):
    if ignore_exceptions:
        cm = suppress(Exception)
    else:
        cm = nullcontext()
    with cm:
        return 10 // arg


print(myfunction(0, ignore_exceptions=True))
print(myfunction(5))
with nullcontext(42) as n:
    print("nullcontext", n)


class mycontext(ContextDecorator):
    def __enter__(self):
        print("Starting")
        return self

    def __exit__(self, *exc):
        print("Finishing")
        return False


@mycontext()
def function():
    print("The bit in the middle")


function()
with mycontext():
    print("The bit in the middle")
