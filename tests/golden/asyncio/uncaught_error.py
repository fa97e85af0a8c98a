# An exception in a gathered task propagates out of asyncio.run and ends the program.
# elapsed: 0.2
import asyncio


async def fetch(i):
    await asyncio.sleep(0.1 * i)
    if i == 2:
        raise ConnectionError(f"request {i} failed")
    print(f"request {i} ok")
    return i


async def main():
    results = await asyncio.gather(*(fetch(i) for i in range(4)))
    print("never printed", results)


asyncio.run(main())
