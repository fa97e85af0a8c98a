# Ten requests started together overlap: create_task + asyncio.wait (or gather) take one latency.
# elapsed: 0.5
import aiohttp
import asyncio
import sim

LATENCY = 0.25
sim.network(latency=LATENCY)
URLS = [f"https://example.com/page/{i}" for i in range(10)]


async def fetch(session, url):
    async with session.get(url) as response:
        text = await response.text()
        return response.status, text.split("<title>")[1].split("</title>")[0]


async def main():
    loop = asyncio.get_running_loop()
    async with aiohttp.ClientSession() as session:
        start = loop.time()
        tasks = [asyncio.create_task(fetch(session, url)) for url in URLS]
        done, pending = await asyncio.wait(tasks)
        elapsed = loop.time() - start
        print(len(done), "done,", len(pending), "pending")
        print([t.result() for t in tasks][:3])
        print(f"wait: {round(elapsed / LATENCY)} x latency")
        start = loop.time()
        results = await asyncio.gather(*(fetch(session, url) for url in URLS))
        elapsed = loop.time() - start
        print(results[-1])
        print(f"gather: {round(elapsed / LATENCY)} x latency")


asyncio.run(main())
