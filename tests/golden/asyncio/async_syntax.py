# async for over async generators and iterator classes, async comprehensions, await in comprehensions, async with.
# elapsed: 0.32
import asyncio


class Ticker:
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        await asyncio.sleep(0.01)
        self.i += 1
        return self.i


async def countdown(n):
    while n > 0:
        await asyncio.sleep(0.01)
        yield n
        n -= 1


class Resource:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        await asyncio.sleep(0.01)
        print("open", self.name)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.01)
        print("close", self.name, "| exception:", exc_type.__name__ if exc_type else None)
        return exc_type is KeyError


async def double(x):
    await asyncio.sleep(0.01)
    return 2 * x


async def main():
    async for n in countdown(3):
        print("countdown", n)
    async for i in Ticker(3):
        print("ticker", i)
    print([n async for n in countdown(4)])
    print([n * n async for n in countdown(5) if n % 2])
    print([await double(x) for x in range(3)])
    print({x: await double(x) for x in range(2)})
    async with Resource("db") as r:
        print("using", r.name)
    async with Resource("cache"):
        raise KeyError("k")
    print("KeyError suppressed by __aexit__")
    try:
        async with Resource("file"):
            raise ValueError("v")
    except ValueError as e:
        print("ValueError propagated:", e)
    agen = countdown(2)
    print(await agen.__anext__(), await agen.__anext__())
    try:
        await agen.__anext__()
    except StopAsyncIteration:
        print("StopAsyncIteration")
    async with Resource("a") as a, Resource("b") as b:
        print("both open:", a.name, b.name)


asyncio.run(main())
