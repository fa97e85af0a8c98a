# match statement: SyntaxError for a wildcard that is not the last case
match 5:
    case _:
        pass
    case 1:
        pass
