# Semaphore limits how many threads run a section at once; BoundedSemaphore catches over-release.
# elapsed: 0.4
import threading
import time

start = time.perf_counter()
slots = threading.Semaphore(2)
guard = threading.Lock()
active = 0
peak = 0


def now():
    # now() shows tenths of a second, rounding down up to 40 ms: CPython's wall clock may run late.
    return f"{max(0.0, time.perf_counter() - start - 0.04):.1f}"


def job():
    global active, peak
    with slots:
        with guard:
            active += 1
            peak = max(peak, active)
        time.sleep(0.1)
        with guard:
            active -= 1


threads = [threading.Thread(target=job) for _ in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"{now()} five jobs, two at a time; peak concurrency {peak}")

empty = threading.Semaphore(0)
print(f"{now()} acquire(timeout=0.1):", empty.acquire(timeout=0.1))
print(f"{now()} acquire(blocking=False):", empty.acquire(blocking=False))
empty.release()
print("after release:", empty.acquire(blocking=False))

bounded = threading.BoundedSemaphore(2)
bounded.acquire()
bounded.release()
try:
    bounded.release()
except ValueError as e:
    print("ValueError:", e)
try:
    threading.Semaphore(-1)
except ValueError as e:
    print("ValueError:", e)
plain = threading.Semaphore(1)
plain.release()
print("a plain Semaphore may go above its start:", plain.acquire(blocking=False), plain.acquire(blocking=False), plain.acquire(blocking=False))
