# TaskGroup waits for its tasks; one failure cancels the others and raises an ExceptionGroup.
# elapsed: 0.3
import asyncio
import time

start = time.perf_counter()


def now():
    # now() shows tenths of a second, rounding down up to 40 ms: CPython's wall clock may run late.
    return f"{max(0.0, time.perf_counter() - start - 0.04):.1f}"


async def job(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
        if fail:
            raise ValueError(f"{name} failed")
        print(name, "done")
        return name
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(job("one", 0.1))
        t2 = tg.create_task(job("two", 0.2))
        print("tasks created:", t1.get_name(), t2.get_name())
    print(now(), "results:", t1.result(), t2.result())
    try:
        async with asyncio.TaskGroup() as tg:
            fast = tg.create_task(job("fast", 0.03))
            tg.create_task(job("broken", 0.1, fail=True))
            slow = tg.create_task(job("slow", 0.5))
    except ExceptionGroup as eg:
        print(now(), "caught:", eg)
        print("sub-exceptions:", [repr(e) for e in eg.exceptions])
        print("fast:", fast.result(), "| slow cancelled:", slow.cancelled())
    async with asyncio.TaskGroup() as tg:
        pass
    print("an empty group ends at once")


asyncio.run(main())
