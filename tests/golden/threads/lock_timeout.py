# Lock.acquire without blocking and with a timeout, locked(), and releasing an unlocked lock.
# elapsed: 0.3
import threading
import time

start = time.perf_counter()
lock = threading.Lock()


def now():
    # now() shows tenths of a second, rounding down up to 40 ms: CPython's wall clock may run late.
    return f"{max(0.0, time.perf_counter() - start - 0.04):.1f}"


def contender():
    print(f"{now()} try without blocking:", lock.acquire(blocking=False))
    result = lock.acquire(timeout=0.1)
    print(f"{now()} try for 0.1 s: {result}")
    got = lock.acquire()
    print(f"{now()} blocking acquire:", got)
    time.sleep(0.1)
    print(f"{now()} contender releases")
    lock.release()


lock.acquire()
print(f"{now()} main holds the lock:", lock.locked())
t = threading.Thread(target=contender)
t.start()
time.sleep(0.2)
print(f"{now()} main releases")
lock.release()
t.join()
print(f"{now()} locked at the end:", lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
print("acquire(timeout=0):", lock.acquire(timeout=0), lock.locked())
lock.release()
