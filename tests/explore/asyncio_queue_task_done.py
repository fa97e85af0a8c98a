# Correct: the workers call queue.task_done() for every item, so queue.join() returns.
import asyncio


async def worker(name, queue):
    while True:
        item = await queue.get()
        print(f"{name} processed item {item}")
        queue.task_done()


async def main():
    queue = asyncio.Queue()
    for item in range(3):
        queue.put_nowait(item)
    tasks = [asyncio.create_task(worker(f"worker-{i}", queue)) for i in range(2)]
    await queue.join()
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    print("all items processed")


asyncio.run(main())
