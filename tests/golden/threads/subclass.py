# Subclassing Thread: __init__ calls super().__init__(), run() stores a result read after join.
# elapsed: 0.3
import threading
import time


class Downloader(threading.Thread):
    def __init__(self, url, delay):
        super().__init__(name=f"get {url}")
        self.url = url
        self.delay = delay
        self.size = None

    def run(self):
        time.sleep(self.delay)
        self.size = len(self.url) * 100


workers = [Downloader(url, delay) for url, delay in [("a.org", 0.3), ("bb.org", 0.1), ("ccc.org", 0.2)]]
for w in workers:
    w.start()
print("sizes before join:", [w.size for w in workers])
for w in workers:
    w.join()
print("sizes after join:", [(w.name, w.size) for w in workers])
