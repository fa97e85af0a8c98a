# multiprocessing: what pickle refuses (local functions, lambdas, locks, generators) gives CPython's errors
import multiprocessing
import threading


def identity(x):
    return x


square = lambda x: x * x


def main():
    def local(x):
        return x
    with multiprocessing.Pool(2) as pool:
        for func, args in [(local, (1,)), (lambda x: x, (1,)), (identity, (threading.Lock(),)),
                           (identity, ((i for i in range(3)),)), (len, ([1, 2],))]:
            try:
                print(pool.apply(func, args) in (identity, 2))
            except Exception as e:
                print(type(e).__module__, type(e).__name__, str(e).split(' at 0x')[0])
        try:
            pool.map(square, [1, 2])
        except Exception as e:
            print(type(e).__module__, type(e).__name__, str(e).split(' at 0x')[0], str(e).split(': ')[-1])
    try:
        multiprocessing.Process(target=local).start()
    except AttributeError as e:
        print("Process.start:", e)


if __name__ == '__main__':
    main()
