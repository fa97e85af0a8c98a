# multiprocessing: shared memory with Value and Array, and a Lock (the docs' "Sharing state" and "Synchronization" examples)
from multiprocessing import Process, Value, Array, Lock


def f(n, a):
    n.value = 3.1415927
    for i in range(len(a)):
        a[i] = -a[i]


def add(total, times):
    for _ in range(times):
        with total.get_lock():
            total.value += 1


def greet(l, i):
    l.acquire()
    try:
        print('hello world', i)
    finally:
        l.release()


if __name__ == '__main__':
    num = Value('d', 0.0)
    arr = Array('i', range(10))

    p = Process(target=f, args=(num, arr))
    p.start()
    p.join()

    print(num.value)
    print(arr[:])

    total = Value('i', 0)
    procs = [Process(target=add, args=(total, 50)) for _ in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print(total.value)
    print(total)

    lock = Lock()
    for num in range(3):
        p = Process(target=greet, args=(lock, num))
        p.start()
        p.join()
