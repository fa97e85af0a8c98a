# reprlib (repr, Repr limits, recursive_repr) and keyword (kwlist, iskeyword, softkwlist)
import reprlib
import keyword

print(reprlib.repr(set('supercalifragilisticexpialidocious')))
print(reprlib.repr(list(range(100))))
print(reprlib.repr("x" * 100))
print(reprlib.repr({i: str(i) for i in range(20)}))
print(reprlib.repr((1, 2, 3, 4, 5, 6, 7, 8)))
print(reprlib.repr([[[[[1]]]]]))
print(reprlib.repr(10 ** 50))
print(reprlib.repr(frozenset(range(10))))
print(reprlib.repr(b"bytes" * 10))

r = reprlib.Repr()
r.maxlist = 3
r.maxstring = 10
print(r.repr(list(range(10))), r.repr("abcdefghijklmnop"))


class MyRepr(reprlib.Repr):
    def repr_TextIOWrapper(self, obj, level):
        return "<stream>"


print(MyRepr().repr([1, 2, 3]))


class Node:
    def __init__(self, items):
        self.items = list(items)

    def append(self, item):
        self.items.append(item)

    @reprlib.recursive_repr()
    def __repr__(self):
        return '<' + '|'.join(map(repr, self.items)) + '>'


m = Node('abc')
m.append(m)
m.append('x')
print(m)
print(Node.__repr__.__name__)

print(len(keyword.kwlist), keyword.kwlist[:5])
print(keyword.iskeyword("for"), keyword.iskeyword("print"), keyword.iskeyword("match"))
print(keyword.softkwlist, keyword.issoftkeyword("match"))
for word in ["if", "else", "lambda", "yield", "True", "self", "async"]:
    print(word, keyword.iskeyword(word))
