# A coroutine awaits a future that nothing will ever complete: the run ends with a report.
# engine-only: CPython waits forever here; the playground detects that nothing can happen.
# elapsed: 0.1
import asyncio

fut = None


async def main():
    global fut
    fut = asyncio.get_running_loop().create_future()
    await asyncio.sleep(0.1)
    print("waiting for a future nobody sets")
    await fut


asyncio.run(main())
