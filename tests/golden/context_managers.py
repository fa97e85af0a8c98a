# The with statement: __enter__/__exit__, `as`, exceptions passing through or being suppressed.
class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("open", self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print("close", self.name, exc_type.__name__ if exc_type else None)
        return False
with Resource("a") as r:
    print("using", r.name)
with Resource("outer"), Resource("inner") as inner:
    print("both open, inner is", inner.name)
try:
    with Resource("b"):
        print("about to fail")
        raise ValueError("boom")
    print("not reached")
except ValueError as e:
    print("caught", e)
class Suppress:
    def __enter__(self):
        return "token"
    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None:
            print("suppressing", exc_type.__name__, exc)
        return True
with Suppress() as tok:
    print("got", tok)
    1 / 0
    print("not reached")
print("after suppressed error")
def use():
    with Resource("in function"):
        return "returned from with"
print(use())
for i in range(3):
    with Resource(f"loop{i}"):
        if i == 1:
            break
class Timer:
    def __enter__(self):
        self.entered = True
        return self
    def __exit__(self, *args):
        self.exited = True
t = Timer()
with t:
    pass
print(t.entered, t.exited)
