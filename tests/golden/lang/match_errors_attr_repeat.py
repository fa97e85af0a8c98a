# match statement: SyntaxError for a repeated keyword in a class pattern
class P:
    pass
match P():
    case P(a=1, a=2):
        pass
