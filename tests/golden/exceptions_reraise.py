# Re-raising with bare raise, raising a caught exception again, and handling in outer frames.
def risky():
    raise ValueError("original")
def wrapper():
    try:
        risky()
    except ValueError:
        print("logging and re-raising")
        raise
try:
    wrapper()
except ValueError as e:
    print("outer got:", e)
def convert():
    try:
        return int("x")
    except ValueError as e:
        saved = e
    raise saved
try:
    convert()
except ValueError as e:
    print("re-raised object:", e)
def layers(n):
    if n == 0:
        raise KeyError("deep")
    try:
        layers(n - 1)
    finally:
        print("unwinding", n)
try:
    layers(3)
except KeyError as e:
    print("caught", e)
errors = []
for v in ["1", "x", "3", ""]:
    try:
        errors.append(int(v))
    except ValueError as e:
        errors.append(str(e))
print(errors)
