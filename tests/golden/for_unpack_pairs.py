# for-loops that unpack pairs from enumerate, dict items and zip: values, order, exhaustion,
# strict zip, a dict changed during the loop, errors from the wrapped iterator, and
# iterators taken up again after a break.
d = {'a': 1, 'b': 2, 'c': 3}
for k, v in d.items():
    print(k, v)
for i, x in enumerate(['x', 'y']):
    print(i, x)
for i, x in enumerate('hé', 5):
    print(i, x)
for i, (a, b) in enumerate(zip('ab', [1, 2])):
    print(i, a, b)
for a, b in zip([1, 2, 3], 'xy'):
    print(a, b)
for a, b in zip(range(3), iter([9, 8, 7, 6])):
    print(a, b)
try:
    for a, b in zip([1, 2], [3], strict=True):
        print(a, b)
except ValueError as e:
    print('ValueError', e)
try:
    for k, v in d.items():
        d['z'] = 0
except RuntimeError as e:
    print('RuntimeError', e)
try:
    for a, b in enumerate([1, 2]):
        pass
    for a, b, c in zip([1], [2], [3]):
        print(a, b, c)
    for a, b in zip([1], [2], [3]):
        pass
except ValueError as e:
    print('ValueError', e)
def gen():
    yield 1
    raise KeyError('boom')
try:
    for i, v in enumerate(gen()):
        print(i, v)
except KeyError as e:
    print('KeyError', e)
z = zip([1, 2], [3, 4]); next(z)
for a, b in z:
    print('rest', a, b)
print(list(z))
e = enumerate([1, 2, 3])
for i, v in e:
    if i == 1: break
print(list(e))
for k, v in {}.items():
    print('never')
s = 0
for i, v in enumerate(range(100000)):
    s += i * v
print(s)
