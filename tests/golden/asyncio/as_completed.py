# as_completed yields awaitables in completion order; with a timeout it raises TimeoutError.
# elapsed: 0.5
import asyncio
import time

start = time.perf_counter()


def now():
    # now() shows tenths of a second, rounding down up to 40 ms: CPython's wall clock may run late.
    return f"{max(0.0, time.perf_counter() - start - 0.04):.1f}"


async def fetch(name, delay):
    await asyncio.sleep(delay)
    return f"{name} after {delay} s"


async def main():
    for next_done in asyncio.as_completed([fetch("a", 0.3), fetch("b", 0.1), fetch("c", 0.2)]):
        result = await next_done
        print(now(), result)
    try:
        for next_done in asyncio.as_completed([fetch("d", 0.1), fetch("e", 1.0)], timeout=0.2):
            result = await next_done
            print(now(), result)
    except TimeoutError:
        print(now(), "as_completed timed out")


asyncio.run(main())
