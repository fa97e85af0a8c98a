# match statement: SyntaxError for a duplicate literal key in a mapping pattern
match {}:
    case {"k": 1, "k": 2}:
        pass
