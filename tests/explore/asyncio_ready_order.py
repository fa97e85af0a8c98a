# Bug: the second task assumes the first one finished its await first. CPython runs the
# ready tasks in FIFO order, so the default run passes; if the replies came back in the
# other order (another ready order), the assert fails.
import asyncio

results = []


async def fetch_user():
    await asyncio.sleep(0)
    results.append("user")


async def fetch_orders():
    await asyncio.sleep(0)
    assert results, "orders arrived before the user"
    results.append("orders")


async def main():
    await asyncio.gather(fetch_user(), fetch_orders())
    print(results)


asyncio.run(main())
