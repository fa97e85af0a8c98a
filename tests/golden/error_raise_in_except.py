# An exception raised while handling another: the new one is reported.
def parse(s):
    try:
        return int(s)
    except ValueError:
        raise RuntimeError(f"cannot parse {s!r}")
print(parse("12"))
print(parse("twelve"))
