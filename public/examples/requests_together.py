# Ten requests in flight together: gather starts them all, then waits once.
import asyncio
import time

import aiohttp
import sim

sim.network(latency=0.25)
URLS = [f"https://example.com/page/{n}" for n in range(10)]


async def fetch(session, url):
    async with session.get(url) as response:
        return await response.text()


async def main():
    start = time.perf_counter()
    async with aiohttp.ClientSession() as session:
        await asyncio.gather(*(fetch(session, url) for url in URLS))
    print(f"together {time.perf_counter() - start:.2f} s")


asyncio.run(main())
