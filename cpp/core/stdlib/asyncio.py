"""asyncio for the playground: CPython 3.11's event loop, futures, tasks, timeouts, task
groups, queues and locks, following CPython's own algorithms so that callbacks, timers and
task steps run in the same order. The loop's selector is the kernel (_interleave): it waits
on the simulated clock and the simulated network, and every task step is reported as an
event (docs/ASYNCIO.md)."""

from heapq import heappop as _heappop, heappush as _heappush

import _interleave as _k
import contextvars as _cv

__all__ = (
    "run", "Runner", "sleep", "create_task", "ensure_future", "gather", "wait", "wait_for",
    "as_completed", "shield", "timeout", "timeout_at", "Timeout", "TaskGroup", "to_thread",
    "current_task", "all_tasks", "get_event_loop", "get_running_loop", "new_event_loop",
    "set_event_loop", "run_coroutine_threadsafe", "wrap_future", "iscoroutine",
    "iscoroutinefunction", "isfuture", "Future", "Task", "Handle", "TimerHandle",
    "AbstractEventLoop", "BaseEventLoop", "SelectorEventLoop", "Queue", "LifoQueue",
    "PriorityQueue", "QueueEmpty", "QueueFull", "Lock", "Event", "Condition", "Semaphore",
    "BoundedSemaphore", "Barrier", "CancelledError", "InvalidStateError", "TimeoutError",
    "BrokenBarrierError", "FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED",
)

_now = _k.now
_get_ident = _k.get_ident
_task_new = _k.task_new
_task_enter = _k.task_enter
_task_leave = _k.task_leave
_task_blocked = _k.task_blocked
_task_end = _k.task_end
_task_cancelled = _k.task_cancelled
_loop_iteration = _k.loop_iteration
_io_wait = _k.io_wait
_timer_push = _k.timer_push
_timer_pop = _k.timer_pop
_ready_ids = _k.ready_ids
_SEQUENTIAL = bool(_k.settings().get("sequential", False))

# _BLOCK_* are the kernel's BlockReason numbers (docs/EVENTS.md).
_BLOCK_SLEEP = 0
_BLOCK_LOCK = 1
_BLOCK_QUEUE = 2
_BLOCK_EVENT = 3
_BLOCK_IO = 5
_BLOCK_FUTURE = 6
_BLOCK_CONDITION = 7
_BLOCK_SEMAPHORE = 8
_BLOCK_BARRIER = 9
_BLOCK_SELECT = 11

FIRST_COMPLETED = "FIRST_COMPLETED"
FIRST_EXCEPTION = "FIRST_EXCEPTION"
ALL_COMPLETED = "ALL_COMPLETED"

# MAXIMUM_SELECT_TIMEOUT caps one selector wait, as in base_events.
MAXIMUM_SELECT_TIMEOUT = 24 * 3600
_MIN_SCHEDULED_TIMER_HANDLES = 100
_MIN_CANCELLED_TIMER_HANDLES_FRACTION = 0.5


# ---- exceptions (asyncio.exceptions) ----

# The exceptions carry CPython's module names, which tracebacks print.

class CancelledError(BaseException):
    """The Future or Task was cancelled."""

    __module__ = "asyncio.exceptions"


TimeoutError = TimeoutError


class InvalidStateError(Exception):
    """The operation is not allowed in this state."""

    __module__ = "asyncio.exceptions"


class QueueEmpty(Exception):
    """Raised when Queue.get_nowait() is called on an empty Queue."""

    __module__ = "asyncio.queues"


class QueueFull(Exception):
    """Raised when the Queue.put_nowait() method is called on a full Queue."""

    __module__ = "asyncio.queues"


class BrokenBarrierError(RuntimeError):
    """Barrier is broken by barrier.abort() call."""

    __module__ = "asyncio.exceptions"


# ---- small helpers ----

def iscoroutine(obj):
    """Return True if obj is a coroutine object."""
    return type(obj).__name__ == "coroutine"


def iscoroutinefunction(func):
    """Return True if func is a coroutine function (an async def)."""
    return _k.is_coroutine_function(func)


def isfuture(obj):
    """Check for a Future: an instance of asyncio.Future or a duck-typed equivalent."""
    return getattr(obj, "_asyncio_future_blocking", None) is not None


def _format_callback(func, args=()):
    """_format_callback is format_helpers._format_callback: "qualname(arg, ...)"."""
    if isinstance(func, _Partial):
        return _format_callback(func.func, func.args) + _format_args(args)
    name = getattr(func, "__qualname__", None) or getattr(func, "__name__", None)
    return (name if name else repr(func)) + _format_args(args)


def _format_args(args):
    return "(" + ", ".join(_short_repr(arg) for arg in args) + ")"


def _exception_text(exc):
    message = str(exc)
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


def _log_error(message, exc=None):
    """_log_error writes what CPython's asyncio logger would to stderr."""
    text = message + "\n"
    if exc is not None:
        text += _k.format_exception(exc)
    _k.write_stderr(text)


# ---- Handle and TimerHandle (asyncio.events) ----

class Handle:
    """Object returned by callback registration methods."""

    _cancelled = False

    def __init__(self, callback, args, loop, context=None):
        self._callback = callback
        self._args = args
        self._loop = loop

    def __repr__(self):
        info = [type(self).__name__]
        if self._cancelled:
            info.append("cancelled")
        if self._callback is not None:
            info.append(_format_callback(self._callback, self._args))
        return "<" + " ".join(info) + ">"

    def cancel(self):
        if not self._cancelled:
            self._cancelled = True
            self._callback = None
            self._args = None

    def cancelled(self):
        return self._cancelled

    def get_context(self):
        return None

    def _run(self):
        try:
            self._callback(*self._args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._report(exc)

    def _report(self, exc):
        self._loop.call_exception_handler({
            "message": f"Exception in callback {_format_callback(self._callback, self._args)}",
            "exception": exc,
            "handle": self,
        })


class TimerHandle(Handle):
    """Object returned by timed callback registration methods."""

    _scheduled = False

    def __init__(self, when, callback, args, loop, context=None):
        self._callback = callback
        self._args = args
        self._loop = loop
        self._when = when

    def __repr__(self):
        info = [type(self).__name__]
        if self._cancelled:
            info.append("cancelled")
        info.append(f"when={self._when}")
        if self._callback is not None:
            info.append(_format_callback(self._callback, self._args))
        return "<" + " ".join(info) + ">"

    def __hash__(self):
        return hash(self._when)

    def __lt__(self, other):
        if isinstance(other, TimerHandle):
            return self._when < other._when
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, TimerHandle):
            return self._when < other._when or self.__eq__(other)
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, TimerHandle):
            return self._when > other._when
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, TimerHandle):
            return self._when > other._when or self.__eq__(other)
        return NotImplemented

    def __eq__(self, other):
        if isinstance(other, TimerHandle):
            return (self._when == other._when and self._callback == other._callback and
                    self._args == other._args and self._cancelled == other._cancelled)
        return NotImplemented

    def cancel(self):
        if not self._cancelled:
            if self._scheduled:
                self._loop._timer_cancelled_count += 1
            self._cancelled = True
            self._callback = None
            self._args = None

    def when(self):
        return self._when


# ---- running loops and the event loop policy, per thread ----

# _running_loops maps a thread's ident to the loop it runs; _thread_loops to the loop
# set_event_loop() gave it (present once set, like the policy's _set_called).
_running_loops = {}
_thread_loops = {}


def _get_running_loop():
    """Return the running event loop or None."""
    return _running_loops.get(_get_ident())


def _set_running_loop(loop):
    if loop is None:
        _running_loops.pop(_get_ident(), None)
    else:
        _running_loops[_get_ident()] = loop


def get_running_loop():
    """Return the running event loop. Raise a RuntimeError if there is none."""
    loop = _running_loops.get(_get_ident())
    if loop is None:
        raise RuntimeError("no running event loop")
    return loop


def get_event_loop():
    """Return the running loop, else this thread's current loop (the main thread gets a new one)."""
    loop = _running_loops.get(_get_ident())
    if loop is not None:
        return loop
    ident = _get_ident()
    if ident not in _thread_loops and ident == _k.main_ident():
        _thread_loops[ident] = new_event_loop()
    loop = _thread_loops.get(ident)
    if loop is None:
        import threading
        raise RuntimeError(f"There is no current event loop in thread {threading.current_thread().name!r}.")
    return loop


_get_event_loop = get_event_loop


def set_event_loop(loop):
    """Set the current thread's event loop."""
    if loop is not None and not isinstance(loop, AbstractEventLoop):
        raise TypeError(f"loop must be an instance of AbstractEventLoop or None, not '{type(loop).__name__}'")
    _thread_loops[_get_ident()] = loop


def new_event_loop():
    """Return a new event loop."""
    return _UnixSelectorEventLoop()


# ---- Future (asyncio.futures) ----

# A future's _state is one of these three strings, always compared by identity.
_PENDING = "PENDING"
_CANCELLED = "CANCELLED"
_FINISHED = "FINISHED"


class Future:
    """This class is *almost* compatible with concurrent.futures.Future."""

    _state = _PENDING
    _result = None
    _exception = None
    _loop = None
    _cancel_message = None
    _cancelled_exc = None
    _asyncio_future_blocking = False
    _log_traceback = False
    # _callbacks stays None until a callback is added (most futures get exactly one).
    _callbacks = None
    # _block is what a task awaiting this future waits for: (BlockReason, what, deadline).
    _block = None

    def __init__(self, *, loop=None):
        if loop is None:
            self._loop = get_event_loop()
        else:
            self._loop = loop

    def __repr__(self):
        return f"<{type(self).__name__} {' '.join(_future_repr_info(self))}>"

    def _make_cancelled_error(self):
        exc = self._cancelled_exc
        if exc is not None:
            self._cancelled_exc = None
            return exc
        if self._cancel_message is None:
            return CancelledError()
        return CancelledError(self._cancel_message)

    def cancel(self, msg=None):
        """Cancel the future and schedule callbacks."""
        self._log_traceback = False
        if self._state is not _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        self._schedule_callbacks()
        return True

    def _schedule_callbacks(self):
        callbacks = self._callbacks
        if not callbacks:
            return
        self._callbacks = None
        loop = self._loop
        for callback in callbacks:
            loop._ready.append((callback, self))

    def cancelled(self):
        """Return True if the future was cancelled."""
        return self._state is _CANCELLED

    def done(self):
        """Return True if the future is done."""
        return self._state is not _PENDING

    def result(self):
        """Return the result this future represents."""
        if self._state is _CANCELLED:
            raise self._make_cancelled_error()
        if self._state is not _FINISHED:
            raise InvalidStateError("Result is not set.")
        self._log_traceback = False
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self):
        """Return the exception that was set on this future."""
        if self._state is _CANCELLED:
            raise self._make_cancelled_error()
        if self._state is not _FINISHED:
            raise InvalidStateError("Exception is not set.")
        self._log_traceback = False
        return self._exception

    def add_done_callback(self, fn, *, context=None):
        """Add a callback to be run when the future becomes done."""
        if self._state is not _PENDING:
            self._loop._ready.append((fn, self))
        elif self._callbacks is None:
            self._callbacks = [fn]
        else:
            self._callbacks.append(fn)

    def remove_done_callback(self, fn):
        """Remove all instances of a callback from the "call when done" list."""
        callbacks = self._callbacks or []
        filtered = [f for f in callbacks if f != fn]
        removed = len(callbacks) - len(filtered)
        if removed:
            self._callbacks = filtered
        return removed

    def set_result(self, result):
        """Mark the future done and set its result."""
        if self._state is not _PENDING:
            raise InvalidStateError("invalid state")
        self._result = result
        self._state = _FINISHED
        self._schedule_callbacks()

    def set_exception(self, exception):
        """Mark the future done and set an exception."""
        if self._state is not _PENDING:
            raise InvalidStateError("invalid state")
        if isinstance(exception, type):
            exception = exception()
        if type(exception) is StopIteration:
            raise TypeError("StopIteration interacts badly with generators and cannot be raised into a Future")
        self._exception = exception
        self._state = _FINISHED
        self._schedule_callbacks()
        self._log_traceback = True
        self._loop._unretrieved.append(self)

    def get_loop(self):
        """Return the event loop the Future is bound to."""
        return self._loop

    def __await__(self):
        if self._state is _PENDING:
            yield self
        if self._state is _FINISHED and self._exception is None:
            return self._result
        if self._state is _PENDING:
            raise RuntimeError("await wasn't used with future")
        return self.result()

    __iter__ = __await__


def _future_repr_info(future):
    info = [future._state.lower()]
    if future._state is _FINISHED:
        if future._exception is not None:
            info.append(f"exception={future._exception!r}")
        else:
            info.append(f"result={_short_repr(future._result)}")
    callbacks = future._callbacks
    if callbacks:
        if len(callbacks) <= 2:
            text = ", ".join(_format_callback(cb) for cb in callbacks)
        else:
            text = f"{_format_callback(callbacks[0])}, <{len(callbacks) - 2} more>, {_format_callback(callbacks[-1])}"
        info.append(f"cb=[{text}]")
    return info


def _short_repr(value):
    text = repr(value)
    if len(text) > 30:
        text = text[:13] + "..." + text[-14:]
    return text


def _get_loop(fut):
    if isinstance(fut, Future):
        return fut._loop
    get_loop = getattr(fut, "get_loop", None)
    if get_loop is not None:
        return get_loop()
    return fut._loop


def _set_result_unless_cancelled(fut, result):
    """Helper setting the result only if the future was not cancelled."""
    if fut._state is _PENDING:
        fut.set_result(result)


# ---- Task (asyncio.tasks) ----

_task_name_counter = 0
_all_tasks = {}


def _next_task_name():
    global _task_name_counter
    _task_name_counter += 1
    return f"Task-{_task_name_counter}"


class Task(Future):
    """A coroutine wrapped in a Future."""

    _must_cancel = False
    _num_cancels_requested = 0
    _fut_waiter = None
    # _resume (the ready-queue entry of a plain step) and _wakeup_cb are made once, when first needed.
    _resume = None
    _wakeup_cb = None

    # _machinery marks the loop's own tasks (asyncio.run's shutdown) in the events, so the page
    # can tell them from the program's; CPython has no such argument.
    def __init__(self, coro, *, loop=None, name=None, context=None, _machinery=False):
        if loop is None:
            self._loop = get_event_loop()
        else:
            self._loop = loop
        if not iscoroutine(coro):
            raise TypeError(f"a coroutine was expected, got {coro!r}")
        if name is None:
            self._name = _next_task_name()
        else:
            self._name = str(name)
        self._coro = coro
        # _context is the copy of the creator's context each step runs in (None until a ContextVar exists).
        if context is None and _cv._used:
            context = _cv.copy_context()
        self._context = context
        self._kid = _task_new(self._name, None, True) if _machinery else _task_new(self._name)
        self._loop._ready.append((self._step, None))
        _all_tasks[self] = None

    def __repr__(self):
        info = [self._state.lower(), f"name={self._name!r}"]
        coro = getattr(self._coro, "__qualname__", None) or "coroutine"
        if self._state is _PENDING:
            info.append(f"coro=<{coro}() running>")
        else:
            info.append(f"coro=<{coro}() done>")
        if self._state is _FINISHED:
            if self._exception is not None:
                info.append(f"exception={self._exception!r}")
            else:
                info.append(f"result={_short_repr(self._result)}")
        if self._fut_waiter is not None:
            info.append(f"wait_for={self._fut_waiter!r}")
        return f"<Task {' '.join(info)}>"

    def get_coro(self):
        return self._coro

    def get_context(self):
        return self._context

    def get_name(self):
        return self._name

    def set_name(self, value):
        self._name = str(value)

    def set_result(self, result):
        raise RuntimeError("Task does not support set_result operation")

    def set_exception(self, exception):
        raise RuntimeError("Task does not support set_exception operation")

    def get_stack(self, *, limit=None):
        return []

    def cancel(self, msg=None):
        """Request that this task cancel itself."""
        self._log_traceback = False
        if self._state is not _PENDING:
            return False
        self._num_cancels_requested += 1
        _task_cancelled(self._kid)
        if self._fut_waiter is not None:
            if self._fut_waiter.cancel(msg=msg):
                return True
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def cancelling(self):
        """Return the count of the task's cancellation requests."""
        return self._num_cancels_requested

    def uncancel(self):
        """Decrement the task's count of cancellation requests."""
        if self._num_cancels_requested > 0:
            self._num_cancels_requested -= 1
        return self._num_cancels_requested

    def _finish(self, status, exc=None):
        del _all_tasks[self]
        if status == 0:
            text = _short_repr(self._result)
        elif exc is None:
            text = "CancelledError"
        else:
            text = _exception_text(exc)
        _task_end(self._kid, status, text)

    def _step(self, exc=None):
        if self._state is not _PENDING:
            raise InvalidStateError(f"_step(): already done: {self!r}, {exc!r}")
        if self._must_cancel:
            if not isinstance(exc, CancelledError):
                exc = self._make_cancelled_error()
            self._must_cancel = False
        coro = self._coro
        if self._fut_waiter is not None:
            self._fut_waiter = None
        loop = self._loop
        outer = loop._current_task
        if outer is not None and not _SEQUENTIAL:
            raise RuntimeError(f"Cannot enter into task {self!r} while another task {outer!r} is being executed.")
        loop._current_task = self
        _task_enter(self._kid)
        ctx = self._context
        if ctx is not None:
            outer_ctx = _cv._swap(ctx)
        try:
            if exc is None:
                result = coro.send(None)
            else:
                result = coro.throw(exc)
        except StopIteration as stop:
            if self._must_cancel:
                self._must_cancel = False
                Future.cancel(self, msg=self._cancel_message)
                self._finish(2)
            else:
                Future.set_result(self, stop.value)
                self._finish(0)
        except CancelledError as cancelled:
            self._cancelled_exc = cancelled
            Future.cancel(self)
            self._finish(2)
        except (KeyboardInterrupt, SystemExit) as fatal:
            Future.set_exception(self, fatal)
            self._finish(1, fatal)
            raise
        except BaseException as error:
            Future.set_exception(self, error)
            self._finish(1, error)
        else:
            if result is None:
                # Bare yield relinquishes control for one event loop iteration.
                resume = self._resume
                if resume is None:
                    resume = self._resume = (self._step, None)
                loop._ready.append(resume)
                return
            if isinstance(result, Future):
                # A Future yields itself only from __await__, so this is always a blocking wait.
                blocking = True
            else:
                blocking = getattr(result, "_asyncio_future_blocking", None)
            if blocking is not None:
                if _get_loop(result) is not loop:
                    new_exc = RuntimeError(f"Task {self!r} got Future {result!r} attached to a different loop")
                    loop._ready.append((self._step, new_exc))
                elif blocking:
                    if result is self:
                        new_exc = RuntimeError(f"Task cannot await on itself: {self!r}")
                        loop._ready.append((self._step, new_exc))
                    else:
                        if blocking is not True:
                            result._asyncio_future_blocking = False
                        wakeup = self._wakeup_cb
                        if wakeup is None:
                            wakeup = self._wakeup_cb = self._wakeup
                        result.add_done_callback(wakeup)
                        self._fut_waiter = result
                        if type(result) is _SleepFuture:
                            _task_blocked(self._kid, _BLOCK_SLEEP, "sleep", result._when)
                        else:
                            _report_blocked(self, result)
                        if self._must_cancel:
                            if result.cancel(msg=self._cancel_message):
                                self._must_cancel = False
                else:
                    new_exc = RuntimeError(f"yield was used instead of yield from in task {self!r} with {result!r}")
                    loop._ready.append((self._step, new_exc))
            else:
                new_exc = RuntimeError(f"Task got bad yield: {result!r}")
                loop._ready.append((self._step, new_exc))
        finally:
            if ctx is not None:
                _cv._swap(outer_ctx)
            _task_leave()
            loop._current_task = outer
            if outer is not None:
                _task_enter(outer._kid)

    def _wakeup(self, future):
        if isinstance(future, Future) and future._state is _FINISHED and future._exception is None:
            self._step()
            return
        try:
            future.result()
        except BaseException as exc:
            self._step(exc)
        else:
            self._step()


def _report_blocked(task, fut):
    """_report_blocked tells the kernel what a task now waits for (the page shows it)."""
    block = getattr(fut, "_block", None)
    if block is not None:
        _task_blocked(task._kid, block[0], block[1], block[2])
    elif isinstance(fut, Task):
        _task_blocked(task._kid, _BLOCK_FUTURE, fut._name, -1.0)
    else:
        what = getattr(fut, "_what", None)
        _task_blocked(task._kid, _BLOCK_FUTURE, fut if what is None else what, -1.0)


def current_task(loop=None):
    """Return a currently executed task."""
    if loop is None:
        loop = get_running_loop()
    return loop._current_task


def all_tasks(loop=None):
    """Return a set of all tasks for the loop."""
    if loop is None:
        loop = get_running_loop()
    return {t for t in list(_all_tasks) if t._loop is loop and t._state is _PENDING}


def create_task(coro, *, name=None, context=None):
    """Schedule the execution of a coroutine object in a spawn task."""
    loop = get_running_loop()
    if name is not None and iscoroutine(coro):
        _next_task_name()
    return loop.create_task(coro, name=name, context=context)


def ensure_future(coro_or_future, *, loop=None):
    """Wrap a coroutine or an awaitable in a future."""
    return _ensure_future(coro_or_future, loop=loop)


def _ensure_future(coro_or_future, *, loop=None):
    if isfuture(coro_or_future):
        if loop is not None and loop is not _get_loop(coro_or_future):
            raise ValueError("The future belongs to a different loop than the one specified as the loop argument")
        return coro_or_future
    if not iscoroutine(coro_or_future):
        if hasattr(coro_or_future, "__await__"):
            coro_or_future = _wrap_awaitable(coro_or_future)
        else:
            raise TypeError("An asyncio.Future, a coroutine or an awaitable is required")
    if loop is None:
        loop = get_event_loop()
    return loop.create_task(coro_or_future)


async def _wrap_awaitable(awaitable):
    return await awaitable


class _SleepFuture(Future):
    """_SleepFuture is sleep()'s future; _when is its deadline (the Blocked event's value)."""

    def __init__(self, loop, when):
        self._loop = loop
        self._when = when


class _Sleep0:
    """_Sleep0 is sleep(0): one bare yield, which gives the other ready callbacks a turn."""

    def __await__(self):
        yield


_SLEEP0 = _Sleep0()


async def sleep(delay, result=None):
    """Coroutine that completes after a given time (in seconds)."""
    if delay <= 0:
        await _SLEEP0
        return result
    loop = _running_loops.get(_get_ident())
    if loop is None:
        raise RuntimeError("no running event loop")
    when = _now() + delay
    future = _SleepFuture(loop, when)
    h = loop.call_at(when, _set_result_unless_cancelled, future, result)
    try:
        return await future
    finally:
        if h._scheduled:
            h.cancel()


def _release_waiter(waiter, *args):
    if waiter._state is _PENDING:
        waiter.set_result(None)


class _Partial:
    """_Partial is functools.partial for the callbacks asyncio registers and removes."""

    def __init__(self, func, *args):
        self.func = func
        self.args = args

    def __call__(self, *more):
        return self.func(*self.args, *more)


class _GatheringFuture(Future):
    """Helper for gather(): cancel() cancels the children."""

    def __init__(self, children, *, loop):
        Future.__init__(self, loop=loop)
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self._state is not _PENDING:
            return False
        ret = False
        for child in self._children:
            if child.cancel(msg=msg):
                ret = True
        if ret:
            self._cancel_requested = True
        return ret


def gather(*coros_or_futures, return_exceptions=False):
    """Return a future aggregating results from the given coroutines/futures."""
    if not coros_or_futures:
        loop = get_event_loop()
        outer = loop.create_future()
        outer.set_result([])
        return outer

    def _done_callback(fut):
        nonlocal nfinished
        nfinished += 1
        if outer is None or outer._state is not _PENDING:
            if not fut.cancelled():
                fut.exception()
            return
        if not return_exceptions:
            if fut.cancelled():
                exc = fut._make_cancelled_error()
                outer.set_exception(exc)
                return
            exc = fut.exception()
            if exc is not None:
                outer.set_exception(exc)
                return
        if nfinished == nfuts:
            results = []
            for fut in children:
                if fut.cancelled():
                    res = CancelledError("" if fut._cancel_message is None else fut._cancel_message)
                else:
                    res = fut.exception()
                    if res is None:
                        res = fut.result()
                results.append(res)
            if outer._cancel_requested:
                exc = fut._make_cancelled_error()
                outer.set_exception(exc)
            else:
                outer.set_result(results)

    arg_to_fut = {}
    children = []
    nfuts = 0
    nfinished = 0
    loop = None
    outer = None
    for arg in coros_or_futures:
        if arg not in arg_to_fut:
            fut = _ensure_future(arg, loop=loop)
            if loop is None:
                loop = _get_loop(fut)
            nfuts += 1
            arg_to_fut[arg] = fut
            fut.add_done_callback(_done_callback)
        else:
            fut = arg_to_fut[arg]
        children.append(fut)
    outer = _GatheringFuture(children, loop=loop)
    outer._what = "gather(" + ", ".join(_describe(c) for c in children[:4]) + (", ...)" if len(children) > 4 else ")")
    return outer


def _describe(fut):
    if isinstance(fut, Task):
        return fut._name
    return "Future"


def shield(arg):
    """Wait for a future, shielding it from cancellation."""
    inner = _ensure_future(arg)
    if inner.done():
        return inner
    loop = _get_loop(inner)
    outer = loop.create_future()
    outer._what = "shield(" + _describe(inner) + ")"

    def _inner_done_callback(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()
            return
        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def _outer_done_callback(outer):
        if not inner.done():
            inner.remove_done_callback(_inner_done_callback)

    inner.add_done_callback(_inner_done_callback)
    outer.add_done_callback(_outer_done_callback)
    return outer


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    """Wait for the Futures or Tasks given by fs to complete; returns (done, pending)."""
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f"expect a list of futures, not {type(fs).__name__}")
    if not fs:
        raise ValueError("Set of Tasks/Futures is empty.")
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f"Invalid return_when value: {return_when}")
    fs = set(fs)
    if any(iscoroutine(f) for f in fs):
        raise TypeError("Passing coroutines is forbidden, use tasks explicitly.")
    loop = get_running_loop()
    return await _wait(fs, timeout, return_when, loop)


async def _wait(fs, timeout, return_when, loop):
    waiter = loop.create_future()
    deadline = -1.0 if timeout is None else loop.time() + timeout
    waiter._block = (_BLOCK_SELECT, _wait_description(fs, return_when), deadline)
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    counter = len(fs)

    def _on_completion(f):
        nonlocal counter
        counter -= 1
        if (counter <= 0 or return_when == FIRST_COMPLETED or
                return_when == FIRST_EXCEPTION and (not f.cancelled() and f.exception() is not None)):
            if timeout_handle is not None:
                timeout_handle.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(_on_completion)
    try:
        await waiter
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(_on_completion)
    done, pending = set(), set()
    for f in fs:
        if f.done():
            done.add(f)
        else:
            pending.add(f)
    return done, pending


def _wait_description(fs, return_when):
    names = sorted(_describe(f) for f in fs)
    text = "wait(" + ", ".join(names[:4]) + (", ..." if len(names) > 4 else "")
    if return_when != ALL_COMPLETED:
        text += ", " + return_when
    return text + ")"


async def wait_for(fut, timeout):
    """Wait for the single Future or coroutine to complete, with timeout."""
    loop = get_running_loop()
    if timeout is None:
        return await fut
    if timeout <= 0:
        fut = _ensure_future(fut, loop=loop)
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut, loop=loop)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    waiter = loop.create_future()
    timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    cb = _Partial(_release_waiter, waiter)
    fut = _ensure_future(fut, loop=loop)
    waiter._what = "wait_for(" + _describe(fut) + ")"
    fut.add_done_callback(cb)
    try:
        try:
            await waiter
        except CancelledError:
            if fut.done():
                return fut.result()
            fut.remove_done_callback(cb)
            await _cancel_and_wait(fut, loop=loop)
            raise
        if fut.done():
            return fut.result()
        fut.remove_done_callback(cb)
        await _cancel_and_wait(fut, loop=loop)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    finally:
        timeout_handle.cancel()


async def _cancel_and_wait(fut, loop):
    waiter = loop.create_future()
    waiter._what = _describe(fut)
    cb = _Partial(_release_waiter, waiter)
    fut.add_done_callback(cb)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(cb)


def as_completed(fs, *, timeout=None):
    """Return an iterator whose values are coroutines, in completion order."""
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f"expect an iterable of futures, not {type(fs).__name__}")
    done = Queue()
    loop = get_event_loop()
    todo = {_ensure_future(f, loop=loop) for f in set(fs)}
    timeout_handle = None

    def _on_timeout():
        for f in todo:
            f.remove_done_callback(_on_completion)
            done.put_nowait(None)
        todo.clear()

    def _on_completion(f):
        if not todo:
            return
        todo.remove(f)
        done.put_nowait(f)
        if not todo and timeout_handle is not None:
            timeout_handle.cancel()

    async def _wait_for_one():
        f = await done.get()
        if f is None:
            raise TimeoutError
        return f.result()

    for f in todo:
        f.add_done_callback(_on_completion)
    if todo and timeout is not None:
        timeout_handle = loop.call_later(timeout, _on_timeout)
    for _ in range(len(todo)):
        yield _wait_for_one()


def run_coroutine_threadsafe(coro, loop):
    """Submit a coroutine object to a given event loop; returns a concurrent.futures.Future."""
    if not iscoroutine(coro):
        raise TypeError("A coroutine object is required")
    import concurrent.futures
    future = concurrent.futures.Future()

    def callback():
        try:
            _chain_future(ensure_future(coro, loop=loop), future)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            if future.set_running_or_notify_cancel():
                future.set_exception(exc)
            raise

    loop.call_soon_threadsafe(callback)
    return future


# ---- concurrent.futures interplay (asyncio.futures) ----

def _convert_future_exc(exc):
    import concurrent.futures
    exc_class = type(exc)
    if exc_class is concurrent.futures.CancelledError:
        return CancelledError(*exc.args)
    return exc


def _set_concurrent_future_state(concurrent, source):
    if source.cancelled():
        concurrent.cancel()
    if not concurrent.set_running_or_notify_cancel():
        return
    exception = source.exception()
    if exception is not None:
        concurrent.set_exception(_convert_future_exc(exception))
    else:
        concurrent.set_result(source.result())


def _copy_future_state(source, dest):
    if dest.cancelled():
        return
    if source.cancelled():
        dest.cancel()
    else:
        exception = source.exception()
        if exception is not None:
            dest.set_exception(_convert_future_exc(exception))
        else:
            dest.set_result(source.result())


def _chain_future(source, destination):
    source_loop = _get_loop(source) if isfuture(source) else None
    dest_loop = _get_loop(destination) if isfuture(destination) else None

    def _set_state(future, other):
        if isfuture(future):
            _copy_future_state(other, future)
        else:
            _set_concurrent_future_state(future, other)

    def _call_check_cancel(destination):
        if destination.cancelled():
            if source_loop is None or source_loop is dest_loop:
                source.cancel()
            else:
                source_loop.call_soon_threadsafe(source.cancel)

    def _call_set_state(source):
        if destination.cancelled() and dest_loop is not None and dest_loop.is_closed():
            return
        if dest_loop is None or dest_loop is source_loop:
            _set_state(destination, source)
        else:
            if dest_loop.is_closed():
                return
            dest_loop.call_soon_threadsafe(_set_state, destination, source)

    destination.add_done_callback(_call_check_cancel)
    source.add_done_callback(_call_set_state)


def wrap_future(future, *, loop=None):
    """Wrap concurrent.futures.Future object."""
    if isfuture(future):
        return future
    if loop is None:
        loop = get_event_loop()
    new_future = loop.create_future()
    _chain_future(future, new_future)
    return new_future


async def to_thread(func, /, *args, **kwargs):
    """Asynchronously run function *func* in a separate thread."""
    loop = get_running_loop()
    if _cv._used:
        ctx = _cv.copy_context()
        return await loop.run_in_executor(None, _Call(ctx.run, (func, *args), kwargs))
    return await loop.run_in_executor(None, _Call(func, args, kwargs))


class _Call:
    """_Call is functools.partial(func, *args, **kwargs) for to_thread."""

    def __init__(self, func, args, kwargs):
        self.func = func
        self.args = args
        self.kwargs = kwargs

    def __call__(self):
        return self.func(*self.args, **self.kwargs)


# ---- the event loop (asyncio.base_events) ----

class AbstractEventLoop:
    """Abstract event loop."""


def _run_until_complete_cb(fut):
    if not fut.cancelled():
        exc = fut.exception()
        if isinstance(exc, (SystemExit, KeyboardInterrupt)):
            return
    _get_loop(fut).stop()


class BaseEventLoop(AbstractEventLoop):
    """The event loop: a ready queue, a heap of timers and the kernel as its selector."""

    def __init__(self):
        self._timer_cancelled_count = 0
        self._closed = False
        self._stopping = False
        self._ready = []
        self._spare = []
        self._scheduled = []
        self._whens = []
        self._default_executor = None
        self._thread_id = None
        self._clock_resolution = 1e-09
        self._exception_handler = None
        self._current_task = None
        self._debug = False
        self._io = {}
        self._executor_shutdown_called = False
        # _unretrieved are futures that got an exception: CPython logs the ones nobody
        # retrieved when they are garbage-collected; the playground does at close().
        self._unretrieved = []

    def __repr__(self):
        return f"<{type(self).__name__} running={self.is_running()} closed={self._closed} debug={self._debug}>"

    def time(self):
        """Return the time according to the event loop's clock."""
        return _now()

    def create_future(self):
        """Create a Future object attached to the loop."""
        return Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        """Schedule a coroutine object; return a task object."""
        if self._closed:
            raise RuntimeError("Event loop is closed")
        task = Task(coro, loop=self, name=name, context=context)
        if _SEQUENTIAL and self._current_task is not None:
            self._run_to_completion(task)
        return task

    def _run_to_completion(self, task):
        """--sequential: run the loop until task is done before its creator goes on."""
        if self._thread_id != _get_ident():
            return
        while task._state is _PENDING:
            self._run_once()

    def is_running(self):
        return self._thread_id is not None

    def is_closed(self):
        return self._closed

    def get_debug(self):
        return self._debug

    def set_debug(self, enabled):
        self._debug = enabled

    def _check_closed(self):
        if self._closed:
            raise RuntimeError("Event loop is closed")

    def _check_running(self):
        if self._thread_id is not None:
            raise RuntimeError("This event loop is already running")
        if _get_running_loop() is not None:
            raise RuntimeError("Cannot run the event loop while another loop is running")

    def run_forever(self):
        """Run until stop() is called."""
        self._check_closed()
        self._check_running()
        self._thread_id = _get_ident()
        _set_running_loop(self)
        _k.loop_enter()
        try:
            while True:
                self._run_once()
                if self._stopping:
                    break
        finally:
            _k.loop_exit()
            self._stopping = False
            self._thread_id = None
            _set_running_loop(None)

    def run_until_complete(self, future):
        """Run until the Future is done and return its result."""
        self._check_closed()
        self._check_running()
        new_task = not isfuture(future)
        future = _ensure_future(future, loop=self)
        future.add_done_callback(_run_until_complete_cb)
        try:
            self.run_forever()
        except BaseException:
            if new_task and future.done() and not future.cancelled():
                future.exception()
            raise
        finally:
            future.remove_done_callback(_run_until_complete_cb)
        if not future.done():
            raise RuntimeError("Event loop stopped before Future completed.")
        return future.result()

    def stop(self):
        """Stop running the event loop."""
        self._stopping = True

    def close(self):
        """Close the event loop: pending callbacks are dropped."""
        if self.is_running():
            raise RuntimeError("Cannot close a running event loop")
        if self._closed:
            return
        self._closed = True
        self._ready = []
        self._scheduled = []
        self._whens = []
        self._executor_shutdown_called = True
        executor = self._default_executor
        if executor is not None:
            self._default_executor = None
            executor.shutdown(wait=False)
        _report_unretrieved(self)

    def call_soon(self, callback, *args, context=None):
        """Arrange for a callback to be called as soon as possible."""
        if self._closed:
            raise RuntimeError("Event loop is closed")
        handle = Handle(callback, args, self)
        self._ready.append(handle)
        return handle

    def call_soon_threadsafe(self, callback, *args, context=None):
        """Like call_soon(), but thread-safe: wakes the loop's selector."""
        if self._closed:
            raise RuntimeError("Event loop is closed")
        handle = Handle(callback, args, self)
        self._ready.append(handle)
        if self._thread_id is not None:
            _k.io_wakeup(self._thread_id)
        return handle

    def call_later(self, delay, callback, *args, context=None):
        """Arrange for a callback to be called at a given time."""
        if delay is None:
            raise TypeError("delay must not be None")
        return self.call_at(_now() + delay, callback, *args)

    def call_at(self, when, callback, *args, context=None):
        """Like call_later(), but uses an absolute time."""
        if when is None:
            raise TypeError("when cannot be None")
        if self._closed:
            raise RuntimeError("Event loop is closed")
        timer = TimerHandle(when, callback, args, self)
        _timer_push(self._scheduled, self._whens, timer, when)
        timer._scheduled = True
        return timer

    def _timer_handle_cancelled(self, handle):
        if handle._scheduled:
            self._timer_cancelled_count += 1

    def run_in_executor(self, executor, func, *args):
        """Run func(*args) in executor (the default ThreadPoolExecutor if None)."""
        self._check_closed()
        if executor is None:
            executor = self._default_executor
            if self._executor_shutdown_called:
                raise RuntimeError("Executor shutdown has been called")
            if executor is None:
                import concurrent.futures
                executor = concurrent.futures.ThreadPoolExecutor(thread_name_prefix="asyncio")
                self._default_executor = executor
        return wrap_future(executor.submit(func, *args), loop=self)

    def set_default_executor(self, executor):
        self._default_executor = executor

    async def shutdown_asyncgens(self):
        """Shutdown all active asynchronous generators."""
        return None

    async def shutdown_default_executor(self):
        """Schedule the shutdown of the default executor."""
        self._executor_shutdown_called = True
        if self._default_executor is None:
            return
        import threading
        future = self.create_future()
        future._what = "the default executor's shutdown"
        thread = threading.Thread(target=self._do_shutdown, args=(future,))
        thread.start()
        try:
            await future
        finally:
            thread.join()

    def _do_shutdown(self, future):
        try:
            self._default_executor.shutdown(wait=True)
            if not self.is_closed():
                self.call_soon_threadsafe(future.set_result, None)
        except Exception as ex:
            if not self.is_closed():
                self.call_soon_threadsafe(future.set_exception, ex)

    def get_exception_handler(self):
        return self._exception_handler

    def set_exception_handler(self, handler):
        if handler is not None and not callable(handler):
            raise TypeError(f"A callable object or None is expected, got {handler!r}")
        self._exception_handler = handler

    def default_exception_handler(self, context):
        """Default exception handler: logs the context to stderr."""
        message = context.get("message") or "Unhandled exception in event loop"
        exception = context.get("exception")
        lines = [message]
        for key in sorted(context):
            if key in ("message", "exception"):
                continue
            lines.append(f"{key}: {context[key]!r}")
        _log_error("\n".join(lines), exception)

    def call_exception_handler(self, context):
        """Call the current event loop's exception handler."""
        if self._exception_handler is None:
            try:
                self.default_exception_handler(context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                _log_error("Exception in default exception handler", exc)
        else:
            try:
                self._exception_handler(self, context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self.default_exception_handler({
                    "message": "Unhandled error in exception handler",
                    "exception": exc,
                    "context": context,
                })

    def _io_request(self, method, url, body, future):
        """Start a simulated network request whose response completes future."""
        token = _k.io_request(method, url, body)
        self._io[token] = future
        future._block = (_BLOCK_IO, f"{method} {url}", -1.0)
        return token

    def _run_once(self):
        """One iteration: wait in the selector, move due timers to the ready queue, run it."""
        scheduled = self._scheduled
        whens = self._whens
        sched_count = len(scheduled)
        if (sched_count > _MIN_SCHEDULED_TIMER_HANDLES and
                self._timer_cancelled_count / sched_count > _MIN_CANCELLED_TIMER_HANDLES_FRACTION):
            new_scheduled = []
            new_whens = []
            for handle in scheduled:
                if handle._cancelled:
                    handle._scheduled = False
                else:
                    new_scheduled.append(handle)
                    new_whens.append(handle._when)
            _k.timer_heapify(new_scheduled, new_whens)
            self._scheduled = scheduled = new_scheduled
            self._whens = whens = new_whens
            self._timer_cancelled_count = 0
        else:
            while scheduled and scheduled[0]._cancelled:
                self._timer_cancelled_count -= 1
                handle = _timer_pop(scheduled, whens)
                handle._scheduled = False

        timeout = None
        if self._ready or self._stopping:
            timeout = 0
        elif scheduled:
            timeout = min(max(0, whens[0] - _now()), MAXIMUM_SELECT_TIMEOUT)
            # The selector is epoll: it waits whole milliseconds, rounded up (selectors.py).
            ms = timeout * 1000.0
            whole = ms // 1
            timeout = (whole + 1 if whole < ms else whole) / 1000
        completed = _io_wait(timeout)
        if completed:
            self._process_events(completed)

        ready = self._ready
        end_time = _now() + self._clock_resolution
        while whens:
            if whens[0] >= end_time:
                break
            handle = _timer_pop(scheduled, whens)
            handle._scheduled = False
            ready.append(handle)

        # The batch runs from its own list, so callbacks it schedules wait for the next
        # iteration; two lists take turns so neither is reallocated every iteration.
        spare = self._spare
        self._spare = None
        self._ready = [] if spare is None else spare
        _loop_iteration(_ready_ids(ready), len(ready))
        ready.reverse()
        pop = ready.pop
        while ready:
            handle = pop()
            if type(handle) is tuple:
                # (callback, arg): a future's done callback or a task step, which nothing can cancel.
                try:
                    handle[0](handle[1])
                except (SystemExit, KeyboardInterrupt):
                    raise
                except BaseException as exc:
                    Handle(handle[0], (handle[1],), self)._report(exc)
                continue
            if handle._cancelled:
                continue
            try:
                handle._callback(*handle._args)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                handle._report(exc)
        self._spare = ready

    def _process_events(self, tokens):
        io = self._io
        ready = self._ready
        for token in tokens:
            future = io.pop(token, None)
            if future is not None:
                ready.append(Handle(_complete_request, (future, token), self))


class _UnixSelectorEventLoop(BaseEventLoop):
    """The event loop asyncio.run() and new_event_loop() create (CPython's class name on Unix)."""


SelectorEventLoop = _UnixSelectorEventLoop


def _complete_request(future, token):
    """_complete_request is the reader callback of a finished simulated request."""
    result = _k.io_result(token)
    if future._state is _PENDING:
        future.set_result(result)


def _report_unretrieved(loop):
    """_report_unretrieved logs "Task exception was never retrieved" as CPython's Future.__del__ does."""
    unretrieved = loop._unretrieved
    loop._unretrieved = []
    for fut in unretrieved:
        if fut._log_traceback:
            fut._log_traceback = False
            loop.call_exception_handler({
                "message": f"{type(fut).__name__} exception was never retrieved",
                "exception": fut._exception,
                "future": fut,
            })


# ---- running a coroutine (asyncio.runners) ----

class Runner:
    """A context manager that controls event loop life cycle."""

    def __init__(self, *, debug=None, loop_factory=None):
        self._state = "created"
        self._debug = debug
        self._loop_factory = loop_factory
        self._loop = None
        self._set_event_loop = False

    def __enter__(self):
        self._lazy_init()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.close()

    def close(self):
        """Shutdown and close event loop."""
        if self._state != "initialized":
            return
        try:
            loop = self._loop
            _cancel_all_tasks(loop)
            loop.run_until_complete(Task(loop.shutdown_asyncgens(), loop=loop, _machinery=True))
            loop.run_until_complete(Task(loop.shutdown_default_executor(), loop=loop, _machinery=True))
        finally:
            if self._set_event_loop:
                set_event_loop(None)
            loop.close()
            self._loop = None
            self._state = "closed"

    def get_loop(self):
        """Return embedded event loop."""
        self._lazy_init()
        return self._loop

    def run(self, coro, *, context=None):
        """Run a coroutine inside the embedded event loop."""
        if not iscoroutine(coro):
            raise ValueError("a coroutine was expected, got {!r}".format(coro))
        if _get_running_loop() is not None:
            raise RuntimeError("Runner.run() cannot be called from a running event loop")
        self._lazy_init()
        task = self._loop.create_task(coro, context=context)
        return self._loop.run_until_complete(task)

    def _lazy_init(self):
        if self._state == "closed":
            raise RuntimeError("Runner is closed")
        if self._state == "initialized":
            return
        if self._loop_factory is None:
            self._loop = new_event_loop()
            if not self._set_event_loop:
                set_event_loop(self._loop)
                self._set_event_loop = True
        else:
            self._loop = self._loop_factory()
        if self._debug is not None:
            self._loop.set_debug(self._debug)
        self._state = "initialized"


def run(main, *, debug=None):
    """Execute the coroutine and return the result."""
    if _get_running_loop() is not None:
        raise RuntimeError("asyncio.run() cannot be called from a running event loop")
    with Runner(debug=debug) as runner:
        return runner.run(main)


def _cancel_all_tasks(loop):
    to_cancel = all_tasks(loop)
    if not to_cancel:
        return
    for task in to_cancel:
        task.cancel()
    loop.run_until_complete(gather(*to_cancel, return_exceptions=True))
    for task in to_cancel:
        if task.cancelled():
            continue
        if task.exception() is not None:
            loop.call_exception_handler({
                "message": "unhandled exception during asyncio.run() shutdown",
                "exception": task.exception(),
                "task": task,
            })


# ---- timeouts (asyncio.timeouts) ----

class Timeout:
    """Asynchronous context manager for cancelling overdue coroutines."""

    def __init__(self, when):
        self._state = "created"
        self._timeout_handler = None
        self._task = None
        self._when = when

    def when(self):
        """Return the current deadline."""
        return self._when

    def reschedule(self, when):
        """Reschedule the timeout."""
        if self._state != "active":
            raise RuntimeError(f"Cannot change state of {self._state} Timeout")
        self._when = when
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
        if when is None:
            self._timeout_handler = None
        else:
            loop = get_running_loop()
            if when <= loop.time():
                self._timeout_handler = loop.call_soon(self._on_timeout)
            else:
                self._timeout_handler = loop.call_at(when, self._on_timeout)

    def expired(self):
        """Is timeout expired during execution?"""
        return self._state in ("expiring", "expired")

    def __repr__(self):
        info = [""]
        if self._state == "active":
            when = round(self._when, 3) if self._when is not None else None
            info.append(f"when={when}")
        return f"<Timeout [{self._state}]{' '.join(info)}>"

    async def __aenter__(self):
        self._state = "active"
        self._task = current_task()
        if self._task is None:
            raise RuntimeError("Timeout should be used inside a task")
        self.reschedule(self._when)
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
            self._timeout_handler = None
        if self._state == "expiring":
            self._state = "expired"
            if self._task.uncancel() == 0 and exc_type is CancelledError:
                raise TimeoutError
        elif self._state == "active":
            self._state = "finished"
        return None

    def _on_timeout(self):
        self._task.cancel()
        self._state = "expiring"
        self._timeout_handler = None


def timeout(delay):
    """Timeout async context manager: cancel the block after delay seconds (None: never)."""
    loop = get_running_loop()
    return Timeout(loop.time() + delay if delay is not None else None)


def timeout_at(when):
    """Schedule the timeout at absolute time (loop.time() clock)."""
    return Timeout(when)


# ---- task groups (asyncio.taskgroups) ----

try:
    _BaseExceptionGroup = BaseExceptionGroup
except NameError:
    class BaseExceptionGroup(BaseException):
        """A combination of multiple unrelated exceptions (for engines without the built-in)."""

        __module__ = "builtins"

        def __new__(cls, message, exceptions):
            if cls is BaseExceptionGroup and all(isinstance(e, Exception) for e in exceptions):
                cls = ExceptionGroup
            return BaseException.__new__(cls, message, exceptions)

        def __init__(self, message, exceptions):
            BaseException.__init__(self, message, list(exceptions))
            self.message = message
            self.exceptions = tuple(exceptions)

        def __str__(self):
            n = len(self.exceptions)
            return f"{self.message} ({n} sub-exception{'s' if n != 1 else ''})"

    class ExceptionGroup(BaseExceptionGroup, Exception):
        """A combination of multiple unrelated exceptions (for engines without the built-in)."""

        __module__ = "builtins"

    _BaseExceptionGroup = BaseExceptionGroup


class TaskGroup:
    """Asynchronous context manager for managing a group of tasks."""

    def __init__(self):
        self._entered = False
        self._exiting = False
        self._aborting = False
        self._loop = None
        self._parent_task = None
        self._parent_cancel_requested = False
        self._tasks = set()
        self._errors = []
        self._base_error = None
        self._on_completed_fut = None

    def __repr__(self):
        info = [""]
        if self._tasks:
            info.append(f"tasks={len(self._tasks)}")
        if self._errors:
            info.append(f"errors={len(self._errors)}")
        if self._aborting:
            info.append("cancelling")
        elif self._entered:
            info.append("entered")
        return f"<TaskGroup{' '.join(info)}>"

    async def __aenter__(self):
        if self._entered:
            raise RuntimeError(f"TaskGroup {self!r} has been already entered")
        self._entered = True
        if self._loop is None:
            self._loop = get_running_loop()
        self._parent_task = current_task(self._loop)
        if self._parent_task is None:
            raise RuntimeError(f"TaskGroup {self!r} cannot determine the parent task")
        return self

    async def __aexit__(self, et, exc, tb):
        self._exiting = True
        if exc is not None and self._is_base_error(exc) and self._base_error is None:
            self._base_error = exc
        propagate_cancellation_error = exc if et is CancelledError else None
        if self._parent_cancel_requested:
            if self._parent_task.uncancel() == 0:
                propagate_cancellation_error = None
        if et is not None:
            if not self._aborting:
                self._abort()
        while self._tasks:
            if self._on_completed_fut is None:
                self._on_completed_fut = self._loop.create_future()
                self._on_completed_fut._what = "TaskGroup(" + ", ".join(sorted(t._name for t in self._tasks)) + ")"
            try:
                await self._on_completed_fut
            except CancelledError as ex:
                if not self._aborting:
                    propagate_cancellation_error = ex
                    self._abort()
            self._on_completed_fut = None
        if self._base_error is not None:
            raise self._base_error
        if propagate_cancellation_error and not self._errors:
            raise propagate_cancellation_error
        if et is not None and et is not CancelledError:
            self._errors.append(exc)
        if self._errors:
            try:
                me = _BaseExceptionGroup("unhandled errors in a TaskGroup", self._errors)
                raise me from None
            finally:
                self._errors = None

    def create_task(self, coro, *, name=None, context=None):
        """Create a new task in this group and return it."""
        if not self._entered:
            raise RuntimeError(f"TaskGroup {self!r} has not been entered")
        if self._exiting and not self._tasks:
            raise RuntimeError(f"TaskGroup {self!r} is finished")
        if self._aborting:
            raise RuntimeError(f"TaskGroup {self!r} is shutting down")
        if name is not None and iscoroutine(coro):
            _next_task_name()
        task = self._loop.create_task(coro, name=name, context=context)
        task.add_done_callback(self._on_task_done)
        self._tasks.add(task)
        return task

    def _is_base_error(self, exc):
        return isinstance(exc, (SystemExit, KeyboardInterrupt))

    def _abort(self):
        self._aborting = True
        for t in self._tasks:
            if not t.done():
                t.cancel()

    def _on_task_done(self, task):
        self._tasks.discard(task)
        if self._on_completed_fut is not None and not self._tasks:
            if not self._on_completed_fut.done():
                self._on_completed_fut.set_result(True)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is None:
            return
        self._errors.append(exc)
        if self._is_base_error(exc) and self._base_error is None:
            self._base_error = exc
        if self._parent_task.done():
            self._loop.call_exception_handler({
                "message": f"Task {task!r} has errored out but its parent task {self._parent_task} is already completed",
                "exception": exc,
                "task": task,
            })
            return
        if not self._aborting and not self._parent_cancel_requested:
            self._abort()
            self._parent_cancel_requested = True
            self._parent_task.cancel()


# ---- synchronisation primitives (asyncio.locks) ----

class _LoopBoundMixin:
    _loop = None

    def _get_loop(self):
        loop = _get_running_loop()
        if self._loop is None:
            self._loop = loop
        if loop is not self._loop:
            raise RuntimeError(f"{self!r} is bound to a different event loop")
        return loop

    def _waiter(self, reason):
        fut = Future(loop=self._get_loop())
        fut._block = (reason, self, -1.0)
        return fut


class _ContextManagerMixin:
    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


def _object_repr(obj):
    return f"<asyncio.locks.{type(obj).__name__} object at {id(obj):#x}"


class Lock(_ContextManagerMixin, _LoopBoundMixin):
    """Primitive lock objects."""

    def __init__(self):
        self._waiters = None
        self._locked = False

    def __repr__(self):
        extra = "locked" if self._locked else "unlocked"
        if self._waiters:
            extra = f"{extra}, waiters:{len(self._waiters)}"
        return f"{_object_repr(self)} [{extra}]>"

    def locked(self):
        """Return True if lock is acquired."""
        return self._locked

    async def acquire(self):
        """Acquire a lock."""
        if not self._locked and (self._waiters is None or all(w.cancelled() for w in self._waiters)):
            self._locked = True
            return True
        if self._waiters is None:
            self._waiters = []
        fut = self._waiter(_BLOCK_LOCK)
        self._waiters.append(fut)
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if not self._locked:
                self._wake_up_first()
            raise
        self._locked = True
        return True

    def release(self):
        """Release a lock."""
        if self._locked:
            self._locked = False
            self._wake_up_first()
        else:
            raise RuntimeError("Lock is not acquired.")

    def _wake_up_first(self):
        if not self._waiters:
            return
        fut = self._waiters[0]
        if not fut.done():
            fut.set_result(True)


class Event(_LoopBoundMixin):
    """Asynchronous equivalent to threading.Event."""

    def __init__(self):
        self._waiters = []
        self._value = False

    def __repr__(self):
        extra = "set" if self._value else "unset"
        if self._waiters:
            extra = f"{extra}, waiters:{len(self._waiters)}"
        return f"{_object_repr(self)} [{extra}]>"

    def is_set(self):
        """Return True if and only if the internal flag is true."""
        return self._value

    def set(self):
        """Set the internal flag to true; all waiting coroutines are awakened."""
        if not self._value:
            self._value = True
            for fut in self._waiters:
                if not fut.done():
                    fut.set_result(True)

    def clear(self):
        """Reset the internal flag to false."""
        self._value = False

    async def wait(self):
        """Block until the internal flag is true."""
        if self._value:
            return True
        fut = self._waiter(_BLOCK_EVENT)
        self._waiters.append(fut)
        try:
            await fut
            return True
        finally:
            self._waiters.remove(fut)


class Condition(_ContextManagerMixin, _LoopBoundMixin):
    """Asynchronous equivalent to threading.Condition."""

    def __init__(self, lock=None):
        if lock is None:
            lock = Lock()
        self._lock = lock
        self.locked = lock.locked
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = []

    def __repr__(self):
        extra = "locked" if self.locked() else "unlocked"
        if self._waiters:
            extra = f"{extra}, waiters:{len(self._waiters)}"
        return f"{_object_repr(self)} [{extra}]>"

    async def wait(self):
        """Wait until notified."""
        if not self.locked():
            raise RuntimeError("cannot wait on un-acquired lock")
        self.release()
        try:
            fut = self._waiter(_BLOCK_CONDITION)
            self._waiters.append(fut)
            try:
                await fut
                return True
            finally:
                self._waiters.remove(fut)
        finally:
            cancelled = False
            while True:
                try:
                    await self.acquire()
                    break
                except CancelledError:
                    cancelled = True
            if cancelled:
                raise CancelledError

    async def wait_for(self, predicate):
        """Wait until a predicate becomes true."""
        result = predicate()
        while not result:
            await self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        """Wake up at most n tasks waiting on this condition."""
        if not self.locked():
            raise RuntimeError("cannot notify on un-acquired lock")
        idx = 0
        for fut in self._waiters:
            if idx >= n:
                break
            if not fut.done():
                idx += 1
                fut.set_result(False)

    def notify_all(self):
        """Wake up all tasks waiting on this condition."""
        self.notify(len(self._waiters))


class Semaphore(_ContextManagerMixin, _LoopBoundMixin):
    """A Semaphore implementation."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("Semaphore initial value must be >= 0")
        self._waiters = None
        self._value = value

    def __repr__(self):
        extra = "locked" if self.locked() else f"unlocked, value:{self._value}"
        if self._waiters:
            extra = f"{extra}, waiters:{len(self._waiters)}"
        return f"{_object_repr(self)} [{extra}]>"

    def locked(self):
        """Returns True if semaphore cannot be acquired immediately."""
        return self._value == 0 or any(not w.cancelled() for w in (self._waiters or ()))

    async def acquire(self):
        """Acquire a semaphore."""
        if not self.locked():
            self._value -= 1
            return True
        if self._waiters is None:
            self._waiters = []
        fut = self._waiter(_BLOCK_SEMAPHORE)
        self._waiters.append(fut)
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if not fut.cancelled():
                self._value += 1
                self._wake_up_next()
            raise
        if self._value > 0:
            self._wake_up_next()
        return True

    def release(self):
        """Release a semaphore, incrementing the internal counter by one."""
        self._value += 1
        self._wake_up_next()

    def _wake_up_next(self):
        if not self._waiters:
            return
        for fut in self._waiters:
            if not fut.done():
                self._value -= 1
                fut.set_result(True)
                return


class BoundedSemaphore(Semaphore):
    """A bounded semaphore implementation."""

    def __init__(self, value=1):
        self._bound_value = value
        Semaphore.__init__(self, value)

    def release(self):
        if self._value >= self._bound_value:
            raise ValueError("BoundedSemaphore released too many times")
        Semaphore.release(self)


class Barrier(_LoopBoundMixin):
    """Asyncio equivalent to threading.Barrier."""

    def __init__(self, parties):
        if parties < 1:
            raise ValueError("parties must be > 0")
        self._cond = Condition()
        self._parties = parties
        self._state = "filling"
        self._count = 0

    def __repr__(self):
        extra = self._state
        if not self.broken:
            extra += f", waiters:{self.n_waiting}/{self.parties}"
        return f"{_object_repr(self)} [{extra}]>"

    async def __aenter__(self):
        return await self.wait()

    async def __aexit__(self, *args):
        pass

    async def wait(self):
        """Wait for the barrier; returns this task's arrival index."""
        async with self._cond:
            await self._block()
            try:
                index = self._count
                self._count += 1
                if index + 1 == self._parties:
                    await self._release()
                else:
                    await self._wait()
                return index
            finally:
                self._count -= 1
                self._exit()

    async def _block(self):
        await self._cond.wait_for(lambda: self._state not in ("draining", "resetting"))
        if self._state == "broken":
            raise BrokenBarrierError("Barrier aborted")

    async def _release(self):
        self._state = "draining"
        self._cond.notify_all()

    async def _wait(self):
        await self._cond.wait_for(lambda: self._state != "filling")
        if self._state in ("broken", "resetting"):
            raise BrokenBarrierError("Abort or reset of barrier")

    def _exit(self):
        if self._count == 0:
            if self._state in ("resetting", "draining"):
                self._state = "filling"
            self._cond.notify_all()

    async def reset(self):
        """Reset the barrier to the initial state."""
        async with self._cond:
            if self._count > 0:
                if self._state != "resetting":
                    self._state = "resetting"
            else:
                self._state = "filling"
            self._cond.notify_all()

    async def abort(self):
        """Place the barrier into a 'broken' state."""
        async with self._cond:
            self._state = "broken"
            self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        if self._state == "filling":
            return self._count
        return 0

    @property
    def broken(self):
        return self._state == "broken"


# ---- queues (asyncio.queues) ----

class Queue(_LoopBoundMixin):
    """A queue, useful for coordinating producer and consumer coroutines."""

    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._getters = []
        self._putters = []
        self._unfinished_tasks = 0
        self._finished = Event()
        self._finished.set()
        self._init(maxsize)

    def _init(self, maxsize):
        self._queue = []
        self._head = 0

    def _get(self):
        queue = self._queue
        item = queue[self._head]
        queue[self._head] = None
        self._head += 1
        if self._head * 2 >= len(queue):
            del queue[:self._head]
            self._head = 0
        return item

    def _put(self, item):
        self._queue.append(item)

    def _items(self):
        return self._queue[self._head:]

    def _wakeup_next(self, waiters):
        while waiters:
            waiter = waiters.pop(0)
            if not waiter.done():
                waiter.set_result(None)
                break

    def __repr__(self):
        return f"<{type(self).__name__} at {id(self):#x} {self._format()}>"

    def __str__(self):
        return f"<{type(self).__name__} {self._format()}>"

    def _format(self):
        result = f"maxsize={self._maxsize!r}"
        if self.qsize():
            result += f" _queue={self._items()!r}"
        if self._getters:
            result += f" _getters[{len(self._getters)}]"
        if self._putters:
            result += f" _putters[{len(self._putters)}]"
        if self._unfinished_tasks:
            result += f" tasks={self._unfinished_tasks}"
        return result

    def qsize(self):
        """Number of items in the queue."""
        return len(self._queue) - self._head

    @property
    def maxsize(self):
        """Number of items allowed in the queue."""
        return self._maxsize

    def empty(self):
        """Return True if the queue is empty, False otherwise."""
        return self.qsize() == 0

    def full(self):
        """Return True if there are maxsize items in the queue."""
        if self._maxsize <= 0:
            return False
        return self.qsize() >= self._maxsize

    async def put(self, item):
        """Put an item into the queue, waiting while it is full."""
        while self.full():
            putter = self._waiter(_BLOCK_QUEUE)
            self._putters.append(putter)
            try:
                await putter
            except BaseException:
                putter.cancel()
                if putter in self._putters:
                    self._putters.remove(putter)
                if not self.full() and not putter.cancelled():
                    self._wakeup_next(self._putters)
                raise
        return self.put_nowait(item)

    def put_nowait(self, item):
        """Put an item into the queue without blocking; QueueFull if no slot is free."""
        if self.full():
            raise QueueFull
        self._put(item)
        self._unfinished_tasks += 1
        self._finished.clear()
        self._wakeup_next(self._getters)

    async def get(self):
        """Remove and return an item from the queue, waiting while it is empty."""
        while self.empty():
            getter = self._waiter(_BLOCK_QUEUE)
            self._getters.append(getter)
            try:
                await getter
            except BaseException:
                getter.cancel()
                if getter in self._getters:
                    self._getters.remove(getter)
                if not self.empty() and not getter.cancelled():
                    self._wakeup_next(self._getters)
                raise
        return self.get_nowait()

    def get_nowait(self):
        """Remove and return an item if one is immediately available, else raise QueueEmpty."""
        if self.empty():
            raise QueueEmpty
        item = self._get()
        self._wakeup_next(self._putters)
        return item

    def task_done(self):
        """Indicate that a formerly enqueued task is complete."""
        if self._unfinished_tasks <= 0:
            raise ValueError("task_done() called too many times")
        self._unfinished_tasks -= 1
        if self._unfinished_tasks == 0:
            self._finished.set()

    async def join(self):
        """Block until all items in the queue have been gotten and processed."""
        if self._unfinished_tasks > 0:
            fut_owner = self._finished
            fut_owner._join_of = self
            await fut_owner.wait()


class PriorityQueue(Queue):
    """A subclass of Queue; retrieves entries in priority order (lowest first)."""

    def _init(self, maxsize):
        self._queue = []
        self._head = 0

    def _put(self, item):
        _heappush(self._queue, item)

    def _get(self):
        return _heappop(self._queue)


class LifoQueue(Queue):
    """A subclass of Queue that retrieves most recently added entries first."""

    def _init(self, maxsize):
        self._queue = []
        self._head = 0

    def _put(self, item):
        self._queue.append(item)

    def _get(self):
        return self._queue.pop()
