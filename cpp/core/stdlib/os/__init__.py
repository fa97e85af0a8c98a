"""os for the playground's simulated machine: a fixed process (pid 4242, parent 4241; a multiprocessing child k has 4242 + k), the
run's core count, a small fixed environment and a home directory, /home/user, that holds
no files. Nothing touches the real machine."""
import sys
import os.path
import _interleave

del os

name = "posix"
sep = "/"
altsep = None
extsep = "."
pathsep = ":"
linesep = "\n"
curdir = "."
pardir = ".."
defpath = "/bin:/usr/bin"
devnull = "/dev/null"

environ = {
    "HOME": "/home/user",
    "LANG": "C.UTF-8",
    "LOGNAME": "user",
    "PATH": "/usr/local/bin:/usr/bin:/bin",
    "PWD": "/home/user",
    "SHELL": "/bin/sh",
    "USER": "user",
}

error = OSError


def getenv(key, default=None):
    """getenv(key, default=None) is environ.get(key, default)."""
    if not isinstance(key, str):
        raise TypeError("str expected, not %s" % type(key).__name__)
    return environ.get(key, default)


def putenv(key, value):
    environ[key] = value


def unsetenv(key):
    environ.pop(key, None)


def getpid():
    return _interleave.getpid()


def getppid():
    return _interleave.getppid()


def getuid():
    return 1000


def getgid():
    return 1000


def getlogin():
    return "user"


def cpu_count():
    """cpu_count() is the run's simulated core count."""
    import _interleave
    return _interleave.cpu_count()


def getcwd():
    return "/home/user"


def listdir(path="."):
    if path in (".", "/home/user", "/home/user/"):
        return []
    raise FileNotFoundError("[Errno 2] No such file or directory: %r" % path)


def fspath(p):
    if isinstance(p, str):
        return p
    raise TypeError("expected str, bytes or os.PathLike object, not %s" % type(p).__name__)


def _no_files(*args, **kwargs):
    raise PermissionError("[Errno 1] Operation not permitted: the playground has no file system")


mkdir = makedirs = remove = unlink = rmdir = removedirs = rename = replace = chdir = _no_files
system = _no_files
