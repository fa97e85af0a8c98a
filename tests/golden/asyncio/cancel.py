# Task.cancel(): CancelledError inside the task (catch, clean up, re-raise), cancelled(), awaiting it.
# elapsed: 0.1
import asyncio


async def worker():
    try:
        print("worker starts")
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("worker caught CancelledError, cleaning up")
        raise
    finally:
        print("worker finally block")


async def main():
    task = asyncio.create_task(worker())
    await asyncio.sleep(0.1)
    print("cancel() returns", task.cancel())
    print("right after cancel(): done", task.done(), "| cancelled", task.cancelled())
    try:
        await task
    except asyncio.CancelledError:
        print("awaiting it raises CancelledError")
    print("done", task.done(), "| cancelled", task.cancelled(), "| cancel() again", task.cancel())
    try:
        task.result()
    except asyncio.CancelledError:
        print("result() raises CancelledError")
    try:
        task.exception()
    except asyncio.CancelledError:
        print("exception() raises CancelledError")

    never = asyncio.create_task(worker())
    never.cancel()
    try:
        await never
    except asyncio.CancelledError:
        print("cancelled before it started: its body never ran")

    t = asyncio.create_task(asyncio.sleep(1))
    await asyncio.sleep(0)
    t.cancel("stop now")
    try:
        await t
    except asyncio.CancelledError as e:
        print("cancel message:", e.args)
    print(issubclass(asyncio.CancelledError, Exception), issubclass(asyncio.CancelledError, BaseException))


asyncio.run(main())
