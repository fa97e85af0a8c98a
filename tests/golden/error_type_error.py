# Uncaught TypeError from mixing str and int inside a method.
class Cart:
    def __init__(self):
        self.items = []
    def add(self, name, qty):
        self.items.append((name, qty))
    def summary(self):
        lines = []
        for name, qty in self.items:
            lines.append(name + ": " + qty)
        return lines
cart = Cart()
cart.add("apple", 3)
print(len(cart.items))
print(cart.summary())
