# engine-only: an unknown module fails when the import runs, after earlier output
print("before import")
from pandas import get
print(get)
