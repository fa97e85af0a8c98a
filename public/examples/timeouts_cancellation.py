# Timeouts and cancellation: wait_for gives up on a slow call, cancel() stops a task,
# and the task cleans up in its CancelledError handler before it ends.
import asyncio
import time


async def slow_query():
    await asyncio.sleep(3)
    return "result"


async def worker():
    try:
        while True:
            print("worker: working")
            await asyncio.sleep(0.4)
    except asyncio.CancelledError:
        print("worker: cancelled, cleaning up")
        raise


async def main():
    try:
        await asyncio.wait_for(slow_query(), timeout=1)
    except asyncio.TimeoutError:
        print("slow_query timed out after 1 s")
    task = asyncio.create_task(worker(), name="worker")
    await asyncio.sleep(1)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print(f"worker cancelled: {task.cancelled()}")


start = time.perf_counter()
asyncio.run(main())
print(f"elapsed {time.perf_counter() - start:.1f} s")
