# traceback: format_exc, format_exception, format_exception_only, print_exc to stdout, print_stack
import sys
import traceback


def fail():
    raise RuntimeError("something broke")


try:
    fail()
except RuntimeError:
    text = traceback.format_exc()
    lines = text.splitlines()
    print(lines[0])
    print(lines[-1])
    print(len(lines), text.endswith("\n"))
    print(traceback.format_exception_only(sys.exc_info()[1]))
    chunks = traceback.format_exception(*sys.exc_info())
    print(len(chunks), chunks[0], end="")
    print(chunks[-1], end="")
try:
    {}["key"]
except KeyError as e:
    print(traceback.format_exception_only(type(e), e))
print(repr(traceback.format_exc()))
print(traceback.format_exception_only(ValueError("never raised")))
print("".join(traceback.format_exception(ValueError("never raised"))), end="")
