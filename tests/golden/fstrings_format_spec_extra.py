# f-string specs beyond the basics: fill characters, bases, percent, exponent, nested widths.
# optional: format specs beyond the core list
x = 3.14159
n = 42
s = "abc"
print(f"{n:x}|{n:X}|{n:b}|{n:o}")
print(f"{0.25:.1%}|{0.125:%}")
print(f"{12345.678:e}|{0.00012:.2e}")
width = 8
prec = 3
print(f"[{x:{width}.{prec}f}]")
print(f"[{s:*^9}]|[{n:-<6}]|[{n:0>4}]")
