# asyncio.Semaphore limits concurrency; waiters enter in arrival order; BoundedSemaphore over-release.
# elapsed: 0.48
import asyncio

limit = asyncio.Semaphore(2)
active = 0
peak = 0


async def job(i):
    global active, peak
    async with limit:
        active += 1
        peak = max(peak, active)
        print(f"job {i} enters ({active} inside)")
        await asyncio.sleep(0.1 + 0.02 * i)
        active -= 1
        print(f"job {i} leaves")


async def main():
    print("locked:", limit.locked())
    await asyncio.gather(*(job(i) for i in range(6)))
    print("peak:", peak, "| locked:", limit.locked())
    bounded = asyncio.BoundedSemaphore(1)
    async with bounded:
        print("inside, locked:", bounded.locked())
    try:
        bounded.release()
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
