# An uncaught exception ends only its own thread (reported on stderr); the program goes on.
# elapsed: 0.2
import threading
import time

results = []


def fails():
    time.sleep(0.1)
    results.append("before the error")
    raise ValueError("boom in a thread")


def works():
    time.sleep(0.2)
    results.append("other thread finished")


threads = [threading.Thread(target=fails), threading.Thread(target=works)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(results)
print("alive:", [t.is_alive() for t in threads])
print("main thread continues")
