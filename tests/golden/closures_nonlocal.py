# Closures capturing variables, nonlocal rebinding, late binding.
def make_counter():
    count = 0
    def increment(step=1):
        nonlocal count
        count += step
        return count
    return increment
c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(10), c2())
def make_multipliers():
    return [lambda x: x * i for i in range(3)]
print([m(10) for m in make_multipliers()])
def make_multipliers_bound():
    return [lambda x, i=i: x * i for i in range(3)]
print([m(10) for m in make_multipliers_bound()])
def accumulator():
    items = []
    def add(x):
        items.append(x)
        return list(items)
    return add
acc = accumulator()
acc(1)
print(acc(2))
def outer():
    x = "outer"
    def middle():
        x = "middle"
        def inner():
            nonlocal x
            x = "changed by inner"
        inner()
        return x
    result = middle()
    return x, result
print(outer())
def fib_memo():
    cache = {}
    def fib(n):
        if n in cache:
            return cache[n]
        value = n if n < 2 else fib(n - 1) + fib(n - 2)
        cache[n] = value
        return value
    return fib
print(fib_memo()(80))
def read_later():
    def show():
        return value
    value = "assigned after def"
    return show()
print(read_later())
def bank(balance):
    def deposit(amount):
        nonlocal balance
        balance += amount
        return balance
    def withdraw(amount):
        nonlocal balance
        if amount > balance:
            return "insufficient"
        balance -= amount
        return balance
    return deposit, withdraw
dep, wd = bank(100)
print(dep(50), wd(500), wd(30))
