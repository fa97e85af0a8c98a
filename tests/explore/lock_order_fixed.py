# Correct: both transfers take the two locks in the same order, so they cannot deadlock.
import threading

accounts = {"alice": 100, "bob": 100}
alice_lock = threading.Lock()
bob_lock = threading.Lock()


def pay_bob(amount):
    with alice_lock:
        with bob_lock:
            accounts["alice"] -= amount
            accounts["bob"] += amount


def pay_alice(amount):
    with alice_lock:
        with bob_lock:
            accounts["bob"] -= amount
            accounts["alice"] += amount


t1 = threading.Thread(target=pay_bob, args=(10,))
t2 = threading.Thread(target=pay_alice, args=(20,))
t1.start()
t2.start()
t1.join()
t2.join()
print(accounts)
