# asyncio.Event: every waiter wakes, in the order they started waiting; clear(); wait after set.
# elapsed: 0.2
import asyncio


async def waiter(name, event):
    print(name, "waits")
    await event.wait()
    print(name, "woke")


async def main():
    event = asyncio.Event()
    tasks = [asyncio.create_task(waiter(f"w{i}", event)) for i in range(3)]
    await asyncio.sleep(0.1)
    print("setting; is_set:", event.is_set())
    event.set()
    print("set; is_set:", event.is_set())
    await asyncio.gather(*tasks)
    print("wait() on a set event returns", await event.wait())
    event.clear()
    try:
        await asyncio.wait_for(event.wait(), 0.1)
    except TimeoutError:
        print("after clear(), wait() times out")


asyncio.run(main())
