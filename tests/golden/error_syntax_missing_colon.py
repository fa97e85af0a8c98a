# optional: CPython's wording for a missing colon (the program does not compile, so nothing prints)
print("never printed")
for i in range(3)
    print(i)
