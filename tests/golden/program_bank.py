# A small bank ledger: classes, inheritance, custom exceptions, f-string tables, sorting.
class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner} cannot withdraw {amount:.2f} (balance {account.balance:.2f})")
        self.amount = amount
class Account:
    next_id = 1
    def __init__(self, owner, balance=0.0):
        self.id = Account.next_id
        Account.next_id += 1
        self.owner = owner
        self.balance = balance
        self.history = []
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("withdraw", amount))
    def __repr__(self):
        return f"Account({self.id}, {self.owner!r}, {self.balance:.2f})"
class Savings(Account):
    rate = 0.02
    def add_interest(self):
        interest = round(self.balance * self.rate, 2)
        self.deposit(interest)
        return interest
def transfer(src, dst, amount):
    src.withdraw(amount)
    dst.deposit(amount)
accounts = [Account("ann", 100), Savings("bob", 2500), Account("cy")]
ops = [("deposit", 0, 50), ("withdraw", 2, 10), ("deposit", 2, -5), ("transfer", 1, 0, 300), ("withdraw", 0, 1000)]
for op in ops:
    kind, *args = op
    try:
        if kind == "deposit":
            accounts[args[0]].deposit(args[1])
        elif kind == "withdraw":
            accounts[args[0]].withdraw(args[1])
        else:
            transfer(accounts[args[0]], accounts[args[1]], args[2])
        print("ok   ", op)
    except InsufficientFunds as e:
        print("funds", e)
    except ValueError as e:
        print("value", e)
print(f"interest: {accounts[1].add_interest():.2f}")
print(f"{'id':>3} {'owner':<6} {'balance':>10}")
for a in sorted(accounts, key=lambda a: a.balance, reverse=True):
    print(f"{a.id:>3} {a.owner:<6} {a.balance:>10,.2f}")
print(accounts)
print(sum(a.balance for a in accounts))
print([len(a.history) for a in accounts])
