# A deadlock: two threads take the same two locks in opposite order, and each waits
# for the lock the other holds. Real programs hang forever; here Alice gives up after
# 2 s, which frees her lock, and Bob can finally eat.
import threading
import time

fork = threading.Lock()
knife = threading.Lock()


def diner(name, first, second, wanted, patience):
    with first:
        print(f"{name} picked up one utensil")
        time.sleep(0.1)  # meanwhile the other diner takes the other one
        if second.acquire(timeout=patience):
            print(f"{name} eats")
            second.release()
        else:
            print(f"{name} gave up waiting for the {wanted}: deadlock")


alice = threading.Thread(target=diner, args=("Alice", fork, knife, "knife", 2), name="Alice")
bob = threading.Thread(target=diner, args=("Bob", knife, fork, "fork", 5), name="Bob")
alice.start()
bob.start()
alice.join()
bob.join()
