# The blog's race on a free-threaded build: without the GIL both threads run at once on two
# cores and interleave at any instruction, so `counter += 1` loses updates.
# engine-only: CPython 3.11 has no --gil off; with the GIL it prints 200000 (gil_counter_race_blog.py)
# args: --gil off --cores 2
import threading

counter = 0

def increment():
    global counter
    for _ in range(100_000):
        counter += 1

t1 = threading.Thread(target=increment)
t2 = threading.Thread(target=increment)
t1.start()
t2.start()
t1.join()
t2.join()
print("lost updates:", counter < 200_000)
