# multiprocessing: under spawn a child re-runs the main module's top level as __mp_main__, but not the code under the guard
import multiprocessing as mp

print("importing module", __name__, "in", mp.current_process().name)

settings = {"mode": "default"}


def without_pids(process):
    return " ".join(w for w in repr(process).split() if not w.startswith(("pid=", "parent=")))


def show():
    print("child sees", settings["mode"], "and module", __name__)


if __name__ == "__main__":
    mp.set_start_method("spawn")
    print("start method:", mp.get_start_method())
    settings["mode"] = "changed under the guard"
    p = mp.Process(target=show, name="Child")
    print(without_pids(p))
    p.start()
    p.join()
    print(without_pids(p))
    print(mp.current_process())
    print("cpu_count is an int:", isinstance(mp.cpu_count(), int))
