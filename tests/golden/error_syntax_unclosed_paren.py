# optional: CPython's wording for an unclosed bracket
print("never printed")
values = [1, 2, (3, 4]
print(values)
