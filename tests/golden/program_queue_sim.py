# A seeded bank-queue simulation with time.sleep pacing: random, classes, generators, time.
import random
import time
random.seed(11)
class Customer:
    def __init__(self, cid, arrival, service):
        self.cid = cid
        self.arrival = arrival
        self.service = service
def arrivals(n):
    t = 0
    for cid in range(n):
        t += random.randint(1, 5)
        yield Customer(cid, t, random.randint(2, 6))
clock = 0
waits = []
for c in arrivals(8):
    start = max(clock, c.arrival)
    waits.append(start - c.arrival)
    clock = start + c.service
    print(f"customer {c.cid}: arrives {c.arrival:>2}, starts {start:>2}, leaves {clock:>2}")
print("average wait", round(sum(waits) / len(waits), 3), "max wait", max(waits))
t0 = time.monotonic()
for step in range(3):
    time.sleep(0.1)
print(f"paced steps took {time.monotonic() - t0:.1f}s")
print(random.choice(["done", "finished", "complete"]))
