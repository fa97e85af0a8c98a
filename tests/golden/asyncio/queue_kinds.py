# asyncio queues: a bounded Queue blocks put() until a get(); nowait errors; LIFO and priority order.
# elapsed: 0.3
import asyncio


async def producer(queue):
    for i in range(4):
        print("put", i)
        await queue.put(i)
    print("producer done")


async def consumer(queue):
    for _ in range(4):
        await asyncio.sleep(0.05)
        item = await queue.get()
        print("got", item, "| size now", queue.qsize())


async def main():
    queue = asyncio.Queue(maxsize=2)
    print("maxsize", queue.maxsize, "| empty", queue.empty(), "| full", queue.full())
    await asyncio.gather(producer(queue), consumer(queue))
    try:
        queue.get_nowait()
    except asyncio.QueueEmpty:
        print("get_nowait on an empty queue: QueueEmpty")
    queue.put_nowait("a")
    queue.put_nowait("b")
    print("full:", queue.full())
    try:
        queue.put_nowait("c")
    except asyncio.QueueFull:
        print("put_nowait on a full queue: QueueFull")

    lifo = asyncio.LifoQueue()
    prio = asyncio.PriorityQueue()
    for item in [(2, "low"), (0, "urgent"), (1, "normal")]:
        await lifo.put(item)
        await prio.put(item)
    print("lifo:", [lifo.get_nowait() for _ in range(3)])
    print("prio:", [prio.get_nowait() for _ in range(3)])

    try:
        await asyncio.wait_for(asyncio.Queue().get(), timeout=0.1)
    except TimeoutError:
        print("get() with wait_for timed out")
    done = asyncio.Queue()
    done.put_nowait(1)
    done.get_nowait()
    done.task_done()
    try:
        done.task_done()
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
