# hostile: memory bombs through built-ins that allocate in one step; each raises MemoryError
# (here a 64 MB limit) before allocating, the program catches it and goes on.
# error: none
# seconds: 10
# args: --memory-limit 64
big = 10 ** 10
cases = {
    "str * n": lambda: "x" * big,
    "tuple * n": lambda: (1, 2) * big,
    "list * n": lambda: [None] * big,
    "bytes * n": lambda: b"ab" * big,
    "bytes(n)": lambda: bytes(big),
    "bytearray(n)": lambda: bytearray(big),
    "str.ljust": lambda: "a".ljust(big),
    "str.rjust": lambda: "a".rjust(big, "-"),
    "str.center": lambda: "a".center(big),
    "str.zfill": lambda: "1".zfill(big),
    "str.expandtabs": lambda: "\t\t".expandtabs(big),
    "str.join": lambda: ",".join(["x" * 10 ** 6] * 10 ** 3),
    "str.replace": lambda: ("a" * 10 ** 6).replace("a", "b" * 10 ** 4),
    "format width": lambda: format(1, ">%d" % (10 ** 9)),
    "f-string width": lambda: f"{1:{10 ** 9}}",
    "str.format width": lambda: "{:>{w}}".format(1, w=10 ** 9),
    "% width": lambda: "%*d" % (10 ** 9, 1),
    "int ** int": lambda: 10 ** (10 ** 10),
    "int << int": lambda: 1 << (10 ** 11),
    "bytes.ljust": lambda: b"a".ljust(big),
    "list(range)": lambda: list(range(big)),
}
for name, case in cases.items():
    try:
        case()
        print(name, "finished")
    except MemoryError:
        print(name, "MemoryError")
    except (ValueError, OverflowError) as e:
        print(name, type(e).__name__, e)
print("x" * 10, len([0] * 1000))
