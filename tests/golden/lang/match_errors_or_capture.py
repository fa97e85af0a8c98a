# match statement: SyntaxError for an irrefutable alternative that is not last
match 3:
    case x | 1:
        pass
