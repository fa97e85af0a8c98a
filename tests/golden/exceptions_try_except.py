# try/except/else/finally ordering, tuples of types, `as`, str(e), e.args, base-class catching.
def attempt(x):
    try:
        print("try", x)
        result = 10 / x
    except ZeroDivisionError as e:
        print("except:", e)
        return "failed"
    else:
        print("else", result)
        return result
    finally:
        print("finally", x)
print(attempt(2))
print(attempt(0))
for bad in ["abc", [], {"k": 1}]:
    try:
        if isinstance(bad, str):
            int(bad)
        elif isinstance(bad, list):
            bad[3]
        else:
            bad["missing"]
    except (ValueError, IndexError) as e:
        print("value-or-index:", type(e).__name__, e)
    except KeyError as e:
        print("key:", e, e.args)
try:
    raise ValueError("bad value", 42)
except ValueError as e:
    print(e.args, e.args[1], str(e))
try:
    raise RuntimeError("just one")
except Exception as e:
    print(repr(e.args), str(e), type(e).__name__)
try:
    raise TypeError
except TypeError as e:
    print(repr(str(e)), e.args)
try:
    [].pop()
except LookupError:
    print("never: IndexError from pop is a LookupError")
except IndexError as e:
    print("IndexError:", e)
try:
    {}["k"]
except LookupError as e:
    print("LookupError caught KeyError", repr(e), isinstance(e, KeyError))
try:
    try:
        1 / 0
    except ValueError:
        print("wrong handler")
    finally:
        print("inner finally")
except ZeroDivisionError:
    print("outer caught it")
try:
    x = 1
except Exception:
    print("not printed")
else:
    print("no exception, x =", x)
try:
    undefined_name
except NameError as e:
    print(e)
try:
    pass
finally:
    print("finally without except")
e = Exception("a", "b")
print(e.args, str(e), repr(e))
print(str(Exception()), repr(Exception()), str(Exception("x")), repr(ValueError("x")))
try:
    raise KeyError("quoted")
except KeyError as e:
    print(str(e), e.args[0])
try:
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")
except TypeError as e:
    print("chained handler got", e)
