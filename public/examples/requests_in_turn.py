# Ten requests awaited one by one: each waits for the previous answer.
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
        for url in URLS:
            await fetch(session, url)
    print(f"awaited in turn {time.perf_counter() - start:.2f} s")


asyncio.run(main())
