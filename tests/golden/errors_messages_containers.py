# Messages of IndexError, KeyError, ValueError and unpacking errors, caught and printed.
def show(fn):
    try:
        fn()
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
show(lambda: [1, 2, 3][3])
show(lambda: [][-1])
show(lambda: (1,)[5])
show(lambda: "abc"[10])
show(lambda: range(3)[3])
show(lambda: [].pop())
show(lambda: [1].pop(5))
show(lambda: {}["missing"])
show(lambda: {"a": 1}[1])
show(lambda: {}[(1, "t")])
show(lambda: {}.pop("k"))
show(lambda: [1, 2].index(9))
show(lambda: [1, 2].remove(9))
show(lambda: "abc".index("z"))
show(lambda: (1, 2).index(3))
show(lambda: set().pop())
show(lambda: {1}.remove(2))
show(lambda: max([]))
show(lambda: min([]))
def unpack_many():
    a, b = [1, 2, 3]
show(unpack_many)
def unpack_few():
    a, b, c = [1, 2]
show(unpack_few)
def unpack_star():
    a, b, *c = [1]
show(unpack_star)
def unpack_int():
    a, b = 5
show(unpack_int)
def del_missing():
    d = {}
    del d["gone"]
show(del_missing)
def list_assign():
    lst = [0]
    lst[1] = 5
show(list_assign)
show(lambda: range(0, 10, 0))
show(lambda: "a,b".split(""))
show(lambda: [1][1:2][0])
show(lambda: "".join([1, 2]))
