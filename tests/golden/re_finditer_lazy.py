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

# Matches are scanned in chunks of 256: spans, pos and endpos across the chunk boundaries,
# with empty matches (which must not repeat where one ended) falling on them.
s = "ab" * 700 + "x" * 3
for pat in [r"", r"a*", r"b|", r"(a)(b)?", r"x*", r"\b", r"(?=a)"]:
    ms = list(re.finditer(pat, s))
    print(pat, len(ms), [m.span() for m in ms][250:262], ms[-1].span(), ms[-1].pos, ms[-1].endpos)
ms = list(re.compile("a|").finditer(s, 5, 900))
print(len(ms), ms[0].pos, ms[-1].endpos, [m.span() for m in ms][254:259])
u = "é" + "ab" * 400
print(len(list(re.finditer("", u))), [m.group() for m in re.finditer("b*", u)][250:260])
