# The examples of the json module's documentation (docs.python.org/3.11/library/json.html), on the
# native _json accelerator, written as the docs write them. The playground has no complex type,
# so a small stand-in class named complex is defined when the builtin is missing; every line
# prints what CPython prints. The docs' `>>>` results are printed with repr() here.
import json

try:
    complex
except NameError:
    class complex:
        def __init__(self, real=0.0, imag=0.0):
            self.real = float(real)
            self.imag = float(imag)

        def __repr__(self):
            def part(v):
                return repr(int(v)) if v == int(v) else repr(v)
            sign = '+' if self.imag >= 0 else '-'
            return '(' + part(self.real) + sign + part(abs(self.imag)) + 'j)'

# Encoding basic Python object hierarchies
print(repr(json.dumps(['foo', {'bar': ('baz', None, 1.0, 2)}])))
print(json.dumps("\"foo\bar"))
print(json.dumps('\u1234'))
print(json.dumps('\\'))
print(json.dumps({"c": 0, "b": 0, "a": 0}, sort_keys=True))
from io import StringIO
io = StringIO()
json.dump(['streaming API'], io)
print(repr(io.getvalue()))

# Compact encoding
import json
print(repr(json.dumps([1, 2, 3, {'4': 5, '6': 7}], separators=(',', ':'))))

# Pretty printing
import json
print(json.dumps({'4': 5, '6': 7}, sort_keys=True, indent=4))

# Decoding JSON
import json
print(repr(json.loads('["foo", {"bar":["baz", null, 1.0, 2]}]')))
print(repr(json.loads('"\\"foo\\bar"')))
from io import StringIO
io = StringIO('["streaming API"]')
print(repr(json.load(io)))


# Specializing JSON object decoding
import json
def as_complex(dct):
    if '__complex__' in dct:
        return complex(dct['real'], dct['imag'])
    return dct

print(repr(json.loads('{"__complex__": true, "real": 1, "imag": 2}',
    object_hook=as_complex)))
import decimal
print(repr(json.loads('1.1', parse_float=decimal.Decimal)))


# Extending JSONEncoder
import json
class ComplexEncoder(json.JSONEncoder):
    def default(self, obj):
        if isinstance(obj, complex):
            return [obj.real, obj.imag]
        # Let the base class default method raise the TypeError
        return json.JSONEncoder.default(self, obj)

print(repr(json.dumps(complex(2, 1), cls=ComplexEncoder)))
print(repr(ComplexEncoder().encode(complex(2, 1))))
print(repr(list(ComplexEncoder().iterencode(complex(2, 1)))))


# JSONEncoder.default, to support arbitrary iterators
class IterEncoder(json.JSONEncoder):
    def default(self, o):
        try:
            iterable = iter(o)
        except TypeError:
            pass
        else:
            return list(iterable)
        # Let the base class default method raise the TypeError
        return json.JSONEncoder.default(self, o)

print(IterEncoder().encode({"gen": (x * x for x in range(4)), "range": range(3)}))
try:
    IterEncoder().encode(object())
except TypeError as e:
    print('TypeError:', e)

# JSONEncoder.encode and iterencode
print(repr(json.JSONEncoder().encode({"foo": ["bar", "baz"]})))
bigobject = {"items": [1, 2, {"k": None}], "name": "big"}
for chunk in json.JSONEncoder().iterencode(bigobject):
    print(repr(chunk))

# JSONDecoder.raw_decode: a document with extraneous data at the end
decoder = json.JSONDecoder()
print(repr(decoder.raw_decode('{"a": 1} and more')))
print(repr(decoder.raw_decode('[1, 2, 3]   ')))
text = '{"a": 1}{"b": 2} [3]'
pos = 0
while pos < len(text):
    obj, pos = decoder.raw_decode(text, pos)
    print(repr(obj), pos)
    while pos < len(text) and text[pos].isspace():
        pos += 1

# Exceptions
try:
    json.loads('{"a": 1,\n "b" 2}')
except json.JSONDecodeError as e:
    print(e.msg, e.doc == '{"a": 1,\n "b" 2}', e.pos, e.lineno, e.colno)
    print(e)

# Standard compliance: infinite and NaN number values
print(repr(json.dumps(float('-inf'))))
print(repr(json.dumps(float('nan'))))
print(repr(json.loads('-Infinity')))
print(repr(json.loads('NaN')))

# Repeated names within an object
weird_json = '{"x": 1, "x": 2, "x": 3}'
print(repr(json.loads(weird_json)))
print(repr(json.loads(weird_json, object_pairs_hook=lambda pairs: pairs)))

# Top-level non-object, non-array values
print(repr(json.loads('"just a string"')), repr(json.loads('3.5')), repr(json.dumps('text')), repr(json.dumps(None)))
