# hostile: big-integer work in one step: three-argument pow with 30,000-digit numbers, huge
# products and powers. Each is counted in steps before it runs, so the step limit stops it
# (CPython takes minutes on the pow) and a program that catches nothing ends at once.
# error: StepLimitError: stopped after 2000000 steps (raise the limit with --step-limit)
# seconds: 10
# args: --step-limit 2000000
print(pow(3, 10**18, 10**9 + 7))
print(pow(2, -1, 7))
x = pow(3**20000, 3**20000, 7**20000 + 2)
print("not reached", x % 10)
