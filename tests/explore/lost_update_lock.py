# Correct: the lost-update counter with a threading.Lock around `counter += 1`.
import threading

counter = 0
lock = threading.Lock()


def increment(times):
    global counter
    for _ in range(times):
        with lock:
            counter += 1


threads = [threading.Thread(target=increment, args=(3,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()

print(f"counter = {counter}")
assert counter == 6, f"expected 6, got {counter}"
