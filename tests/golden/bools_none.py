# Booleans, None, truthiness, and `and`/`or` returning an operand.
print(True, False, None)
print(True + True, True * 10, False - 1)
print(not True, not 0, not [], not [0], not "", not "a")
print(bool(0), bool(1), bool(-1), bool(0.0), bool(""), bool(" "))
print(bool([]), bool({}), bool(()), bool(set()), bool(None), bool(range(0)))
print(0 or "default", "" or [] or "last", "x" or "y")
print(1 and 2, 0 and 2, "a" and "", [] and "unused")
print(None or 0, None and 1)
print(True == 1, False == 0, True is True, None is None)
x = None
if x is None:
    print("x is None")
if not x:
    print("x is falsy")
print(x == None, x != None)
result = [] or None
print(result)
print(repr(None), str(True), repr(False))
def side(v):
    print("evaluated", v)
    return v
print(side(0) and side(1))
print(side(2) or side(3))
print(True if side("") else False)
