# raise ... from ... and the __cause__ attribute.
# optional: raise ... from and __cause__
class ConfigError(Exception):
    pass
def load(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError("bad config") from e
try:
    load("x")
except ConfigError as e:
    print(e, type(e.__cause__).__name__, e.__cause__)
try:
    raise ConfigError("no cause") from None
except ConfigError as e:
    print(e, e.__cause__)
