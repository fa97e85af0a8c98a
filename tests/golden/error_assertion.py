# Uncaught AssertionError carrying a message.
def withdraw(balance, amount):
    assert amount > 0, "amount must be positive"
    assert amount <= balance, f"cannot withdraw {amount} from {balance}"
    return balance - amount
print(withdraw(100, 30))
print(withdraw(100, 250))
