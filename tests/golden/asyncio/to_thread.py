# to_thread and run_in_executor move blocking calls off the loop, which keeps running meanwhile.
# elapsed: 0.66
import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor

start = time.perf_counter()
names = set()


def now():
    return f"{time.perf_counter() - start:.1f}"


def blocking(name, delay):
    names.add(threading.current_thread().name)
    time.sleep(delay)
    return f"{name} slept {delay}"


async def ticker():
    for i in range(3):
        await asyncio.sleep(0.1)
        print(now(), "tick", i + 1)


async def main():
    tick = asyncio.create_task(ticker())
    results = await asyncio.gather(asyncio.to_thread(blocking, "a", 0.36), asyncio.to_thread(blocking, "b", 0.25))
    print(now(), results, sorted(names))
    await tick
    loop = asyncio.get_running_loop()
    result = await loop.run_in_executor(None, blocking, "c", 0.1)
    print(now(), result)
    names.clear()
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="single") as pool:
        results = await asyncio.gather(
            loop.run_in_executor(pool, blocking, "d", 0.1),
            loop.run_in_executor(pool, blocking, "e", 0.1),
        )
    print(now(), results, sorted(names), "in the main thread again:", threading.current_thread().name)


asyncio.run(main())
