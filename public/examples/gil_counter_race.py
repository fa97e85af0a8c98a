# The race from the blog posts: two threads each add 1 to a global 100,000 times.
# With the GIL (CPython 3.11) it prints 200000 every time: a thread gives up the GIL only
# where the interpreter checks for a switch (here the loop's jump back), never between
# loading counter and storing it. Free-threaded, both threads run at once on two cores and
# interleave at any instruction, so updates are lost. Compare shows the two side by side.
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
print(counter)
