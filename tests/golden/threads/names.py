# Thread identity: MainThread, default names Thread-N (target), explicit names, subclasses.
import threading


def work(label, punctuation="."):
    me = threading.current_thread()
    print(f"{label} runs in {me.name}{punctuation}")


main = threading.current_thread()
print(main.name, main.is_alive(), main.daemon)
t1 = threading.Thread(target=work, args=("first",))
t2 = threading.Thread(target=work, args=("second",), kwargs={"punctuation": "!"}, name="downloader")


class Worker(threading.Thread):
    def run(self):
        print(f"subclass runs in {self.name}, current_thread is self: {threading.current_thread() is self}")


t3 = Worker()
t4 = threading.Thread(target=work, args=("fourth",))
t5 = Worker(name="custom")
t6 = threading.Thread(target=lambda: print("lambda runs in", threading.current_thread().name))
print([t.name for t in (t1, t2, t3, t4, t5, t6)])
print(t1.ident is None, t1.is_alive(), t1.daemon)
for t in (t1, t2, t3, t4, t5, t6):
    t.start()
    t.join()
print(isinstance(t1.ident, int), t1.ident != main.ident, t1.is_alive())
t4.name = "renamed"
print(t4.name)
print(threading.current_thread().name)
