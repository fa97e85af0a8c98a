# Real workload: the concurrency a tutorial program mixes: worker threads doing CPU-bound
# work (counting primes, a producer/consumer pair over queue.Queue, a lock-protected
# shared total) started and joined, then asyncio.run of a main coroutine that gathers
# thousands of tasks which yield with asyncio.sleep(0) and pass items through an
# asyncio.Queue. Results are order-independent, so the output is deterministic.

import asyncio
import queue
import threading


def count_primes(lo, hi):
    count = 0
    for n in range(max(lo, 2), hi):
        d = 2
        while d * d <= n:
            if n % d == 0:
                break
            d += 1
        else:
            count += 1
    return count


results = {}
total = 0
total_lock = threading.Lock()


def prime_worker(index, lo, hi):
    global total
    found = count_primes(lo, hi)
    results[index] = found
    with total_lock:
        total += found


def producer(q, items):
    for i in range(items):
        q.put(i * i % 1009)
    q.put(None)


def consumer(q, out):
    acc = 0
    while True:
        item = q.get()
        if item is None:
            break
        acc = (acc * 31 + item) % 1000003
    out.append(acc)


threads = [threading.Thread(target=prime_worker, args=(i, i * 25000, (i + 1) * 25000))
           for i in range(8)]
q = queue.Queue(maxsize=64)
consumed = []
threads.append(threading.Thread(target=producer, args=(q, 20000)))
threads.append(threading.Thread(target=consumer, args=(q, consumed)))
for t in threads:
    t.start()
for t in threads:
    t.join()
print("primes below 200000:", total, [results[i] for i in range(8)])
print("consumer checksum:", consumed[0])


async def spinner(n, rounds):
    acc = 0
    for r in range(rounds):
        acc += (n * r) % 7
        await asyncio.sleep(0)
    return acc


async def stage(inbox, outbox):
    while True:
        item = await inbox.get()
        if item is None:
            await outbox.put(None)
            return
        await outbox.put(item * 2 + 1)


async def main():
    spun = await asyncio.gather(*(spinner(n, 30) for n in range(4000)))
    first = asyncio.Queue()
    queues = [first]
    workers = []
    for _ in range(4):
        nxt = asyncio.Queue()
        workers.append(asyncio.create_task(stage(queues[-1], nxt)))
        queues.append(nxt)
    for i in range(5000):
        await first.put(i)
    await first.put(None)
    out = 0
    while True:
        item = await queues[-1].get()
        if item is None:
            break
        out += item
    await asyncio.gather(*workers)
    return sum(spun), out


print("asyncio:", asyncio.run(main()))
