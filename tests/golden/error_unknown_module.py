import numpy as np
# engine-only: numpy is not available in the playground (CPython may or may not have it)
print(np.zeros(3))
