# CPU-bound against I/O-bound threads. With the GIL only one thread runs Python code
# at a time, so the two crunchers take turns; the downloads wait without the GIL and
# overlap. Turn the GIL off (or type: compare gil off) and the crunchers run in parallel.
import threading
import time

import sim


def crunch(name):
    sim.cpu(1.0)  # one second of pure computation
    print(f"{name} crunched")


def download(name):
    time.sleep(1.0)  # waiting for I/O releases the GIL
    print(f"{name} downloaded")


start = time.perf_counter()
threads = [
    threading.Thread(target=crunch, args=("cpu-1",), name="cpu-1"),
    threading.Thread(target=crunch, args=("cpu-2",), name="cpu-2"),
    threading.Thread(target=download, args=("io-1",), name="io-1"),
    threading.Thread(target=download, args=("io-2",), name="io-2"),
]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"elapsed {time.perf_counter() - start:.1f} s")
