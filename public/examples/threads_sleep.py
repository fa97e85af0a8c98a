# Threads with sleeps: each drink brews in its own thread, so the waits overlap.
import threading
import time


def brew(drink, seconds):
    print(f"start {drink}")
    time.sleep(seconds)  # a sleeping thread lets the others run
    print(f"{drink} ready")


start = time.perf_counter()
threads = [
    threading.Thread(target=brew, args=("tea", 3), name="tea"),
    threading.Thread(target=brew, args=("coffee", 4), name="coffee"),
    threading.Thread(target=brew, args=("cocoa", 2), name="cocoa"),
]
for t in threads:
    t.start()
for t in threads:
    t.join()  # the main thread waits for each brew to finish
print(f"breakfast served after {time.perf_counter() - start:.1f} s")
