# hostile: source that is not UTF-8: a Latin-1 byte in a comment with no coding declaration is refused as CPython refuses it.
# error: SyntaxError: Non-UTF-8 code starting with '\xe9' in file main.py on line 4, but no encoding declared; see https://peps.python.org/pep-0263/ for details
# seconds: 10
# café
print('unreachable')
