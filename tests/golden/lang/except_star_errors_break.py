# except*: SyntaxError for break inside an except* block
for i in range(3):
    try:
        pass
    except* ValueError:
        break
