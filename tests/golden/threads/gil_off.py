# Free-threaded mode: CPU-bound threads run in parallel, one per core, round-robin beyond that.
# engine-only: CPython 3.11 has no --gil off; the run compares with threads/gil_cpu.py
# args: --gil off --cores 2
# elapsed: 1.5
import sim
import threading
import time


def run(n):
    start = time.perf_counter()
    threads = [threading.Thread(target=sim.cpu, args=(0.5,)) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start


print(f"2 threads of sim.cpu(0.5) on 2 cores: {run(2):.1f} s")
print(f"4 threads of sim.cpu(0.5) on 2 cores: {run(4):.1f} s")
