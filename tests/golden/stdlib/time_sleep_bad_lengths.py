# time.sleep refuses lengths CPython refuses: negative, NaN, past int64 nanoseconds, wrong types
import time

for length in (-1, -0.5, float("nan"), 1e300, float("inf"), 1e12, 2**63, 2**70, "1", None):
    try:
        time.sleep(length)
    except (ValueError, OverflowError, TypeError) as e:
        print(repr(length), type(e).__name__, e)
time.sleep(0)
time.sleep(False)
print("zero sleeps are fine")
