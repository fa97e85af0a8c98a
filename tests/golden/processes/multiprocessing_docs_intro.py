# multiprocessing: the introductory examples of the multiprocessing docs (Pool.map, Process with pids)
from multiprocessing import Pool, Process
import os


def f(x):
    return x*x


def info(title, main_pid):
    print(title)
    print('module name:', __name__)
    print('parent process is main:', os.getppid() == main_pid)
    print('process id differs from main:', os.getpid() != main_pid)


def g(name, main_pid):
    info('function g', main_pid)
    print('hello', name)


if __name__ == '__main__':
    with Pool(5) as p:
        print(p.map(f, [1, 2, 3]))
    print('main line')
    print('module name:', __name__)
    print('parent process is main:', os.getppid() == os.getpid())
    p = Process(target=g, args=('bob', os.getpid()))
    p.start()
    p.join()
