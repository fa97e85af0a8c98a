# weakref: ref dies with its referent (callback), WeakValueDictionary cache, WeakKeyDictionary, WeakSet, finalize
# (len() and `in` on a weak container see a death once a weakref call or container method has run since)
import weakref


class ExpensiveObject:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"ExpensiveObject({self.name!r})"


obj = ExpensiveObject("a")
r = weakref.ref(obj)
print(r() is obj, r())
del obj
print("after del:", r())


def callback(reference):
    print("callback called, referent gone:", reference() is None)


obj = ExpensiveObject("b")
r2 = weakref.ref(obj, callback)
print(r2.__callback__ is callback)
del obj
print("r2 is dead:", r2() is None)

try:
    weakref.ref(42)
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.ref([1, 2])
except TypeError as e:
    print("TypeError:", e)

cache = weakref.WeakValueDictionary()
names = ["x", "y", "z"]
objs = [ExpensiveObject(n) for n in names]
for o in objs:
    cache[o.name] = o
print(sorted(cache.keys()), len(cache), cache["y"], "x" in cache)
del o
objs.pop()
print(sorted(cache.keys()), len(cache), cache.get("z", "gone"))
try:
    cache["z"]
except KeyError as e:
    print("KeyError:", e)
objs.clear()
print(list(cache.items()), len(cache))


class Key:
    pass


k1, k2 = Key(), Key()
wk = weakref.WeakKeyDictionary()
wk[k1] = "one"
wk[k2] = "two"
print(len(wk), wk[k1], k2 in wk)
del k1
print(list(wk.values()), len(wk))

ws = weakref.WeakSet()
a, b = Key(), Key()
ws.add(a)
ws.add(b)
ws.add(a)
print(len(ws), a in ws)
del b
print(ws.copy().__len__(), len(ws))


class Resource:
    pass


res = Resource()
f = weakref.finalize(res, print, "finalizer ran")
print("alive:", f.alive)
del res
print("alive after del:", f.alive)
res2 = Resource()
f2 = weakref.finalize(res2, print, "called explicitly")
f2()
print(f2.alive, f2() is None)
keep = Resource()
weakref.finalize(keep, print, "runs at exit")
print("end of program")
