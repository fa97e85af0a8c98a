# match statement: SyntaxError for a name capture that is not the last case
print("never printed")
match 5:
    case x:
        print(x)
    case 1:
        print("one")
