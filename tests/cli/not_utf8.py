# Latin-1 bytes without a coding declaration: CPython refuses the file, and so does the engine
print("café")
