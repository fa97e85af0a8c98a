# engine-only: the playground rejects `match` at compile time, so nothing runs
print("never printed: the program does not compile")
command = "go"
match command:
    case "go":
        print("going")
    case _:
        print("unknown")
