# The same CPU-bound work four ways: one after another, in four threads, in four
# processes and in four asyncio tasks. Threads share one GIL and asyncio shares one
# thread, so neither gets faster; each process has its own GIL, so the pool runs
# four-wide on four cores. Compare with one core: then nothing helps.
import asyncio
import threading
import time
from multiprocessing import Pool

import sim


def crunch(n):
    sim.cpu(0.5)  # half a second of pure computation
    return n


async def crunch_async(n):
    crunch(n)  # no await inside: the event loop is stuck until it returns


async def main_async():
    await asyncio.gather(*(crunch_async(n) for n in range(4)))


def timed(label, run):
    start = time.perf_counter()
    run()
    print(f"{label:<12} {time.perf_counter() - start:.2f} s")


def with_threads():
    threads = [threading.Thread(target=crunch, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def with_processes():
    with Pool(4) as pool:
        pool.map(crunch, range(4))


if __name__ == "__main__":
    timed("sequential", lambda: [crunch(n) for n in range(4)])
    timed("threads", with_threads)
    timed("processes", with_processes)
    timed("asyncio", lambda: asyncio.run(main_async()))
