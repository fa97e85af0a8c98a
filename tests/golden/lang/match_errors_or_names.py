# match statement: SyntaxError when OR alternatives bind different names
match [1]:
    case [x] | (x, y):
        pass
