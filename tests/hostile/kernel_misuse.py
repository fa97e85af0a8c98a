# hostile: the scheduler's kernel module misused. User code cannot import it; reached through
# asyncio's globals anyway, every function called with odd arguments raises TypeError or
# ValueError and leaves the scheduler intact: threads and asyncio still work afterwards.
# error: none
# seconds: 20
try:
    import _interleave
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)

import asyncio
import threading

k = asyncio._k
names = sorted(n for n in dir(k) if not n.startswith("_") and callable(getattr(k, n)))
odd = [None, -1, 0, 2 ** 40, 1e308, float("nan"), "", "x", [], [1, None], (1,), {}, k, print]
harmless = {"io_wait", "task_blocked", "at_shutdown", "start_thread", "process_start", "process_main"}
refused = 0
for name in names:
    if name in harmless:
        continue
    f = getattr(k, name)
    for a in odd:
        for args in ((a,), (a, a), (a, 1, a), (1, a, "x", a)):
            try:
                f(*args)
            except (TypeError, ValueError, OverflowError, KeyError, IndexError, RuntimeError):
                refused += 1
print("refused some calls:", refused > 100)

def worker(n, out):
    out.append(n * n)

out = []
threads = [threading.Thread(target=worker, args=(i, out)) for i in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(out))

async def main():
    await asyncio.sleep(0.1)
    return await asyncio.gather(*(asyncio.sleep(0.01, result=i) for i in range(3)))

print(asyncio.run(main()))
