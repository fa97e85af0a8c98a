# Condition: wait/notify wake waiters first-come first-served; wait_for and timeouts; notify_all.
# elapsed: 0.69
import threading
import time

start = time.perf_counter()
cond = threading.Condition()
items = []
done = False


def now():
    # now() shows tenths of a second, rounding down up to 40 ms: CPython's wall clock may run late.
    return f"{max(0.0, time.perf_counter() - start - 0.04):.1f}"


def consumer(name, delay):
    time.sleep(delay)
    with cond:
        print(f"{now()} {name} waits")
        cond.wait_for(lambda: items)
        item = items.pop(0)
    print(f"{now()} {name} got {item}")


def finisher(name, pause):
    with cond:
        while not done:
            cond.wait()
    time.sleep(pause)
    print(f"{name} saw done")


consumers = [threading.Thread(target=consumer, args=(f"c{i}", 0.02 * (i + 1))) for i in range(2)]
for t in consumers:
    t.start()
time.sleep(0.1)
for item in ["apple", "pear"]:
    with cond:
        items.append(item)
        print(f"{now()} notify one for {item}")
        cond.notify()
    time.sleep(0.1)
for t in consumers:
    t.join()

with cond:
    result = cond.wait(0.1)
    print(f"{now()} wait(0.1) returned {result}")
    result = cond.wait_for(lambda: done, timeout=0.1)
    print(f"{now()} wait_for(false, 0.1) returned {result}")

finishers = [threading.Thread(target=finisher, args=(f"f{i}", 0.03 * (i + 1))) for i in range(3)]
for t in finishers:
    t.start()
time.sleep(0.1)
with cond:
    done = True
    print(f"{now()} notify_all")
    cond.notify_all()
for t in finishers:
    t.join()
try:
    cond.notify()
except RuntimeError as e:
    print("RuntimeError:", e)
