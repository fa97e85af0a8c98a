"""Run one golden program under CPython as __main__ and report an uncaught error as data.

Usage: python3 cpython_driver.py PROGRAM.py

stdout is exactly the program's stdout. On an uncaught exception the usual traceback goes
to stderr, followed by one line `GOLDEN-ERROR {"type": ..., "message": ..., "line": N}`:
type as the traceback's last line names it, message is str(exc) (without the "Did you
mean" hints CPython's printer appends), line is the innermost frame inside PROGRAM.py.
The last stderr line is always `GOLDEN-ELAPSED seconds`: wall time from the program's start
until it and its non-daemon threads have ended, without interpreter start-up.
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


def main():
    path = os.path.abspath(sys.argv[1])
    sys.argv = [path]
    started = time.perf_counter()
    try:
        runpy.run_path(path, run_name="__main__")
    except SystemExit:
        raise
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
