# except*: SyntaxError for return inside an except* block
def f():
    try:
        pass
    except* ValueError:
        return 1
