# except* with asyncio.TaskGroup: the asyncio docs' pattern of handling a TaskGroup's errors by type
import asyncio


async def fail(n, exc_type):
    await asyncio.sleep(0.01 * n)
    raise exc_type(f"task {n} failed")


async def ok(n):
    await asyncio.sleep(0.01 * n)
    return n


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            t1 = tg.create_task(ok(1))
            tg.create_task(fail(2, ValueError))
            tg.create_task(fail(2, TypeError))
            tg.create_task(ok(5))
    except* ValueError as eg:
        print("ValueErrors:", [str(e) for e in eg.exceptions])
    except* TypeError as eg:
        print("TypeErrors:", [str(e) for e in eg.exceptions])
    print("t1 result", t1.result())

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(1, KeyError))
    except* KeyError as eg:
        print(type(eg).__name__, eg.message, repr(eg.exceptions[0]))

    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail(1, ValueError))
        tg.create_task(fail(1, OSError))


asyncio.run(main())
