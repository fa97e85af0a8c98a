# collections: deque shared between threads (append/popleft), plus deque and namedtuple error messages
import threading
import time
from collections import deque, namedtuple, Counter

jobs = deque()
done = []

def producer():
    for i in range(5):
        jobs.append(i)
        time.sleep(0.01)

def consumer():
    while len(done) < 5:
        if jobs:
            done.append(jobs.popleft() * 10)
        else:
            time.sleep(0.005)

threads = [threading.Thread(target=producer), threading.Thread(target=consumer)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(done, jobs)

d = deque([1, 2, 3], maxlen=3)
for bad in (lambda: d[5], lambda: deque([], maxlen=-1), lambda: d.insert(0, 9), lambda: d.remove(7), lambda: namedtuple('T', 'a a'), lambda: namedtuple('T', 'class'), lambda: namedtuple('T', 'a b')(1, 2, 3), lambda: Counter.fromkeys('ab')):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(deque('abc') == deque('abc'), deque([1]) + deque([2]), d * 1)
