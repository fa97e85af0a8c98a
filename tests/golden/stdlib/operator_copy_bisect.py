# operator (itemgetter, attrgetter, methodcaller, function forms), copy (copy, deepcopy, cycles, __copy__/__deepcopy__), bisect (with key=)
import operator
from operator import itemgetter, attrgetter, methodcaller
import copy
import bisect
from bisect import bisect_left, insort

inventory = [('apple', 3), ('banana', 2), ('pear', 5), ('orange', 1)]
getcount = itemgetter(1)
print(list(map(getcount, inventory)), sorted(inventory, key=getcount))
print(itemgetter(1)('ABCDEFG'), itemgetter(1, 3, 5)('ABCDEFG'), itemgetter(slice(2, None))('ABCDEFG'))
print(itemgetter(1), attrgetter('x', 'y.z'), methodcaller('name', 'foo', bar=1))
class P:
    def __init__(self, name, age):
        self.name, self.age = name, age
people = [P('ann', 31), P('bob', 25)]
print([p.name for p in sorted(people, key=attrgetter('age'))])
print(methodcaller('upper')('abc'), methodcaller('split', ',')('a,b'))
print(operator.add(1, 2), operator.mul(3, 4), operator.neg(5), operator.truth([]), operator.contains([1], 1), operator.abs(-3))

a = [1, [2, 3], {'k': [4]}]
b = copy.copy(a)
c = copy.deepcopy(a)
a[1].append(99)
a[2]['k'].append(5)
print(b, c)
cyc = [1]
cyc.append(cyc)
d = copy.deepcopy(cyc)
print(d[1] is d, d[1] is not cyc)
class Node:
    def __init__(self, val):
        self.val = val
        self.children = []
n = Node(1)
n.children.append(Node(2))
m = copy.deepcopy(n)
n.children[0].val = 20
print(m.children[0].val, copy.copy(n).children is n.children)
class Custom:
    def __copy__(self):
        print('__copy__ called')
        return Custom()
    def __deepcopy__(self, memo):
        print('__deepcopy__ called', type(memo).__name__)
        return Custom()
copy.copy(Custom()); copy.deepcopy([Custom()])

def grade(score, breakpoints=[60, 70, 80, 90], grades='FDCBA'):
    i = bisect.bisect(breakpoints, score)
    return grades[i]
print([grade(score) for score in [33, 99, 77, 70, 89, 90, 100]])
data = [('red', 5), ('blue', 1), ('yellow', 8), ('black', 0)]
data.sort(key=lambda r: r[1])
keys = [r[1] for r in data]
print(data[bisect_left(keys, 0)], data[bisect_left(keys, 5)])
xs = [1, 3, 5]
insort(xs, 4); bisect.insort_left(xs, 3)
print(xs, bisect.bisect_right(xs, 3), bisect_left(xs, 3))
recs = [('a', 1), ('c', 3)]
insort(recs, ('b', 2), key=lambda r: r[1])
print(recs, bisect_left(recs, 3, key=lambda r: r[1]))
