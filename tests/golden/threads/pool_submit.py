# ThreadPoolExecutor.submit: futures, done(), result(), worker names, `with` waits for all.
# elapsed: 0.3
import threading
import time
from concurrent.futures import ThreadPoolExecutor

start = time.perf_counter()
workers = set()


def now():
    # now() shows tenths of a second, rounding down up to 40 ms: CPython's wall clock may run late.
    return f"{max(0.0, time.perf_counter() - start - 0.04):.1f}"


def square(n):
    workers.add(threading.current_thread().name)
    time.sleep(0.1)
    return n * n


with ThreadPoolExecutor(max_workers=3) as executor:
    futures = [executor.submit(square, n) for n in range(6)]
    print(f"{now()} submitted; first done: {futures[0].done()}")
    first = futures[0].result()
    print(f"{now()} first result: {first}")
    results = [f.result() for f in futures]
    print(f"{now()} all results: {results}")
    print("all done:", all(f.done() for f in futures))
print(f"{now()} workers: {sorted(workers)}")

workers.clear()
with ThreadPoolExecutor(max_workers=2, thread_name_prefix="fetch") as executor:
    later = executor.submit(square, 7)
print(f"{now()} after with: {later.done()} {later.result()} {sorted(workers)}")

workers.clear()
executor = ThreadPoolExecutor(max_workers=1)
f = executor.submit(pow, 2, 10)
print("pow result:", f.result())
executor.shutdown(wait=True)
with ThreadPoolExecutor(max_workers=1) as third:
    name = third.submit(lambda: threading.current_thread().name).result()
print("the third unnamed pool is number 2:", name)
