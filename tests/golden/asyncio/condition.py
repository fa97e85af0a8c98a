# asyncio.Condition: notify(n) wakes the longest waiters, notify_all wakes all, wait_for a predicate.
# elapsed: 0.3
import asyncio

cond = asyncio.Condition()
items = []


async def consumer(name):
    async with cond:
        print(name, "waits")
        await cond.wait_for(lambda: items)
        print(name, "takes", items.pop(0))


async def main():
    tasks = [asyncio.create_task(consumer(f"c{i}")) for i in range(3)]
    await asyncio.sleep(0.1)
    async with cond:
        items.append("first")
        print("notify(1)")
        cond.notify(1)
    await asyncio.sleep(0.1)
    async with cond:
        items.extend(["second", "third"])
        print("notify_all()")
        cond.notify_all()
    await asyncio.gather(*tasks)
    async with cond:
        try:
            await asyncio.wait_for(cond.wait(), 0.1)
        except TimeoutError:
            print("wait() timed out; locked again:", cond.locked())
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
