# contextlib: asynccontextmanager, AsyncExitStack and aclosing inside asyncio
import asyncio
from contextlib import asynccontextmanager, AsyncExitStack, aclosing


class Connection:
    def __init__(self, name):
        self.name = name

    async def query(self, q):
        await asyncio.sleep(0.01)
        return f"{self.name}: {q}"


@asynccontextmanager
async def get_connection(name):
    print("connect", name)
    await asyncio.sleep(0.01)
    conn = Connection(name)
    try:
        yield conn
    finally:
        await asyncio.sleep(0.01)
        print("release", name)


class AsyncResource:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        print("aenter", self.name)
        return self

    async def __aexit__(self, *exc):
        print("aexit", self.name)


async def ticker(n):
    for i in range(n):
        yield i
        await asyncio.sleep(0)


async def cleanup(msg):
    print("async cleanup", msg)


async def main():
    async with get_connection("db") as conn:
        print(await conn.query("SELECT 1"))
    try:
        async with get_connection("bad"):
            raise ValueError("query failed")
    except ValueError as e:
        print("caught", e)

    @get_connection("deco")
    async def work():
        print("working")

    await work()

    async with AsyncExitStack() as stack:
        conns = [await stack.enter_async_context(get_connection(n)) for n in ("a", "b")]
        stack.push_async_callback(cleanup, "done")
        stack.enter_context(open_sync())
        await stack.enter_async_context(AsyncResource("r"))
        print([c.name for c in conns])

    async with aclosing(ticker(10)) as agen:
        async for v in agen:
            print("tick", v)
            if v == 2:
                break
    print("ticker closed")


class open_sync:
    def __enter__(self):
        print("sync enter")

    def __exit__(self, *exc):
        print("sync exit")


asyncio.run(main())
