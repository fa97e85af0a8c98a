# logging.exception and exc_info append the traceback of the exception being handled
# engine-only: CPython names the file by its absolute path in tracebacks and adds ^^^ lines; .out is CPython's output with the file named main.py and no caret lines
import logging
import sys

logging.basicConfig(stream=sys.stdout, format="%(levelname)s %(message)s")


def parse(text):
    return int(text)


try:
    parse("forty-two")
except ValueError:
    logging.exception("could not parse")
try:
    raise KeyError("missing")
except KeyError as e:
    logging.error("lookup failed: %s", e, exc_info=True)
logging.warning("no exception here", exc_info=False)
