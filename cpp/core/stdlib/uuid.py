"""UUID objects (RFC 4122), following CPython 3.11's Lib/uuid.py.

A UUID is kept as its 32 hex digits, so everything but .int and .bytes works on 64-bit
ints. uuid4() and uuid1() draw from a generator seeded by the run's seed: runs are
reproducible and the program's own random numbers are not disturbed. uuid3() and uuid5()
need hashlib.
"""

import _interleave
import time as _time

__all__ = ['UUID', 'uuid1', 'uuid3', 'uuid4', 'uuid5', 'getnode', 'NAMESPACE_DNS', 'NAMESPACE_URL',
           'NAMESPACE_OID', 'NAMESPACE_X500', 'RESERVED_NCS', 'RFC_4122', 'RESERVED_MICROSOFT',
           'RESERVED_FUTURE', 'SafeUUID']

RESERVED_NCS, RFC_4122, RESERVED_MICROSOFT, RESERVED_FUTURE = [
    'reserved for NCS compatibility', 'specified in RFC 4122',
    'reserved for Microsoft compatibility', 'reserved for future definition']

_HEX = '0123456789abcdef'


class SafeUUID:
    safe = 0
    unsafe = -1
    unknown = None


class UUID:
    """A universally unique identifier: UUID('12345678-1234-5678-1234-567812345678')."""

    def __init__(self, hex=None, bytes=None, bytes_le=None, fields=None, int=None, version=None, *,
                 is_safe=SafeUUID.unknown):
        given = [hex, bytes, bytes_le, fields, int].count(None)
        if given != 4:
            raise TypeError('one of the hex, bytes, bytes_le, fields, or int arguments must be given')
        if hex is not None:
            digits = hex.replace('urn:', '').replace('uuid:', '')
            digits = digits.strip('{}').replace('-', '').lower()
            if len(digits) != 32 or any(c not in _HEX for c in digits):
                raise ValueError('badly formed hexadecimal UUID string')
        elif bytes_le is not None:
            if len(bytes_le) != 16:
                raise ValueError('bytes_le is not a 16-char string')
            b = bytes_le
            raw = b[4 - 1::-1] + b[6 - 1:4 - 1:-1] + b[8 - 1:6 - 1:-1] + b[8:]
            digits = ''.join(format(x, '02x') for x in raw)
        elif bytes is not None:
            if len(bytes) != 16:
                raise ValueError('bytes is not a 16-char string')
            digits = ''.join(format(x, '02x') for x in bytes)
        elif fields is not None:
            if len(fields) != 6:
                raise ValueError('fields is not a 6-tuple')
            (time_low, time_mid, time_hi_version, clock_seq_hi_variant, clock_seq_low, node) = fields
            for value, bits, name in ((time_low, 32, 'time_low'), (time_mid, 16, 'time_mid'),
                                      (time_hi_version, 16, 'time_hi_version'),
                                      (clock_seq_hi_variant, 8, 'clock_seq_hi_variant'),
                                      (clock_seq_low, 8, 'clock_seq_low'), (node, 48, 'node')):
                if not 0 <= value < (1 << bits):
                    raise ValueError(f'field {fields.index(value) + 1} out of range (need a {bits}-bit value)')
            digits = (format(time_low, '08x') + format(time_mid, '04x') + format(time_hi_version, '04x') +
                      format(clock_seq_hi_variant, '02x') + format(clock_seq_low, '02x') + format(node, '012x'))
        else:
            if int < 0:
                raise ValueError('int is out of range (need a 128-bit value)')
            digits = format(int, '032x')
            if len(digits) != 32:
                raise ValueError('int is out of range (need a 128-bit value)')
        if version is not None:
            if not 1 <= version <= 5:
                raise ValueError('illegal version number')
            variant = _HEX.index(digits[16])
            digits = digits[:12] + _HEX[version] + digits[13:16] + _HEX[(variant & 0x3) | 0x8] + digits[17:]
        self._hex = digits
        self.is_safe = is_safe

    def __eq__(self, other):
        if isinstance(other, UUID):
            return self._hex == other._hex
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, UUID):
            return self._hex < other._hex
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, UUID):
            return self._hex > other._hex
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, UUID):
            return self._hex <= other._hex
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, UUID):
            return self._hex >= other._hex
        return NotImplemented

    def __hash__(self):
        return hash(self._hex)

    def __int__(self):
        return int(self._hex, 16)

    def __repr__(self):
        return '%s(%r)' % (self.__class__.__name__, str(self))

    def __str__(self):
        h = self._hex
        return '%s-%s-%s-%s-%s' % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])

    @property
    def bytes(self):
        return bytes.fromhex(self._hex)

    @property
    def bytes_le(self):
        b = self.bytes
        return b[4 - 1::-1] + b[6 - 1:4 - 1:-1] + b[8 - 1:6 - 1:-1] + b[8:]

    @property
    def fields(self):
        return (self.time_low, self.time_mid, self.time_hi_version,
                self.clock_seq_hi_variant, self.clock_seq_low, self.node)

    @property
    def time_low(self):
        return int(self._hex[:8], 16)

    @property
    def time_mid(self):
        return int(self._hex[8:12], 16)

    @property
    def time_hi_version(self):
        return int(self._hex[12:16], 16)

    @property
    def clock_seq_hi_variant(self):
        return int(self._hex[16:18], 16)

    @property
    def clock_seq_low(self):
        return int(self._hex[18:20], 16)

    @property
    def time(self):
        return (((self.time_hi_version & 0x0fff) << 48) | (self.time_mid << 32) | self.time_low)

    @property
    def clock_seq(self):
        return (((self.clock_seq_hi_variant & 0x3f) << 8) | self.clock_seq_low)

    @property
    def node(self):
        return int(self._hex[20:], 16)

    @property
    def hex(self):
        return self._hex

    @property
    def int(self):
        return int(self._hex, 16)

    @property
    def urn(self):
        return 'urn:uuid:' + str(self)

    @property
    def variant(self):
        top = _HEX.index(self._hex[16])
        if not top & 0x8:
            return RESERVED_NCS
        elif not top & 0x4:
            return RFC_4122
        elif not top & 0x2:
            return RESERVED_MICROSOFT
        else:
            return RESERVED_FUTURE

    @property
    def version(self):
        if self.variant == RFC_4122:
            return _HEX.index(self._hex[12])
        return None



class _Generator:
    """_Generator is xorshift32 seeded by the run's seed: reproducible and apart from random's stream."""

    def __init__(self, seed):
        state = (seed * 2654435761 + 0x9E3779B9) & 0xFFFFFFFF
        self.state = state or 0x6D2B79F5

    def bits32(self):
        x = self.state
        x ^= (x << 13) & 0xFFFFFFFF
        x ^= x >> 17
        x ^= (x << 5) & 0xFFFFFFFF
        self.state = x
        return x

    def hex_digits(self, n):
        out = ''
        while len(out) < n:
            out += format(self.bits32(), '08x')
        return out[:n]


_generator = None


def _random_hex(n):
    global _generator
    if _generator is None:
        _generator = _Generator(int(_interleave.settings().get('seed', 0)))
    return _generator.hex_digits(n)


_node = None


def getnode():
    """Get the hardware address as a 48-bit integer: a random one with the multicast bit set."""
    global _node
    if _node is None:
        _node = int(_random_hex(12), 16) | (1 << 40)
    return _node


_last_timestamp = None


def uuid1(node=None, clock_seq=None):
    """Generate a UUID from a host ID, sequence number, and the current (simulated) time."""
    global _last_timestamp
    nanoseconds = int(_time.time() * 1e9)
    timestamp = nanoseconds // 100 + 0x01b21dd213814000
    if _last_timestamp is not None and timestamp <= _last_timestamp:
        timestamp = _last_timestamp + 1
    _last_timestamp = timestamp
    if clock_seq is None:
        clock_seq = int(_random_hex(4), 16) & 0x3fff
    time_low = timestamp & 0xffffffff
    time_mid = (timestamp >> 32) & 0xffff
    time_hi_version = (timestamp >> 48) & 0x0fff
    clock_seq_low = clock_seq & 0xff
    clock_seq_hi_variant = (clock_seq >> 8) & 0x3f
    if node is None:
        node = getnode()
    return UUID(fields=(time_low, time_mid, time_hi_version, clock_seq_hi_variant, clock_seq_low, node), version=1)


def _hashed_uuid(algorithm, namespace, name, version):
    try:
        import hashlib
    except ImportError:
        raise NotImplementedError(f"uuid{version}() needs hashlib, which the playground does not have") from None
    if isinstance(name, str):
        name = name.encode('utf-8')
    digest = getattr(hashlib, algorithm)(namespace.bytes + name).hexdigest()
    return UUID(hex=digest[:32], version=version)


def uuid3(namespace, name):
    """Generate a UUID from the MD5 hash of a namespace UUID and a name."""
    return _hashed_uuid('md5', namespace, name, 3)


def uuid4():
    """Generate a random UUID."""
    return UUID(hex=_random_hex(32), version=4)


def uuid5(namespace, name):
    """Generate a UUID from the SHA-1 hash of a namespace UUID and a name."""
    return _hashed_uuid('sha1', namespace, name, 5)


NAMESPACE_DNS = UUID('6ba7b810-9dad-11d1-80b4-00c04fd430c8')
NAMESPACE_URL = UUID('6ba7b811-9dad-11d1-80b4-00c04fd430c8')
NAMESPACE_OID = UUID('6ba7b812-9dad-11d1-80b4-00c04fd430c8')
NAMESPACE_X500 = UUID('6ba7b814-9dad-11d1-80b4-00c04fd430c8')
