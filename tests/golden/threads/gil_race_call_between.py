# A call between the read and the write is a place where CPython 3.11 may switch threads (the
# callee's RESUME checks the eval breaker), so updates are lost there as here.
import sys
import threading

sys.setswitchinterval(0.0001)
counter = 0


def log_progress():
    pass


def increment(times):
    global counter
    for _ in range(times):
        value = counter
        log_progress()
        counter = value + 1


threads = [threading.Thread(target=increment, args=(200_000,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("lost updates:", counter < 400_000)
