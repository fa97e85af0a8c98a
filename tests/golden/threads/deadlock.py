# Two threads take two locks in opposite order: the run ends with a report naming every waiter.
# engine-only: CPython hangs forever here; the playground detects the deadlock.
# elapsed: 0.1
import threading
import time

a = threading.Lock()
b = threading.Lock()


class Transfer(threading.Thread):
    def __init__(self, first, second):
        super().__init__()
        self.first = first
        self.second = second

    def run(self):
        with self.first:
            time.sleep(0.1)
            with self.second:
                print("never printed")


t1 = Transfer(a, b)
t2 = Transfer(b, a)
t1.start()
t2.start()
print("both threads started")
t1.join()
t2.join()
