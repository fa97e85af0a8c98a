# match statement: SyntaxError for positional patterns after keyword ones
class P:
    pass
match P():
    case P(a=1, b):
        pass
