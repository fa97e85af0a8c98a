# sys.getswitchinterval/setswitchinterval: how long a thread may keep the GIL when another wants it.
import sys
import threading

print("default:", sys.getswitchinterval())
sys.setswitchinterval(0.001)
print("after set:", sys.getswitchinterval())
try:
    sys.setswitchinterval(0)
except ValueError as e:
    print("ValueError:", e)
sys.setswitchinterval(0.005)
print("restored:", sys.getswitchinterval())
t = threading.Thread(target=lambda: print("a thread sees", sys.getswitchinterval()))
t.start()
t.join()
