# Barrier: threads arriving at different times all pass together; the action runs in the last one.
# elapsed: 0.49
import threading
import time

start = time.perf_counter()


def now():
    # now() shows tenths of a second, rounding down up to 40 ms: CPython's wall clock may run late.
    return f"{max(0.0, time.perf_counter() - start - 0.04):.1f}"


def action():
    print(f"{now()} action runs in {threading.current_thread().name}")


barrier = threading.Barrier(3, action=action)


def runner(delay):
    time.sleep(delay)
    print(f"{now()} {threading.current_thread().name} arrives, {barrier.n_waiting} waiting")
    index = barrier.wait()
    time.sleep(0.03 * (index + 1))
    print(f"{threading.current_thread().name} passes with index {index}")


threads = [threading.Thread(target=runner, args=(d,), name=f"runner-{d}") for d in (0.2, 0.1, 0.3)]
print("parties:", barrier.parties, "broken:", barrier.broken)
for t in threads:
    t.start()
for t in threads:
    t.join()

lonely = threading.Barrier(2)
try:
    lonely.wait(timeout=0.1)
except threading.BrokenBarrierError:
    print("timed out: BrokenBarrierError, broken:", lonely.broken)
try:
    lonely.wait()
except threading.BrokenBarrierError:
    print("a broken barrier raises at once")
lonely.reset()
print("after reset, broken:", lonely.broken)
