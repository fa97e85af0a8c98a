# engine-only: string methods that build a huge result in one step check the memory limit as they grow
print("before")
try:
    ("\t" * 1000).expandtabs(10**9)
except MemoryError:
    print("expandtabs: MemoryError")
chunks = ["x" * 1_000_000] * 1000
try:
    ",".join(chunks * 100)
except MemoryError:
    print("join: MemoryError")
print("after", len(",".join(chunks[:3])))
