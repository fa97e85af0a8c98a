# hostile: memory bombs that grow step by step inside one call: list() of an endless
# generator, a dict and a set filled forever, a string doubled, a bytearray extended.
# Each stops with MemoryError at the memory limit (32 MB here), which the program catches.
# error: none
# seconds: 20
# args: --memory-limit 32
def endless():
    while True:
        yield 1

def fill_dict():
    d = {}
    i = 0
    while True:
        d[i] = i
        i += 1

def fill_set():
    s = set()
    i = 0
    while True:
        s.add(i)
        i += 1

def double_str():
    s = "x"
    while True:
        s += s

def extend_bytearray():
    b = bytearray()
    while True:
        b.extend(b"x" * 65536)

cases = {
    "list(endless())": lambda: list(endless()),
    "sorted(endless())": lambda: sorted(endless()),
    "dict": fill_dict,
    "set": fill_set,
    "str doubled": double_str,
    "bytearray": extend_bytearray,
}
for name, case in cases.items():
    try:
        case()
    except MemoryError:
        print(name, "MemoryError")
print(sum(range(1000)))
