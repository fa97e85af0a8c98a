# Bug: lost update. Two threads run `counter += 1`, which reads counter and writes it back
# in separate steps; a switch between the two loses an increment. The default run prints 6.
import threading

counter = 0


def increment(times):
    global counter
    for _ in range(times):
        counter += 1


threads = [threading.Thread(target=increment, args=(3,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()

print(f"counter = {counter}")
assert counter == 6, f"expected 6, got {counter}"
