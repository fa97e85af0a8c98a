# The kernel's timer heap given one list as both handles and due times (overflowed a heap buffer).
import asyncio
k = asyncio._k  # the kernel module, reached through asyncio (user code cannot import it)
L = [1] * 10
try:
    k.timer_pop(L, L)
except TypeError as e:
    print(e)
h, w = ["a", "b", "c"], ["x", None, 2.0]
print(k.timer_pop(h, w))
