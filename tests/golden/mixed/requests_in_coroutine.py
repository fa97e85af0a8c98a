# requests.get inside a coroutine blocks the loop: three tasks take three latencies; to_thread takes one.
# elapsed: 1.0
import asyncio
import requests
import sim

LATENCY = 0.25
sim.network(latency=LATENCY)


async def blocking_fetch(i):
    response = requests.get(f"https://example.com/{i}")
    return response.status_code


async def threaded_fetch(i):
    response = await asyncio.to_thread(requests.get, f"https://example.com/{i}")
    return response.status_code


async def ticker(ticks):
    while True:
        await asyncio.sleep(0.05)
        ticks.append(1)


async def main():
    loop = asyncio.get_running_loop()
    ticks = []
    tick_task = asyncio.create_task(ticker(ticks))
    start = loop.time()
    statuses = await asyncio.gather(*(blocking_fetch(i) for i in range(3)))
    elapsed = loop.time() - start
    print(statuses, f"requests.get in coroutines: {round(elapsed / LATENCY)} x latency, ticks meanwhile: {len(ticks)}")
    ticks.clear()
    start = loop.time()
    statuses = await asyncio.gather(*(threaded_fetch(i) for i in range(3)))
    elapsed = loop.time() - start
    print(statuses, f"through to_thread: {round(elapsed / LATENCY)} x latency, ticks meanwhile: {len(ticks) >= 3}")
    tick_task.cancel()


asyncio.run(main())
