# Less central built-ins: hex/bin/oct, three-argument pow, callable, chr/ord, dict.fromkeys, iter/next with sentinel-free use.
# optional: built-ins beyond the core list
print(hex(255), hex(-1), bin(5), oct(8))
print(pow(3, 4, 5), pow(7, 2))
print(callable(len), callable(5), callable(lambda: 0))
print(chr(65), ord("a"), [chr(ord("a") + i) for i in range(3)])
print(list(dict.fromkeys("abca")), dict.fromkeys(["x", "y"], 0))
