# finditer is lazy: matches come one at a time, pos/endpos bound the scan, empty matches
# advance, and a bad subject fails at the call. (The re docs' tokenizer, which drives
# finditer, is in stdlib/re_docs_examples.py.)
import re

words = re.compile(r"\w+")
it = words.finditer("the quick brown fox", 4, 15)
print(next(it).span(), next(it).group(), [m.group() for m in it], list(it))
print([m.span() for m in re.finditer(r"a*", "baaab")])
print(sum(1 for _ in re.finditer(r"\d", "a1b22c333" * 1000)))
try:
    re.finditer(r"a", 5)
except TypeError as e:
    print("TypeError:", e)
