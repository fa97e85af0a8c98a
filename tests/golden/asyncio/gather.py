# gather: results in argument order; return_exceptions=True; the first error propagates, siblings go on.
# elapsed: 0.55
import asyncio


async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(f"{name} failed")
    print(f"{name} finished")
    return name


async def main():
    results = await asyncio.gather(job("slow", 0.3), job("fast", 0.1), job("mid", 0.2))
    print(results)
    results = await asyncio.gather(job("ok", 0.1), job("bad", 0.05, fail=True), return_exceptions=True)
    print([repr(r) for r in results])
    survivor = asyncio.create_task(job("survivor", 0.15))
    try:
        await asyncio.gather(survivor, job("broken", 0.05, fail=True))
    except ValueError as e:
        print("gather raised:", e, "| survivor done:", survivor.done())
    print("survivor returned", await survivor)
    print("empty gather:", await asyncio.gather())


asyncio.run(main())
