# Concurrent requests against sequential awaits: the same ten requests, first awaited
# one by one, then all at once with gather.
import asyncio
import time

import aiohttp
import sim

sim.network(latency=0.25)  # every request takes 0.25 s to answer
URLS = [f"https://example.com/page/{n}" for n in range(10)]


async def fetch(session, url):
    async with session.get(url) as response:
        return await response.text()


async def main():
    async with aiohttp.ClientSession() as session:
        start = time.perf_counter()
        for url in URLS:
            await fetch(session, url)  # waits for each answer before asking again
        in_turn = time.perf_counter() - start

        start = time.perf_counter()
        await asyncio.gather(*(fetch(session, url) for url in URLS))
        together = time.perf_counter() - start
    print(f"awaited in turn {in_turn:.2f} s · together {together:.2f} s")


asyncio.run(main())
