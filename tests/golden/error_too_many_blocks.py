# A with statement of 30 context managers is CPython's "too many statically nested blocks"
import contextlib
print("never printed")
with contextlib.nullcontext(), contextlib.nullcontext(), contextlib.nullcontext(), contextlib.nullcontext(), contextlib.nullcontext(), contextlib.nullcontext(), contextlib.nullcontext(), contextlib.nullcontext(), contextlib.nullcontext(), contextlib.nullcontext(), contextlib.nullcontext(), contextlib.nullcontext(), contextlib.nullcontext(), contextlib.nullcontext(), contextlib.nullcontext(), contextlib.nullcontext(), contextlib.nullcontext(), contextlib.nullcontext(), contextlib.nullcontext(), contextlib.nullcontext(), contextlib.nullcontext(), contextlib.nullcontext(), contextlib.nullcontext(), contextlib.nullcontext(), contextlib.nullcontext(), contextlib.nullcontext(), contextlib.nullcontext(), contextlib.nullcontext(), contextlib.nullcontext(), contextlib.nullcontext():
    print("inside")
