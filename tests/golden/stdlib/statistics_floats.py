# statistics: exact-fraction results on many float and int samples (mean, fmean, median, variance, stdev, quantiles) match CPython bit for bit
import random
import statistics
from fractions import Fraction

random.seed(8)
for trial in range(60):
    n = random.randint(2, 12)
    if trial % 3 == 0:
        data = [random.randint(-50, 50) for _ in range(n)]
    elif trial % 3 == 1:
        data = [round(random.uniform(-100, 100), random.randint(0, 6)) for _ in range(n)]
    else:
        data = [random.random() * 10 ** random.randint(-5, 5) for _ in range(n)]
    print(trial, statistics.mean(data), statistics.fmean(data), statistics.median(data),
          statistics.median_low(data), statistics.median_high(data))
    print("  ", statistics.variance(data), statistics.pvariance(data), statistics.stdev(data),
          statistics.pstdev(data))
    print("  ", statistics.quantiles(data), statistics.quantiles(data, n=5, method="inclusive"),
          statistics.median_grouped(sorted(int(x) for x in data)))
print(statistics.mean([Fraction(1, 3), 2, 0.5]), statistics.variance([Fraction(1, 3), 2, 5]))
print(statistics.mean([1e308, 1e308]), statistics.stdev([1e-300, 2e-300, 3e-300]))
print(statistics.mode([1.5, 2.5, 2.5]), statistics.multimode([3, 1, 3, 1, 2]))
