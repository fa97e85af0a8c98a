# Comparison operators, chains, membership and identity.
x = 5
print(1 < x < 10, 1 < x > 10, 0 <= x <= 5 < 6, x == 5 != 6)
print(3 > 2 > 1, 3 > 2 == 2, 1 < 2 < 3 < 4 < 3)
a = [1, 2, 3]
b = [1, 2, 3]
c = a
print(a == b, a is b, a is c, a is not b, a != b)
print(2 in a, 4 not in a, "b" in "abc", "b" in ["abc"], 1 in {1: "x"}, (1, 2) in [(1, 2)])
print(None is None, None is not None, x is not None)
print(1 == 1.0, 1 == "1", "a" != "b", [1] == (1,))
print("apple" < "banana", "Apple" < "apple", [1, 2] <= [1, 2], (1, "z") < (2, "a"))
print(max(3, 7) >= 7 > min(3, 7))
def loud(v):
    print("eval", v)
    return v
print(loud(1) < loud(0) < loud(2))
print(loud(1) < loud(3) < loud(2))
print(True == 1, False < True, 0.5 < 1 < 1.5)
