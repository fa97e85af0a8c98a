# RLock: the owner may re-acquire it; others wait until every level is released.
# elapsed: 0.2
import threading
import time

start = time.perf_counter()
rlock = threading.RLock()


def now():
    # now() shows tenths of a second, rounding down up to 40 ms: CPython's wall clock may run late.
    return f"{max(0.0, time.perf_counter() - start - 0.04):.1f}"


def depth(n):
    with rlock:
        if n == 0:
            return 0
        return 1 + depth(n - 1)


print("nested depth:", depth(5))


def other():
    try:
        rlock.release()
    except RuntimeError as e:
        print(f"{now()} other cannot release:", e)
    print(f"{now()} other try:", rlock.acquire(blocking=False))
    with rlock:
        print(f"{now()} other got the lock")


rlock.acquire()
rlock.acquire()
t = threading.Thread(target=other)
t.start()
time.sleep(0.1)
print(f"{now()} main releases one level")
rlock.release()
time.sleep(0.1)
print(f"{now()} main releases the last level")
rlock.release()
t.join()
print(f"{now()} done")
