# engine-only: an endless loop stops at the step limit given on the command line
# args: --step-limit 1000
print("starting")
n = 0
while True:
    n += 1
