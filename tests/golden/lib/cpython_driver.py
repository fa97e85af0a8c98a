"""Run one golden program under CPython as __main__ and report an uncaught error as data.

Usage: python3 cpython_driver.py PROGRAM.py

stdout is exactly the program's stdout. On an uncaught exception the usual traceback goes
to stderr, followed by one line `GOLDEN-ERROR {"type": ..., "message": ..., "line": N}`:
type as the traceback's last line names it, message is str(exc) (without the "Did you
mean" hints CPython's printer appends), line is the innermost frame inside PROGRAM.py.
The last stderr line is always `GOLDEN-ELAPSED seconds`: wall time from the program's start
until it and its non-daemon threads have ended, without interpreter start-up.

The wall clock starts where the playground's does: at the program's start it reads
2024-01-01 00:00:00 UTC (time.time() == 1704067200.0) and runs at the real rate, in UTC.
Only the epoch moves; the time functions and the formatting are CPython's own. A program
with the header `# clock: datetime` reads the clock through datetime (now(), today()): it
gets CPython's pure-Python datetime, which reads time.time(); others keep the C module.
"""
import json
import os
import runpy
import sys
import threading
import time
import traceback


def type_name(exc):
    cls = type(exc)
    module = cls.__module__
    if module in ("__main__", "builtins"):
        return cls.__qualname__
    return f"{module}.{cls.__qualname__}"


def innermost_line(exc, path):
    if isinstance(exc, SyntaxError) and exc.filename and os.path.abspath(exc.filename) == path:
        return exc.lineno or 0
    line = 0
    tb = exc.__traceback__
    while tb is not None:
        if os.path.abspath(tb.tb_frame.f_code.co_filename) == path:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def join_threads():
    """join_threads waits for non-daemon threads, as interpreter shutdown would."""
    for thread in threading.enumerate():
        if thread is not threading.current_thread() and not thread.daemon:
            thread.join()


def report_elapsed(started):
    sys.stdout.flush()
    sys.stderr.write(f"GOLDEN-ELAPSED {time.perf_counter() - started:.6f}\n")
    sys.stderr.flush()


PLAYGROUND_EPOCH = 1704067200.0


def start_wall_clock(uses_datetime_clock):
    """start_wall_clock shifts time.time() and its readers so that now is PLAYGROUND_EPOCH, in UTC."""
    os.environ["TZ"] = "UTC"
    time.tzset()
    real_time, real_time_ns = time.time, time.time_ns
    shift_ns = int(PLAYGROUND_EPOCH * 1e9) - real_time_ns()
    # staticmethod: stored on a class (logging.Formatter.converter) they stay unbound, as built-ins do.
    time.time_ns = staticmethod(lambda: real_time_ns() + shift_ns)
    time.time = staticmethod(lambda: (real_time_ns() + shift_ns) / 1e9)
    for name in ("localtime", "gmtime", "ctime"):
        real = getattr(time, name)
        setattr(time, name, staticmethod(lambda secs=None, real=real: real(time.time() if secs is None else secs)))
    real_strftime, real_asctime = time.strftime, time.asctime
    time.strftime = staticmethod(lambda format, t=None: real_strftime(format, time.localtime() if t is None else t))
    time.asctime = staticmethod(lambda t=None: real_asctime(time.localtime() if t is None else t))
    if uses_datetime_clock:
        sys.modules["_datetime"] = None


def use_spawn():
    """use_spawn runs multiprocessing as the playground models it: the "spawn" start method,
    with children's output unbuffered so it interleaves with the parent's in time order."""
    import multiprocessing.context
    # The default context's own default, so a program may still call set_start_method().
    multiprocessing.context._default_context._default_context = multiprocessing.context._concrete_contexts["spawn"]
    os.environ["PYTHONUNBUFFERED"] = "1"
    sys.stdout.reconfigure(line_buffering=True)


def main():
    path = os.path.abspath(sys.argv[1])
    sys.argv = [path]
    with open(path, encoding="utf-8") as f:
        source = f.read()
    start_wall_clock(any(line.startswith("# clock: datetime") for line in source.splitlines()))
    if "multiprocessing" in source or "ProcessPoolExecutor" in source:
        use_spawn()
    started = time.perf_counter()
    try:
        runpy.run_path(path, run_name="__main__")
    except SystemExit as exc:
        # At top level CPython ends normally for code None or 0, else without a traceback.
        if exc.code is not None and exc.code != 0:
            sys.stdout.flush()
            if not isinstance(exc.code, int):
                sys.stderr.write(f"{exc.code}\n")
            record = {"type": "SystemExit", "message": str(exc), "line": innermost_line(exc, path)}
            sys.stderr.write("GOLDEN-ERROR " + json.dumps(record) + "\n")
            join_threads()
            report_elapsed(started)
            sys.exit(1)
    except BaseException as exc:
        sys.stdout.flush()
        traceback.print_exception(exc)
        message = exc.msg if isinstance(exc, SyntaxError) else str(exc)
        record = {"type": type_name(exc), "message": message, "line": innermost_line(exc, path)}
        sys.stderr.write("GOLDEN-ERROR " + json.dumps(record) + "\n")
        join_threads()
        report_elapsed(started)
        sys.exit(1)
    join_threads()
    report_elapsed(started)


if __name__ == "__main__":
    main()
