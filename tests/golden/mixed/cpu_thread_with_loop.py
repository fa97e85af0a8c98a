# sim.cpu in a worker thread holds the GIL, but the loop thread still gets it at each switch interval.
# elapsed: 0.4
import asyncio
import sim


async def ticker(ticks):
    for _ in range(3):
        await asyncio.sleep(0.1)
        ticks.append(asyncio.get_running_loop().time())


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    ticks = []
    tick_task = asyncio.create_task(ticker(ticks))
    await asyncio.to_thread(sim.cpu, 0.4)
    await tick_task
    print(f"worker done after {loop.time() - start:.1f} s; the loop ticked {len(ticks)} times meanwhile")


asyncio.run(main())
