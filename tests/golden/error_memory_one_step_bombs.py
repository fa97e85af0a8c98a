# engine-only: operations that would build a result past the memory limit in one step raise MemoryError before allocating it, and the program goes on
# args: --memory-limit 32
bombs = {
    "list repeat": lambda: [None] * 10**10,
    "list repeat (2**32 + 1)": lambda: [0] * (2**32 + 1),
    "tuple repeat": lambda: (1, 2) * 10**9,
    "str repeat": lambda: "ab" * 10**10,
    "nested str repeat": lambda: ("x" * 10**5) * 10**5,
    "bytes(n)": lambda: bytes(10**10),
    "bytearray(n)": lambda: bytearray(10**9),
    "bytes repeat": lambda: b"x" * 10**10,
    "list(range)": lambda: list(range(10**9)),
    "tuple(range)": lambda: tuple(range(10**9)),
    "sorted(range)": lambda: sorted(range(10**9)),
    "set(range)": lambda: set(range(10**8)),
    "dict.fromkeys": lambda: dict.fromkeys(range(10**8)),
    "str.ljust": lambda: "a".ljust(10**10),
    "str.center": lambda: "a".center(10**9, "*"),
    "str.zfill": lambda: "1".zfill(10**9),
    "str.expandtabs": lambda: ("\t" * 1000).expandtabs(10**6),
    "str.replace": lambda: ("a" * 10**6).replace("a", "b" * 100),
    "str.replace empty": lambda: ("a" * 10**6).replace("", "-" * 100),
    "str.join": lambda: ",".join(["x" * 10**6] * 100),
    "str.split": lambda: ("a " * 10**7).split(),
    "str.splitlines": lambda: ("a\n" * 10**7).splitlines(),
    "format width": lambda: "{:>{w}}".format(1, w=10**9),
    "f-string width": lambda: f"{1:{10**10}}",
    "f-string precision": lambda: f"{1.5:.{10**9}f}",
    "%-format width": lambda: "%*d" % (10**9, 1),
    "%-format literal width": lambda: "%1000000000d" % 1,
    "bytes.ljust": lambda: b"a".ljust(10**9),
    "bytes.join": lambda: b",".join([b"x" * 10**6] * 100),
    "bytes.replace": lambda: (b"a" * 10**6).replace(b"a", b"b" * 100),
    "bytes.hex": lambda: (b"a" * (2 * 10**7)).hex(),
    "repr of a huge list": lambda: repr(["x" * 1000] * 10**5),
    "str of nested lists": lambda: str([[10**6] * 1000] * 10000),
    "left shift": lambda: 1 << 10**10,
    "huge power": lambda: 2 ** (2**40),
}
for name, bomb in bombs.items():
    try:
        bomb()
        print(name, "finished?")
    except MemoryError as error:
        print(f"{name}: MemoryError: {error}")
print("still working:", "-".join(str(i) for i in range(10)), len([0] * 1000))
