# A sleeping thread releases the GIL: it wakes on time while another thread does CPU work.
# elapsed: 0.7
import sim
import threading
import time

start = time.perf_counter()


def now():
    # now() shows tenths of a second, rounding down up to 40 ms: CPython's wall clock may run late.
    return f"{max(0.0, time.perf_counter() - start - 0.04):.1f}"


def ticker():
    for i in range(3):
        time.sleep(0.1)
        print(f"tick {i + 1}, worker alive: {worker.is_alive()}")


worker = threading.Thread(target=sim.cpu, args=(0.5,))
tick = threading.Thread(target=ticker)
worker.start()
tick.start()
tick.join()
print("ticker done, worker alive:", worker.is_alive())
worker.join()
print(f"{now()} worker done")
sim.cpu(0.1)
time.sleep(0.1)
print(f"{now()} cpu + sleep in the main thread")
