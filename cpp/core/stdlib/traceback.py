"""traceback: print and format exceptions and the current stack with the text the
playground prints for an uncaught error (CPython 3.11's layout, without ~~~^^^ lines).
Traceback objects are not kept: an exception carries its own frames, so the tb arguments
are accepted and ignored, and walk_tb/extract_tb are not available."""
import sys
import _interleave

_sentinel = object()


def _value(exc, value):
    if value is _sentinel:
        return exc
    return value


def _chunks(text):
    """_chunks splits traceback text as CPython's format_exception lists it: one string per
    frame (its File line and source line), one per other line."""
    out = []
    for line in text.splitlines(True):
        if line.startswith("    ") and out and out[-1].startswith("  File "):
            out[-1] += line
        else:
            out.append(line)
    return out


def format_exception_only(exc, /, value=_sentinel):
    value = _value(exc, value)
    if value is None:
        return ["NoneType: None\n"]
    text = _interleave.format_exception(value)
    return [text.splitlines(True)[-1]]


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    value = _value(exc, value)
    if value is None:
        return ["NoneType: None\n"]
    return _chunks(_interleave.format_exception(value))


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    if file is None:
        file = sys.stderr
    for chunk in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(chunk, file=file, end="")


def format_exc(limit=None, chain=True):
    return "".join(format_exception(sys.exc_info()[1], limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    print_exception(sys.exc_info()[1], limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    raise ValueError("no last exception")


def _user_stack():
    frames = sys._stack()
    while frames and frames[-1][0] == "<frozen traceback>":
        frames.pop()
    return frames


def format_list(extracted_list):
    out = []
    for filename, lineno, name, line in extracted_list:
        row = '  File "%s", line %d, in %s\n' % (filename, lineno, name)
        if line:
            row += "    %s\n" % line
        out.append(row)
    return out


def extract_stack(f=None, limit=None):
    frames = _user_stack()
    if limit is not None:
        frames = frames[-limit:] if limit >= 0 else frames[:-limit]
    return [_FrameSummary(*f) for f in frames]


def format_stack(f=None, limit=None):
    return format_list(extract_stack(f, limit))


def print_stack(f=None, limit=None, file=None):
    if file is None:
        file = sys.stderr
    for row in format_stack(f, limit):
        print(row, file=file, end="")


class _FrameSummary:
    def __init__(self, filename, lineno, name, line):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self.line = line

    def __iter__(self):
        return iter((self.filename, self.lineno, self.name, self.line))

    def __getitem__(self, index):
        return (self.filename, self.lineno, self.name, self.line)[index]

    def __len__(self):
        return 4

    def __repr__(self):
        return "<FrameSummary file %s, line %d in %s>" % (self.filename, self.lineno, self.name)


FrameSummary = _FrameSummary
