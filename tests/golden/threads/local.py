# threading.local: each thread sees only the attributes it set itself.
# elapsed: 0.17
import threading
import time

data = threading.local()
data.owner = "main"


def worker(name, delay):
    print(f"{name} starts, has owner: {hasattr(data, 'owner')}")
    data.owner = name
    time.sleep(delay)
    print(f"{name} still sees owner {data.owner}")


threads = [threading.Thread(target=worker, args=(f"w{i}", 0.05 * (i + 1))) for i in range(3)]
for t in threads:
    t.start()
    time.sleep(0.01)
for t in threads:
    t.join()
print("main sees owner", data.owner)
try:
    print(data.missing)
except AttributeError:
    print("AttributeError for a missing attribute")
