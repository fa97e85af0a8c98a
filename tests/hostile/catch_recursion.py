# hostile: catching RecursionError in a loop and trying again: each attempt recurses to the
# limit, the handler runs, and the program carries on with the stack it had.
# error: none
# seconds: 10
# cpython: same
import sys

def down(n):
    return down(n + 1)

caught = 0
for attempt in range(300):
    try:
        down(0)
    except RecursionError:
        caught += 1
print(caught, sys.getrecursionlimit())

def retry(n):
    # retry: at the limit the handler itself recurses once more, then gives up.
    try:
        return retry(n + 1)
    except RecursionError:
        if n % 100 == 0:
            return n
        raise

print(retry(0) > 0)
print("still running")
