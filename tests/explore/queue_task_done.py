# Correct: the worker calls q.task_done() for every item, so q.join() returns.
import queue
import threading

q = queue.Queue()


def worker():
    while True:
        item = q.get()
        print(f"Working on {item}")
        print(f"Finished {item}")
        q.task_done()


threading.Thread(target=worker, daemon=True).start()
for item in range(3):
    q.put(item)

q.join()
print("All work completed")
