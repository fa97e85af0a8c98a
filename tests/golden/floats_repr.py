# Float arithmetic and the shortest-repr printing of floats.
print(0.1 + 0.2)
print(1e20, 1e16, 1e15, 1e-4, 1e-5)
print(1.0, 2.5, -0.0, 100.0, 123456789.0)
print(1 / 3, 2 / 3, 10 / 3)
print(float('inf'), float('-inf'), -float('inf'))
print(float('nan'))
print(3.14159, 2.718281828459045)
print(1e22, 1.5e300, 5e-324)
print(0.1 * 3, 0.3)
print(7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2)
print(2.0 ** 0.5, 2 ** 0.5, 4 ** 0.5)
print(float("3.25"), float(" -1.5 "), float(7), float("1e3"))
print(repr(1.1), str(1.1))
print([0.1, 0.25, 1e100])
x = 0.0
for _ in range(10):
    x += 0.1
print(x, x == 1.0, abs(x - 1.0) < 1e-9)
print(3 * 1.5, 10 / 4, 9 / 3)
print(1e308 * 10, -1e308 * 10)
print(float('inf') > 1e308, float('nan') == float('nan'))
print(round(3.7), round(-3.7), type(round(3.7)))
print(int(1e15), int(2.5e3))
