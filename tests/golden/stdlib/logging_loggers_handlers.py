# logging: getLogger hierarchy, levels, handlers, formatters ('%' and '{' styles), propagate, filters, adapters, extra
import logging
import sys

logging.basicConfig(stream=sys.stdout, level=logging.DEBUG)
logging.debug("This message should appear on the console")
logging.info("So should %s", "this")
logging.warning("And this, too: %d%%", 100)
logging.error("a dict arg: %(user)s", {"user": "ada"})
logging.log(logging.CRITICAL, "critical via log()")

logger = logging.getLogger("app.db")
print(logger, logger.parent, logging.getLogger("app"), logger.parent is logging.getLogger("app"))
print(logging.getLogger() is logging.root, logging.getLogger("app.db") is logger, logger.name)
print(logger.getEffectiveLevel(), logger.isEnabledFor(logging.DEBUG), logging.getLevelName(logger.getEffectiveLevel()))
logger.setLevel(logging.WARNING)
logger.info("filtered out")
logger.warning("disk %d%% full", 93)

handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter("%(levelname)-8s| %(name)s | %(funcName)s:%(lineno)d | %(message)s"))
child = logging.getLogger("app.db.pool")
child.addHandler(handler)
child.propagate = False


def connect():
    child.error("connection %s refused", "db1")


connect()
child.propagate = True
child.warning("twice: mine and the root's")
child.removeHandler(handler)

brace = logging.StreamHandler(sys.stdout)
brace.setFormatter(logging.Formatter("{levelname}:{name}:{message!r}", style="{"))
other = logging.getLogger("svc")
other.addHandler(brace)
other.propagate = False
other.warning("brace style")
dollar = logging.Formatter("$levelname - ${message}", style="$")
brace.setFormatter(dollar)
other.warning("dollar style")


class OnlyEven(logging.Filter):
    def filter(self, record):
        return record.args[0] % 2 == 0


brace.setFormatter(logging.Formatter("%(message)s [%(user)s]"))
brace.addFilter(OnlyEven())
for i in range(4):
    other.warning("item %d", i, extra={"user": "bob"})
brace.filters.clear()
adapter = logging.LoggerAdapter(other, {"user": "carol"})
adapter.warning("through an adapter")
print(repr(adapter), repr(brace), repr(logging.root))
print(logging.getLevelName(20), logging.getLevelName("INFO"), logging.getLevelName(33), logging.WARN, logging.FATAL)
logging.addLevelName(25, "NOTICE")
logging.log(25, "custom level")
logging.disable(logging.WARNING)
logging.warning("disabled")
logging.disable(logging.NOTSET)
logging.warning("enabled again")
try:
    logging.basicConfig(force=True, stream=sys.stdout, bad=1)
except ValueError as e:
    print("ValueError:", e)
try:
    logging.Formatter("%(message)s", style="x")
except ValueError as e:
    print("ValueError:", e)
try:
    logger.setLevel("LOUD")
except ValueError as e:
    print("ValueError:", e)
