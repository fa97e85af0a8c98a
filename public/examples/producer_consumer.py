# Producer and consumer: a bounded queue hands work over, and None is the poison pill
# that tells the consumer there is nothing more to come.
import queue
import threading
import time

jobs = queue.Queue(maxsize=2)


def producer():
    for n in range(5):
        time.sleep(0.4)  # making an item takes a while
        jobs.put(n)  # waits while the queue is full
        print(f"produced {n}")
    jobs.put(None)  # the poison pill


def consumer():
    while True:
        item = jobs.get()  # waits while the queue is empty
        if item is None:
            break
        time.sleep(1)  # handling is slower than making
        print(f"consumed {item}")


threads = [
    threading.Thread(target=producer, name="producer"),
    threading.Thread(target=consumer, name="consumer"),
]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("all done")
