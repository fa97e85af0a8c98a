# Tasks start in creation order at the creator's next await; sleep(0) lets the other ready tasks run.
import asyncio


async def worker(name, steps):
    for i in range(steps):
        print(f"{name} step {i}")
        await asyncio.sleep(0)
    return name.upper()


async def main():
    print("main task:", asyncio.current_task().get_name())
    a = asyncio.create_task(worker("a", 3))
    b = asyncio.create_task(worker("b", 2), name="bee")
    c = asyncio.get_running_loop().create_task(worker("c", 1))
    print("created", a.get_name(), b.get_name(), c.get_name())
    print("a done before the first await:", a.done())
    await asyncio.sleep(0)
    print("main after one yield")
    results = [await a, await b, await c]
    print(results, a.done())
    c.set_name("renamed")
    print(c.get_name())


asyncio.run(main())


async def second():
    print("the second run's main task:", asyncio.current_task().get_name())
    t = asyncio.ensure_future(worker("d", 1))
    print(t.get_name(), asyncio.ensure_future(t) is t)
    print(await t)


asyncio.run(second())
