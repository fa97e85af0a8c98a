# printf-style % formatting.
# optional: printf-style % formatting
print("%d items" % 5)
print("%s is %d years" % ("Ann", 30))
print("%.2f|%5d|%-5d|%05d" % (3.14159, 42, 42, 42))
print("%s|%r" % ("x", "x"))
print("%x|%o|%e" % (255, 8, 12345.678))
print("100%% sure" % ())
print("%(a)s-%(b)s" % {"a": 1, "b": 2})
