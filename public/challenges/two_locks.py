# Two diners share a fork and a knife, each guarded by a lock. Alice picks up the fork
# first and Bob the knife first. Each then waits for the other utensil.
import threading

fork = threading.Lock()
knife = threading.Lock()


def alice():
    with fork:
        with knife:
            print("Alice eats")


def bob():
    with knife:
        with fork:
            print("Bob eats")


a = threading.Thread(target=alice, name="Alice")
b = threading.Thread(target=bob, name="Bob")
a.start()
b.start()
a.join()
b.join()
print("both have eaten")
