"""os.path (posixpath) on the playground's empty file system: the string functions are
CPython's; exists(), isfile() and isdir() only know the directories above /home/user."""

sep = "/"
curdir = "."
pardir = ".."
_DIRS = ("/", "/home", "/home/user")


def _check(p, fn):
    if not isinstance(p, str):
        raise TypeError("%s() argument must be str, bytes, or os.PathLike object, not '%s'" % (fn, type(p).__name__))


def isabs(s):
    _check(s, "isabs")
    return s.startswith("/")


def join(a, *p):
    _check(a, "join")
    path = a
    for b in p:
        if not isinstance(b, str):
            raise TypeError("join() argument must be str, bytes, or os.PathLike object, not '%s'" % type(b).__name__)
        if b.startswith("/"):
            path = b
        elif not path or path.endswith("/"):
            path += b
        else:
            path += "/" + b
    return path


def split(p):
    _check(p, "split")
    i = p.rfind("/") + 1
    head, tail = p[:i], p[i:]
    if head and head != "/" * len(head):
        head = head.rstrip("/")
    return head, tail


def splitext(p):
    _check(p, "splitext")
    sep_index = p.rfind("/")
    dot_index = p.rfind(".")
    if dot_index > sep_index:
        filename_index = sep_index + 1
        while filename_index < dot_index:
            if p[filename_index] != ".":
                return p[:dot_index], p[dot_index:]
            filename_index += 1
    return p, p[:0]


def basename(p):
    _check(p, "basename")
    return p[p.rfind("/") + 1:]


def dirname(p):
    _check(p, "dirname")
    i = p.rfind("/") + 1
    head = p[:i]
    if head and head != "/" * len(head):
        head = head.rstrip("/")
    return head


def normpath(path):
    _check(path, "normpath")
    if path == "":
        return "."
    initial_slashes = 1 if path.startswith("/") else 0
    if initial_slashes and path.startswith("//") and not path.startswith("///"):
        initial_slashes = 2
    comps = path.split("/")
    new_comps = []
    for comp in comps:
        if comp in ("", "."):
            continue
        if comp != ".." or (not initial_slashes and not new_comps) or (new_comps and new_comps[-1] == ".."):
            new_comps.append(comp)
        elif new_comps:
            new_comps.pop()
    path = "/".join(new_comps)
    if initial_slashes:
        path = "/" * initial_slashes + path
    return path or "."


def abspath(path):
    _check(path, "abspath")
    if not path.startswith("/"):
        path = join("/home/user", path)
    return normpath(path)


realpath = abspath


def expanduser(path):
    _check(path, "expanduser")
    if path == "~" or path.startswith("~/"):
        return "/home/user" + path[1:]
    return path


def exists(path):
    return isinstance(path, str) and abspath(path) in _DIRS


isdir = exists
lexists = exists


def isfile(path):
    return False


def islink(path):
    return False


def getsize(filename):
    raise FileNotFoundError("[Errno 2] No such file or directory: %r" % filename)


def relpath(path, start=None):
    _check(path, "relpath")
    start = abspath(start if start is not None else curdir)
    path = abspath(path)
    start_list = [x for x in start.split("/") if x]
    path_list = [x for x in path.split("/") if x]
    i = 0
    while i < min(len(start_list), len(path_list)) and start_list[i] == path_list[i]:
        i += 1
    rel_list = [pardir] * (len(start_list) - i) + path_list[i:]
    if not rel_list:
        return curdir
    return join(*rel_list)


def commonprefix(m):
    if not m:
        return ""
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1
