# Blocking calls inside a coroutine (time.sleep, sim.cpu) stall the whole loop: timers fire late.
# elapsed: 0.7
import asyncio
import sim
import time

start = time.perf_counter()


def now():
    # now() shows tenths of a second, rounding down up to 40 ms: CPython's wall clock may run late.
    return f"{max(0.0, time.perf_counter() - start - 0.04):.1f}"


async def ticker():
    for i in range(3):
        await asyncio.sleep(0.1)
        print(now(), "tick", i + 1)


async def blocker():
    await asyncio.sleep(0)
    time.sleep(0.3)
    print(now(), "time.sleep(0.3) returned; the ticker could not run")
    sim.cpu(0.2)
    print(now(), "sim.cpu(0.2) returned")


async def main():
    await asyncio.gather(ticker(), blocker())
    print(now(), "done: the first tick was due at 0.1")


asyncio.run(main())
