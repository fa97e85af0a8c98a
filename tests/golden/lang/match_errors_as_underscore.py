# match statement: SyntaxError for `as _`
match 1:
    case 1 as _:
        pass
