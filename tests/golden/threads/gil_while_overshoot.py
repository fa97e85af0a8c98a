# CPython 3.11 tests a while loop's condition again at the bottom and checks the eval breaker
# on the jump back into the body. A thread switched out there has already seen
# counter < LIMIT; when it runs again the other thread has reached LIMIT, and it adds one more.
import threading

LIMIT = 500_000
counter = 0


def work():
    global counter
    while counter < LIMIT:
        counter += 1


threads = [threading.Thread(target=work) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("past the limit by", counter - LIMIT)
