# multiprocessing: Queue and Pipe between processes, as the docs' "Exchanging objects" examples
from multiprocessing import Process, Queue, Pipe
import time


def f(q):
    q.put([42, None, 'hello'])


def g(conn):
    conn.send([42, None, 'hello'])
    conn.close()


def worker(tasks, results):
    while True:
        item = tasks.get()
        if item is None:
            break
        results.put((item, item ** 2))


def echo(conn):
    while True:
        msg = conn.recv()
        if msg == 'stop':
            break
        conn.send(msg.upper())


if __name__ == '__main__':
    q = Queue()
    p = Process(target=f, args=(q,))
    p.start()
    print(q.get())
    p.join()

    parent_conn, child_conn = Pipe()
    p = Process(target=g, args=(child_conn,))
    p.start()
    print(parent_conn.recv())
    p.join()

    tasks, results = Queue(), Queue()
    workers = [Process(target=worker, args=(tasks, results)) for _ in range(2)]
    for w in workers:
        w.start()
    for n in range(6):
        tasks.put(n)
    for _ in workers:
        tasks.put(None)
    print(sorted(results.get() for _ in range(6)))
    for w in workers:
        w.join()

    a, b = Pipe()
    p = Process(target=echo, args=(b,))
    p.start()
    for word in ['spam', 'eggs']:
        a.send(word)
        print(a.recv())
    a.send('stop')
    p.join()

    data = {'key': [1, 2]}
    q.put(data)
    copy = q.get()
    copy['key'].append(3)
    print(data, copy, copy is data)
    try:
        q.get(timeout=0.1)
    except Exception as e:
        print(type(e).__name__)
