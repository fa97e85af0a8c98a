# The playground's sim module: sim.cpu(s) spends s seconds of CPU time.
import time
import sim
from sim import cpu
t0 = time.perf_counter()
sim.cpu(0.05)
sim.cpu(0.05)
print(f"cpu work took {time.perf_counter() - t0:.1f}s")
t1 = time.perf_counter()
cpu(0.2)
time.sleep(0.1)
print(f"cpu + sleep took {time.perf_counter() - t1:.1f}s")
def work(n):
    for _ in range(n):
        sim.cpu(0.05)
    return n
t2 = time.perf_counter()
print(work(4), f"{time.perf_counter() - t2:.1f}")
