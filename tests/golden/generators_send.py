# Generator send() for coroutine-style generators.
# optional: generator.send()
def averager():
    total = 0
    count = 0
    avg = None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count
g = averager()
print(next(g))
print(g.send(10), g.send(20), g.send(0))
def echo():
    received = yield "ready"
    while True:
        received = yield f"echo: {received}"
e = echo()
print(e.send(None), e.send("hi"), e.send(42))
