# bytes and bytearray: literals, methods, encode/decode, indexing and slicing
data = b"hello world"
print(data, len(data), data[0], data[-1], data[1:5], data[::-1])
print(data.upper(), data.split(), data.replace(b"o", b"0"), data.find(b"wor"), data.count(b"l"))
print(b"-".join([b"a", b"b", b"c"]), b"x" * 3, b"ab" + b"cd", b"ell" in data)
print("héllo €".encode(), "héllo €".encode("utf-8").decode("utf-8"), "abc".encode("ascii"))
print(b"caf\xc3\xa9".decode(), bytes([72, 105]), bytes(3), bytes(range(65, 70)))
print(data.hex(), bytes.fromhex("48 69 21"), b"\x00\xff\n\t'\"", b'\\')
buf = bytearray(b"abc")
buf.append(100)
buf.extend(b"ef")
buf[0] = 65
print(buf, len(buf), bytes(buf), buf.pop(), buf)
print(list(b"hi"), [hex(b) for b in b"\x01\x7f"], b"a" < b"b", b"abc" == bytearray(b"abc"))
print(b"  padded  ".strip(), b"a,b,,c".split(b","), b"Hello".startswith(b"He"), b"x=1".partition(b"="))
print(repr(b"\x80abc"), str(b"x"), int.from_bytes(b"\x01\x00", "big"), (258).to_bytes(2, "little"))
try:
    "naïve".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
try:
    b"a" + "b"
except TypeError as e:
    print("TypeError:", e)
print(b"\xff".decode("utf-8", errors="replace"), "ü".encode("ascii", errors="ignore"), b"abc".decode("latin-1"))
