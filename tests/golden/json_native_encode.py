# json encoding on the native _json accelerator (encode_basestring(_ascii), make_encoder):
# ensure_ascii, non-BMP characters, float reprs, int/float/str subclasses, circular references,
# default=, sort_keys, skipkeys, separators and every allowed type of dict key.
import json
import json.encoder
from collections import OrderedDict

print('native:', json.encoder.c_make_encoder is not None, json.encoder.c_encode_basestring_ascii is not None,
      json.encoder.c_encode_basestring is not None)

strings = ['', 'plain', 'q"b\\s/', '\b\f\n\r\t', '\x00\x01\x1f\x7f\x80', 'caf\u00e9', '\u20ac\u2028\u2029\uffff',
           '\U0001f600\U00010000\U0010ffff', 'mix \u00e9 \U0001f600 "x"']
for s in strings:
    print(json.dumps(s), ascii(json.dumps(s, ensure_ascii=False)))
    print(json.encoder.encode_basestring_ascii(s), ascii(json.encoder.encode_basestring(s)))
try:
    json.encoder.encode_basestring_ascii(5)
except TypeError as e:
    print('TypeError', e)

# numbers
floats = [0.0, -0.0, 1.0, 1.5, -2.25, 0.1, 1 / 3, 1e16, 1e15, 123456789012345678.0, 1e-7, 5e-324, 1.7976931348623157e308,
          2.0 ** 60, float('inf'), float('-inf'), float('nan')]
print(json.dumps(floats))
print(json.dumps([0, -1, 2 ** 63 - 1, -2 ** 63, 2 ** 64, -10 ** 30, True, False, None]))
for bad in [float('nan'), float('inf'), [1, float('-inf')], {'k': float('nan')}, {float('inf'): 1}]:
    try:
        print(json.dumps(bad, allow_nan=False))
    except ValueError as e:
        print('ValueError', e)


class MyInt(int):
    def __repr__(self):
        return 'MyInt!'
    __str__ = __repr__


class MyFloat(float):
    def __repr__(self):
        return 'MyFloat!'
    __str__ = __repr__


class MyStr(str):
    def __repr__(self):
        return 'MyStr!'
    __str__ = __repr__


class MyList(list):
    def __iter__(self):
        return iter(['ignored'])


class MyDict(dict):
    def items(self):
        return [('b', 2), ('a', 1)]


print(json.dumps([MyInt(7), MyFloat(2.5), MyStr('s\u00e9'), MyFloat('nan')]))
print(json.dumps({MyInt(3): 'i', MyFloat(0.5): 'f', MyStr('k'): 's'}))
print(json.dumps(MyList([1, 2])), json.dumps(MyDict(z=26)), json.dumps(MyDict(z=26), sort_keys=True), json.dumps(MyDict()))
print(json.dumps((1, (2, 3), [])), json.dumps(OrderedDict([('b', 1), ('a', 2)])))

# dict keys of every allowed type
keys = {'s': 1, 2: 2, -3: 3, 2 ** 70: 4, 1.5: 5, -0.0: 6, 1e16: 7, True: 8, False: 9, None: 10, float('inf'): 11, float('nan'): 12}
print(json.dumps(keys))
print(json.dumps(keys, ensure_ascii=False, separators=(',', ':')))
try:
    json.dumps({(1, 2): 'tuple'})
except TypeError as e:
    print('TypeError', e)
try:
    json.dumps({'ok': 1, frozenset(): 2})
except TypeError as e:
    print('TypeError', e)
print(json.dumps({(1, 2): 'tuple', 'a': 1, object: 2, 'b': 3}, skipkeys=True))
print(json.dumps({(1, 2): 'x'}, skipkeys=True), json.dumps({'\u00e9': 1, '\U0001f600': 2}), json.dumps({'\u00e9': 1}, ensure_ascii=False))

# sort_keys
print(json.dumps({'b': 1, 'a': {'d': 4, 'c': 3}, 'c': [{'z': 0, 'y': 1}]}, sort_keys=True))
print(json.dumps({3: 'c', 1: 'a', 2: 'b'}, sort_keys=True), json.dumps({2.5: 1, 1: 2}, sort_keys=True))
try:
    json.dumps({1: 'int', 'a': 'str'}, sort_keys=True)
except TypeError as e:
    print('TypeError', e)

# separators
data = {'a': [1, 2, {'b': None}], 'c': 'd'}
print(json.dumps(data, separators=(',', ':')))
print(json.dumps(data, separators=(' ,  ', ' = ')))
print(json.dumps(data, separators=('\u00b7', '\u2192')), ascii(json.dumps(data, separators=('\u00b7', '\u2192'))))

# circular references
a = []
a.append(a)
d = {}
d['self'] = d
b = [1]
c = {'list': b}
b.append(c)
for obj in [a, d, b, [d]]:
    try:
        json.dumps(obj)
    except ValueError as e:
        print('ValueError', e)
shared = [1, 2]
print(json.dumps([shared, shared, {'x': shared}]))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


def default(o):
    if isinstance(o, Point):
        return {'x': o.x, 'y': o.y}
    if isinstance(o, (set, frozenset)):
        return sorted(o)
    if isinstance(o, range):
        return list(o)
    raise TypeError(f'Object of type {o.__class__.__name__} is not JSON serializable')


print(json.dumps([Point(1, 2), {3, 1, 2}, range(3), {'p': Point(Point(0, 0), None)}], default=default))
try:
    json.dumps([1, object()])
except TypeError as e:
    print('TypeError', e)
try:
    json.dumps({'k': b'bytes'})
except TypeError as e:
    print('TypeError', e)


class Loop:
    pass


def self_default(o):
    return o


try:
    json.dumps(Loop(), default=self_default)
except ValueError as e:
    print('ValueError', e)
print(json.dumps([Point(1, 2)], default=lambda o: 'P', check_circular=False))


class Encoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return ('Point', o.x, o.y)
        return super().default(o)


print(Encoder().encode({'p': Point(1, 2.5)}), Encoder(sort_keys=True, separators=(',', ':')).encode({'b': Point(0, 0), 'a': 1}))
print(list(Encoder().iterencode([Point(1, 2)])), ''.join(Encoder().iterencode({'k': [1, 2]}, _one_shot=True)))
print(json.dumps(data, indent=2, sort_keys=True))

# nesting: moderate depth works, very deep raises RecursionError
nested = []
for _ in range(200):
    nested = [nested]
print(len(json.dumps(nested)))
deep = []
for _ in range(100000):
    deep = [deep]
for kw in ({}, {'check_circular': False}):
    try:
        json.dumps(deep, **kw)
        print('no error')
    except RecursionError:
        print('RecursionError raised')
deepd = {}
for _ in range(100000):
    deepd = {'k': deepd}
try:
    json.dumps(deepd)
    print('no error')
except RecursionError:
    print('RecursionError raised')
