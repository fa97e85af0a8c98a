# uuid: UUID from strings and fields, str/repr/hex/urn, version and variant, comparisons; uuid4/uuid1 shapes
import uuid

x = uuid.UUID('{00010203-0405-0607-0809-0a0b0c0d0e0f}')
print(x, repr(x), x.hex, x.urn)
print(x.version, x.variant, x.fields, x.time_low, x.node, x.clock_seq)
print(str(x) == '00010203-0405-0607-0809-0a0b0c0d0e0f')
y = uuid.UUID('12345678123456781234567812345678')
print(y, y == uuid.UUID('12345678-1234-5678-1234-567812345678'), y > x, sorted([y, x]))
print(uuid.UUID(fields=(0x12345678, 0x1234, 0x5678, 0x12, 0x34, 0x567812345678)))
print(uuid.NAMESPACE_DNS, uuid.NAMESPACE_URL.version, uuid.RFC_4122)
print(len({x, y, uuid.UUID(str(x))}))

u = uuid.uuid4()
print(type(u).__name__, u.version, u.variant, len(str(u)), str(u).count('-'), u == uuid.UUID(str(u)))
print(u != uuid.uuid4(), str(u)[14], str(u)[19] in '89ab')
t = uuid.uuid1()
print(t.version, t.variant, len(t.hex), t.time > 0)
v = uuid.UUID('12345678-1234-5678-1234-567812345678', version=4)
print(v, v.version)

for bad in ('not-a-uuid', '1234', '{12345678-1234-5678-1234-5678123456789}'):
    try:
        uuid.UUID(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    uuid.UUID()
except TypeError as e:
    print("TypeError:", e)
