# Two threads each add 1 to a shared counter, so it should end at 2. But
# `counter += 1` is not one step: it loads, adds 1 and stores. Free-threaded, a switch can
# come between any two of those; CPython 3.11's GIL switches only at its checks (the banner says where).
import threading

counter = 0


def add_one():
    global counter
    counter += 1


first = threading.Thread(target=add_one)
second = threading.Thread(target=add_one)
first.start()
second.start()
first.join()
second.join()
print("counter =", counter)
assert counter == 2, f"an update was lost: counter is {counter}, not 2"
