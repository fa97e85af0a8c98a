# wait_for: a result in time, or TimeoutError after cancelling the awaited coroutine or task.
# elapsed: 0.5
import asyncio
import time

start = time.perf_counter()


def now():
    # now() shows tenths of a second, rounding down up to 40 ms: CPython's wall clock may run late.
    return f"{max(0.0, time.perf_counter() - start - 0.04):.1f}"


async def slow(delay):
    try:
        await asyncio.sleep(delay)
        return f"finished after {delay}"
    except asyncio.CancelledError:
        print(now(), "slow was cancelled")
        raise
    finally:
        print(now(), "slow cleans up")


async def main():
    result = await asyncio.wait_for(slow(0.1), timeout=0.5)
    print(now(), result)
    try:
        await asyncio.wait_for(slow(1.0), timeout=0.2)
    except TimeoutError:
        print(now(), "TimeoutError")
    result = await asyncio.wait_for(slow(0.1), timeout=None)
    print(now(), result)
    task = asyncio.create_task(slow(1.0))
    try:
        await asyncio.wait_for(task, 0.1)
    except asyncio.TimeoutError as e:
        print(now(), "asyncio.TimeoutError is TimeoutError:", type(e) is TimeoutError, "| task cancelled:", task.cancelled())


asyncio.run(main())
