# Bug: read, await, write. Each deposit reads the balance, awaits, then writes back what
# it read plus its amount, so a deposit that runs in between is lost.
import asyncio

balance = 0


async def deposit(amount):
    global balance
    current = balance
    await asyncio.sleep(0)
    balance = current + amount


async def main():
    await asyncio.gather(deposit(10), deposit(20), deposit(30))
    print(f"balance = {balance}")
    assert balance == 60, f"expected 60, got {balance}"


asyncio.run(main())
