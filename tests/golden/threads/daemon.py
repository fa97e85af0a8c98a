# Daemon threads do not keep the program alive: the run ends when the main thread does.
# elapsed: 0.35
import threading
import time

def ticker():
    n = 0
    while True:
        time.sleep(0.1)
        n += 1
        print(f"tick {n}")


d = threading.Thread(target=ticker, daemon=True)
print("daemon:", d.daemon)
plain = threading.Thread(target=ticker)
print("default daemon:", plain.daemon)
plain.daemon = True
print("set later:", plain.daemon)
d.start()
try:
    d.daemon = False
except RuntimeError as e:
    print("RuntimeError:", e)
time.sleep(0.35)
print(f"main ends while the ticker is alive: {d.is_alive()}")
