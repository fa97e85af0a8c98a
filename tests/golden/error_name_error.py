# Uncaught NameError for a name that exists nowhere.
def compute():
    subtotal = 10
    return subtotal + undefined_tax_amount
print("computing")
print(compute())
