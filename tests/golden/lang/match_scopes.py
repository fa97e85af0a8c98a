# match statement: captures in closures, generators, class bodies, walrus in guards, deep nesting, 1/True/3.0 equality rules
def outer(v):
    match v:
        case [x, *ys] if (total := x + sum(ys)) > 3:
            return lambda: (x, ys, total)
        case {"k": (1 | 2) as k} | {"j": k}:
            return lambda: k
        case _:
            return lambda: None
print(outer([1, 2, 3])())
print(outer({"k": 2})())
print(outer({"j": "jj"})())
print(outer(0)())
def gen(items):
    for it in items:
        match it:
            case int(n) if n % 2:
                yield "odd", n
            case int(n):
                yield "even", n
            case str() | bytes() as s:
                yield "text", s
print(list(gen([1, 2, "a", b"b", 3.0])))
class C:
    match 1:
        case 1:
            inside = "class body"
print(C.inside)
match {"a": {"b": [1, {"c": 2}]}}:
    case {"a": {"b": [_, {"c": value}]}}:
        print("deep", value)
match 3.0:
    case 3:
        print("3.0 == 3")
match True:
    case 1:
        print("True == 1 matches literal 1")
match 1:
    case True:
        print("wrong")
    case _:
        print("1 is not True")
x = [1, 2]
match x:
    case [1, 2, *_] | [0]:
        print("or with star")
