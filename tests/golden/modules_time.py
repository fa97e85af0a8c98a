# time.sleep advances the clock; time.time, perf_counter and monotonic measure it.
import time
from time import sleep
t0 = time.perf_counter()
w0 = time.time()
m0 = time.monotonic()
time.sleep(0.2)
print(f"slept {time.perf_counter() - t0:.1f}s")
sleep(0.1)
print(f"perf {time.perf_counter() - t0:.1f}")
print(f"wall {time.time() - w0:.1f}")
print(f"mono {time.monotonic() - m0:.1f}")
print(time.perf_counter() >= t0, time.time() > 1e9 or time.time() >= 0)
start = time.monotonic()
for i in range(3):
    time.sleep(0.1)
    print(f"tick {i} at {time.monotonic() - start:.1f}")
time.sleep(0)
print("done")
