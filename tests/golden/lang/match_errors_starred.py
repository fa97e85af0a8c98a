# match statement: SyntaxError for two starred names in a sequence pattern
match [1, 2]:
    case [*a, *b]:
        pass
