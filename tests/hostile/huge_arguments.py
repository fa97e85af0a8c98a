# hostile: absurd durations and counts given to the clock, sleeps, timers and waits: each
# raises what CPython raises (OverflowError, ValueError) or ends at once, never hangs.
# error: none
# seconds: 10
import asyncio
import queue
import sim
import threading
import time

cases = {
    "time.sleep(1e300)": lambda: time.sleep(1e300),
    "time.sleep(-1)": lambda: time.sleep(-1),
    "time.sleep(nan)": lambda: time.sleep(float("nan")),
    "time.sleep(2**63)": lambda: time.sleep(2 ** 63),
    "Event.wait(1e300)": lambda: threading.Event().wait(1e300),
    "Lock.acquire(timeout=1e300)": lambda: threading.Lock().acquire(timeout=1e300),
    "Lock.acquire(timeout=2**70)": lambda: threading.Lock().acquire(timeout=2 ** 70),
    "Queue.get(timeout=-1)": lambda: queue.Queue().get(timeout=-1),
    "Lock.acquire(timeout=nan)": lambda: threading.Lock().acquire(timeout=float("nan")),
    "Event.wait(nan)": lambda: threading.Event().wait(float("nan")),
    "asyncio.sleep(-5)": lambda: asyncio.run(asyncio.sleep(-5)),
    "asyncio.wait_for(1e300)": lambda: asyncio.run(asyncio.wait_for(asyncio.sleep(0), 1e300)),
    "len(range(10**20))": lambda: len(range(10 ** 20)),
    "sim.cpu(2**62)": lambda: sim.cpu(2 ** 62),
}
for name, case in cases.items():
    try:
        print(name, "->", case())
    except Exception as e:
        print(name, "->", type(e).__name__ + ":", e)
print("done")
