# Messages of errors from calling functions and methods with the wrong arguments, and scope errors.
def show(fn):
    try:
        fn()
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
def two(a, b):
    return a + b
def kw_only(*, key):
    return key
def with_default(a, b=1):
    return a
class Widget:
    def __init__(self, size):
        self.size = size
    def grow(self, by):
        return self.size + by
show(lambda: two(1))
show(lambda: two())
show(lambda: two(1, 2, 3))
show(lambda: two(1, c=3))
show(lambda: two(1, a=1))
show(lambda: kw_only(1))
show(lambda: kw_only())
show(lambda: with_default())
show(lambda: with_default(1, 2, 3))
show(lambda: Widget())
show(lambda: Widget(1, 2))
show(lambda: Widget(1).grow())
show(lambda: Widget(1).grow(1, 2))
show(lambda: len())
show(lambda: len([], []))
def unbound():
    total += 1
    total = 0
show(unbound)
def local_before():
    print(value)
    value = 1
show(local_before)
show(lambda: not_defined_anywhere)
def nested_missing():
    def inner():
        return helper_that_does_not_exist()
    return inner()
show(nested_missing)
show(lambda: [].append())
