# Futures: result/exception/done, done callbacks scheduled in order, InvalidStateError.
# elapsed: 0.2
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print("done:", fut.done())
    try:
        fut.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    fut.add_done_callback(lambda f: print("callback 1 sees", f.result()))
    fut.add_done_callback(lambda f: print("callback 2"))

    async def resolver():
        await asyncio.sleep(0.1)
        print("setting the result")
        fut.set_result(42)
        print("callbacks have not run yet")

    asyncio.create_task(resolver())
    value = await fut
    print("main resumes with", value, "| done:", fut.done())
    try:
        fut.set_result(43)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    fut.add_done_callback(lambda f: print("a callback added when done runs soon, not now"))
    print("added")
    await asyncio.sleep(0)

    failing = loop.create_future()
    failing.set_exception(KeyError("missing"))
    print("exception():", repr(failing.exception()))
    try:
        await failing
    except KeyError as e:
        print("await raised KeyError", e)

    async def boom():
        await asyncio.sleep(0.1)
        raise ZeroDivisionError("from a task")

    task = asyncio.create_task(boom())
    task.add_done_callback(lambda t: print("task callback:", t.done(), repr(t.exception())))
    try:
        await task
    except ZeroDivisionError as e:
        print("await task raised", e)
    try:
        loop.create_future().exception()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)


asyncio.run(main())
