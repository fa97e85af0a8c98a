# json decoding on the native _json accelerator (scanstring, make_scanner): round trips, every
# error message with its position, hooks, parse_float/parse_int/parse_constant, strict=False,
# surrogate pairs, memoized keys and deep nesting, as CPython's C scanner gives them.
import json
import json.decoder
import json.scanner
from collections import OrderedDict
from decimal import Decimal


def show(text, **kw):
    try:
        v = json.loads(text, **kw)
        print(ascii(text), '->', ascii(v))
    except json.JSONDecodeError as e:
        print(ascii(text), 'JSONDecodeError:', e.msg, e.pos, e.lineno, e.colno)


print('native:', json.decoder.c_scanstring is not None, json.scanner.c_make_scanner is not None)

# values and round trips
for text in ['null', 'true', 'false', '0', '-0', '7', '-12', '3.25', '-0.5', '1e3', '1E-2', '2.5e+3',
             '12345678901234567890123456789', '-98765432109876543210.5', '1.7976931348623157e308', '1e400', '-1e400',
             '""', '"plain"', '"tab\\there"', '"q\\"\\\\\\/\\b\\f\\n\\r\\t"', '"\\u0041\\u00e9\\u20ac"',
             '"\\ud83d\\ude00"', '"\\uD83D\\uDE00 upper"', '"caf\u00e9 \u20ac \U0001f600"',
             '[]', '[ ]', '[1, [2, [3, []]]]', '{}', '{ }', '{"a": {"b": {"c": [true, false, null]}}}',
             ' \t\n\r [1 ,\n 2 ] \n', '{"k" : 1 , "k" : 2}', '[NaN, Infinity, -Infinity]', '"\u00e9\u00e9" ']:
    show(text)

docs = [{'name': 'x', 'vals': [1, 2.5, -3, 10 ** 30, 1e-7, 1e16, -0.0, True, None], 'nested': {'a': [{}, []]}},
        ['caf\u00e9', '\U0001f600', '\u2028', '\x00\x1f', 'a"b\\c'], 'string', 3, 2.5, None]
for d in docs:
    for kw in ({}, {'ensure_ascii': False}, {'indent': 2, 'sort_keys': True}):
        back = json.loads(json.dumps(d, **kw))
        print(back == d, ascii(back))

# error messages and positions
errors = ['', ' ', 'x', '[', '[1', '[1,', '[1,]', '[1 2]', '[,1]', '{', '{"a"', '{"a" 1}', '{"a":}', '{"a":1',
          '{"a":1,}', '{"a":1 "b":2}', '{1: 2}', "{'a': 1}", '{"a":1,,"b":2}', '"abc', '"abc\\', '"a\\x"',
          '"\\u12"', '"\\u12x4"', '"\\u1234', '"\\ud800\\u12x4"', '"\\ud800\\udc00', '"ctl\x01x"', '"new\nline"',
          'nul', 'tru', 'fals', 'Nan', 'infinity', '-', '-x', '01', '1.', '.5', '1e', '1e+', '1.5e', '[1] x',
          '{"a": 1}}', '"\u00e9\u00e9\\q"', '["\u00e9", 1 2]', '{"\u00e9":1,\n "b" 2}', '[\n1,\n2\n,]', '\ufeff[1]']
for text in errors:
    show(text)

# strict=False lets control characters through
show('"ctl\x01\x1f\n\tend"', strict=False)
show('["a\tb", {"k\x02": "v\x03"}]', strict=False)
show('"ctl\x01"', strict=True)

# hooks
show('{"a": 1, "b": [{"c": 2}]}', object_hook=lambda d: sorted(d.items()))
show('{"b": 1, "a": 2, "b": 3}', object_pairs_hook=list)
print(json.loads('{"z": 1, "y": {"x": 2}}', object_pairs_hook=OrderedDict))
show('{"a": 1}', object_hook=lambda d: 'hook', object_pairs_hook=lambda p: 'pairs')
show('[1, 2.5, 3e1, -0, 10000000000000000000000]', parse_int=lambda s: 'int:' + s, parse_float=lambda s: 'float:' + s)
print(json.loads('[1.10, 2.50, 1e-2, 3]', parse_float=Decimal))
print(json.loads('[1.5, 2]', parse_float=float, parse_int=int))
print(json.loads('[NaN, -Infinity, Infinity]', parse_constant=lambda s: 'const:' + s))
print(json.loads('{"n": 5}', parse_int=float))
try:
    json.loads('[NaN]', parse_constant=lambda s: 1 / 0)
except ZeroDivisionError as e:
    print('ZeroDivisionError from parse_constant')
try:
    json.loads('{"a": 1}', object_hook=lambda d: d['missing'])
except KeyError as e:
    print('KeyError from object_hook', e)

# memoized keys: one str object per distinct key in one document
rows = json.loads('[{"key": 1}, {"key": 2}, {"key": 3}]')
keys = [next(iter(r)) for r in rows]
print(keys[0] is keys[1] is keys[2])

# raw_decode and scan_once positions
dec = json.JSONDecoder()
print(dec.raw_decode('{"a": [1, 2]} trailing'))
print(dec.raw_decode('  [1]', 2))
print(dec.raw_decode('"\u00e9\u00e9" rest'))
print(dec.scan_once('"\u00e9" 12 [3]', 4), dec.scan_once('\u00e9\u00e9 [1, "\u00e9"]  ', 3))
for text, idx in [('abc', 0), ('[1, 2]', 6), ('[1, 2]', 10), ('  x', 2), ('-', 0)]:
    try:
        print(dec.scan_once(text, idx))
    except StopIteration as e:
        print('StopIteration', e.value)
try:
    dec.scan_once('1', -1)
except ValueError as e:
    print('ValueError', e)
try:
    dec.scan_once(b'1', 0)
except TypeError as e:
    print('TypeError', e)

# scanstring directly
sc = json.decoder.scanstring
print(ascii(sc('"abc" tail', 1)), ascii(sc('x"\\u00e9\\ud83d\\ude00"', 2)), ascii(sc('"\\ud800\\u0041"', 1)))
print(ascii(sc('"\\udc00\\ud800"', 1)), ascii(sc('"\u00e9\\n\u00e9"', 1)), ascii(sc('"a\x01b"', 1, False)))
for args in [('"abc', 1), ('"a\x01"', 1), ('"\\q"', 1), ('abc', 4), ('abc', -1)]:
    try:
        print(sc(*args))
    except json.JSONDecodeError as e:
        print('JSONDecodeError', e.msg, e.pos)
    except ValueError as e:
        print('ValueError', e)

# decoding bytes goes through detect_encoding
print(json.loads(b'{"a": "\xc3\xa9"}'), json.loads(b'[1, 2]'))

# nesting: moderate depth works, very deep raises RecursionError
deep = json.loads('[' * 200 + ']' * 200)
n = 0
while deep:
    deep = deep[0]
    n += 1
print('depth', n)
print(len(json.loads('{"a":' * 150 + '1' + '}' * 150)))
for text in ['[' * 100000 + ']' * 100000, '{"a":' * 100000 + '1' + '}' * 100000, '[' * 100000]:
    try:
        json.loads(text)
        print('no error')
    except RecursionError:
        print('RecursionError raised')
