"""multiprocessing for the playground: processes under the "spawn" start method, simulated.

Each process has its own module table (a child re-imports the main program as __mp_main__)
and its own GIL, on the run's cores and clock (docs/RUNTIME.md). Objects cross between
processes only by value, encoded here with pickle's rules (_dumps/_loads): functions and
classes by reference to their module, instances by their __dict__, and what pickle refuses
(lambdas, local functions, locks, generators) raises pickle's error. Queue, Pipe, Lock,
Value and Array share state through process-neutral handles: built-in lists and kernel locks.
"""
import _interleave
import sys
import threading
import queue as _queue
import sim as _sim

__all__ = [
    'Process', 'current_process', 'parent_process', 'active_children', 'cpu_count',
    'Pool', 'Queue', 'SimpleQueue', 'JoinableQueue', 'Pipe', 'Lock', 'RLock', 'Semaphore',
    'Event', 'Value', 'Array', 'TimeoutError', 'ProcessError', 'AuthenticationError',
    'BufferTooShort', 'set_start_method', 'get_start_method', 'get_context',
    'freeze_support', 'get_all_start_methods',
]

# _SPAWN_COST is a spawned child's interpreter start-up and imports, in CPU seconds.
_SPAWN_COST = 0.02


class ProcessError(Exception):
    pass


class BufferTooShort(ProcessError):
    pass


class TimeoutError(ProcessError):
    pass


class AuthenticationError(ProcessError):
    pass


class PickleError(Exception):
    __module__ = '_pickle'


class PicklingError(PickleError):
    __module__ = '_pickle'


class UnpicklingError(PickleError):
    __module__ = '_pickle'


# ---- pickling ----

class _Handle:
    """_Handle wraps state shared between processes: it crosses by identity, not by value."""

    def __init__(self, obj):
        self.obj = obj


_FunctionType = type(_Handle.__init__)
_BuiltinType = type(len)


def _module_named(name):
    mods = sys.modules
    if name in mods:
        return mods[name]
    if name == '__mp_main__' and '__main__' in mods:
        return mods['__main__']
    if name == '__main__' and '__mp_main__' in mods:
        return mods['__mp_main__']
    raise ImportError(f"No module named {name!r}")


def _global_ref(obj):
    name = getattr(obj, '__qualname__', None) or obj.__name__
    module = getattr(obj, '__module__', None) or '__main__'
    if '<locals>' in name:
        raise AttributeError(f"Can't pickle local object {name!r}")
    try:
        found = _module_named(module)
        for part in name.split('.'):
            found = getattr(found, part)
    except (ImportError, AttributeError):
        raise PicklingError(f"Can't pickle {obj!r}: attribute lookup {name} on {module} failed") from None
    if found is not obj:
        raise PicklingError(f"Can't pickle {obj!r}: it's not the same object as {module}.{name}")
    return ('g', module, name)


def _dumps(obj):
    return _enc(obj, {})


def _enc(x, memo):
    t = type(x)
    if x is None or t is int or t is str or t is float or t is bool or t is bytes:
        return x
    if t is tuple:
        return ('t', [_enc(v, memo) for v in x])
    key = id(x)
    if key in memo:
        return ('r', memo[key])
    if t is list:
        n = memo[key] = len(memo)
        return ('l', n, [_enc(v, memo) for v in x])
    if t is dict:
        n = memo[key] = len(memo)
        return ('d', n, [(_enc(k, memo), _enc(v, memo)) for k, v in x.items()])
    if t is set:
        return ('s', [_enc(v, memo) for v in x])
    if t is frozenset:
        return ('f', [_enc(v, memo) for v in x])
    if t is bytearray:
        return ('b', bytes(x))
    if t is range:
        return ('R', x.start, x.stop, x.step)
    if t is _Handle:
        return ('S', x.obj)
    if t is _BuiltinType:
        owner = getattr(x, '__self__', None)
        if owner is not None and type(owner) is not type(sys):
            return ('m', _enc(owner, memo), x.__name__)
        return ('S', x)
    if t is _FunctionType or isinstance(x, type):
        if getattr(x, '__module__', None) == 'builtins':
            return ('S', x)
        return _global_ref(x)
    if t is _interleave.LockType:
        raise TypeError("cannot pickle '_thread.lock' object")
    if t is type(sys):
        raise TypeError("cannot pickle 'module' object")
    func = getattr(x, '__func__', None)
    if func is not None and hasattr(x, '__self__'):
        return ('m', _enc(x.__self__, memo), func.__name__)
    if isinstance(x, BaseException):
        state = getattr(x, '__dict__', None) or {}
        return ('e', _enc(t, memo), _enc(x.args, memo), _enc(dict(state), memo))
    state = getattr(x, '__dict__', None)
    if state is None or getattr(t, '__module__', 'builtins') == 'builtins':
        raise TypeError(f"cannot pickle '{t.__name__}' object")
    n = memo[key] = len(memo)
    ref = _global_ref(t)
    getstate = getattr(x, '__getstate__', None)
    if getstate is not None and getattr(t, '__getstate__', None) is not None:
        return ('o', n, ref, _enc(getstate(), memo), True)
    return ('o', n, ref, _enc(dict(state), memo), False)


def _loads(data):
    return _dec(data, {})


def _dec(x, memo):
    if type(x) is not tuple:
        return x
    tag = x[0]
    if tag == 't':
        return tuple([_dec(v, memo) for v in x[1]])
    if tag == 'r':
        return memo[x[1]]
    if tag == 'l':
        out = memo[x[1]] = []
        for v in x[2]:
            out.append(_dec(v, memo))
        return out
    if tag == 'd':
        out = memo[x[1]] = {}
        for k, v in x[2]:
            out[_dec(k, memo)] = _dec(v, memo)
        return out
    if tag == 's':
        return set([_dec(v, memo) for v in x[1]])
    if tag == 'f':
        return frozenset([_dec(v, memo) for v in x[1]])
    if tag == 'b':
        return bytearray(x[1])
    if tag == 'R':
        return range(x[1], x[2], x[3])
    if tag == 'S':
        if type(x[1]) is list:
            return _Handle(x[1])
        return x[1]
    if tag == 'g':
        found = _module_named(x[1])
        for part in x[2].split('.'):
            found = getattr(found, part)
        return found
    if tag == 'm':
        return getattr(_dec(x[1], memo), x[2])
    if tag == 'e':
        cls = _dec(x[1], memo)
        exc = cls(*_dec(x[2], memo))
        for k, v in _dec(x[3], memo).items():
            setattr(exc, k, v)
        return exc
    if tag == 'o':
        cls = _dec(x[2], memo)
        obj = memo[x[1]] = object.__new__(cls)
        state = _dec(x[3], memo)
        if x[4] and hasattr(obj, '__setstate__'):
            obj.__setstate__(state)
        else:
            for k, v in state.items():
                setattr(obj, k, v)
        return obj
    raise UnpicklingError(f"invalid load key, {tag!r}.")


# ---- channels: FIFO queues of encoded items shared between processes ----

def _channel():
    return [[], _interleave.allocate_lock(2, 'multiprocessing queue'), [], [False]]


def _chan_put(ch, data):
    items, mutex, waiters, _ = ch
    with mutex:
        items.append(data)
        if waiters:
            waiters.pop(0).release()


def _chan_get(ch, block, timeout, label):
    items, mutex, waiters, closed = ch
    mutex.acquire()
    try:
        while not items:
            if not block or closed[0]:
                return _EMPTY
            waiter = _interleave.allocate_lock(2, label)
            waiter.acquire()
            waiters.append(waiter)
            mutex.release()
            got = waiter.acquire(True, -1 if timeout is None else max(0, timeout))
            mutex.acquire()
            if not got:
                if waiter in waiters:
                    waiters.remove(waiter)
                if not items:
                    return _EMPTY
        return items.pop(0)
    finally:
        mutex.release()


def _chan_close(ch):
    items, mutex, waiters, closed = ch
    with mutex:
        closed[0] = True
        while waiters:
            waiters.pop(0).release()


_EMPTY = ('empty',)


# ---- processes ----

_children = []
_counter = [0]


def _next_count():
    _counter[0] += 1
    return _counter[0]


class BaseProcess:
    """BaseProcess is CPython's process object: start() spawns a child that runs run()."""

    _start_method = None

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={}, *, daemon=None):
        assert group is None, 'group argument must be None for now'
        count = _next_count()
        self._identity = _current_process._identity + (count,)
        self._parent_pid = _interleave.getpid()
        self._parent_name = _current_process.name
        self._started = False
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs)
        self._name = name or type(self).__name__ + '-' + ':'.join(str(i) for i in self._identity)
        self._daemonic = _current_process.daemon if daemon is None else daemon
        self._closed = False
        self._state = None

    def run(self):
        if self._target:
            self._target(*self._args, **self._kwargs)

    def start(self):
        self._check_closed()
        assert not self._started, 'cannot start a process twice'
        assert self._parent_pid == _interleave.getpid(), 'can only start a process object created by current process'
        assert not _current_process._daemonic, 'daemonic processes are not allowed to have children'
        done = _interleave.allocate_lock(4, self._name + ' to finish')
        done.acquire()
        self._state = _Handle([done, None, None])
        payload = _dumps(self)
        self._started = True
        index = _interleave.process_start(self._name, _spawn_entry, (self._name, payload))
        self._state.obj[2] = 4242 + index
        _children.append(self)

    def join(self, timeout=None):
        self._check_closed()
        assert self._parent_pid == _interleave.getpid(), 'can only join a child process'
        assert self._started, 'can only join a started process'
        done = self._state.obj[0]
        if done.acquire(True, -1 if timeout is None else max(0, timeout)):
            done.release()
        if self._state.obj[1] is not None and self in _children:
            _children.remove(self)

    def is_alive(self):
        self._check_closed()
        if self is _current_process:
            return True
        return self._started and self._state.obj[1] is None

    def terminate(self):
        self._check_closed()

    kill = terminate

    def close(self):
        if self._started and self._state.obj[1] is None:
            raise ValueError("Cannot close a process while it is still running. "
                             "You should first call join() or terminate().")
        self._closed = True

    def _check_closed(self):
        if self._closed:
            raise ValueError("process object is closed")

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        assert isinstance(name, str), 'name must be a string'
        self._name = name

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        assert not self._started, 'process has already started'
        self._daemonic = daemonic

    @property
    def exitcode(self):
        self._check_closed()
        if not self._started:
            return None
        return self._state.obj[1]

    @property
    def pid(self):
        self._check_closed()
        if self is _current_process:
            return _interleave.getpid()
        return self._state.obj[2] if self._started else None

    ident = pid

    @property
    def authkey(self):
        return b'playground'

    @property
    def sentinel(self):
        self._check_closed()
        if not self._started:
            raise ValueError("process not started")
        return self._state.obj[2]

    def __repr__(self):
        exitcode = None
        if self is _current_process:
            status = 'started'
        elif self._closed:
            status = 'closed'
        elif self._parent_pid != _interleave.getpid():
            status = 'unknown'
        elif not self._started:
            status = 'initial'
        else:
            exitcode = self._state.obj[1]
            status = 'stopped' if exitcode is not None else 'started'
        info = [type(self).__name__, 'name=%r' % self._name]
        if self._started and self._state is not None:
            info.append('pid=%s' % self._state.obj[2])
        info.append('parent=%s' % self._parent_pid)
        info.append(status)
        if exitcode is not None:
            info.append('exitcode=%s' % exitcode)
        if self._daemonic:
            info.append('daemon')
        return '<%s>' % ' '.join(info)

    def _bootstrap(self):
        try:
            self.run()
            exitcode = 0
        except SystemExit as e:
            if e.code is None:
                exitcode = 0
            elif isinstance(e.code, int):
                exitcode = e.code
            else:
                _interleave.write_stderr(str(e.code) + '\n')
                exitcode = 1
        except BaseException as e:
            exitcode = 1
            _interleave.write_stderr('Process %s:\n%s' % (self._name, _interleave.format_exception(e)))
        return exitcode


class Process(BaseProcess):
    _start_method = None


class SpawnProcess(BaseProcess):
    _start_method = 'spawn'


class _MainProcess(BaseProcess):

    def __init__(self):
        self._identity = ()
        self._name = 'MainProcess'
        self._parent_pid = None
        self._daemonic = False
        self._started = True
        self._closed = False
        self._state = None
        self._target = None

    def __repr__(self):
        return "<_MainProcess name='MainProcess' parent=None started>"


_current_process = _MainProcess()
_parent_process = None


def current_process():
    """current_process is the Process object of the calling process."""
    return _current_process


def parent_process():
    return _parent_process


def active_children():
    for p in list(_children):
        if p._state.obj[1] is not None:
            _children.remove(p)
    return list(_children)


def _spawn_entry(message):
    """_spawn_entry runs in the new process, whose module table is empty: the import is the child's own."""
    import multiprocessing
    multiprocessing._child_main(message)


def _child_main(message):
    """_child_main is a spawned child's first thread: start-up, __mp_main__, then run()."""
    global _current_process, _parent_process
    name, payload = message
    _sim.cpu(_SPAWN_COST)
    _current_process._name = name
    _interleave.process_main()
    process = _loads(payload)
    parent = _MainProcess()
    parent._name = process._parent_name
    _parent_process = parent
    _current_process = process
    exitcode = process._bootstrap()
    threading._shutdown()
    _exit_function()
    state = process._state.obj
    state[1] = exitcode
    state[0].release()


def _exit_function():
    for p in list(_children):
        if not p._daemonic:
            p.join()


_interleave.at_shutdown(_exit_function)


def cpu_count():
    """cpu_count is the number of simulated cores."""
    return _interleave.cpu_count()


def freeze_support():
    pass


_start_method = [None]


def set_start_method(method, force=False):
    if _start_method[0] is not None and not force:
        raise RuntimeError('context has already been set')
    if method not in ('spawn', 'fork', 'forkserver', None):
        raise ValueError('cannot find context for %r' % method)
    _start_method[0] = method


def get_start_method(allow_none=False):
    if _start_method[0] is None:
        if allow_none:
            return None
        _start_method[0] = 'spawn'
    return _start_method[0]


def get_all_start_methods():
    return ['spawn', 'fork', 'forkserver']


class _Context:
    """_Context is what get_context() returns: this module's API under one start method."""

    def __init__(self, method):
        self._method = method

    def get_start_method(self, allow_none=False):
        return self._method

    def __getattr__(self, name):
        if name == 'Process':
            return SpawnProcess
        return globals()[name]


def get_context(method=None):
    if method not in ('spawn', 'fork', 'forkserver', None):
        raise ValueError('cannot find context for %r' % method)
    return _Context(method or get_start_method())


# ---- queues and pipes ----

class Queue:
    """Queue is a FIFO shared between processes; items are copied (pickled) on put."""

    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._ch = _Handle(_channel())

    def put(self, obj, block=True, timeout=None):
        if self._ch.obj[3][0]:
            raise ValueError(f"Queue {self!r} is closed")
        _chan_put(self._ch.obj, _dumps(obj))

    def put_nowait(self, obj):
        return self.put(obj, False)

    def get(self, block=True, timeout=None):
        data = _chan_get(self._ch.obj, block, timeout, (self, '(empty)'))
        if data is _EMPTY:
            raise _queue.Empty
        return _loads(data)

    def get_nowait(self):
        return self.get(False)

    def qsize(self):
        return len(self._ch.obj[0])

    def empty(self):
        return not self._ch.obj[0]

    def full(self):
        return self._maxsize > 0 and len(self._ch.obj[0]) >= self._maxsize

    def close(self):
        pass

    def join_thread(self):
        pass

    def cancel_join_thread(self):
        pass

    def __repr__(self):
        return '<multiprocessing.queues.Queue object at 0x%x>' % id(self)


class SimpleQueue(Queue):

    def __repr__(self):
        return '<multiprocessing.queues.SimpleQueue object at 0x%x>' % id(self)


class JoinableQueue(Queue):

    def __init__(self, maxsize=0):
        Queue.__init__(self, maxsize)
        self._unfinished = _Handle([0, _interleave.allocate_lock(2, 'JoinableQueue'), []])

    def put(self, obj, block=True, timeout=None):
        state = self._unfinished.obj
        with state[1]:
            state[0] += 1
        Queue.put(self, obj, block, timeout)

    def task_done(self):
        state = self._unfinished.obj
        with state[1]:
            if state[0] <= 0:
                raise ValueError('task_done() called too many times')
            state[0] -= 1
            if state[0] == 0:
                while state[2]:
                    state[2].pop(0).release()

    def join(self):
        state = self._unfinished.obj
        state[1].acquire()
        if state[0] == 0:
            state[1].release()
            return
        waiter = _interleave.allocate_lock(2, (self, '(unfinished tasks)'))
        waiter.acquire()
        state[2].append(waiter)
        state[1].release()
        waiter.acquire()


class Connection:
    """Connection is one end of a Pipe: send() copies an object to the other end's recv()."""

    def __init__(self, inbox, outbox, readable=True, writable=True):
        self._in = inbox
        self._out = outbox
        self._readable = readable
        self._writable = writable
        self._closed = False

    @property
    def closed(self):
        return self._closed

    @property
    def readable(self):
        return self._readable

    @property
    def writable(self):
        return self._writable

    def _check(self):
        if self._closed:
            raise OSError("handle is closed")

    def send(self, obj):
        self._check()
        if not self._writable:
            raise OSError("connection is read-only")
        _chan_put(self._out.obj, _dumps(obj))

    def recv(self):
        self._check()
        if not self._readable:
            raise OSError("connection is write-only")
        data = _chan_get(self._in.obj, True, None, 'Connection.recv()')
        if data is _EMPTY:
            raise EOFError
        return _loads(data)

    def poll(self, timeout=0.0):
        self._check()
        if self._in.obj[0]:
            return True
        if not timeout:
            return False
        data = _chan_get(self._in.obj, True, timeout, 'Connection.poll()')
        if data is _EMPTY:
            return False
        self._in.obj[0].insert(0, data)
        return True

    def send_bytes(self, buf):
        self.send(bytes(buf))

    def recv_bytes(self):
        return self.recv()

    def close(self):
        if not self._closed:
            self._closed = True
            if self._writable:
                _chan_close(self._out.obj)

    def fileno(self):
        self._check()
        return 3

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def Pipe(duplex=True):
    """Pipe returns (conn1, conn2): with duplex=False conn1 only receives and conn2 only sends."""
    a, b = _Handle(_channel()), _Handle(_channel())
    if duplex:
        return Connection(a, b), Connection(b, a)
    return Connection(a, a, True, False), Connection(a, a, False, True)


# ---- synchronisation ----

class Lock:
    """Lock is a lock shared between processes."""

    def __init__(self):
        self._h = _Handle([_interleave.allocate_lock(1, self)])

    def acquire(self, block=True, timeout=None):
        return self._h.obj[0].acquire(block, -1 if timeout is None or not block else timeout)

    def release(self):
        try:
            self._h.obj[0].release()
        except RuntimeError:
            raise ValueError('semaphore or lock released too many times') from None

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *args):
        self.release()

    def __repr__(self):
        return '<Lock(owner=%s)>' % ('SomeOtherProcess' if self._h.obj[0].locked() else 'None')


class RLock:
    """RLock is a reentrant lock shared between processes."""

    def __init__(self):
        self._h = _Handle([_interleave.allocate_lock(1, self), None, 0])

    def _me(self):
        return (_interleave.getpid(), threading.get_ident())

    def acquire(self, block=True, timeout=None):
        state = self._h.obj
        if state[1] == self._me():
            state[2] += 1
            return True
        if not state[0].acquire(block, -1 if timeout is None or not block else timeout):
            return False
        state[1] = self._me()
        state[2] = 1
        return True

    def release(self):
        state = self._h.obj
        if state[1] != self._me():
            raise AssertionError('attempt to release recursive lock not owned by thread')
        state[2] -= 1
        if state[2] == 0:
            state[1] = None
            state[0].release()

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *args):
        self.release()


class Semaphore:
    """Semaphore is a counter shared between processes; acquire() waits while it is zero."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._h = _Handle([value, _interleave.allocate_lock(8, self), []])

    def acquire(self, block=True, timeout=None):
        state = self._h.obj
        state[1].acquire()
        if state[0] > 0:
            state[0] -= 1
            state[1].release()
            return True
        if not block:
            state[1].release()
            return False
        waiter = _interleave.allocate_lock(8, self)
        waiter.acquire()
        state[2].append(waiter)
        state[1].release()
        got = waiter.acquire(True, -1 if timeout is None else timeout)
        if not got:
            with state[1]:
                if waiter in state[2]:
                    state[2].remove(waiter)
                    return False
        return True

    def release(self):
        state = self._h.obj
        with state[1]:
            if state[2]:
                state[2].pop(0).release()
            else:
                state[0] += 1

    def get_value(self):
        return self._h.obj[0]

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *args):
        self.release()


BoundedSemaphore = Semaphore


class Event:
    """Event is a flag shared between processes."""

    def __init__(self):
        self._h = _Handle([False, _interleave.allocate_lock(3, self), []])

    def is_set(self):
        return self._h.obj[0]

    def set(self):
        state = self._h.obj
        with state[1]:
            state[0] = True
            while state[2]:
                state[2].pop(0).release()

    def clear(self):
        self._h.obj[0] = False

    def wait(self, timeout=None):
        state = self._h.obj
        state[1].acquire()
        if state[0]:
            state[1].release()
            return True
        waiter = _interleave.allocate_lock(3, self)
        waiter.acquire()
        state[2].append(waiter)
        state[1].release()
        waiter.acquire(True, -1 if timeout is None else timeout)
        return state[0]


# ---- shared memory ----

_CTYPES = {'c': 'c_char', 'u': 'c_wchar', 'b': 'c_byte', 'B': 'c_ubyte', 'h': 'c_short',
           'H': 'c_ushort', 'i': 'c_int', 'I': 'c_uint', 'l': 'c_long', 'L': 'c_ulong',
           'q': 'c_longlong', 'Q': 'c_ulonglong', 'f': 'c_float', 'd': 'c_double'}


def _ctype(typecode):
    if typecode not in _CTYPES:
        raise TypeError("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
    return _CTYPES[typecode]


def _convert(typecode, value):
    if typecode in 'fd':
        return float(value)
    if typecode in 'cu':
        return value
    if isinstance(value, float):
        raise TypeError("int expected instead of float")
    return int(value)


class Synchronized:
    """Synchronized is Value(): one number in shared memory, with the lock get_lock() returns."""

    def __init__(self, typecode, value, lock):
        self._typecode = typecode
        self._mem = _Handle([_convert(typecode, value)])
        self._lock = lock

    @property
    def value(self):
        return self._mem.obj[0]

    @value.setter
    def value(self, v):
        self._mem.obj[0] = _convert(self._typecode, v)

    def get_lock(self):
        return self._lock

    def get_obj(self):
        return self._mem.obj[0]

    def acquire(self, *args):
        return self._lock.acquire(*args)

    def release(self):
        return self._lock.release()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return '<Synchronized wrapper for %s(%r)>' % (_ctype(self._typecode), self._mem.obj[0])


class SynchronizedArray(Synchronized):
    """SynchronizedArray is Array(): a fixed-length sequence in shared memory."""

    def __init__(self, typecode, values, lock):
        self._typecode = typecode
        self._mem = _Handle([_convert(typecode, v) for v in values])
        self._lock = lock

    def __len__(self):
        return len(self._mem.obj)

    def __getitem__(self, i):
        return self._mem.obj[i]

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            items = [_convert(self._typecode, x) for x in v]
            if len(items) != len(self._mem.obj[i]):
                raise ValueError("Can only assign sequence of same size")
            self._mem.obj[i] = items
        else:
            self._mem.obj[i] = _convert(self._typecode, v)

    def __iter__(self):
        return iter(list(self._mem.obj))

    def __repr__(self):
        return '<SynchronizedArray wrapper for <multiprocessing.sharedctypes.%s_Array_%d object at 0x%x>>' % (
            _ctype(self._typecode), len(self._mem.obj), id(self))


def Value(typecode_or_type, *args, lock=True):
    """Value is a number in shared memory; with lock=True (the default) it has an RLock."""
    _ctype(typecode_or_type)
    value = args[0] if args else (0.0 if typecode_or_type in 'fd' else 0)
    if lock is True:
        lock = RLock()
    elif lock is False:
        lock = None
    return Synchronized(typecode_or_type, value, lock)


def RawValue(typecode_or_type, *args):
    return Value(typecode_or_type, *args, lock=False)


def Array(typecode_or_type, size_or_initializer, *, lock=True):
    """Array is a sequence in shared memory: a size (zeros) or the initial values."""
    _ctype(typecode_or_type)
    if isinstance(size_or_initializer, int):
        values = [0.0 if typecode_or_type in 'fd' else 0] * size_or_initializer
    else:
        values = list(size_or_initializer)
    if lock is True:
        lock = RLock()
    elif lock is False:
        lock = None
    return SynchronizedArray(typecode_or_type, values, lock)


def RawArray(typecode_or_type, size_or_initializer):
    return Array(typecode_or_type, size_or_initializer, lock=False)


# ---- the pool ----

# _mapstar and _starmapstar call from bytecode, not from a built-in such as map(): a call
# made inside a built-in runs in a nested loop, and nested waits must end last-in first-out.
def _mapstar(args):
    fn, items = args
    return [fn(item) for item in items]


def _starmapstar(args):
    fn, items = args
    return [fn(*item) for item in items]


def _pool_worker(inq, outq, initializer, initargs):
    if initializer is not None:
        initializer(*initargs)
    while True:
        data = _chan_get(inq.obj, True, None, 'Pool task queue')
        if data is _EMPTY:
            break
        task = _loads(data)
        if task is None:
            break
        job, i, func, args, kwds = task
        try:
            result = (True, func(*args, **kwds))
        except Exception as e:
            result = (False, e)
        try:
            out = _dumps((job, i, result))
        except Exception as e:
            out = _dumps((job, i, (False, MaybeEncodingError(e, result[1]))))
        _chan_put(outq.obj, out)


class MaybeEncodingError(Exception):
    """MaybeEncodingError wraps a result a worker could not send back."""

    def __init__(self, exc, value):
        self.exc = repr(exc)
        self.value = repr(value)
        super().__init__(self.exc, self.value)

    def __str__(self):
        return "Error sending result: '%s'. Reason: '%s'" % (self.value, self.exc)


class ApplyResult:
    """ApplyResult is what apply_async() returns: get() waits for the call's value."""

    def __init__(self, pool, callback, error_callback):
        self._pool = pool
        self._event = threading.Event()
        self._job = pool._next_job()
        self._callback = callback
        self._error_callback = error_callback
        pool._cache[self._job] = self

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError("{0!r} not ready".format(self))
        return self._success

    def wait(self, timeout=None):
        self._event.wait(timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise TimeoutError
        if self._success:
            return self._value
        raise self._value

    def _set(self, i, obj):
        self._success, self._value = obj
        if self._callback and self._success:
            self._callback(self._value)
        if self._error_callback and not self._success:
            self._error_callback(self._value)
        self._event.set()
        del self._pool._cache[self._job]


AsyncResult = ApplyResult


class MapResult(ApplyResult):
    """MapResult collects the chunks of a map_async() in order."""

    def __init__(self, pool, chunksize, length, callback, error_callback):
        ApplyResult.__init__(self, pool, callback, error_callback)
        self._success = True
        self._value = [None] * length
        self._chunksize = chunksize
        if chunksize <= 0:
            self._number_left = 0
            self._event.set()
            del pool._cache[self._job]
        else:
            self._number_left = length // chunksize + bool(length % chunksize)

    def _set(self, i, success_result):
        self._number_left -= 1
        success, result = success_result
        if success and self._success:
            self._value[i * self._chunksize:(i + 1) * self._chunksize] = result
            if self._number_left == 0:
                if self._callback:
                    self._callback(self._value)
                del self._pool._cache[self._job]
                self._event.set()
        else:
            if self._success:
                self._success = False
                self._value = result
                if self._error_callback:
                    self._error_callback(self._value)
            if self._number_left == 0:
                del self._pool._cache[self._job]
                self._event.set()


class IMapIterator:
    """IMapIterator yields a imap()'s results in order as they arrive."""

    def __init__(self, pool, ordered=True):
        self._pool = pool
        self._cond = threading.Condition(threading.Lock())
        self._job = pool._next_job()
        self._items = {}
        self._arrived = []
        self._index = 0
        self._length = None
        self._ordered = ordered
        pool._cache[self._job] = self

    def __iter__(self):
        return self

    def next(self, timeout=None):
        with self._cond:
            while True:
                if self._ordered and self._index in self._items:
                    success, value = self._items.pop(self._index)
                    break
                if not self._ordered and self._arrived:
                    success, value = self._arrived.pop(0)
                    break
                if self._length is not None and self._index >= self._length:
                    raise StopIteration from None
                self._cond.wait(timeout)
                if timeout is not None and not (self._items or self._arrived):
                    raise TimeoutError from None
            self._index += 1
        if success:
            return value
        raise value

    __next__ = next

    def _set(self, i, obj):
        with self._cond:
            if self._ordered:
                self._items[i] = obj
            else:
                self._arrived.append(obj)
            self._cond.notify()
            if self._length is not None and len(self._items) + self._index >= self._length:
                self._pool._cache.pop(self._job, None)

    def _set_length(self, length):
        with self._cond:
            self._length = length
            if self._index + len(self._items) + len(self._arrived) >= length:
                self._pool._cache.pop(self._job, None)
            self._cond.notify()


class IMapUnorderedIterator(IMapIterator):

    def __init__(self, pool):
        IMapIterator.__init__(self, pool, False)


_RUN, _CLOSE, _TERMINATE = 0, 1, 2


class Pool:
    """Pool is a set of worker processes that run calls sent to them (map, apply, imap)."""

    _worker_name = 'PoolWorker'

    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None, context=None):
        self._state = _RUN
        if processes is None:
            processes = cpu_count()
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._processes = processes
        self._cache = {}
        self._jobs = 0
        self._inq = _Handle(_channel())
        self._outq = _Handle(_channel())
        self._pool = []
        for _ in range(processes):
            w = SpawnProcess(target=_pool_worker, args=(self._inq, self._outq, initializer, initargs))
            w.name = w.name.replace('Process', self._worker_name)
            w.daemon = True
            w.start()
            self._pool.append(w)
        self._start_handler()

    def _start_handler(self):
        # CPython's pool runs three helper threads; this one does the result handler's work.
        threading._newname("Thread-%d")
        threading._newname("Thread-%d")
        self._handler = threading.Thread(target=self._handle_results, daemon=True)
        self._handler.start()

    def _next_job(self):
        self._jobs += 1
        return self._jobs

    def _handle_results(self):
        while True:
            data = _chan_get(self._outq.obj, True, None, 'Pool result queue')
            if data is _EMPTY:
                return
            message = _loads(data)
            if message is None:
                return
            job, i, obj = message
            result = self._cache.get(job)
            if result is not None:
                result._set(i, obj)

    def _check_running(self):
        if self._state != _RUN:
            raise ValueError("Pool not running")

    def _send(self, result, i, func, args, kwds):
        try:
            data = _dumps((result._job, i, func, args, kwds))
        except Exception as e:
            result._set(i, (False, e))
            return
        _chan_put(self._inq.obj, data)

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        self._check_running()
        result = ApplyResult(self, callback, error_callback)
        self._send(result, 0, func, args, kwds)
        return result

    def _map_async(self, func, iterable, mapper, chunksize, callback, error_callback):
        self._check_running()
        if not hasattr(iterable, '__len__'):
            iterable = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(iterable), len(self._pool) * 4)
            if extra:
                chunksize += 1
        if len(iterable) == 0:
            chunksize = 0
        items = list(iterable)
        result = MapResult(self, chunksize, len(items), callback, error_callback)
        if chunksize:
            for n, start in enumerate(range(0, len(items), chunksize)):
                self._send(result, n, mapper, ((func, tuple(items[start:start + chunksize])),), {})
        return result

    def map(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, _mapstar, chunksize, None, None).get()

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, _mapstar, chunksize, callback, error_callback)

    def starmap(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, _starmapstar, chunksize, None, None).get()

    def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, _starmapstar, chunksize, callback, error_callback)

    def _imap(self, func, iterable, chunksize, result):
        items = list(iterable)
        if chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0:n}".format(chunksize))
        if chunksize == 1:
            for i, x in enumerate(items):
                self._send(result, i, func, (x,), {})
            result._set_length(len(items))
            return result
        chunks = [tuple(items[s:s + chunksize]) for s in range(0, len(items), chunksize)]
        for i, chunk in enumerate(chunks):
            self._send(result, i, _mapstar, ((func, chunk),), {})
        result._set_length(len(chunks))
        return (item for chunk in result for item in chunk)

    def imap(self, func, iterable, chunksize=1):
        self._check_running()
        return self._imap(func, iterable, chunksize, IMapIterator(self))

    def imap_unordered(self, func, iterable, chunksize=1):
        self._check_running()
        return self._imap(func, iterable, chunksize, IMapUnorderedIterator(self))

    def close(self):
        if self._state == _RUN:
            self._state = _CLOSE
            for _ in self._pool:
                _chan_put(self._inq.obj, _dumps(None))

    def terminate(self):
        if self._state == _TERMINATE:
            return
        if self._state == _RUN:
            self._inq.obj[0].clear()
            for _ in self._pool:
                _chan_put(self._inq.obj, _dumps(None))
        self._state = _TERMINATE

    def join(self):
        if self._state == _RUN:
            raise ValueError("Pool is still running")
        for w in self._pool:
            w.join()
        if self._handler.is_alive():
            _chan_put(self._outq.obj, _dumps(None))
            self._handler.join()

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, *exc):
        self.terminate()

    def __repr__(self):
        state = {_RUN: 'RUN', _CLOSE: 'CLOSE', _TERMINATE: 'TERMINATE'}[self._state]
        return f'<multiprocessing.pool.Pool state={state} pool_size={len(self._pool)}>'


class _ExecutorPool(Pool):
    """_ExecutorPool is ProcessPoolExecutor's workers: SpawnProcess-N and one manager thread."""

    _worker_name = 'Process'

    def __init__(self, processes, initializer, initargs):
        Pool.__init__(self, processes, initializer, initargs)

    def _start_handler(self):
        self._handler = threading.Thread(name=threading._newname("Thread-%d"), target=self._handle_results, daemon=True)
        self._handler.start()


class _PoolModule:
    """_PoolModule stands for multiprocessing.pool."""

    Pool = Pool
    ApplyResult = ApplyResult
    AsyncResult = ApplyResult
    MapResult = MapResult
    IMapIterator = IMapIterator
    MaybeEncodingError = MaybeEncodingError


pool = _PoolModule()
