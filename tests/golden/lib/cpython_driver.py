"""Run one golden program under CPython as __main__ and report an uncaught error as data.

Usage: python3 cpython_driver.py PROGRAM.py

stdout is exactly the program's stdout. On an uncaught exception the usual traceback goes
to stderr, followed by one line `GOLDEN-ERROR {"type": ..., "message": ..., "line": N}`:
type as the traceback's last line names it, message is str(exc) (without the "Did you
mean" hints CPython's printer appends), line is the innermost frame inside PROGRAM.py.
"""
import json
import os
import runpy
import sys
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


def main():
    path = os.path.abspath(sys.argv[1])
    sys.argv = [path]
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
        sys.stderr.flush()
        sys.exit(1)


if __name__ == "__main__":
    main()
