# Bug: the worker never calls q.task_done(), so q.join() waits forever.
import queue
import threading

q = queue.Queue()


def worker():
    while True:
        item = q.get()
        print(f"Working on {item}")
        print(f"Finished {item}")


threading.Thread(target=worker, daemon=True).start()
for item in range(3):
    q.put(item)

q.join()
print("All work completed")
