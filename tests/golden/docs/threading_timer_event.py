# The threading docs' Timer and Event: a Timer fires after its interval; waiters block on an Event until it is set.
# elapsed: 1.5
import threading
import time

def hello():
    print("hello, world")

t = threading.Timer(0.5, hello)
t.start()  # after 0.5 seconds, "hello, world" will be printed
t.join()

ready = threading.Event()

def waiter(n):
    ready.wait()
    time.sleep(0.1 * n)
    print(f"waiter {n} saw the event")

threads = [threading.Thread(target=waiter, args=(n,)) for n in range(3)]
for th in threads:
    th.start()
time.sleep(0.8)
print("setting the event")
ready.set()
for th in threads:
    th.join()
print("is_set:", ready.is_set())
