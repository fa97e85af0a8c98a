# Special methods: __str__, __repr__, __eq__, __lt__ (sorting), __len__, arithmetic, __contains__, __getitem__.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def __str__(self):
        return f"({self.x}, {self.y})"
    def __eq__(self, other):
        return isinstance(other, Point) and self.x == other.x and self.y == other.y
    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)
    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)
p = Point(1, 2)
print(p, repr(p), str(p), [p], f"{p}", f"{p!r}")
print(p == Point(1, 2), p != Point(2, 1), p == "other", p + Point(10, 10))
pts = [Point(3, 1), Point(1, 5), Point(1, 2)]
print(sorted(pts), min(pts), max(pts))
pts.sort(reverse=True)
print(pts)
print(Point(0, 0) in pts, Point(1, 2) in pts)
class Playlist:
    def __init__(self, songs):
        self.songs = list(songs)
    def __len__(self):
        return len(self.songs)
    def __getitem__(self, i):
        return self.songs[i]
    def __contains__(self, song):
        return song in self.songs
pl = Playlist(["a", "b", "c"])
print(len(pl), pl[1], pl[-1], "b" in pl, "z" in pl, bool(pl), bool(Playlist([])))
class OnlyStr:
    def __str__(self):
        return "only str"
o = OnlyStr()
print(o, str(o))
class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"
r = OnlyRepr()
print(r, str(r), [r])
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __eq__(self, other):
        return self.cents == other.cents
    def __lt__(self, other):
        return self.cents < other.cents
    def __le__(self, other):
        return self.cents <= other.cents
    def __gt__(self, other):
        return self.cents > other.cents
    def __repr__(self):
        return f"${self.cents / 100:.2f}"
print(Money(150) < Money(200), Money(150) <= Money(150), Money(3) > Money(2), Money(1) == Money(1))
print(sorted([Money(500), Money(5), Money(50)], reverse=True))
class Truthy:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        return self.v > 0
print(bool(Truthy(1)), bool(Truthy(0)), "yes" if Truthy(5) else "no")
