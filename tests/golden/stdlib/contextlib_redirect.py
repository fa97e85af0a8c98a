# contextlib: redirect_stdout / redirect_stderr to an object with write(), print honouring a replaced sys.stdout
import sys
from contextlib import redirect_stdout, redirect_stderr


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)
        return len(text)

    def flush(self):
        pass

    def getvalue(self):
        return "".join(self.parts)


f = Capture()
with redirect_stdout(f):
    print("captured line")
    print("second", 2, sep="-")
print("back on stdout")
print(repr(f.getvalue()))

err = Capture()
with redirect_stderr(err):
    print("to stderr", file=sys.stderr)
print(repr(err.getvalue()), sys.stderr is sys.__stderr__)

outer, inner = Capture(), Capture()
with redirect_stdout(outer):
    print("outer")
    with redirect_stdout(inner):
        print("inner")
    print("outer again")
print(repr(outer.getvalue()), repr(inner.getvalue()))

saved = sys.stdout
sys.stdout = Capture()
print("hidden")
hidden = sys.stdout.getvalue()
sys.stdout = saved
print("restored", repr(hidden), sys.stdout is sys.__stdout__)
