# asyncio.Lock: tasks take it first-come first-served; locked(); releasing an unlocked lock.
# elapsed: 0.3
import asyncio

lock = asyncio.Lock()


async def user(name, hold):
    print(name, "wants the lock")
    async with lock:
        print(name, "has it")
        await asyncio.sleep(hold)
    print(name, "released it")


async def main():
    print("locked:", lock.locked())
    await asyncio.gather(user("a", 0.1), user("b", 0.1), user("c", 0.1))
    await lock.acquire()
    print("acquire() returned, locked:", lock.locked())
    lock.release()
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
