# Positional-only parameters (the `/` marker).
# optional: positional-only parameters ('/')
def pos_only(a, b, /, c):
    return a + b + c
print(pos_only(1, 2, c=3))
print(pos_only(1, 2, 3))
