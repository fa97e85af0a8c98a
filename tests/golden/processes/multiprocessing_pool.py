# multiprocessing: Pool's methods (apply, apply_async with get, map, starmap, imap, imap_unordered, close/join), as in the docs' pool example
from multiprocessing import Pool, TimeoutError, current_process
import time
import os


def f(x):
    return x*x


def add(a, b):
    return a + b


def who(_):
    return current_process().name


def fail(x):
    raise ValueError(f"bad value {x}")


if __name__ == '__main__':
    with Pool(processes=4) as pool:
        print(pool.map(f, range(10)))
        for i in pool.imap_unordered(f, range(10)):
            pass
        print(sorted(pool.imap_unordered(f, range(10))))
        print(list(pool.imap(f, range(10))))
        print(pool.starmap(add, [(1, 2), (3, 4)]))
        print(pool.apply(add, (10, 20)))
        res = pool.apply_async(f, (20,))
        print(res.get(timeout=1))
        res = pool.apply_async(os.getpid, ())
        print(res.get(timeout=1) != os.getpid())
        multiple_results = [pool.apply_async(os.getpid, ()) for i in range(4)]
        print(len([res.get(timeout=1) for res in multiple_results]))
        res = pool.apply_async(time.sleep, (10,))
        try:
            print(res.get(timeout=1))
        except TimeoutError:
            print("We lacked patience and got a multiprocessing.TimeoutError")
        print("For the moment, the pool remains available for more work")
    print("Now the pool is closed and no longer available")

    pool = Pool(2)
    names = set(pool.map(who, range(8), chunksize=1))
    print(names <= {'SpawnPoolWorker-5', 'SpawnPoolWorker-6'})
    collected = []
    pool.apply_async(f, (7,), callback=collected.append)
    try:
        pool.map(fail, [1])
    except ValueError as e:
        print("map raised:", e)
    pool.close()
    pool.join()
    print(collected)
    try:
        pool.map(f, [1])
    except ValueError as e:
        print(e)
