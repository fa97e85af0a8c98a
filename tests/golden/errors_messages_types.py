# Messages of TypeError and AttributeError for common mistakes, caught and printed.
def show(fn):
    try:
        fn()
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
show(lambda: 1 + "a")
show(lambda: "a" + 1)
show(lambda: "a" - "b")
show(lambda: [1] + (2,))
show(lambda: 1 < "a")
show(lambda: [1] < 2)
show(lambda: -"a")
show(lambda: len(5))
five = 5
text = "abc"
show(lambda: five())
show(lambda: text())
show(lambda: None.attr)
show(lambda: (1).missing)
show(lambda: "s".nope())
show(lambda: [].push(1))
show(lambda: {}[[]])
show(lambda: {[1]: 2})
show(lambda: set([[1]]))
show(lambda: text[1.5])
pair = [1, 2]
show(lambda: pair["0"])
show(lambda: sum(["a", "b"]))
show(lambda: sorted([1, "a"]))
show(lambda: "x" * "y")
show(lambda: [1, 2] * 2.0)
def s():
    t = (1, 2)
    t[0] = 5
show(s)
def s2():
    st = "abc"
    st[0] = "z"
show(s2)
show(lambda: iter(5))
show(lambda: next([1]))
show(lambda: abs("x"))
class Thing:
    pass
show(lambda: Thing().missing)
show(lambda: Thing.missing)
show(lambda: Thing() < Thing())
show(lambda: Thing() + 1)
show(lambda: len(Thing()))
