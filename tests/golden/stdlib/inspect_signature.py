# inspect: signature() and Parameter, bind, the is* predicates (coroutine functions, generators, methods), getmembers, getdoc
import inspect, asyncio
def foo(a, b=2, *args, **kw): pass
def bar(x, /, y, *, z=3, w): pass
async def co(): pass
def gen(): yield 1
async def agen(): yield 1
class K:
    def __init__(self, name, size=0): pass
    def meth(self, q): pass
    async def ameth(self): pass
print(inspect.signature(foo), inspect.signature(bar), inspect.signature(co), inspect.signature(K), inspect.signature(K("n").meth))
sig = inspect.signature(foo)
for name, p in sig.parameters.items():
    print(name, p.kind, p.default is inspect.Parameter.empty, p)
print(repr(sig), sig.parameters['b'])
ba = sig.bind(1, 2, 3, x=4)
print(ba.arguments, ba.args, ba.kwargs)
try: inspect.signature(bar).bind(1)
except TypeError as e: print("TypeError:", e)
print(inspect.iscoroutinefunction(co), inspect.iscoroutinefunction(foo), inspect.iscoroutinefunction(K("n").ameth))
print(inspect.isgeneratorfunction(gen), inspect.isasyncgenfunction(agen))
g = gen(); c = co()
print(inspect.isgenerator(g), inspect.iscoroutine(c), inspect.isawaitable(c), inspect.isawaitable(3))
c.close()
print(inspect.isfunction(foo), inspect.isfunction(len), inspect.isclass(K), inspect.ismethod(K("n").meth), inspect.ismethod(K.meth))
print(inspect.isbuiltin(len), inspect.isroutine(len), inspect.ismodule(inspect))
print([n for n, v in inspect.getmembers(K, inspect.isfunction)])
class P:
    x = 1
    y = "a"
print([(n, v) for n, v in inspect.getmembers(P) if not n.startswith('_')])
print(inspect.getdoc(K), inspect.cleandoc("""  Hi
    there
      x"""))
try: inspect.signature(3)
except TypeError as e: print("TypeError:", e)
print(asyncio.iscoroutinefunction(co))


def f(a, b=1, *c, d, **e):
    pass


print(inspect.getcallargs(f, 1, d=2), inspect.getcallargs(f, 1, 2, 3, d=4, z=5))
print(inspect.getfullargspec(f))
print(inspect.getfullargspec(K("n").meth).args, inspect.CO_COROUTINE, inspect.get_annotations(K))
try:
    inspect.getcallargs(f, 1)
except TypeError as e:
    print("TypeError:", e)
