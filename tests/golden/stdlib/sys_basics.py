# sys: version_info fields and comparisons, maxsize, byteorder, argv, stdout/stderr write, recursion limit, modules, exc_info
import sys

print(sys.version_info >= (3, 8), sys.version_info[:2], sys.version_info.major, sys.version_info.minor)
print((3, 8) <= sys.version_info, sys.version_info > (3, 11), sys.version_info < (4,), len(sys.version_info))
print(sys.version.startswith("3.11"), sys.maxsize, sys.byteorder, type(sys.argv).__name__, len(sys.argv))
n = sys.stdout.write("written to stdout\n")
print(n)
sys.stderr.write("written to stderr\n")
sys.stdout.flush()
print("to stderr too", file=sys.stderr)
print(sys.getrecursionlimit())
sys.setrecursionlimit(1500)
print(sys.getrecursionlimit())
print("sys" in sys.modules, "json_not_imported" in sys.modules, type(sys.modules).__name__)
print(sys.exc_info())
try:
    raise ValueError("bad value")
except ValueError:
    kind, value, tb = sys.exc_info()
    print(kind.__name__, value)
for bad in [lambda: sys.setrecursionlimit(0), lambda: sys.setrecursionlimit(1.5)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
