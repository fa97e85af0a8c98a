# Less central str methods a playground program still reaches for.
# optional: str methods beyond the core list
s = "  padded  "
print("[" + s.lstrip() + "]", "[" + s.rstrip() + "]")
print("Hello, World".index("W"), "banana".rfind("a"), "banana".rindex("n"))
print("42".isdigit(), "4a".isdigit(), "abc".isalpha(), "ab1".isalpha(), "a1".isalnum())
print("  ".isspace(), "ABC".isupper(), "abc".islower())
print("hello world".title(), "hello".capitalize(), "Hello".swapcase())
print("7".zfill(3), "-7".zfill(4), "ab".ljust(5, "."), "ab".rjust(5, "."), "ab".center(6, "*"))
print("a b c".rsplit(" ", 1), "x\ny\n".splitlines())
print("report.txt".endswith((".txt", ".md")), "img.png".startswith(("a", "b")))
print("a\tb".expandtabs(4) == "a   b")
print(ord("A"), chr(97), ord("z") - ord("a"))
