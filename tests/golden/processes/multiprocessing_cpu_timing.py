# multiprocessing: CPU-bound work in 4 processes on 4 cores takes a quarter of the serial time; 4 threads under the GIL take no less than serial
# engine-only: CPython's wall time on a loaded machine cannot show core counts; the simulated clock can
# args: --cores 4
import time
import sim
import threading
from multiprocessing import Pool


def work(n):
    sim.cpu(0.5)
    return n


if __name__ == "__main__":
    start = time.perf_counter()
    serial = [work(n) for n in range(4)]
    t_serial = time.perf_counter() - start

    start = time.perf_counter()
    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    t_threads = time.perf_counter() - start

    start = time.perf_counter()
    with Pool(4) as pool:
        results = pool.map(work, range(4))
    t_pool = time.perf_counter() - start

    print("serial:", round(t_serial, 1), serial)
    print("threads:", round(t_threads, 1))
    print("processes:", round(t_pool, 1), results)
    print("threads no faster than serial:", t_threads >= t_serial)
    print("processes about a quarter of serial:", 0.25 <= t_pool / t_serial < 0.4)
