# A worker's exception is stored in its future: result() re-raises it, exception() returns it.
# elapsed: 0.3
import concurrent.futures
import time


def risky(n):
    time.sleep(0.1)
    if n == 2:
        raise ValueError(f"bad input {n}")
    return n * 10


with concurrent.futures.ThreadPoolExecutor(max_workers=4) as executor:
    futures = [executor.submit(risky, n) for n in range(4)]
    for f in futures:
        try:
            print("result:", f.result())
        except ValueError as e:
            print("result() raised ValueError:", e)
    print("exception():", [type(f.exception()).__name__ for f in futures])

slow = concurrent.futures.ThreadPoolExecutor(max_workers=1)
pending = slow.submit(time.sleep, 0.1)
try:
    pending.result(timeout=0.05)
except TimeoutError:
    print("result(timeout=0.05) raised TimeoutError, done:", pending.done())
slow.shutdown()
print("after shutdown, done:", pending.done(), pending.result())
try:
    slow.submit(print, "never")
except RuntimeError as e:
    print("RuntimeError:", e)

with concurrent.futures.ThreadPoolExecutor(max_workers=1) as executor:
    failing = executor.submit(risky, 2)
print("the program ends with the worker's error")
failing.result()
