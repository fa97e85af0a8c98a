# Blocking requests from six threads with capacity=2: three rounds, served in order of arrival.
# elapsed: 0.75
import requests
import sim
import threading
import time

LATENCY = 0.25
sim.network(latency=LATENCY, capacity=2)
statuses = []


def fetch(i):
    statuses.append(requests.post(f"https://example.com/upload/{i}", data="x").status_code)


start = time.perf_counter()
threads = [threading.Thread(target=fetch, args=(i,)) for i in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.perf_counter() - start
print(statuses)
print(f"six requests, two at a time: {round(elapsed / LATENCY)} x latency")
