# --sequential: Thread.start() runs the target to completion, showing what the threads would cost in turn.
# engine-only: a playground option; with real threads the three sleeps overlap (0.2 s in all)
# args: --sequential
# elapsed: 0.6
import threading
import time

start = time.perf_counter()


def now():
    # now() shows tenths of a second, rounding down up to 40 ms: CPython's wall clock may run late.
    return f"{max(0.0, time.perf_counter() - start - 0.04):.1f}"


def worker(i):
    print(f"{now()} worker {i} starts")
    time.sleep(0.2)
    print(f"{now()} worker {i} ends")


threads = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
print(f"{now()} all started")
for t in threads:
    t.join()
print(f"{now()} all joined")
