# Bug: lazy initialisation without a lock. Two threads can both see that the singleton
# does not exist yet and each create one.
import threading


class Config:
    created = 0

    def __init__(self):
        Config.created += 1
        self.values = {"debug": False}


_instance = None


def get_config():
    global _instance
    if _instance is None:
        _instance = Config()
    return _instance


def worker():
    config = get_config()
    config.values["debug"] = True


threads = [threading.Thread(target=worker) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()

print(f"Config created {Config.created} time(s)")
assert Config.created == 1, f"Config was created {Config.created} times"
