# optional: CPython's wording for a missing indented block
def f():
return 1
print(f())
