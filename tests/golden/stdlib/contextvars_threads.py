# contextvars with threads: each thread starts with an empty context (3.11); Context.run carries one into a thread
import threading, contextvars
v = contextvars.ContextVar('v', default='unset')
def w(n):
    print(n, v.get(), threading.get_ident() != 0)
    v.set(n)
for i in range(3):
    t = threading.Thread(target=w, args=(i,)); t.start(); t.join()
ctx = contextvars.copy_context()
v.set('main')
t = threading.Thread(target=ctx.run, args=(w, 'in-ctx')); t.start(); t.join()
print(v.get(), ctx[v] if v in ctx else 'absent')
