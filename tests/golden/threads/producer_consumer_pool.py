# Two producers, three consumers, a bounded queue, task_done/join, one poison pill per consumer.
# elapsed: 0.35
import queue
import threading
import time

q = queue.Queue(maxsize=2)
consumed = []
consumed_lock = threading.Lock()


def producer(offset, base):
    time.sleep(offset)
    for i in range(6):
        q.put(base + i)
        time.sleep(0.05)


def consumer():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            return
        time.sleep(0.05)
        with consumed_lock:
            consumed.append(item)
        q.task_done()


producers = [threading.Thread(target=producer, args=(0.025, 100)), threading.Thread(target=producer, args=(0.05, 200))]
consumers = [threading.Thread(target=consumer, name=f"consumer-{i}") for i in range(3)]
for t in consumers + producers:
    t.start()
for t in producers:
    t.join()
q.join()
print("all items processed:", len(consumed))
print(sorted(consumed))
for _ in consumers:
    q.put(None)
for t in consumers:
    t.join()
print("consumers alive:", [t.is_alive() for t in consumers], "queue size:", q.qsize())
