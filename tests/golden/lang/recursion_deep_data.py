# Deep data: repr, str, print, ==, <, hash, copy, json and isinstance on structures 100,000 levels deep raise RecursionError
import copy
import json

nested = []
for i in range(100000):
    nested = [nested]
other = []
for i in range(100000):
    other = [other]


def attempt(label, action):
    try:
        action()
        print(label, "finished")
    except RecursionError as error:
        print(label, "RecursionError:", error)


attempt("repr", lambda: repr(nested))
attempt("str", lambda: str(nested))
attempt("print", lambda: print(nested))
attempt("format", lambda: "{}".format(nested))
attempt("==", lambda: nested == other)
attempt("<", lambda: nested < other)
attempt("sorted", lambda: sorted([nested, other]))

pairs = {}
for i in range(100000):
    pairs = {"inner": pairs}
attempt("dict repr", lambda: repr(pairs))

shallow = copy.copy(nested)
print("copy.copy", len(shallow), shallow[0] is nested[0])
try:
    copy.deepcopy(nested)
except RecursionError:
    print("deepcopy RecursionError")
try:
    json.dumps(nested)
except RecursionError:
    print("json.dumps RecursionError")

kinds = int
for i in range(100000):
    kinds = (kinds,)
try:
    isinstance(1, kinds)
except RecursionError:
    print("isinstance RecursionError")
try:
    issubclass(bool, kinds)
except RecursionError:
    print("issubclass RecursionError")
print(isinstance(1, ((((int,),),),)), issubclass(bool, (str, (int,))))

short = []
for i in range(50):
    short = [short]
print(repr(short) == "[" * 51 + "]" * 51, short == copy.deepcopy(short))
