# Event: waiters block until set(); wait(timeout) returns False on timeout; clear() resets.
# elapsed: 0.39
import threading
import time

start = time.perf_counter()
ready = threading.Event()


def now():
    # now() shows tenths of a second, rounding down up to 40 ms: CPython's wall clock may run late.
    return f"{max(0.0, time.perf_counter() - start - 0.04):.1f}"


def waiter(i):
    result = ready.wait()
    time.sleep(0.03 * (i + 1))
    print(f"waiter {i} saw the event: {result}")


threads = [threading.Thread(target=waiter, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
print(f"{now()} is_set:", ready.is_set())
result = ready.wait(0.1)
print(f"{now()} wait(0.1) returned {result}")
time.sleep(0.1)
print(f"{now()} setting the event")
ready.set()
for t in threads:
    t.join()
print("is_set:", ready.is_set(), "wait():", ready.wait())
ready.clear()
print("after clear:", ready.is_set())
timer = threading.Thread(target=lambda: (time.sleep(0.1), ready.set()))
timer.start()
result = ready.wait(1.0)
print(f"wait(1.0) returned early: {result}")
timer.join()
