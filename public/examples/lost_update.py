# A lost update the normal run never shows. Two threads each add 1 to a shared counter
# three times. counter += 1 is a read, an add and a write: a switch between the read and
# the write makes one thread write back a stale value. Run it and the assert holds, as it
# always does in CPython 3.11, whose GIL switches only at loop jumps, calls and function
# starts; a free-threaded build can switch anywhere. Press "Find a bug": the explorer tries
# the other orders and shows the one that loses an update.
import threading

counter = 0


def deposit(times):
    global counter
    for _ in range(times):
        counter += 1


threads = [threading.Thread(target=deposit, args=(3,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()

print(f"counter = {counter}")
assert counter == 6, f"an update was lost: counter is {counter}, not 6"
