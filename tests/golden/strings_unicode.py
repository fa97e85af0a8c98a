# Non-ASCII text: length, indexing and slicing count code points, not bytes.
# optional: code-point indexing of non-ASCII text
s = "caf\u00e9 \u00fcber na\u00efve"
print(s, len(s))
print(s[3], s[-5:], s[::-1])
print(repr("caf\u00e9"), s.upper())
print("\u00e9" in s, s.find("\u00fc"), s.count("\u00e9"))
print("\u2603 snowman", len("\u2603"), "\U0001F600" == "\U0001F600", len("\U0001F600"))
print([c for c in "h\u00e9!"])
