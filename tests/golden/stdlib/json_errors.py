# json: JSONDecodeError messages, positions, lineno/colno, and encoder errors (keys, NaN, circular)
import json

docs = ['', '   ', '[1,', '{"a" 1}', '[1 2]', '{"a":1,}', 'nul', 'tru', '"abc', '"\\x"',
        '[1]x', '{1:2}', '"\\u12"', '\n\n  [', '"a\tb"', '{"a": 1} {"b": 2}', '[,]',
        '{"a":', '-', '01', '1.', '.5', '"\\', "'single'", '[1,\n 2,\n 3,,]']
for doc in docs:
    try:
        print(repr(doc), "->", repr(json.loads(doc)))
    except json.JSONDecodeError as e:
        print(repr(doc), "->", e, "|", e.msg, e.pos, e.lineno, e.colno)

print(json.loads('"\\ud83d\\ude00"') == "\U0001F600")
print(json.loads('"a\tb"', strict=False))
print(issubclass(json.JSONDecodeError, ValueError))
try:
    json.loads('{"key": }')
except ValueError as e:
    print("ValueError:", e)

for bad in [{(1, 2): 3}, object(), b"bytes", {1, 2}]:
    try:
        print(json.dumps(bad))
    except TypeError as e:
        print("TypeError:", e)
print(json.dumps({(1, 2): 3, "ok": 1}, skipkeys=True))
for value in [float('nan'), float('inf'), -float('inf')]:
    try:
        print(json.dumps([value], allow_nan=False))
    except ValueError as e:
        print("ValueError:", e)
print(json.dumps([float('nan'), float('inf'), -float('inf')]))
loop = []
loop.append(loop)
try:
    json.dumps(loop)
except ValueError as e:
    print("ValueError:", e)
d = {}
d["self"] = d
try:
    json.dumps(d, indent=1)
except ValueError as e:
    print("ValueError:", e)
try:
    json.loads(123)
except TypeError as e:
    print("TypeError:", e)
