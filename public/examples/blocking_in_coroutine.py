# The classic mistake: time.sleep inside a coroutine blocks the whole event loop,
# so no other coroutine runs until it returns. Watch the loop-blocked banner.
import asyncio
import time


async def ticker():
    for i in range(4):
        print(f"tick {i} at {time.perf_counter() - start:.1f} s")
        await asyncio.sleep(0.5)


async def bad_wait():
    await asyncio.sleep(0.2)
    print("bad_wait calls time.sleep(1.5)")
    time.sleep(1.5)  # blocks the loop: should be await asyncio.sleep(1.5)
    print("bad_wait is done")


async def main():
    await asyncio.gather(ticker(), bad_wait())


start = time.perf_counter()
asyncio.run(main())
print(f"finished after {time.perf_counter() - start:.1f} s (2.0 s with asyncio.sleep)")
