# Uncaught ZeroDivisionError inside a nested call; output before it must still appear.
def average(values):
    total = sum(values)
    return total / len(values)
def report(groups):
    for name, values in groups:
        print(name, average(values))
report([("a", [1, 2, 3]), ("b", [4]), ("empty", [])])
print("not reached")
