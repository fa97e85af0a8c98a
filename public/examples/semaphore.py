# A semaphore limits concurrency: ten downloads, at most three at a time.
import threading
import time

slots = threading.Semaphore(3)


def download(n):
    with slots:  # waits while three downloads hold a slot
        print(f"download {n} starts")
        time.sleep(1)
    print(f"download {n} done")


start = time.perf_counter()
threads = [threading.Thread(target=download, args=(n,), name=f"dl-{n}") for n in range(10)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"10 downloads with 3 slots took {time.perf_counter() - start:.1f} s")
