# Uncaught IndexError reading past the end of a list in a loop.
scores = [90, 85, 77]
for i in range(4):
    print("score", i, scores[i])
