# Queue, LifoQueue and PriorityQueue orderings; qsize/empty/full; task_done and join.
import queue
import threading

fifo = queue.Queue()
lifo = queue.LifoQueue()
prio = queue.PriorityQueue()
for item in [3, 1, 2]:
    fifo.put(item)
    lifo.put(item)
    prio.put(item)
print("fifo:", [fifo.get() for _ in range(3)])
print("lifo:", [lifo.get() for _ in range(3)])
print("prio:", [prio.get() for _ in range(3)])

tasks = queue.PriorityQueue()
for entry in [(2, "write report"), (0, "fix outage"), (1, "review"), (0, "call back")]:
    tasks.put(entry)
while not tasks.empty():
    print("next:", tasks.get_nowait())

bounded = queue.Queue(maxsize=2)
print("empty:", bounded.empty(), "full:", bounded.full(), "qsize:", bounded.qsize(), "maxsize:", bounded.maxsize)
bounded.put("a")
bounded.put("b")
print("empty:", bounded.empty(), "full:", bounded.full(), "qsize:", bounded.qsize())

work = queue.Queue()
for n in range(5):
    work.put(n)
done = []


def worker():
    while True:
        try:
            n = work.get_nowait()
        except queue.Empty:
            return
        done.append(n * n)
        work.task_done()


t = threading.Thread(target=worker)
t.start()
work.join()
t.join()
print("joined after", sorted(done))
try:
    work.task_done()
except ValueError as e:
    print("ValueError:", e)
