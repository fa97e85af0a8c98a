# multiprocessing: each process has its own globals; a child's changes are not seen by the parent
from multiprocessing import Process, current_process
import os

counter = 0


def bump(times):
    global counter
    for _ in range(times):
        counter += 1
    print(f"{current_process().name}: counter = {counter}")


if __name__ == "__main__":
    children = [Process(target=bump, args=(n,)) for n in (3, 5)]
    for child in children:
        child.start()
        child.join()
    print("parent: counter =", counter)
    print("exit codes:", [child.exitcode for child in children])
    print("alive:", [child.is_alive() for child in children])
    print("distinct pids:", len({child.pid for child in children} | {os.getpid()}) == 3)
