# --sequential: create_task() runs the new task to completion first, as if it were awaited at once.
# engine-only: a playground option; in CPython the three sleeps overlap (0.2 s in all)
# args: --sequential
# elapsed: 0.6
import asyncio
import time

start = time.perf_counter()


def now():
    # now() shows tenths of a second, rounding down up to 40 ms: CPython's wall clock may run late.
    return f"{max(0.0, time.perf_counter() - start - 0.04):.1f}"


async def job(name):
    print(now(), name, "starts")
    await asyncio.sleep(0.2)
    print(now(), name, "ends")
    return name


async def main():
    tasks = [asyncio.create_task(job(f"job-{i}")) for i in range(3)]
    print(now(), "all created")
    results = await asyncio.gather(*tasks)
    print(now(), results)


asyncio.run(main())
