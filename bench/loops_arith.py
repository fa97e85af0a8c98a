# Benchmark: nested loops doing integer and float arithmetic.
total = 0
acc = 0.0
for i in range(6000):
    for j in range(800):
        total = (total + i * j + (i ^ j)) % 1000003
        if j % 7 == 3:
            acc += (i - j) / 3.0
print(total, round(acc, 3))
