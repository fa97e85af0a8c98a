# With capacity=3 the network serves three requests at once, the rest wait in order: four rounds.
# elapsed: 1.5
import aiohttp
import asyncio
import sim

LATENCY = 0.25
sim.network(latency=LATENCY, capacity=3)
URLS = [f"https://example.com/item/{i}" for i in range(10)]


async def main():
    loop = asyncio.get_running_loop()
    finished = []

    async def fetch(session, i):
        response = await session.get(URLS[i])
        data = await response.json()
        finished.append(i)
        return data["status"]

    async with aiohttp.ClientSession() as session:
        start = loop.time()
        tasks = [asyncio.create_task(fetch(session, i)) for i in range(10)]
        await asyncio.wait(tasks)
        elapsed = loop.time() - start
        print("statuses:", [t.result() for t in tasks])
        print("finished in order:", finished)
        print(f"capacity 3: {round(elapsed / LATENCY)} x latency")

    sim.network(latency=LATENCY, capacity=5)
    async with aiohttp.ClientSession() as session:
        start = loop.time()
        await asyncio.gather(*(fetch(session, i) for i in range(10)))
        elapsed = loop.time() - start
        print(f"capacity 5: {round(elapsed / LATENCY)} x latency")


asyncio.run(main())
