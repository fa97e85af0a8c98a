# Threads that sleep wake in the order of their deadlines, not the order they started in.
# elapsed: 0.3
import threading
import time

start = time.perf_counter()


def now():
    # now() shows tenths of a second, rounding down up to 40 ms: CPython's wall clock may run late.
    return f"{max(0.0, time.perf_counter() - start - 0.04):.1f}"


def worker(name, delay):
    time.sleep(delay)
    print(f"{now()} {name} woke after {delay} s")


threads = [threading.Thread(target=worker, args=(name, delay)) for name, delay in [("slow", 0.3), ("fast", 0.1), ("medium", 0.2)]]
for t in threads:
    t.start()
print(f"{now()} started {len(threads)} threads")
for t in threads:
    t.join()
print(f"{now()} all joined")
