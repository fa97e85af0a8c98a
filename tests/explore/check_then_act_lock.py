# Correct: the bank account's check and withdrawal happen under one lock.
import threading


class BankAccount:
    def __init__(self, balance):
        self.balance = balance
        self.lock = threading.Lock()

    def withdraw(self, amount):
        with self.lock:
            if self.balance >= amount:
                self.balance -= amount
                return True
            return False


account = BankAccount(100)
threads = [threading.Thread(target=account.withdraw, args=(80,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()

print(f"balance = {account.balance}")
assert account.balance >= 0, f"overdrawn: balance is {account.balance}"
