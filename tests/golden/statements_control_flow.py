# if/elif/else, for/while with break, continue and else, nested loops, pass.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"
print([classify(n) for n in (-5, 0, 7, 42)])
for n in range(10):
    if n % 2 == 0:
        continue
    if n > 7:
        break
    print("odd", n)
for n in range(3):
    pass
else:
    print("for-else runs when no break, n =", n)
for n in range(3):
    if n == 1:
        break
else:
    print("not printed")
def find_prime_factor(n):
    for d in range(2, n):
        if n % d == 0:
            print(n, "has factor", d)
            break
    else:
        print(n, "is prime")
find_prime_factor(91)
find_prime_factor(97)
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    print("while", i)
else:
    print("while-else, i =", i)
while True:
    i -= 1
    if i < 3:
        break
print("after while True, i =", i)
for row in range(3):
    for col in range(3):
        if col > row:
            break
        print(f"{row}{col}", end=" ")
print()
count = 0
while count < 100:
    count += 7
print(count)
for ch in "":
    print("never")
else:
    print("empty loop else")
if []:
    print("no")
elif {}:
    print("no")
else:
    print("empty containers are falsy")
x = 5
if x:
    if x > 3:
        print("nested if")
for i in range(3):
    i = 10
    print(i, end=" ")
print()
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps", steps)
