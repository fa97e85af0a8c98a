# engine-only: containers growing past the memory limit (appends, inserts, doubling, comprehensions, list() of an endless generator) raise a MemoryError the program catches, then it goes on working
# args: --memory-limit 16
import itertools


def endless():
    n = 0
    while True:
        yield n
        n += 1


def list_append():
    items = []
    while True:
        items.append(len(items))


def dict_insert():
    table = {}
    for i in itertools.count():
        table[i] = i


def set_add():
    seen = set()
    for i in itertools.count():
        seen.add(i)


def str_doubling():
    text = "spam"
    while True:
        text += text


def bytearray_extend():
    buf = bytearray(b"eggs")
    while True:
        buf.extend(buf)


def list_doubling():
    items = [1, 2, 3]
    while True:
        items += items


def comprehension():
    return [i for i in itertools.count()]


def strings_kept():
    return [str(i) * 10 for i in itertools.count()]


def list_of_generator():
    return list(endless())


def tuple_of_generator():
    return tuple(endless())


def sorted_generator():
    return sorted(endless())


def dict_of_generator():
    return dict((i, i) for i in endless())


def join_generator():
    return "".join(str(i) for i in endless())


for grow in [list_append, dict_insert, set_add, str_doubling, bytearray_extend, list_doubling,
             comprehension, strings_kept, list_of_generator, tuple_of_generator,
             sorted_generator, dict_of_generator, join_generator]:
    try:
        grow()
        print(grow.__name__, "finished?")
    except MemoryError as error:
        print(f"{grow.__name__}: MemoryError: {error}")

words = [w.upper() for w in "the program goes on working".split()]
print(" ".join(words), sum(range(1000)), sorted({"b": 1, "a": 2}.items()))
