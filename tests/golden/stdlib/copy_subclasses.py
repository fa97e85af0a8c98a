# copy.copy and copy.deepcopy of list, dict, tuple subclasses (Stack, Counter, defaultdict, namedtuple, OrderedDict) and dataclasses.asdict over them
import copy
from collections import Counter, defaultdict, OrderedDict, namedtuple
class Stack(list):
    pass
s = Stack([[1], [2]]); s.name = "n"
d = copy.deepcopy(s); d[0].append(9)
print(d, type(d).__name__, d.name, s, copy.copy(s), type(copy.copy(s)).__name__)
c = Counter("aab"); print(copy.deepcopy(c), copy.copy(c))
dd = defaultdict(list, a=[1]); e = copy.deepcopy(dd); e["a"].append(2); e["b"]; print(dd, e)
P = namedtuple("P", "x y"); print(copy.deepcopy(P([1], 2)), copy.copy(P(1, 2)))
print(copy.deepcopy(OrderedDict(a=[1])))
from dataclasses import dataclass, field, asdict
@dataclass
class Inv:
    items: list = field(default_factory=list)
    tally: Counter = field(default_factory=Counter)
i = Inv([1], Counter("xy"))
print(asdict(i))
