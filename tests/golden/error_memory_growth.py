# engine-only: growing a list of distinct strings past the memory limit raises MemoryError
print("growing")
chunk = "x" * 1000
data = []
i = 0
while True:
    data.append(chunk + str(i))
    i += 1
