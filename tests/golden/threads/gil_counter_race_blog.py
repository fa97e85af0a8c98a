# The race from the blog posts, verbatim: two threads each add 1 to a global 100,000 times.
# CPython 3.11 prints 200000 every time. A thread gives up the GIL only where the interpreter
# checks its eval breaker (here: the loop's backward jump), never between the load and the
# store of `counter += 1`. scheduler_test.cpp runs it under many seeds.
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
