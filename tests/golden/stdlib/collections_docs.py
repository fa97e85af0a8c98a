# collections: deque, defaultdict, Counter, namedtuple, OrderedDict, ChainMap as the docs use them
from collections import deque, defaultdict, Counter, namedtuple, OrderedDict, ChainMap


cnt = Counter()
for word in ['red', 'blue', 'red', 'green', 'blue', 'blue']:
    cnt[word] += 1
print(cnt)
text = "the quick brown fox jumps over the lazy dog the end"
words = text.lower().split()
print(Counter(words).most_common(3))
c = Counter(a=4, b=2, c=0, d=-2)
d = Counter(['a', 'b', 'b'])
c.subtract(d)
print(c)
print(sorted(Counter(a=4, b=2, c=0, d=-2).elements()))
print(Counter(a=10, b=5, c=0).total())
c = Counter(a=3, b=1)
d = Counter(a=1, b=2)
print(c + d, c - d, c & d, c | d)
print(Counter('abracadabra').most_common(3))
print(Counter(), Counter('gallahad')['z'])

d = deque('ghi')
for elem in d:
    print(elem.upper())
d.append('j')
d.appendleft('f')
print(d)
print(d.pop(), d.popleft(), list(d), d[0], d[-1])
print(list(reversed(d)), 'h' in d)
d.extend('jkl')
d.rotate(1)
print(d)
d.rotate(-1)
print(d)
print(deque(reversed(d)))
d.clear()
try:
    d.pop()
except IndexError as e:
    print('IndexError:', e)
d.extendleft('abc')
print(d)

def tail(lines, n=10):
    return deque(lines, n)
print(tail(range(20), 3))
def moving_average(iterable, n=3):
    it = iter(iterable)
    d = deque()
    for _ in range(n - 1):
        d.append(next(it))
    d.appendleft(0)
    s = sum(d)
    for elem in it:
        s += elem - d.popleft()
        d.append(elem)
        yield s / n
print(list(moving_average([40, 30, 50, 46, 39, 44])))
q = deque([1, 2], maxlen=3)
q.append(3); q.append(4)
print(q, q.maxlen, len(q))

s = [('yellow', 1), ('blue', 2), ('yellow', 3), ('blue', 4), ('red', 1)]
d = defaultdict(list)
for k, v in s:
    d[k].append(v)
print(sorted(d.items()))
print(d)
s = 'mississippi'
d = defaultdict(int)
for k in s:
    d[k] += 1
print(sorted(d.items()))
dd = defaultdict(None)
try:
    dd['x']
except KeyError as e:
    print('KeyError', e)

Point = namedtuple('Point', ['x', 'y'])
p = Point(11, y=22)
print(p[0] + p[1], p, p.x + p.y)
x, y = p
print(x, y, Point._fields, p._asdict(), p._replace(x=33))
print(Point._make([1, 2]), p == (11, 22), len(p), tuple(p))
Account = namedtuple('Account', ['type', 'balance'], defaults=[0])
print(Account._field_defaults, Account('premium'))
print(namedtuple('Rn', ['abc', 'def', 'ghi', 'abc'], rename=True)._fields)
try:
    Point(1)
except TypeError as e:
    print(e)
try:
    namedtuple('Bad', ['_x'])
except ValueError as e:
    print(e)
try:
    p.x = 3
except AttributeError as e:
    print('AttributeError')

d = OrderedDict.fromkeys('abcde')
d.move_to_end('b')
print(''.join(d))
d.move_to_end('b', last=False)
print(''.join(d))
print(d.popitem(), d.popitem(last=False), d)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {'b': 2, 'a': 1})

baseline = {'music': 'bach', 'art': 'rembrandt'}
adjustments = {'art': 'van gogh', 'opera': 'carmen'}
cm = ChainMap(adjustments, baseline)
print(list(cm), cm['art'], cm['music'], len(cm))
child = cm.new_child()
child['x'] = 1
print(child, child.parents)
