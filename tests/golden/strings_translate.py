# str.translate and str.maketrans: the three forms of maketrans, tables that are dicts, lists or any __getitem__, and their errors
t = str.maketrans("abc", "xyz", "d")
print(sorted(t.items()))
print("abcd".translate(t))
print("hello".translate({ord("l"): None, ord("h"): "J"}))
print(str.maketrans({"a": "1", 98: None}))
print("héllo wörld".translate(str.maketrans("éö", "eo")))
class Upper:
    def __getitem__(self, k):
        if chr(k) in "aeiou":
            return chr(k).upper()
        raise LookupError
print("translate me".translate(Upper()))
print("abc".translate([None, None]))
print("\x00\x01z".translate([None, "ONE"]))
for bad in [lambda: "a".translate({97: 3.5}), lambda: "a".translate({97: -1}), lambda: str.maketrans("ab", "c"),
            lambda: str.maketrans({"ab": 1}), lambda: str.maketrans([1]), lambda: str.maketrans("a", 1), lambda: str.maketrans({1.5: 2})]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
# The Python docs' own example (library/stdtypes: str.translate with maketrans)
import string
print("Hello, World!".translate(str.maketrans("", "", string.punctuation)))
