# to_thread and an executor beside the event loop: blocking and CPU work move to
# threads (running side by side) while the loop keeps serving coroutines (taking turns).
import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

import sim


def blocking_read(name):
    time.sleep(1.0)  # a blocking call: fine in a thread, a mistake on the loop
    return f"{name} loaded"


def crunch(n):
    sim.cpu(0.5)
    return n * n


async def heartbeat():
    for i in range(5):
        print(f"loop still responsive ({i})")
        await asyncio.sleep(0.3)


async def main():
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = await asyncio.gather(
            asyncio.to_thread(blocking_read, "config"),
            loop.run_in_executor(pool, crunch, 7),
            loop.run_in_executor(pool, crunch, 8),
            heartbeat(),
        )
    print(results[:3])


start = time.perf_counter()
asyncio.run(main())
print(f"elapsed {time.perf_counter() - start:.1f} s")
