"""Module docstring: the program's first statement is a string and does nothing."""
# Comments, docstrings, pass, type annotations and the __main__ guard.

class Stack:
    """A tiny stack."""

    items: list

    def __init__(self) -> None:
        """Create an empty stack."""
        self.items = []

    def push(self, item: int) -> None:
        self.items.append(item)  # trailing comment

    def pop(self) -> int:
        return self.items.pop()


def total(values: list[int], start: int = 0) -> int:
    """Sum values, starting from start."""
    result: int = start
    for v in values:
        result += v
    return result


count: int = 3
ratio: float
name: str = "annotated"


def placeholder():
    pass


def main() -> None:
    s = Stack()
    for i in range(count):
        s.push(i * i)
    print(s.pop(), s.items)
    print(total([1, 2, 3]), total([1], start=10))
    print(name, placeholder())
    print(__name__)


if __name__ == "__main__":
    main()
else:
    print("imported")
