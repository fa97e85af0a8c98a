# match statement: SyntaxError for two assignments to one name in a pattern
match (1, 2):
    case (x, x):
        pass
