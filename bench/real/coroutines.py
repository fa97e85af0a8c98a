# Real workload: coroutines without an event loop, modelled on pyperformance's
# bm_coroutines (a recursive `async def` Fibonacci whose awaits chain down 25 deep, run by
# coro.send(None)), plus a tiny round-robin scheduler in the style of David Beazley's
# talks: tasks are chains of async functions that suspend through a @types.coroutine
# generator, and the scheduler drives them with send().

from collections import deque
import types


async def fibonacci(n):
    if n <= 1:
        return n
    return await fibonacci(n - 1) + await fibonacci(n - 2)


def run_to_end(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as exc:
        return exc.value


@types.coroutine
def switch():
    """Give the other tasks a turn: the scheduler receives this yield."""
    yield "switch"


async def parse(item):
    await switch()
    return item * 3 + 1


async def transform(item):
    value = await parse(item)
    if value % 2:
        await switch()
    return value // 2


async def worker(name, items, results):
    total = 0
    for item in items:
        total += await transform(item)
    results[name] = total
    return total


class Scheduler:
    def __init__(self):
        self.ready = deque()
        self.switches = 0

    def spawn(self, coro):
        self.ready.append(coro)

    def run(self):
        while self.ready:
            coro = self.ready.popleft()
            try:
                coro.send(None)
            except StopIteration:
                continue
            self.switches += 1
            self.ready.append(coro)


for loop in range(20):
    fib = run_to_end(fibonacci(25))
print("fibonacci(25) =", fib)

results = {}
sched = Scheduler()
for n in range(300):
    sched.spawn(worker("w%d" % n, range(n, n + 1500), results))
sched.run()
print("switches", sched.switches, "total", sum(results.values()), "w7", results["w7"])
