# dataclasses: edge cases (generated __doc__, eq=False, init=False fields, make_dataclass, frozen inheritance, recursive repr), with __annotations__ spelled out
from dataclasses import dataclass, field, fields, asdict, make_dataclass, replace
import dataclasses
@dataclass
class P:
    __annotations__ = {'x': int, 'y': 'list[int]', 'z': float}
    y = field(default_factory=list)
    z = 1.5
print(P.__doc__)
@dataclass(eq=False)
class Q:
    __annotations__ = {'a': int}
q = Q(1)
print(q == Q(1), q == q, hash(q) == hash(q))
@dataclass
class R:
    __annotations__ = {'a': int, 'b': int}
    b: int = field(default=5, init=False)
r = R(1)
print(r, R.__init__.__qualname__ if hasattr(R.__init__, '__qualname__') else '', R.__eq__ is not None)
try: replace(r, b=3)
except ValueError as e: print("ValueError:", e)
print(replace(r, a=9))
C = make_dataclass('C', [('x', int), ('y', int, field(default=5))], namespace={'add_one': lambda self: self.x + 1})
c = C(1)
print(c, c.add_one(), [f.name for f in fields(C)])
@dataclass(slots=True)
class S:
    __annotations__ = {'a': int}
print(S(1), S.__slots__)
@dataclass(frozen=True)
class F:
    __annotations__ = {'a': int}
@dataclass(frozen=True)
class G(F):
    __annotations__ = {'b': int}
g = G(1, 2)
print(g, g == G(1, 2), {g: 1}[G(1, 2)])
try:
    @dataclass
    class H(F):
        __annotations__ = {'c': int}
except TypeError as e: print("TypeError:", e)
print(dataclasses.MISSING is not None, repr(dataclasses.field(default=1).default))
@dataclass(order=True)
class O:
    __annotations__ = {'a': int}
try: O(1) < 3
except TypeError as e: print("TypeError:", e)
@dataclass
class Self:
    __annotations__ = {'name': str, 'children': list}
    children: list = field(default_factory=list)
root = Self('root'); root.children.append(root)
print(root)
print(asdict(Self('a', [Self('b')])))
