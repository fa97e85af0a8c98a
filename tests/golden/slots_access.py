# __slots__: unset and deleted slots raise, subclasses with and without their own slots,
# a member descriptor under a second name, and no attribute outside the slots.
class P:
    __slots__ = ('x', 'y')
    def __init__(self, x):
        self.x = x
for i in range(3):
    p = P(i)
    try:
        print(p.y)
    except AttributeError as e:
        print('AttributeError', e)
    p.y = i * 2
    print(p.x, p.y)
    del p.x
    try:
        p.x
    except AttributeError as e:
        print('AttributeError', e)
    p.x = 5
    print(p.x)
class Q(P):
    __slots__ = ('z',)
class R(P):
    pass
for o in [P(1), Q(2), R(3)]:
    o.y = 7
    print(type(o).__name__, o.x, o.y)
    if isinstance(o, R):
        o.w = 9; print(o.w, o.__dict__)
P.alias = P.x
p = P(11); print(p.alias); p.alias = 12; print(p.x)
try:
    P(1).nope = 3
except AttributeError as e:
    print('AttributeError', e)
