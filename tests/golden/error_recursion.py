# Uncaught RecursionError from unbounded recursion.
def countdown(n):
    return countdown(n - 1)
print("start")
countdown(10)
