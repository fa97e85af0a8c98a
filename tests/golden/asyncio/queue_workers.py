# An asyncio.Queue feeding three workers: task_done/join, then the idle workers are cancelled.
# elapsed: 0.32
import asyncio

JOBS = [("j0", 0.10), ("j1", 0.15), ("j2", 0.22), ("j3", 0.08), ("j4", 0.12), ("j5", 0.05), ("j6", 0.10), ("j7", 0.07)]


async def worker(name, queue, log):
    while True:
        job, duration = await queue.get()
        await asyncio.sleep(duration)
        log.append(f"{name}:{job}")
        print(f"{name} finished {job}")
        queue.task_done()


async def main():
    queue = asyncio.Queue()
    for job in JOBS:
        queue.put_nowait(job)
    print("queued:", queue.qsize())
    log = []
    workers = [asyncio.create_task(worker(f"w{i}", queue, log)) for i in range(3)]
    await queue.join()
    print("all jobs done:", len(log), "| queue empty:", queue.empty())
    for w in workers:
        w.cancel()
    results = await asyncio.gather(*workers, return_exceptions=True)
    print([type(r).__name__ for r in results])


asyncio.run(main())
