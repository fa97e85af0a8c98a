# Blocking requests in a thread pool overlap: ten requests on five workers take two latencies.
# elapsed: 0.5
import requests
import sim
import time
from concurrent.futures import ThreadPoolExecutor

LATENCY = 0.25
sim.network(latency=LATENCY)
URLS = [f"https://example.com/doc/{i}" for i in range(10)]


def fetch(url):
    response = requests.get(url)
    return response.status_code, len(response.text), response.json()["url"][-5:]


start = time.perf_counter()
with ThreadPoolExecutor(max_workers=5) as pool:
    results = list(pool.map(fetch, URLS))
elapsed = time.perf_counter() - start
print(results[:2])
print("all 200:", all(status == 200 for status, _, _ in results))
print(f"ten requests on five threads: {round(elapsed / LATENCY)} x latency")
