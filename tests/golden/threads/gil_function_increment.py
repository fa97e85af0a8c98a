# `counter += 1` inside a function called in a loop: the checks are at the function's start
# and at the loop's backward jump, not between the load and the store, so CPython 3.11 loses
# no update with the GIL on.
import threading

counter = 0


def add_one():
    global counter
    counter += 1


def worker(times):
    for _ in range(times):
        add_one()


threads = [threading.Thread(target=worker, args=(100_000,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)
