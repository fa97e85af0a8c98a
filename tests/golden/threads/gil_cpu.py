# With the GIL, two CPU-bound threads take as long as running them one after the other.
# elapsed: 1.0
import sim
import threading
import time

start = time.perf_counter()
threads = [threading.Thread(target=sim.cpu, args=(0.5,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.perf_counter() - start
print(f"two threads of sim.cpu(0.5) took {elapsed:.1f} s")
print("the GIL serialised them:", elapsed > 0.9)
