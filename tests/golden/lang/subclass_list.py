# Subclassing list: a Stack with extra methods and attributes, overridden dunders, super() and list.__init__
class Stack(list):
    """A LIFO stack built on list."""
    def push(self, item):
        self.append(item)

    def peek(self):
        return self[-1]

    @property
    def is_empty(self):
        return not self


s = Stack([1, 2])
s.push(3)
print(s, len(s), s.peek(), s.is_empty, Stack().is_empty)
print(isinstance(s, list), isinstance(s, Stack), type(s).__name__, type(s) is Stack)
print(sorted(s, reverse=True), sum(s), max(s), [x * 2 for x in s], list(reversed(s)))
print(s + [9], s * 2, s == [1, 2, 3], s[1:], 3 in s, s.index(2), s.count(1))
s.name = "numbers"
print(s.name, s.__dict__, vars(s))
print(s.pop(), s, repr(s), str(s), f"{s}")
import json
print(json.dumps(s), json.dumps({"stack": s}))


class TypedList(list):
    def __init__(self, kind, items=()):
        super().__init__(items)
        self.kind = kind

    def append(self, item):
        if not isinstance(item, self.kind):
            raise TypeError(f"expected {self.kind.__name__}, got {type(item).__name__}")
        super().append(item)

    def __repr__(self):
        return f"TypedList({self.kind.__name__}, {list.__repr__(self)})"


t = TypedList(int, [1, 2])
t.append(3)
print(t, len(t))
try:
    t.append("x")
except TypeError as e:
    print("TypeError:", e)
t.extend(["not checked"])
print(t)


class LoudList(list):
    def __getitem__(self, index):
        print("getting", index)
        return super().__getitem__(index)

    def __setitem__(self, index, value):
        print("setting", index, value)
        list.__setitem__(self, index, value)

    def __len__(self):
        return 100

    def __iter__(self):
        yield "custom"
        yield "iteration"

    def __contains__(self, item):
        return item == "anything"


ll = LoudList([10, 20, 30])
print(ll[0], ll[-1])
ll[1] = 25
print(len(ll), list(ll), "anything" in ll, 10 in ll)
print(list.__len__(ll), list.__getitem__(ll, 1), bool(ll))


class Uniq(list):
    def __init__(self, items):
        list.__init__(self)
        for x in items:
            if x not in self:
                self.append(x)

    def __eq__(self, other):
        return sorted(self) == sorted(other)

    __hash__ = None


u = Uniq([3, 1, 3, 2, 1])
print(u, u == [1, 2, 3], u != [1, 2], Uniq([2, 1]) == Uniq([1, 2]))
try:
    hash(u)
except TypeError as e:
    print("TypeError:", e)
try:
    hash(s)
except TypeError as e:
    print("TypeError:", e)
