# Queue.get/put with timeouts raise queue.Empty/queue.Full; the nowait forms raise at once.
# elapsed: 0.4
import queue
import threading
import time

start = time.perf_counter()


def now():
    # now() shows tenths of a second, rounding down up to 40 ms: CPython's wall clock may run late.
    return f"{max(0.0, time.perf_counter() - start - 0.04):.1f}"


q = queue.Queue(maxsize=1)
try:
    q.get(timeout=0.1)
except queue.Empty:
    print(f"{now()} get(timeout=0.1): Empty")
try:
    q.get_nowait()
except queue.Empty:
    print(f"{now()} get_nowait(): Empty")
q.put("only")
try:
    q.put("more", timeout=0.1)
except queue.Full:
    print(f"{now()} put(timeout=0.1): Full")
try:
    q.put_nowait("more")
except queue.Full:
    print(f"{now()} put_nowait(): Full")
try:
    q.put("more", block=False)
except queue.Full:
    print(f"{now()} put(block=False): Full")


taken = []


def late_consumer():
    time.sleep(0.1)
    taken.append(q.get())


t = threading.Thread(target=late_consumer)
t.start()
q.put("after the consumer makes room", timeout=0.5)
print(f"{now()} put with room made in time")
t.join()
print(f"{now()} the consumer took {taken}")
item = q.get(timeout=1)
print(f"{now()} get(timeout=1): {item}")
t2 = threading.Thread(target=lambda: (time.sleep(0.1), q.put("late")))
t2.start()
item = q.get(timeout=1)
print(f"{now()} waited for a late item: {item}")
t2.join()
print(f"{now()} left:", q.qsize())
