# Uncaught user-defined exception raised three calls deep; the line is the innermost raise.
class InventoryError(Exception):
    pass
def take(stock, item):
    if stock.get(item, 0) == 0:
        raise InventoryError(f"out of {item}")
    stock[item] -= 1
def fulfil(stock, items):
    for item in items:
        take(stock, item)
        print("took", item)
def main():
    stock = {"bolt": 2, "nut": 1}
    fulfil(stock, ["bolt", "nut", "bolt", "nut"])
main()
