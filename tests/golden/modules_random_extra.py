# More of the random module with a fixed seed.
# optional: random functions beyond the core list
import random
random.seed(99)
print(random.randrange(10), random.randrange(5, 50, 5), random.sample(range(20), 4))
print(random.choices("abc", k=5), random.getrandbits(16))
print(round(random.gauss(0, 1), 6))
