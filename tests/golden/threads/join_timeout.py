# join(timeout) returns while the thread is still alive; is_alive tells; join errors.
# elapsed: 0.3
import threading
import time

start = time.perf_counter()


def now():
    # now() shows tenths of a second, rounding down up to 40 ms: CPython's wall clock may run late.
    return f"{max(0.0, time.perf_counter() - start - 0.04):.1f}"


t = threading.Thread(target=time.sleep, args=(0.3,))
try:
    t.join()
except RuntimeError as e:
    print("RuntimeError:", e)
t.start()
t.join(timeout=0.1)
print(f"{now()} after join(0.1) alive:", t.is_alive())
t.join(0.1)
print(f"{now()} after another join(0.1) alive:", t.is_alive())
t.join()
print(f"{now()} after join() alive:", t.is_alive())
try:
    t.start()
except RuntimeError as e:
    print("RuntimeError:", e)


def join_self():
    try:
        threading.current_thread().join()
    except RuntimeError as e:
        print("RuntimeError:", e)


s = threading.Thread(target=join_self)
s.start()
s.join()
t.join(0)
print("joining a finished thread returns at once:", t.is_alive())
