# collections.abc mixins: Sequence, MutableSequence, Set, MutableMapping give their methods to minimal classes.
from collections.abc import Mapping, MutableMapping, MutableSequence, MutableSet, Sequence, Set


class Deck(Sequence):
    def __init__(self, cards):
        self._cards = list(cards)

    def __getitem__(self, index):
        return self._cards[index]

    def __len__(self):
        return len(self._cards)


deck = Deck("A23456789TJQK")
print(len(deck), deck[0], deck.index("T"), deck.count("K"), "Q" in deck, "Z" in deck)
print(list(reversed(deck))[:3], list(deck)[-2:], deck.index("3", 1, 5))
try:
    deck.index("Z")
except ValueError as e:
    print("ValueError", repr(e))


class TypedList(MutableSequence):
    def __init__(self, kind, items=()):
        self.kind = kind
        self._items = []
        self.extend(items)

    def __getitem__(self, i):
        return self._items[i]

    def __setitem__(self, i, v):
        self._items[i] = self.kind(v)

    def __delitem__(self, i):
        del self._items[i]

    def __len__(self):
        return len(self._items)

    def insert(self, i, v):
        self._items.insert(i, self.kind(v))

    def __repr__(self):
        return f"TypedList({self.kind.__name__}, {self._items})"


t = TypedList(int, ["1", "2"])
t.append("3")
t += [4, 5]
t.reverse()
print(t, t.pop(), t.pop(0), t)
t.remove(2)
print(t)
t.clear()
print(t, len(t))


class ListBasedSet(Set):
    """Alternate set implementation favoring space over speed and not requiring the set elements to be hashable."""

    def __init__(self, iterable):
        self.elements = lst = []
        for value in iterable:
            if value not in lst:
                lst.append(value)

    def __iter__(self):
        return iter(self.elements)

    def __contains__(self, value):
        return value in self.elements

    def __len__(self):
        return len(self.elements)


s1 = ListBasedSet('abcdef')
s2 = ListBasedSet('defghi')
overlap = s1 & s2
print(sorted(overlap), sorted(s1 | s2), sorted(s1 - s2), sorted(s1 ^ s2))
print(s1 <= ListBasedSet('abcdefg'), s1 == ListBasedSet('fedcba'), s1.isdisjoint(ListBasedSet('xyz')))
print(ListBasedSet('ab') < s1, type(overlap).__name__)


class OrderedSet(MutableSet):
    def __init__(self, items=()):
        self._d = dict.fromkeys(items)

    def __contains__(self, x):
        return x in self._d

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)

    def add(self, x):
        self._d[x] = None

    def discard(self, x):
        self._d.pop(x, None)

    def __repr__(self):
        return f"OrderedSet({list(self._d)})"


o = OrderedSet([3, 1, 2])
o |= [5, 1]
o -= {3}
print(o, o.pop(), o)
o.remove(2)
try:
    o.remove(99)
except KeyError as e:
    print("KeyError", e)
print(o)


class LowerDict(MutableMapping):
    def __init__(self, *args, **kwargs):
        self._store = {}
        self.update(*args, **kwargs)

    def __getitem__(self, key):
        return self._store[key.lower()]

    def __setitem__(self, key, value):
        self._store[key.lower()] = value

    def __delitem__(self, key):
        del self._store[key.lower()]

    def __iter__(self):
        return iter(self._store)

    def __len__(self):
        return len(self._store)


headers = LowerDict({"Content-Type": "text/html"}, Accept="*/*")
headers.setdefault("X-Retry", 3)
print(headers["CONTENT-TYPE"], "accept" in headers, headers.get("missing", "-"), len(headers))
print(list(headers.keys()), list(headers.values()), list(headers.items()))
print(headers.pop("x-retry"), headers.pop("nope", None), headers.popitem(), dict(headers))
print(headers == {"accept": "*/*"}, headers != {"accept": "*/*"})
try:
    headers.pop("gone")
except KeyError as e:
    print("KeyError", e)
headers.clear()
print(dict(headers), type(headers.keys()).__name__, isinstance(headers, Mapping))
try:
    headers.popitem()
except KeyError as e:
    print("KeyError", repr(e))
