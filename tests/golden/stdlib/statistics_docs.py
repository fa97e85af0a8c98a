# statistics: the examples of the statistics module's documentation (averages, spread, quantiles, NormalDist, errors)
from statistics import *
from fractions import Fraction as F
import statistics

print(mean([1, 2, 3, 4, 4]))
print(mean([-1.0, 2.5, 3.25, 5.75]))
print(mean([F(3, 7), F(1, 21), F(5, 3), F(1, 3)]))
print(fmean([3.5, 4.0, 5.25]))
grades = [85, 92, 83, 91]
weights = [0.20, 0.20, 0.30, 0.30]
print(fmean(grades, weights))
print(round(geometric_mean([54, 24, 36]), 1))
print(harmonic_mean([2.5, 5, 10]))
print(harmonic_mean([40, 60], weights=[5, 30]))
print(median([1, 3, 5]), median([1, 3, 5, 7]))
print(median_low([1, 3, 5]), median_low([1, 3, 5, 7]))
print(median_high([1, 3, 5]), median_high([1, 3, 5, 7]))
print(median_grouped([52, 52, 53, 54]))
print(median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5]))
print(median_grouped([1, 3, 3, 5, 7], interval=1), median_grouped([1, 3, 3, 5, 7], interval=2))
print(mode([1, 1, 2, 3, 3, 3, 3, 4]))
print(mode(["red", "blue", "blue", "red", "green", "red", "red"]))
print(multimode('aabbbbccddddeeffffgg'))
print(multimode([]))
print(pstdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]))
data = [0.0, 0.25, 0.25, 1.25, 1.5, 1.75, 2.75, 3.25]
print(pvariance(data))
mu = mean(data)
print(pvariance(data, mu))
print(pvariance([F(1, 4), F(5, 4), F(1, 2)]))
print(stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]))
data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
print(variance(data))
m = mean(data)
print(variance(data, m))
print(variance([F(1, 6), F(1, 2), F(5, 3)]))
data = [105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110,
        100, 75, 105, 103, 109, 76, 119, 99, 91, 103, 129,
        106, 101, 84, 111, 74, 87, 86, 103, 103, 106, 86,
        111, 75, 87, 102, 121, 111, 88, 89, 101, 106, 95,
        103, 107, 101, 81, 109, 104]
print([round(q, 1) for q in quantiles(data, n=10)])
print(quantiles(data), quantiles(data, n=5, method='inclusive'), quantiles([1, 2], n=3))
print(mean([1, 2, 3.5]), mean([True, False, True]), median([F(1, 2), F(1, 3)]), mean(range(10)))
print(stdev([1, 2, 3, 4]), pstdev(range(10)), variance([1, 1, 2, 5]), pvariance([1, 2]))
print(stdev([F(1, 2), F(3, 2), F(7, 4)]))

for func, arg in [(mean, []), (median, []), (mode, []), (stdev, [1]), (variance, [5]),
                  (pvariance, []), (quantiles, [1]), (harmonic_mean, [-1, 2]), (fmean, [])]:
    try:
        func(arg)
    except StatisticsError as e:
        print(func.__name__, "StatisticsError:", e)
try:
    quantiles([1, 2, 3], n=0)
except StatisticsError as e:
    print("StatisticsError:", e)
try:
    quantiles([1, 2, 3], method='bad')
except ValueError as e:
    print("ValueError:", e)
try:
    mean(["a", "b"])
except TypeError as e:
    print("TypeError:", e)
print(issubclass(StatisticsError, ValueError))

x = [1, 2, 3, 4, 5, 6, 7, 8, 9]
y = [1, 2, 3, 1, 2, 3, 1, 2, 3]
print(covariance(x, y), correlation(x, x), round(correlation(x, y), 12))
temperature_feb = NormalDist.from_samples([4, 18, 21, -3, 0, 5, -2, 7, 9])
print(temperature_feb.mean, round(temperature_feb.stdev, 12))
print(round(temperature_feb.cdf(3) - temperature_feb.cdf(-1), 12))
sat = NormalDist(1060, 195)
fraction = sat.cdf(1200 + 0.5) - sat.cdf(1100 - 0.5)
print(round(fraction * 100.0, 1))
print(list(map(round, sat.quantiles())))
print(list(map(round, sat.quantiles(n=10))))
print(NormalDist(10, 2) + 5, NormalDist(10, 2) * 3, NormalDist(2.5, 1).pdf(2.5))
print(NormalDist(2.4, 1.6).overlap(NormalDist(3.2, 2.0)))
print(NormalDist(0, 1).inv_cdf(0.975), NormalDist(100, 15).zscore(130))
