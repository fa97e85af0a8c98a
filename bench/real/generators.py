# Real workload: generators, modelled on pyperformance's bm_generators (in-order traversal
# of a balanced binary tree with recursive `yield from`) plus a log-processing pipeline in
# the style of David Beazley's "Generator Tricks for Systems Programmers": chained
# generator functions, generator expressions, a send()-driven consumer and itertools.

import itertools


class Tree:
    def __init__(self, left, value, right):
        self.left = left
        self.value = value
        self.right = right

    def __iter__(self):
        if self.left:
            yield from self.left
        yield self.value
        if self.right:
            yield from self.right


def tree(input):
    n = len(input)
    if n == 0:
        return None
    i = n // 2
    return Tree(tree(input[:i]), input[i], tree(input[i + 1:]))


# --- the pipeline -----------------------------------------------------------------------

HOSTS = ["10.0.0.%d" % i for i in range(1, 40)]
PATHS = ["/", "/index.html", "/about", "/img/logo.png", "/api/items", "/api/users", "/missing"]


def gen_log(count):
    """Lines of an Apache access log, made up deterministically."""
    for n in range(count):
        host = HOSTS[(n * 7) % len(HOSTS)]
        path = PATHS[(n * 13 + n // 5) % len(PATHS)]
        status = 404 if path == "/missing" else (500 if n % 97 == 0 else 200)
        size = "-" if status != 200 else str((n * 7919) % 50000 + 100)
        yield '%s - - [01/Jan/2024:00:%02d:%02d +0000] "GET %s HTTP/1.1" %d %s' % (
            host, n // 60 % 60, n % 60, path, status, size)


def gen_grep(pattern, lines):
    for line in lines:
        if pattern in line:
            yield line


def gen_fields(lines):
    for line in lines:
        head, _, tail = line.partition(' "')
        request, _, rest = tail.partition('" ')
        method, path, proto = request.split()
        status, size = rest.split()
        yield {"host": head.split()[0], "path": path, "status": int(status),
               "bytes": 0 if size == "-" else int(size)}


def field(name, records):
    return (r[name] for r in records)


def averager():
    """A coroutine: send it numbers, it yields the running mean."""
    total = 0
    count = 0
    mean = None
    while True:
        value = yield mean
        total += value
        count += 1
        mean = total / count


def pipeline(count):
    records = gen_fields(gen_grep("GET", gen_log(count)))
    by_status = {}
    ok_bytes = 0
    avg = averager()
    next(avg)
    mean = 0.0
    for r in records:
        by_status[r["status"]] = by_status.get(r["status"], 0) + 1
        if r["status"] == 200:
            ok_bytes += r["bytes"]
            mean = avg.send(r["bytes"])
    api = sum(1 for p in field("path", gen_fields(gen_log(count // 4))) if p.startswith("/api"))
    hosts = {host: len(list(group))
             for host, group in itertools.groupby(sorted(field("host", gen_fields(gen_log(count // 4)))))}
    return by_status, ok_bytes, mean, api, len(hosts), max(hosts.values())


assert list(tree(range(10))) == list(range(10))
tree_ = tree(range(20000))
total = 0
for loop in range(20):
    for value in tree_:
        total += value
print("tree sum", total)

by_status, ok_bytes, mean, api, hosts, busiest = pipeline(50000)
print("status counts", sorted(by_status.items()))
print("bytes %d, mean %.3f, api %d, hosts %d, busiest %d" % (ok_bytes, mean, api, hosts, busiest))
