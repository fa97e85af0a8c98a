# sys.exit() and sys.exit(0) end the program normally; SystemExit can be caught and has .code
import sys

try:
    sys.exit("stopping")
except SystemExit as e:
    print("caught", repr(e), e.code)
try:
    sys.exit()
except SystemExit as e:
    print("code", e.code)
print(SystemExit(1, 2).code)
print("bye")
sys.exit(0)
print("not reached")
