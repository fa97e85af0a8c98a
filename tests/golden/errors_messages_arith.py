# Messages of arithmetic and conversion errors, caught and printed.
def show(fn):
    try:
        fn()
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
show(lambda: 1 / 0)
show(lambda: 1 // 0)
show(lambda: 1 % 0)
show(lambda: 1.0 / 0)
show(lambda: 1.5 // 0.0)
show(lambda: divmod(1, 0))
show(lambda: 0 ** -1)
show(lambda: int("abc"))
show(lambda: int("12.5"))
show(lambda: int(""))
show(lambda: int("ff", 10))
show(lambda: float("abc"))
show(lambda: float("1.2.3"))
show(lambda: int(float("inf")))
import math
show(lambda: math.sqrt(-1))
