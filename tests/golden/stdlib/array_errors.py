# array: CPython's errors: overflow per typecode, wrong item types, bad typecodes, index and argument errors.
from array import array


def attempt(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, e)


for code in 'bBhHiIlLqQ':
    bits = array(code).itemsize * 8
    for value in (2 ** 64, -2 ** 64, 2 ** bits, -1 - 2 ** (bits - 1), -1):
        attempt(code + ' ' + str(value), lambda: array(code, [value]))
a = array('b', [1])
attempt('append 200', lambda: a.append(200))
attempt('setitem -129', lambda: a.__setitem__(0, -129))
attempt('bad typecode', lambda: array('z'))
attempt('no args', lambda: array())
attempt('str init', lambda: array('b', 'abc'))
attempt('float item', lambda: array('i', [1.5]))
attempt('str item', lambda: array('d', ['x']))
attempt('unicode item', lambda: array('u', [1]))
attempt('add list', lambda: array('i', [1]) + [1])
attempt('add other kind', lambda: array('i', [1]) + array('d', [1]))
attempt('iadd list', lambda: a.__iadd__([1]))
attempt('pop empty', lambda: array('i').pop())
attempt('pop range', lambda: array('i', [1]).pop(5))
attempt('remove', lambda: array('i', [1]).remove(3))
attempt('index', lambda: array('i', [1]).index(3))
attempt('getitem', lambda: array('i', [1])[5])
attempt('float index', lambda: array('i', [1])[0.5])
attempt('setitem range', lambda: array('i', [1]).__setitem__(3, 1))
attempt('setitem str', lambda: array('i', [1]).__setitem__(0, 'x'))
attempt('slice list', lambda: array('i', [1, 2]).__setitem__(slice(0, 1), [5]))
attempt('compare list', lambda: array('i', [1]) < [1])
attempt('frombytes', lambda: array('i').frombytes(b'abc'))
attempt('fromlist', lambda: array('i').fromlist((1,)))
attempt('extend kind', lambda: array('i').extend(array('d')))
attempt('tounicode', lambda: array('i').tounicode())
attempt('mul str', lambda: array('i') * 'a')
attempt('insert str', lambda: array('i', [1]).insert('a', 1))
print(array('i', [1, 2]) == [1, 2], array('b', [1]) != 'x')
array('H', [70000])
