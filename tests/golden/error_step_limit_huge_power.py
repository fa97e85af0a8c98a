# engine-only: a huge integer power is one instruction, but its work counts in steps, so the step limit stops it at once
# args: --step-limit 1000000
print("before")
x = 3 ** 100
print(len(str(x)))
y = 10 ** 10 ** 8
print("never printed")
