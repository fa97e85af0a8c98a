# collections.abc: isinstance/issubclass of built-ins, generators, coroutines and duck-typed classes against each ABC.
import asyncio
from collections import OrderedDict, deque
from collections.abc import (AsyncGenerator, AsyncIterable, AsyncIterator, Awaitable, ByteString, Callable,
                             Collection, Container, Coroutine, Generator, Hashable, ItemsView, Iterable, Iterator,
                             KeysView, Mapping, MappingView, MutableMapping, MutableSequence, MutableSet,
                             Reversible, Sequence, Set, Sized, ValuesView)
import collections.abc

ABCS = (Iterable, Iterator, Generator, Sized, Container, Callable, Hashable, Collection, Sequence,
        MutableSequence, Set, MutableSet, Mapping, MutableMapping, Awaitable, Coroutine, AsyncIterable,
        AsyncIterator, AsyncGenerator, Reversible, ByteString, KeysView, ValuesView, ItemsView, MappingView)


def gen():
    yield 1


async def coro():
    return 1


async def agen():
    yield 1


c = coro()
samples = [[], (), {}, set(), frozenset(), "text", b"bytes", bytearray(), range(3), iter([]), gen(), c, agen(),
           {}.keys(), {}.values(), {}.items(), len, lambda: 0, int, 1, 1.5, None, deque(), OrderedDict()]
for obj in samples:
    print(type(obj).__name__ if type(obj).__name__ != "iterator" else "list_iterator",
          [a.__name__ for a in ABCS if isinstance(obj, a)])
c.close()

print(Iterable, Mapping, collections.abc.Sequence.__module__)
print(issubclass(list, Sequence), issubclass(dict, Sequence), issubclass(str, MutableSequence))


class Countdown:
    def __init__(self, start):
        self.n = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


class Bag:
    def __len__(self):
        return 0

    def __contains__(self, x):
        return False

    def __iter__(self):
        return iter(())


class Point:
    def __eq__(self, other):
        return True


class Ticket:
    def __await__(self):
        yield


print(isinstance(Countdown(3), Iterator), isinstance(Countdown(3), Iterable), isinstance(Countdown(3), Sized))
print(isinstance(Bag(), Collection), isinstance(Bag(), Sequence), issubclass(Bag, Sized))
print(isinstance(Point(), Hashable), isinstance(object(), Hashable), isinstance(Ticket(), Awaitable))
print(isinstance(Countdown, Callable), callable(Countdown))


class Registered:
    pass


Sequence.register(Registered)
print(issubclass(Registered, Sequence), issubclass(Registered, Iterable), issubclass(Registered, MutableSequence))
print(list[int], Iterable[int], Mapping[str, int])


async def main():
    pause = asyncio.sleep(0)
    print(isinstance(pause, Awaitable), isinstance(pause, Coroutine))
    await pause
    task = asyncio.ensure_future(coro())
    print(isinstance(task, Awaitable))
    await task

asyncio.run(main())
try:
    Sequence()
except TypeError as e:
    print(e)
try:
    class Half(Mapping):
        def __getitem__(self, key):
            return key
    Half()
except TypeError as e:
    print(e)

import typing
print(typing.Iterable, typing.Iterable[int], typing.Mapping[str, int], typing.Callable[[int], str])
print(isinstance([], typing.Iterable), isinstance({}, typing.Mapping), isinstance(3, typing.Iterable),
      issubclass(list, typing.Sequence), typing.get_origin(typing.Iterable[int]))


class Numbers(typing.Iterable[int]):
    def __iter__(self):
        return iter([1, 2])


print(list(Numbers()), isinstance(Numbers(), Iterable))
