# Uncaught ValueError from int() on bad input in a helper.
def parse_all(fields):
    return [int(f) for f in fields]
print(parse_all(["1", "2"]))
print(parse_all(["3", "four", "5"]))
