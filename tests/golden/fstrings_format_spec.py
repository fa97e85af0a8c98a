# f-strings with format specs: precision, width, alignment, zero padding, grouping, conversions.
x = 3.14159
n = 42
s = "abc"
big = 1234567
print(f"{x:.2f}|{x:.0f}|{x:8.3f}|{-x:.1f}")
print(f"[{n:>5}]|[{n:<5}]|[{n:^5}]|[{n:5}]")
print(f"[{s:<10}]|[{s:>10}]|[{s:^10}]|[{s:10}]")
print(f"{n:05d}|{-n:05d}|{7:03}|{n:d}")
print(f"{big:,}|{-big:,}|{1234.5:,}|{big:,.2f}|{999:,}")
print(f"{s!r}|{n!r}|{x!r}|{'q'!s}")
print(f"{n:+d}|{-n:+d}|{x:+.2f}")
print(f"{0.5:.0f}|{1.5:.0f}|{2.5:.0f}|{2.675:.2f}")
print(f"{1e6:.1f}|{1/3:.5f}|{100:.2f}")
print(f"[{x:>10.2f}]|[{x:<10.2f}]|[{x:^10.2f}]")
items = [("apple", 1.5, 3), ("kiwi", 0.25, 12)]
for name, price, qty in items:
    print(f"{name:<8}{price:>6.2f}{qty:>4}")
print(f"{'nested ' + s.upper()}|{n * 2}|{[1, 2][-1]}|{ {'k': 1}['k'] }")
print(f"{{literal braces}} {n}")
print(f"{True}|{None}|{[1, 'a']}|{(1,)}")
print(f"{x}|{n}|{s}")
print(f"{3.0}|{1e20}|{0.1 + 0.2}")
print(f"{n!r:>6}|{s!r:<7}|")
print(f"{'multi'}" f"{'part'}" "plain")
