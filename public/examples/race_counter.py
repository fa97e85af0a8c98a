# A race on a shared counter, then the same code fixed with a lock. Between reading
# and writing the counter a thread may be switched out; the others' updates are lost.
import threading
import time

counter = 0
lock = threading.Lock()


def unsafe_add(times):
    global counter
    for _ in range(times):
        value = counter
        time.sleep(0)  # releases the GIL: another thread runs here
        counter = value + 1


def safe_add(times):
    global counter
    for _ in range(times):
        with lock:  # read and write as one step
            value = counter
            time.sleep(0)
            counter = value + 1


def run(worker):
    global counter
    counter = 0
    threads = [threading.Thread(target=worker, args=(50,), name=f"{worker.__name__}-{i}") for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return counter


print(f"without a lock: {run(unsafe_add)} (expected 150)")
print(f"with a lock:    {run(safe_add)} (expected 150)")
