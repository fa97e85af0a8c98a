# Objects shared by tasks: an account guarded by an asyncio.Lock keeps every update; one without loses them.
# elapsed: 0.09
import asyncio


class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance
        self.lock = asyncio.Lock()
        self.history = []

    async def deposit(self, amount):
        async with self.lock:
            current = self.balance
            await asyncio.sleep(0.01)
            self.balance = current + amount
            self.history.append(amount)

    async def withdraw(self, amount):
        async with self.lock:
            await asyncio.sleep(0.01)
            if amount > self.balance:
                raise ValueError(f"{self.owner} has only {self.balance}")
            self.balance -= amount
            self.history.append(-amount)

    def __repr__(self):
        return f"Account({self.owner!r}, {self.balance})"


class UnsafeAccount(Account):
    async def deposit(self, amount):
        current = self.balance
        await asyncio.sleep(0.01)
        self.balance = current + amount


class Bank:
    def __init__(self, *accounts):
        self.accounts = {a.owner: a for a in accounts}
        self.transfers = 0

    async def transfer(self, source, target, amount):
        await self.accounts[source].withdraw(amount)
        await self.accounts[target].deposit(amount)
        self.transfers += 1


async def main():
    alice = Account("alice", 100)
    await asyncio.gather(*(alice.deposit(10) for _ in range(5)))
    print("with the lock:", alice, alice.history)
    bob = UnsafeAccount("bob", 100)
    await asyncio.gather(*(bob.deposit(10) for _ in range(5)))
    print("without the lock:", bob)

    bank = Bank(alice, bob, Account("carol", 0))
    results = await asyncio.gather(
        bank.transfer("alice", "carol", 50),
        bank.transfer("bob", "carol", 500),
        bank.transfer("alice", "bob", 25),
        return_exceptions=True,
    )
    print([r if r is None else repr(r) for r in results])
    print(sorted(bank.accounts.values(), key=lambda a: a.owner), "transfers:", bank.transfers)


asyncio.run(main())
