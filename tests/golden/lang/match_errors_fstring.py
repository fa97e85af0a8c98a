# match statement: SyntaxError for an f-string pattern
match "a":
    case f"a":
        pass
