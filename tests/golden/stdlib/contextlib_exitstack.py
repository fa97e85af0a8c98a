# contextlib: ExitStack closing many resources in reverse order, callback, pop_all, exceptions in callbacks
from contextlib import ExitStack, contextmanager


class Resource:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("open", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("close", self.name, exc_type.__name__ if exc_type else None)
        return False


filenames = ["a.txt", "b.txt", "c.txt"]
with ExitStack() as stack:
    files = [stack.enter_context(Resource(fname)) for fname in filenames]
    print([f.name for f in files])

with ExitStack() as stack:
    stack.callback(print, "callback one")
    stack.callback(print, "callback two", end="!\n")
    print("body")


def cleanup_resources():
    print("cleanup")


with ExitStack() as stack:
    stack.callback(cleanup_resources)
    keep = stack.pop_all()
print("after with: nothing ran")
keep.close()

try:
    with ExitStack() as stack:
        stack.enter_context(Resource("x"))
        stack.enter_context(Resource("y"))
        raise ValueError("inside")
except ValueError as e:
    print("caught", e)


def raiser():
    raise KeyError("from callback")


try:
    with ExitStack() as stack:
        stack.callback(raiser)
        stack.enter_context(Resource("z"))
except KeyError as e:
    print("caught", repr(e))


class Suppressor:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        print("suppressing", exc[0].__name__)
        return True


with ExitStack() as stack:
    stack.enter_context(Suppressor())
    raise RuntimeError("hidden")
print("suppressed by the stack")


@contextmanager
def step(n):
    print("enter", n)
    yield n
    print("exit", n)


with ExitStack() as stack:
    values = [stack.enter_context(step(i)) for i in range(3)]
    print(values)


def pusher(exc_type, exc, tb):
    print("pushed exit called with", exc_type)


with ExitStack() as stack:
    stack.push(pusher)

try:
    with ExitStack() as stack:
        stack.enter_context(42)
except TypeError as e:
    print("TypeError:", e)
