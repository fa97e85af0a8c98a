"""array: typed arrays of numbers after CPython 3.11's array module (typecodes b B u h H i I
l L q Q f d with the Linux x86-64 item sizes), kept as a list of checked Python values and
packed with struct for tobytes/frombytes, with CPython's reprs and overflow messages.
"""

import struct as _struct

__all__ = ['ArrayType', 'array', 'typecodes']

typecodes = 'bBuhHiIlLqQfd'

_SIZES = {'b': 1, 'B': 1, 'u': 4, 'h': 2, 'H': 2, 'i': 4, 'I': 4, 'l': 8, 'L': 8, 'q': 8, 'Q': 8,
          'f': 4, 'd': 8}
# _STRUCT packs L and Q as q: their values at 2**63 and above are stored as two's complement.
_STRUCT = {'b': 'b', 'B': 'B', 'u': 'I', 'h': 'h', 'H': 'H', 'i': 'i', 'I': 'I', 'l': 'q', 'L': 'q',
           'q': 'q', 'Q': 'q', 'f': 'f', 'd': 'd'}
# _LIMITS: the C type's range and the names CPython's messages use for it.
_LIMITS = {'b': (-128, 127, 'signed char'), 'B': (0, 255, 'unsigned byte integer'),
           'h': (-32768, 32767, 'signed short integer'), 'H': (0, 65535, 'unsigned short'),
           'i': (-2 ** 31, 2 ** 31 - 1, 'signed integer')}
_LONG_MIN, _LONG_MAX = -2 ** 63, 2 ** 63 - 1


def _index(v):
    if isinstance(v, int):
        return int(v)
    index = getattr(type(v), '__index__', None)
    if index is None:
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)
    return index(v)


def _check(typecode, v):
    """_check is v as an item of an array of typecode, or raises CPython's error."""
    if typecode in 'fd':
        if isinstance(v, float):
            f = v
        elif isinstance(v, int):
            f = float(v)
        elif hasattr(type(v), '__float__'):
            f = float(v)
        else:
            raise TypeError("must be real number, not %s" % type(v).__name__)
        if typecode == 'f':
            if f == f and abs(f) < 3.4028235677973366e+38:
                f = _struct.unpack('f', _struct.pack('f', f))[0]
            elif f == f:
                f = float('inf') if f > 0 else float('-inf')
        return f
    if typecode == 'u':
        if not isinstance(v, str) or len(v) != 1:
            raise TypeError("array item must be unicode character")
        return v
    n = _index(v)
    if typecode in _LIMITS:
        lo, hi, name = _LIMITS[typecode]
        if not _LONG_MIN <= n <= _LONG_MAX:
            raise OverflowError("Python int too large to convert to C long")
        if n > hi:
            raise OverflowError("%s is greater than maximum" % name)
        if n < lo:
            raise OverflowError("%s is less than minimum" % name)
    elif typecode == 'I':
        if n < 0:
            raise OverflowError("can't convert negative value to unsigned int")
        if n >= 2 ** 64:
            raise OverflowError("Python int too large to convert to C unsigned long")
        if n > 2 ** 32 - 1:
            raise OverflowError("unsigned int is greater than maximum")
    elif typecode == 'l':
        if not _LONG_MIN <= n <= _LONG_MAX:
            raise OverflowError("Python int too large to convert to C long")
    elif typecode == 'L':
        if n < 0:
            raise OverflowError("can't convert negative value to unsigned int")
        if n >= 2 ** 64:
            raise OverflowError("Python int too large to convert to C unsigned long")
    elif typecode == 'q':
        if not _LONG_MIN <= n <= _LONG_MAX:
            raise OverflowError("int too big to convert")
    else:
        if n < 0:
            raise OverflowError("can't convert negative int to unsigned")
        if n >= 2 ** 64:
            raise OverflowError("int too big to convert")
    return n


class array(object):
    """array(typecode [, initializer]) -> array

    Return a new array whose items are restricted by typecode, and
    initialized from the optional initializer value, which must be a list,
    a bytes-like object, or iterable over elements of the appropriate type.
    """

    __slots__ = ('_tc', '_items')

    def __init__(self, *args):
        if not args:
            raise TypeError("array() takes at least 1 argument (0 given)")
        if len(args) > 2:
            raise TypeError("array() takes at most 2 arguments (%d given)" % len(args))
        typecode = args[0]
        if not isinstance(typecode, str) or len(typecode) != 1:
            raise TypeError("array() argument 1 must be a unicode character, not %s" % type(typecode).__name__)
        if typecode not in _SIZES:
            raise ValueError("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        self._tc = typecode
        self._items = []
        if len(args) == 2:
            init = args[1]
            if isinstance(init, str):
                if typecode != 'u':
                    raise TypeError("cannot use a str to initialize an array with typecode '%s'" % typecode)
                self._items = list(init)
            elif isinstance(init, (bytes, bytearray)):
                self.frombytes(init)
            elif isinstance(init, array):
                if (init._tc == 'u') != (typecode == 'u'):
                    raise TypeError("cannot use a unicode array to initialize an array with typecode '%s'" % typecode)
                self._items = [_check(typecode, v) for v in init._items]
            else:
                self._items = [_check(typecode, v) for v in init]

    @property
    def typecode(self):
        """the typecode character used to create the array"""
        return self._tc

    @property
    def itemsize(self):
        """the size, in bytes, of one array item"""
        return _SIZES[self._tc]

    def _new(self, items):
        a = array(self._tc)
        a._items = items
        return a

    def __repr__(self):
        if not self._items:
            return "array('%s')" % self._tc
        if self._tc == 'u':
            return "array('u', %r)" % ''.join(self._items)
        return "array('%s', %r)" % (self._tc, self._items)

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __contains__(self, v):
        return v in self._items

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self._new(self._items[index])
        try:
            index = _index(index)
        except TypeError:
            raise TypeError("array indices must be integers") from None
        if not -len(self._items) <= index < len(self._items):
            raise IndexError("array index out of range")
        return self._items[index]

    def __setitem__(self, index, value):
        if isinstance(index, slice):
            if not isinstance(value, array):
                raise TypeError('can only assign array (not "%s") to array slice' % type(value).__name__)
            if value._tc != self._tc:
                raise TypeError("bad argument type for built-in operation")
            self._items[index] = list(value._items)
            return
        try:
            index = _index(index)
        except TypeError:
            raise TypeError("array indices must be integers") from None
        if not -len(self._items) <= index < len(self._items):
            raise IndexError("array assignment index out of range")
        self._items[index] = _check(self._tc, value)

    def __delitem__(self, index):
        if isinstance(index, slice):
            del self._items[index]
            return
        index = _index(index)
        if not -len(self._items) <= index < len(self._items):
            raise IndexError("array assignment index out of range")
        del self._items[index]

    def __add__(self, other):
        if not isinstance(other, array):
            raise TypeError('can only append array (not "%s") to array' % type(other).__name__)
        if other._tc != self._tc:
            raise TypeError("bad argument type for built-in operation")
        return self._new(self._items + other._items)

    def __iadd__(self, other):
        if not isinstance(other, array):
            raise TypeError('can only extend array with array (not "%s")' % type(other).__name__)
        if other._tc != self._tc:
            raise TypeError("can only extend with array of same kind")
        self._items += other._items
        return self

    def __mul__(self, n):
        if not isinstance(n, int):
            raise TypeError("can't multiply sequence by non-int of type '%s'" % type(n).__name__)
        return self._new(self._items * n)

    __rmul__ = __mul__

    def __imul__(self, n):
        if not isinstance(n, int):
            raise TypeError("can't multiply sequence by non-int of type '%s'" % type(n).__name__)
        self._items *= n
        return self

    def _compare(self, other, op):
        if not isinstance(other, array):
            if op in ('==', '!='):
                return NotImplemented
            raise TypeError("'%s' not supported between instances of 'array.array' and '%s'" % (op, type(other).__name__))
        a, b = self._items, other._items
        if op == '==':
            return a == b
        if op == '!=':
            return a != b
        if op == '<':
            return a < b
        if op == '<=':
            return a <= b
        if op == '>':
            return a > b
        return a >= b

    def __eq__(self, other):
        return self._compare(other, '==')

    def __ne__(self, other):
        return self._compare(other, '!=')

    def __lt__(self, other):
        return self._compare(other, '<')

    def __le__(self, other):
        return self._compare(other, '<=')

    def __gt__(self, other):
        return self._compare(other, '>')

    def __ge__(self, other):
        return self._compare(other, '>=')

    __hash__ = None

    def __copy__(self):
        return self._new(list(self._items))

    def __deepcopy__(self, memo):
        return self._new(list(self._items))

    def __reduce__(self):
        return (array, (self._tc, list(self._items)))

    def __bytes__(self):
        return self.tobytes()

    def append(self, v):
        """Append new value v to the end of the array."""
        self._items.append(_check(self._tc, v))

    def extend(self, iterable):
        """Append items to the end of the array."""
        if isinstance(iterable, array):
            if iterable._tc != self._tc:
                raise TypeError("can only extend with array of same kind")
            self._items.extend(iterable._items)
            return
        tc = self._tc
        self._items.extend([_check(tc, v) for v in iterable])

    def insert(self, i, v):
        """Insert a new item v into the array before position i."""
        i = _index(i)
        self._items.insert(i, _check(self._tc, v))

    def pop(self, i=-1):
        """Return the i-th element and delete it from the array."""
        if not self._items:
            raise IndexError("pop from empty array")
        i = _index(i)
        if not -len(self._items) <= i < len(self._items):
            raise IndexError("pop index out of range")
        return self._items.pop(i)

    def remove(self, v):
        """Remove the first occurrence of v in the array."""
        try:
            self._items.remove(v)
        except ValueError:
            raise ValueError("array.remove(x): x not in array") from None

    def index(self, v, start=0, stop=None):
        """Return index of first occurrence of v in the array."""
        n = len(self._items)
        if stop is None:
            stop = n
        try:
            return self._items.index(v, start, stop)
        except ValueError:
            raise ValueError("array.index(x): x not in array") from None

    def count(self, v):
        """Return number of occurrences of v in the array."""
        return self._items.count(v)

    def reverse(self):
        """Reverse the order of the items in the array."""
        self._items.reverse()

    def buffer_info(self):
        """Return a tuple (address, length) giving the current memory address and the length in items."""
        return (id(self._items), len(self._items))

    def _format(self, n):
        return '<%d%s' % (n, _STRUCT[self._tc])

    def tobytes(self):
        """Convert the array to an array of machine values and return the bytes representation."""
        items = self._items
        if self._tc == 'u':
            items = [ord(c) for c in items]
        elif self._tc in 'LQ':
            items = [v - 2 ** 64 if v >= 2 ** 63 else v for v in items]
        return _struct.pack(self._format(len(items)), *items)

    def frombytes(self, data):
        """Appends items from the string, interpreting it as an array of machine values."""
        if isinstance(data, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        data = bytes(data)
        size = _SIZES[self._tc]
        if len(data) % size:
            raise ValueError("bytes length not a multiple of item size")
        values = _struct.unpack(self._format(len(data) // size), data)
        if self._tc == 'u':
            values = [chr(c) for c in values]
        elif self._tc in 'LQ':
            values = [v + 2 ** 64 if v < 0 else v for v in values]
        self._items.extend(values)

    def byteswap(self):
        """Byteswap all items of the array."""
        size = _SIZES[self._tc]
        data = self.tobytes()
        swapped = b''.join(data[k:k + size][::-1] for k in range(0, len(data), size))
        self._items = []
        self.frombytes(swapped)

    def tolist(self):
        """Convert array to an ordinary list with the same items."""
        return list(self._items)

    def fromlist(self, items):
        """Append items to array from list."""
        if not isinstance(items, list):
            raise TypeError("arg must be list")
        tc = self._tc
        self._items.extend([_check(tc, v) for v in items])

    def tounicode(self):
        """Extends this array with data from the unicode string ustr."""
        if self._tc != 'u':
            raise ValueError("tounicode() may only be called on unicode type arrays")
        return ''.join(self._items)

    def fromunicode(self, s):
        """Extends this array with data from the unicode string ustr."""
        if self._tc != 'u':
            raise ValueError("fromunicode() may only be called on unicode type arrays")
        if not isinstance(s, str):
            raise TypeError("fromunicode() argument must be str, not %s" % type(s).__name__)
        self._items.extend(s)

    def tofile(self, f):
        """Write all items (as machine values) to the file object f."""
        f.write(self.tobytes())

    def fromfile(self, f, n):
        """Read n objects from the file object f and append them to the end of the array."""
        size = _SIZES[self._tc]
        data = f.read(n * size)
        self.frombytes(data[:len(data) - len(data) % size])
        if len(data) < n * size:
            raise EOFError("read() didn't return enough bytes")


ArrayType = array
