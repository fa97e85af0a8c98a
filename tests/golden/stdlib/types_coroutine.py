# types.coroutine: a generator function whose generators asyncio can await (the 'how await works' tutorials' sleep0); plain generators still can't be awaited
import types, asyncio
@types.coroutine
def sleep0():
    yield
async def main():
    print("before")
    await sleep0()
    print("after")
asyncio.run(main())
import inspect
def plain():
    yield
async def main2():
    try:
        await plain()
    except TypeError as e:
        print("TypeError:", e)
    print(inspect.isawaitable(plain()), inspect.isawaitable(sleep0()))
asyncio.run(main2())
