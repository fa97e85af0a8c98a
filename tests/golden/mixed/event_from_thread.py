# A coroutine waits for a threading.Event set by another thread, via run_in_executor.
# elapsed: 0.2
import asyncio
import threading
import time

ready = threading.Event()


def setter():
    time.sleep(0.2)
    print("thread sets the event")
    ready.set()


async def main():
    loop = asyncio.get_running_loop()
    threading.Thread(target=setter).start()
    result = await loop.run_in_executor(None, ready.wait, 1.0)
    print("coroutine saw the event:", result)
    result = await loop.run_in_executor(None, ready.wait, 1.0)
    print("already set:", result)


asyncio.run(main())
