# An event loop runs in its own thread while the main thread sleeps; each keeps its own time.
# elapsed: 0.65
import asyncio
import threading
import time

async def async_part():
    print("loop starts in", threading.current_thread().name)
    for i in range(2):
        await asyncio.sleep(0.3)
        print("loop step", i + 1)
    return "loop result"


results = []
t = threading.Thread(target=lambda: results.append(asyncio.run(async_part())), name="loop-thread")
time.sleep(0.05)
t.start()
for i in range(3):
    time.sleep(0.18)
    print("main step", i + 1)
t.join()
print(results)
