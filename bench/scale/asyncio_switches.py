# Scale, the CPython yardstick: as many task switches as asyncio_tasks.py, with sleep(0) so only switching costs.
# yardstick: CPython's real asyncio switches per second for the comparison columns
import asyncio

TASKS = 100_000  # quick: 10_000
SLEEPS = 10  # quick: 10


async def spinner():
    for _ in range(SLEEPS):
        await asyncio.sleep(0)


async def main():
    await asyncio.gather(*(spinner() for _ in range(TASKS)))


asyncio.run(main())
print("switches:", TASKS * (SLEEPS + 1))
