# User-defined exception classes: hierarchies, extra attributes, custom __init__ and __str__.
class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"not found: {key}")
        self.key = key
class Invalid(AppError):
    def __init__(self, field, reason):
        self.field = field
        self.reason = reason
        super().__init__(field, reason)
    def __str__(self):
        return f"{self.field} is invalid ({self.reason})"
def lookup(d, key):
    if key not in d:
        raise NotFound(key)
    return d[key]
try:
    lookup({}, "x")
except AppError as e:
    print(type(e).__name__, e, e.key, e.args)
try:
    raise Invalid("age", "negative")
except NotFound:
    print("wrong")
except AppError as e:
    print(e, e.args, e.field)
for exc in [NotFound("a"), Invalid("b", "c"), AppError("plain"), ValueError("builtin")]:
    try:
        raise exc
    except AppError as e:
        print("app:", e)
    except Exception as e:
        print("other:", e)
print(issubclass(NotFound, AppError), issubclass(NotFound, Exception), isinstance(NotFound("k"), AppError))
class Retry(Exception):
    def __init__(self, attempts):
        super().__init__(attempts)
        self.attempts = attempts
def flaky(n):
    if n < 3:
        raise Retry(n)
    return "ok on attempt " + str(n)
n = 0
while True:
    n += 1
    try:
        print(flaky(n))
        break
    except Retry as r:
        print("retrying after", r.attempts, "->", r)
class Empty(Exception):
    pass
try:
    raise Empty
except Empty as e:
    print(repr(str(e)), e.args, type(e).__name__)
print(repr(NotFound("z")), repr(Empty()))
