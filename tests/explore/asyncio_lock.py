# Correct: the read-await-write deposits hold an asyncio.Lock across the await.
import asyncio

balance = 0


async def deposit(lock, amount):
    global balance
    async with lock:
        current = balance
        await asyncio.sleep(0)
        balance = current + amount


async def main():
    lock = asyncio.Lock()
    await asyncio.gather(deposit(lock, 10), deposit(lock, 20), deposit(lock, 30))
    print(f"balance = {balance}")
    assert balance == 60, f"expected 60, got {balance}"


asyncio.run(main())
