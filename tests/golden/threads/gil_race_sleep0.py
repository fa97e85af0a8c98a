# time.sleep(0) between the read and the write releases the GIL, so the other thread runs
# there and one of the two writes is lost, in CPython as here.
import threading
import time

counter = 0


def increment(times):
    global counter
    for _ in range(times):
        value = counter
        time.sleep(0)
        counter = value + 1


threads = [threading.Thread(target=increment, args=(1000,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("lost updates:", counter < 2000)
