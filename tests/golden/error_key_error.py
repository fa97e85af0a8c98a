# Uncaught KeyError; the message is the repr of the missing key.
prices = {"apple": 1.25, "pear": 0.75}
order = ["apple", "pear", "mango"]
total = 0
for item in order:
    total += prices[item]
    print(f"{item}: {total:.2f}")
