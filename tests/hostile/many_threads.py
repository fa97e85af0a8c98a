# hostile: 20,000 threads started at once, each doing a little work, then 20,000 asyncio
# tasks; the scheduler keeps up and the results are complete.
# error: none
# seconds: 20
# cpython: same
import asyncio
import threading

total = 0
lock = threading.Lock()

def work(n):
    global total
    with lock:
        total += n

threads = [threading.Thread(target=work, args=(i,)) for i in range(20000)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(total, threading.active_count())

async def task(i):
    await asyncio.sleep(0.001)
    return i

async def main():
    return sum(await asyncio.gather(*(task(i) for i in range(20000))))

print(asyncio.run(main()))
