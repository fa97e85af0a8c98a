# itertools: every function as the docs' examples use it, plus some of the docs' recipes
from itertools import *
import operator

print(list(islice(count(10), 5)), list(islice(count(2.5, 0.5), 3)))
print(''.join(islice(cycle('ABCD'), 10)))
print(list(repeat(10, 3)), list(map(pow, range(10), repeat(2))))
data = [3, 4, 6, 2, 1, 9, 0, 7, 5, 8]
print(list(accumulate(data, operator.mul)), list(accumulate(data, max)))
print(list(accumulate([1, 2, 3, 4, 5])), list(accumulate([1, 2, 3], initial=100)))
print(list(chain('ABC', 'DEF')), list(chain.from_iterable(['ABC', 'DEF'])))
print(list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))))
print([k for k, g in groupby('AAAABBBCCDAABBB')])
print([list(g) for k, g in groupby('AAAABBBCCD')])
things = [("animal", "bear"), ("animal", "duck"), ("plant", "cactus"), ("vehicle", "speed boat"), ("vehicle", "school bus")]
for key, group in groupby(things, lambda x: x[0]):
    for thing in group:
        print("A %s is a %s." % (thing[1], key))
print(list(islice('ABCDEFG', 2)), list(islice('ABCDEFG', 2, 4)), list(islice('ABCDEFG', 2, None)), list(islice('ABCDEFG', 0, None, 2)))
print(list(pairwise('ABCDEFG')))
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])))
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
a, b = tee([1, 2, 3])
print(list(a), list(b))
print(list(zip_longest('ABCD', 'xy', fillvalue='-')))
print(list(product('ABCD', 'xy')), list(product(range(2), repeat=3)))
print(list(permutations('ABCD', 2)), list(permutations(range(3))))
print(list(combinations('ABCD', 2)), list(combinations(range(4), 3)))
print(list(combinations_with_replacement('ABC', 2)))

def take(n, iterable):
    return list(islice(iterable, n))
def tabulate(function, start=0):
    return map(function, count(start))
def nth(iterable, n, default=None):
    return next(islice(iterable, n, None), default)
def all_equal(iterable):
    g = groupby(iterable)
    return next(g, True) and not next(g, False)
def quantify(iterable, pred=bool):
    return sum(map(pred, iterable))
def ncycles(iterable, n):
    return chain.from_iterable(repeat(tuple(iterable), n))
def flatten(list_of_lists):
    return chain.from_iterable(list_of_lists)
def grouper(iterable, n, fillvalue=None):
    args = [iter(iterable)] * n
    return zip_longest(*args, fillvalue=fillvalue)
def roundrobin(*iterables):
    num_active = len(iterables)
    nexts = cycle((lambda i=iter(it): next(i)) for it in iterables)
    while num_active:
        try:
            for next_ in nexts:
                yield next_()
        except StopIteration:
            num_active -= 1
            nexts = cycle(islice(nexts, num_active))
def partition(pred, iterable):
    t1, t2 = tee(iterable)
    return filterfalse(pred, t1), filter(pred, t2)
def powerset(iterable):
    s = list(iterable)
    return chain.from_iterable(combinations(s, r) for r in range(len(s) + 1))
def unique_everseen(iterable, key=None):
    seen = set()
    for element in filterfalse(lambda e: e in seen, iterable):
        seen.add(element)
        yield element
def unique_justseen(iterable, key=None):
    return map(next, map(operator.itemgetter(1), groupby(iterable, key)))
def sliding_window(iterable, n):
    from collections import deque
    it = iter(iterable)
    window = deque(islice(it, n), maxlen=n)
    if len(window) == n:
        yield tuple(window)
    for x in it:
        window.append(x)
        yield tuple(window)

print(take(3, tabulate(lambda x: x * x)), nth(range(10), 3), all_equal('aaa'), all_equal('aab'))
print(quantify([1, 0, 2, 0]), list(ncycles('ab', 2)), list(flatten([[1, 2], [3]])))
print(list(grouper('ABCDEFG', 3, 'x')), list(roundrobin('ABC', 'D', 'EF')))
evens, odds = partition(lambda x: x % 2, range(10))
print(list(evens), list(odds), list(powerset([1, 2, 3])))
print(list(unique_everseen('AAAABBBCCDAABBB')), list(unique_justseen('AAAABBBCCDAABBB')))
print(list(sliding_window('ABCDEFG', 4)))
try:
    list(combinations('abc', -1))
except ValueError as e:
    print('ValueError:', e)
