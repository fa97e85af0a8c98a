# __context__ when an exception object is raised again: each raise while another is handled replaces the old context, and re-raising grows one traceback
class ParseError(Exception):
    pass


class RetryError(Exception):
    pass


try:
    try:
        raise ParseError("bad header")
    except ParseError:
        raise RetryError("giving up")
except RetryError as error:
    print(repr(error.__context__))

saved = ValueError("saved")
try:
    raise KeyError("first")
except KeyError:
    try:
        raise saved
    except ValueError:
        pass
print(repr(saved.__context__))
try:
    raise TypeError("second")
except TypeError:
    try:
        raise saved
    except ValueError:
        pass
print(repr(saved.__context__))
try:
    raise saved
except ValueError:
    pass
print(repr(saved.__context__))


def lookup(key):
    try:
        raise KeyError(key)
    except KeyError:
        raise


try:
    try:
        raise ParseError("outer")
    except ParseError:
        lookup("name")
except KeyError as error:
    print(repr(error), repr(error.__context__))

last = None
for i in range(50000):
    try:
        try:
            raise ValueError(i)
        finally:
            if last is not None:
                raise last
    except ValueError as caught:
        last = caught
print(repr(last), repr(last.__context__))
raise last
