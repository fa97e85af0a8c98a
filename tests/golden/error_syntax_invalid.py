# optional: CPython's generic message for an invalid statement
x = 1
x === 2
