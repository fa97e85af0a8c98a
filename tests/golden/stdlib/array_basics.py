# array: construction for every typecode, repr, list-like methods, slicing, bytes round trips, comparisons, + and *.
from array import array, typecodes
import array as array_module

print(typecodes, array_module.ArrayType is array, type(array('i')))
for code, init in [('b', [-128, 0, 127]), ('B', [0, 255]), ('h', [-32768, 32767]), ('H', [65535]),
                   ('i', [1, 2, 3]), ('I', [4294967295]), ('l', [-2 ** 63]), ('L', [2 ** 64 - 1]),
                   ('q', [2 ** 63 - 1]), ('Q', [2 ** 64 - 1]), ('f', [0.1, 1.5]), ('d', [0.1, 1e300]), ('u', 'hello')]:
    a = array(code, init)
    print(code, a, a.itemsize, a.typecode, len(a), a.tolist(), a.tobytes())
print(array('i'), array('u'), array('d', range(3)), array('b', b'\x01\xff'), array('i', array('i', [7, 8])))

a = array('i', [10, 20, 30])
a.append(40)
a.extend([50, 60])
a.extend(array('i', [70]))
a.insert(0, 5)
a.insert(-1, 65)
a.insert(100, 80)
print(a, a.pop(), a.pop(0), a.index(30), a.count(20), 20 in a, 99 in a)
a.remove(65)
a.reverse()
print(a, a[0], a[-1], a[1:3], a[::2], a[::-1], list(a), sum(a), max(a))
a[1:3] = array('i', [1, 2, 3, 4])
a[0] = -1
del a[-1]
del a[0:2]
print(a, len(a))
b = array('i', [1, 2])
print(b + array('i', [3]), b * 3, 2 * b, b == array('i', [1, 2]), b == [1, 2], b != array('i', [1]), b < array('i', [1, 3]), b >= array('i', [1]))
b += array('i', [9])
b *= 2
print(b, array('d', [1.0]) == array('i', [1]))

data = array('h', [1, -2, 300]).tobytes()
print(data, array('h', data), bytes(array('B', [104, 105])))
c = array('h')
c.frombytes(data)
c.fromlist([7, 8])
print(c, c.tolist())
c.byteswap()
print(c)
c.byteswap()
u = array('u', 'abc')
u.fromunicode('de')
print(u, u.tounicode(), u[1], u.tolist())
nums = array('d', [3.5, -1.25])
info = nums.buffer_info()
print(type(info[0]).__name__, info[1], [x * 2 for x in nums], array('f', [3.14])[0], round(array('f', [3.14])[0], 5))
import copy
d = copy.copy(nums)
d.append(1)
print(nums, d, copy.deepcopy(d))
print(array('b', [5]) * 0, array('l', [1, 2]) + array('l'), sorted(array('i', [3, 1, 2])))
