# Many lines of output, to exercise output buffering and streaming.
for i in range(2000):
    print(i, i * i, "x" * (i % 7))
print("end")
