# Sequential baseline: one thing at a time, so every wait adds to the total.
import time


def brew(drink, seconds):
    print(f"start {drink}")
    time.sleep(seconds)  # nothing else happens while we wait
    print(f"{drink} ready")


start = time.perf_counter()
brew("tea", 3)
brew("coffee", 4)
brew("cocoa", 2)
print(f"breakfast served after {time.perf_counter() - start:.1f} s")
