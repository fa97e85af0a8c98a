# A task may swallow its cancellation and go on; then it is not cancelled() and has a result.
# elapsed: 0.3
import asyncio


async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("stubborn swallows the cancellation")
    await asyncio.sleep(0.1)
    return "kept going"


async def child(name, delay):
    try:
        await asyncio.sleep(delay)
        return name
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def main():
    task = asyncio.create_task(stubborn())
    await asyncio.sleep(0.1)
    task.cancel()
    result = await task
    print(result, "| cancelled:", task.cancelled())

    group = asyncio.gather(child("a", 1), child("b", 1))
    await asyncio.sleep(0.1)
    print("cancelling the gather:", group.cancel())
    try:
        await group
    except asyncio.CancelledError:
        print("the gather is cancelled:", group.cancelled())


asyncio.run(main())
