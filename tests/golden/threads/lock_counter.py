# A Lock keeps a shared counter exact; `with lock` and acquire()/release() both protect it.
import threading

counter = 0
lock = threading.Lock()


def add_with(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1


def add_explicit(n):
    global counter
    for _ in range(n):
        lock.acquire()
        try:
            counter += 1
        finally:
            lock.release()


threads = [threading.Thread(target=add_with, args=(5000,)) for _ in range(2)]
threads += [threading.Thread(target=add_explicit, args=(5000,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter:", counter)
print("locked after all:", lock.locked())
