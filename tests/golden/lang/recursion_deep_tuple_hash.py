# engine-only: CPython 3.11 hashes a 100,000-deep tuple on its C stack; the engine stops at its depth limit with RecursionError
chain = ()
for i in range(100000):
    chain = (chain,)
try:
    hash(chain)
except RecursionError as error:
    print("RecursionError:", error)
shallow = ()
for i in range(500):
    shallow = (shallow,)
print(hash(shallow) == hash(shallow), shallow == shallow)
