# Benchmark: building strings with concatenation, f-strings, join and methods.
parts = []
line = ""
count = 0
for i in range(1200000):
    word = f"item{i % 97:03d}"
    line += word[::-1].upper() + ","
    if len(line) > 200:
        parts.append(line.strip(","))
        count += line.count("M")
        line = ""
text = "\n".join(parts)
print(len(text), count, text[:24])
