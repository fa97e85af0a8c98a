# Scale: 1,000 threads contend for one lock, each taking it 5 times around a tiny critical section.
import threading
import time

THREADS = 1_000  # quick: 200
ROUNDS = 5  # quick: 5
lock = threading.Lock()
counter = 0


def worker():
    global counter
    for _ in range(ROUNDS):
        with lock:
            counter += 1
            time.sleep(0.0001)


threads = [threading.Thread(target=worker) for _ in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
assert counter == THREADS * ROUNDS
print("switches:", THREADS * ROUNDS * 2)
