# multiprocessing: a Process subclass with run(), a grandchild's name, daemon flags, and a child that raises (exitcode 1)
import multiprocessing
import sys


class Worker(multiprocessing.Process):
    def __init__(self, label):
        super().__init__()
        self.label = label

    def run(self):
        print(f"{self.name} runs {self.label}; parent is {multiprocessing.parent_process().name}")
        child = multiprocessing.Process(target=grandchild)
        child.start()
        child.join()


def grandchild():
    print("grandchild is", multiprocessing.current_process().name)


def fails():
    sys.stderr = sys.stdout
    raise SystemExit(3)


if __name__ == "__main__":
    w = Worker("job")
    print(w.name, w.daemon, w.exitcode, w.is_alive())
    w.start()
    w.join()
    print(w.exitcode, w.is_alive())
    p = multiprocessing.Process(target=fails, daemon=True)
    p.start()
    p.join()
    print("exit code", p.exitcode, p.daemon)
    print(multiprocessing.active_children())
