# Ten requests awaited one after another each pay the full latency: 10 x 0.25 s.
# elapsed: 2.5
import aiohttp
import asyncio
import sim

LATENCY = 0.25
sim.network(latency=LATENCY)
URLS = [f"https://example.com/page/{i}" for i in range(10)]


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    results = []
    async with aiohttp.ClientSession() as session:
        for url in URLS:
            response = await session.get(url)
            text = await response.text()
            results.append((response.status, len(text)))
    elapsed = loop.time() - start
    print(results)
    print(f"{len(URLS)} requests in turn took {elapsed:.1f} s = {round(elapsed / LATENCY)} x latency")


asyncio.run(main())
