# asyncio.run runs a coroutine to completion and returns its result; sleep(delay, result); loop.time().
# elapsed: 0.3
import asyncio


async def greet(name, delay):
    await asyncio.sleep(delay)
    return f"hello {name}"


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    print(await greet("world", 0.1))
    value = await asyncio.sleep(0.1, result="slept")
    print(value, f"{loop.time() - t0:.1f}")
    print("get_event_loop() is the running loop:", asyncio.get_event_loop() is loop)
    coro = greet("coroutine", 0.1)
    print(type(coro).__name__)
    print(await coro)
    print(f"{loop.time() - t0:.1f}")
    return 42


print("run returned", asyncio.run(main()))
print(asyncio.run(greet("again", 0)))
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
