# match statement: IndentationError for a case without a body
match 1:
    case 1:
    pass
