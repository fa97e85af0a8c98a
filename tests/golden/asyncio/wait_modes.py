# asyncio.wait returns (done, pending): FIRST_COMPLETED, a timeout, ALL_COMPLETED, FIRST_EXCEPTION.
# elapsed: 0.5
import asyncio
import time

start = time.perf_counter()


def now():
    # now() shows tenths of a second, rounding down up to 40 ms: CPython's wall clock may run late.
    return f"{max(0.0, time.perf_counter() - start - 0.04):.1f}"


async def job(delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise RuntimeError(f"failed after {delay}")
    return delay


def names(tasks):
    return sorted(t.get_name() for t in tasks)


async def main():
    tasks = [asyncio.create_task(job(d), name=f"job-{d}") for d in (0.1, 0.2, 0.3)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(now(), "first completed:", names(done), "pending:", names(pending))
    done, pending = await asyncio.wait(pending, timeout=0.13)
    print("after a 0.13 s timeout:", names(done), "pending:", names(pending))
    done, pending = await asyncio.wait(pending)
    print(now(), "all completed:", names(done), "pending:", names(pending))
    print("results:", [t.result() for t in tasks])

    tasks = [
        asyncio.create_task(job(0.1, fail=True), name="fails"),
        asyncio.create_task(job(0.2), name="ok"),
        asyncio.create_task(job(0.3), name="slow"),
    ]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(now(), "first exception:", names(done), "pending:", names(pending))
    print("exception:", repr(tasks[0].exception()))
    for t in pending:
        t.cancel()
    done, pending = await asyncio.wait(tasks)
    print(now(), "cancelled:", [t.cancelled() for t in tasks], len(pending))

    done, pending = await asyncio.wait([asyncio.create_task(job(0.1))], return_when=asyncio.FIRST_EXCEPTION)
    print(now(), "no exception, so all completed:", len(done), len(pending))
    print(asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION, asyncio.ALL_COMPLETED)


asyncio.run(main())
