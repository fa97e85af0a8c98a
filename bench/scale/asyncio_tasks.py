# Scale: 100,000 asyncio tasks, each sleeping 10 times; prints the number of task switches.
# engines: native,wasm
import asyncio

TASKS = 100_000  # quick: 10_000
SLEEPS = 10  # quick: 10


async def sleeper():
    for _ in range(SLEEPS):
        await asyncio.sleep(0.01)


async def main():
    await asyncio.gather(*(sleeper() for _ in range(TASKS)))


asyncio.run(main())
print("switches:", TASKS * (SLEEPS + 1))
