# Module globals read from functions, `global` rebinding, and local shadowing.
counter = 0
config = {"debug": False}
def bump():
    global counter
    counter += 1
    return counter
def read():
    return counter
def shadow():
    counter = 99
    return counter
def mutate():
    config["debug"] = True
bump()
bump()
print(counter, read(), shadow(), counter)
mutate()
print(config)
def define_global():
    global created
    created = "made inside a function"
define_global()
print(created)
def uses_later():
    return LATER * 2
LATER = 21
print(uses_later())
x = "global x"
def f():
    x = "local x"
    def g():
        return x
    return g()
print(f(), x)
