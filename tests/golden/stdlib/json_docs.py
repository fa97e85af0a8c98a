# json: the examples of the json module's documentation (dumps, dump, loads, object_hook, JSONEncoder.default)
import json

print(json.dumps(['foo', {'bar': ('baz', None, 1.0, 2)}]))
print(json.dumps("\"foo\bar"))
print(json.dumps('\u1234'))
print(json.dumps('\\'))
print(json.dumps({"c": 0, "b": 0, "a": 0}, sort_keys=True))

from io import StringIO
io = StringIO()
json.dump(['streaming API'], io)
print(io.getvalue())

mydict = {'4': 5, '6': 7}
print(json.dumps([1, 2, 3, mydict], separators=(',', ':')))
print(json.dumps({'4': 5, '6': 7}, sort_keys=True, indent=4))

print(json.loads('["foo", {"bar":["baz", null, 1.0, 2]}]'))
print(json.loads('"\\"foo\\bar"'))
io = StringIO('["streaming API"]')
print(json.load(io))


def as_point(dct):
    if '__point__' in dct:
        return (dct['x'], dct['y'])
    return dct


print(json.loads('{"__point__": true, "x": 1, "y": 2}', object_hook=as_point))
print(json.loads('1.1', parse_float=lambda s: 'float:' + s))
print(json.loads('42', parse_int=float))


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class PointEncoder(json.JSONEncoder):
    def default(self, obj):
        if isinstance(obj, Point):
            return [obj.x, obj.y]
        # Let the base class default method raise the TypeError
        return super().default(obj)


print(json.dumps(Point(2, 1), cls=PointEncoder))
print(PointEncoder().encode(Point(2, 1)))
print(list(PointEncoder().iterencode(Point(2, 1))))


class SetEncoder(json.JSONEncoder):
    def default(self, o):
        try:
            iterable = iter(o)
        except TypeError:
            pass
        else:
            return sorted(iterable)
        return json.JSONEncoder.default(self, o)


print(json.dumps({"tags": {3, 1, 2}}, cls=SetEncoder))
print(json.JSONEncoder().encode({"foo": ["bar", "baz"]}))
for chunk in json.JSONEncoder(indent=2).iterencode({"a": [1, 2]}):
    print(repr(chunk))

config = {
    "name": "playground",
    "version": 3,
    "debug": False,
    "ratio": 0.75,
    "owner": None,
    "servers": [{"host": "alpha", "port": 8080}, {"host": "beta", "port": 8081}],
}
text = json.dumps(config, indent=2)
print(text)
print(json.loads(text) == config)
try:
    json.dumps(Point(1, 2))
except TypeError as e:
    print("TypeError:", e)
