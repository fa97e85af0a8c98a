# typing: user-defined generic classes (Generic[T]), subscripting them, their reprs and subclasses
from typing import Generic, TypeVar, Iterable, Optional, Dict, List, get_args, get_origin

T = TypeVar('T')
K = TypeVar('K')
V = TypeVar('V')


class LoggedVar(Generic[T]):
    def __init__(self, value: T, name: str) -> None:
        self.name = name
        self.value = value

    def set(self, new: T) -> None:
        self.log('Set ' + repr(self.value))
        self.value = new

    def get(self) -> T:
        self.log('Get ' + repr(self.value))
        return self.value

    def log(self, message: str) -> None:
        print(f"{self.name}: {message}")


def zero_all_vars(vars: Iterable[LoggedVar[int]]) -> None:
    for var in vars:
        var.set(0)


a = LoggedVar(3, "a")
b = LoggedVar[int](5, "b")
zero_all_vars([a, b])
print(a.get(), b.get())
print(LoggedVar[int], LoggedVar[str] == LoggedVar[str], LoggedVar.__parameters__)
print(b.__orig_class__, get_origin(LoggedVar[int]) is LoggedVar, get_args(LoggedVar[int]))


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)

    def pop(self) -> T:
        return self.items.pop()

    def empty(self) -> bool:
        return not self.items


stack = Stack[int]()
stack.push(2)
stack.push(3)
print(stack.pop(), stack.pop(), stack.empty())
print(Stack.__mro__)


class Pair(Generic[K, V]):
    def __init__(self, key: K, value: V):
        self.key = key
        self.value = value

    def __repr__(self):
        return f"Pair({self.key!r}, {self.value!r})"


p = Pair[str, int]("x", 1)
print(p, Pair[str, int], Pair.__parameters__)


class IntStack(Stack[int]):
    pass


s = IntStack()
s.push(9)
print(s.pop(), IntStack.__orig_bases__, IntStack.__mro__)


class Registry(Dict[str, T]):
    pass


print(Registry[int], Registry.__parameters__)


class Node(Generic[T]):
    def __init__(self, value: T, next: Optional["Node[T]"] = None):
        self.value = value
        self.next = next


n = Node(1, Node(2))
print(n.value, n.next.value, n.next.next)

for bad in (lambda: Stack[int, str], lambda: Generic[int], lambda: Generic[T, T], lambda: Pair[int]):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
