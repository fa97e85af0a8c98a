# engine-only: a list far beyond the playground's memory limit raises MemoryError instead of allocating
print("before")
huge = [0] * 1_000_000_000
print(len(huge))
