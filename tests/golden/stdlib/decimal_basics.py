# decimal: construction, str/repr and scientific notation, arithmetic, comparisons, hashing, quantize, functions, format.
from decimal import Decimal, ROUND_HALF_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, getcontext
from fractions import Fraction

for text in ['0', '-0', '1.50', '123.456', '1e3', '1E+3', '-1.2e-7', '0.000001', '0.0000001', '12345678901234567890.5',
             '  42  ', '1_000_000', 'inf', '-Infinity', 'nan', 'sNaN12', '.5', '5.', '-0E-3', '100E-10', '1.23E+20']:
    d = Decimal(text)
    print(repr(text), repr(d), str(d), d.to_eng_string(), d.as_tuple())
print(Decimal(0.1), Decimal(-2.5), Decimal(1e300).adjusted(), Decimal(-0.0), Decimal(7), Decimal(-12345678901234567890123))
print(Decimal((1, (1, 2, 5), -2)), Decimal((0, (), 'F')), Decimal.from_float(0.25), Decimal(Decimal('4.20')))

a, b = Decimal('10.25'), Decimal('3')
print(a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b), -a, +a, abs(-a), a ** 2, b ** -2, Decimal(2) ** 100)
print(Decimal('-7') // 2, Decimal('-7') % 2, divmod(Decimal(-7), 2), Decimal(7) % Decimal('-2.5'))
print(a + 1, 1 + a, 2 * a, 10 / b, 2 ** Decimal(3), Decimal('1.1') ** 3, Decimal('0.1') + Decimal('0.2'))
print(Decimal('1.30') + Decimal('1.20'), Decimal('1.30') * Decimal('1.20'), Decimal('12') / Decimal('4'), Decimal('1') / Decimal('8'))
print(Decimal(1) / Decimal(3), Decimal(2) / Decimal(3), Decimal('100') / Decimal('0.01'), Decimal('5E+3') + 1)

print(Decimal('1.0') == Decimal('1.00'), Decimal(1) == 1, Decimal('0.5') == 0.5, Decimal('0.1') == 0.1,
      Decimal('0.5') == Fraction(1, 2), Decimal(1) < 2, Decimal('2.5') > Fraction(9, 4), Decimal('nan') == Decimal('nan'))
print(hash(Decimal('1.0')) == hash(1), hash(Decimal('0.5')) == hash(0.5), hash(Decimal('0.25')) == hash(Fraction(1, 4)),
      hash(Decimal(-1)), hash(Decimal('Infinity')), len({Decimal('1'), Decimal('1.00'), 1}))
print(sorted([Decimal('2.1'), Decimal('-1'), Decimal('0.5'), Decimal('2.10')]), max(Decimal(1), Decimal('1.0')))

x = Decimal('7.3256')
print(x.quantize(Decimal('0.01')), x.quantize(Decimal('1')), x.quantize(Decimal('1e1')), x.quantize(Decimal('0.001'), rounding=ROUND_DOWN))
print(Decimal('2.5').quantize(Decimal('1')), Decimal('3.5').quantize(Decimal('1')), Decimal('2.5').quantize(Decimal('1'), ROUND_HALF_UP))
print(Decimal('2.675').quantize(Decimal('0.01')), Decimal('-2.5').to_integral_value(), Decimal('2.7').to_integral_value(ROUND_DOWN))
print(round(Decimal('2.5')), round(Decimal('3.5')), round(Decimal('3.14159'), 3), round(Decimal('-0.5')), int(Decimal('-3.9')), float(Decimal('1e-3')))
import math
print(math.floor(Decimal('-3.5')), math.ceil(Decimal('3.1')), math.trunc(Decimal('-3.9')))
print(Decimal('1.200').normalize(), Decimal('120.00').normalize(), Decimal('0.00').normalize(), Decimal('-1E+2').normalize())
print(Decimal('123.45').adjusted(), Decimal('0.001').adjusted(), Decimal('1.5').copy_sign(Decimal('-2')), Decimal('-3').copy_abs(), Decimal('3').copy_negate())
print(Decimal(1).max(Decimal(2)), Decimal(1).min(Decimal(2)), Decimal('nan').max(Decimal(3)), Decimal(5).compare(Decimal(3)), Decimal(3).compare(Decimal('3.0')))
print(Decimal(16).sqrt(), Decimal('0.25').sqrt(), Decimal(10).sqrt(), Decimal('1e-10').sqrt(), Decimal(0).sqrt(), Decimal(2).exp(), Decimal(-1).exp())
print(Decimal(2).ln(), Decimal('0.5').ln(), Decimal(100).log10(), Decimal(2).log10(), Decimal('0.001').log10(), Decimal(1).ln(), Decimal(0).exp())
print(Decimal(10) ** Decimal('0.5'), Decimal('1.5') ** Decimal('2.5'), Decimal(9) ** Decimal('0.5'))
for d in (Decimal('0'), Decimal('-0'), Decimal('1.5'), Decimal('-inf'), Decimal('nan'), Decimal('snan')):
    print(d, d.is_zero(), d.is_signed(), d.is_finite(), d.is_infinite(), d.is_nan(), d.is_snan(), d.is_qnan(), d.number_class())
print(Decimal('1.5').as_integer_ratio(), Decimal('-0.125').as_integer_ratio(), Decimal(3).is_normal(), bool(Decimal(0)), bool(Decimal('0.1')))
print(Decimal('1.30').same_quantum(Decimal('2.00')), Decimal('1.3').same_quantum(Decimal('2.00')), Decimal('1e5').fma(2, 3))

price = Decimal('1234567.891')
print(f'{price:.2f}', f'{price:,.2f}', f'{price:,}', f'{price:>15.1f}|', f'{price:e}', f'{price:.3e}', f'{price:g}', f'{Decimal("0.1234"):.1%}')
print(f'{Decimal("3.14159"):.3}', f'{Decimal("-1.5"):+.2f}', f'{Decimal("42"):08.2f}', f'{Decimal("1E+3"):f}', f'{Decimal("inf"):.2f}', format(Decimal('12.5')))
print(f'{Decimal("0.000012345"):.2e}', f'{Decimal("1.5"):<8}|', f'{Decimal("1.5"):^8}|', f'{Decimal("-0.0001"):.2f}', f'{Decimal("2.675"):.2f}', f'{Decimal("123456789"):,}')
