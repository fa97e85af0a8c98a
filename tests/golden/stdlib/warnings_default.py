# warnings: default filters print each warning once per location to stderr; catch_warnings(record=True); error filter
import warnings


def old_api():
    warnings.warn("old_api() is deprecated; use new_api()", DeprecationWarning, stacklevel=2)
    return 1


for i in range(3):
    warnings.warn("something odd")
old_api()
warnings.warn("runtime trouble", RuntimeWarning)
warnings.warn("pending", PendingDeprecationWarning)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("recorded", UserWarning)
    old_api()
    print(len(caught), [str(w.message) for w in caught], caught[0].category.__name__, caught[1].category.__name__)
    print(caught[0].lineno, caught[1].lineno)
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    warnings.warn("silenced")
warnings.filterwarnings("error", category=RuntimeWarning)
try:
    warnings.warn("now an error", RuntimeWarning)
except RuntimeWarning as e:
    print("caught", repr(e))
warnings.warn("still printed")
try:
    warnings.simplefilter("loud")
except AssertionError as e:
    print(e)
print("done")
