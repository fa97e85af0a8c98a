# struct, hashlib, base64 and binascii as the docs use them
import base64
import binascii
import hashlib
import struct

packed = struct.pack(">IHb", 1, 2, -3)
print(packed, struct.unpack(">IHb", packed), struct.calcsize(">IHb"), struct.calcsize("@ihq"))
print(struct.pack("<d", 1.5), struct.unpack("<2h", b"\x01\x00\xff\xff"))
record = struct.Struct("<I8s")
print(record.size, record.pack(7, b"raymond"), record.unpack(record.pack(7, b"raymond")))
try:
    struct.pack("b", 200)
except struct.error as e:
    print("struct.error:", e)

m = hashlib.sha256()
m.update(b"Nobody inspects")
m.update(b" the spammish repetition")
print(m.hexdigest())
print(m.digest_size, m.block_size, m.name)
print(hashlib.md5(b"hello").hexdigest(), hashlib.sha1(b"hello").hexdigest())
print(hashlib.sha512(b"abc").hexdigest()[:32], hashlib.new("sha224", b"x").hexdigest())
print(hashlib.pbkdf2_hmac("sha256", b"password", b"salt", 1000).hex())

encoded = base64.b64encode(b"data to be encoded")
print(encoded, base64.b64decode(encoded), base64.urlsafe_b64encode(b"\xfb\xff"), base64.b16encode(b"hi"))
print(binascii.hexlify(b"\x01\xab"), binascii.unhexlify("01ab"), binascii.crc32(b"hello world"))
