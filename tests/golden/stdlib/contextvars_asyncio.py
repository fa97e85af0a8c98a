# contextvars with asyncio: each task runs in a copy of its creator's context; threads start empty
import asyncio
import contextvars
import threading

request_id = contextvars.ContextVar('request_id', default='-')
client_addr = contextvars.ContextVar('client_addr')


def log(msg):
    print(f"[{request_id.get()}] {client_addr.get('?')}: {msg}")


async def handle_request(rid, addr, delay):
    request_id.set(rid)
    client_addr.set(addr)
    log("start")
    await asyncio.sleep(delay)
    await helper()
    log("done")
    return rid


async def helper():
    log("helper sees the task's values")


async def main():
    request_id.set('main')
    log("before")
    results = await asyncio.gather(
        handle_request('r1', '10.0.0.1', 0.02),
        handle_request('r2', '10.0.0.2', 0.01),
    )
    log(f"after gather {results}")
    task = asyncio.create_task(handle_request('r3', '10.0.0.3', 0))
    await task
    print(task.result(), request_id.get())
    ctx = contextvars.copy_context()
    ctx.run(request_id.set, 'custom')
    t = asyncio.create_task(helper(), context=ctx)
    await t
    seen = await asyncio.to_thread(request_id.get)
    print("to_thread sees", seen)


asyncio.run(main())
print("top level:", request_id.get())


def worker():
    print("thread sees", request_id.get(), client_addr.get('unset'))


request_id.set('parent')
t = threading.Thread(target=worker)
t.start()
t.join()
