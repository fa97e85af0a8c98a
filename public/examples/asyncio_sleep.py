# asyncio.sleep: an awaiting coroutine hands the event loop to the others.
import asyncio
import time


async def ticker():
    for i in range(4):
        print(f"tick {i}")
        await asyncio.sleep(0.5)


async def greeting():
    await asyncio.sleep(1.2)  # the loop runs ticker meanwhile
    print("hello after 1.2 s")


async def main():
    start = time.perf_counter()
    await asyncio.gather(ticker(), greeting())
    print(f"done after {time.perf_counter() - start:.1f} s")


asyncio.run(main())
