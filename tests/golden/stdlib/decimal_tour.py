# decimal: the Python 3.11 docs' quick-start tutorial, as written (contexts, construction, arithmetic, signals).
from decimal import *

print(getcontext())
getcontext().prec = 7       # Set a new precision
getcontext().prec = 28
print(repr(Decimal(10)))
print(repr(Decimal('3.14')))
print(repr(Decimal(3.14)))
print(repr(Decimal((0, (3, 1, 4), -2))))
print(repr(Decimal(str(2.0 ** 0.5))))
print(repr(Decimal(2) ** Decimal('0.5')))
print(repr(Decimal('NaN')))
print(repr(Decimal('-Infinity')))

c = getcontext()
c.traps[FloatOperation] = True
try:
    Decimal(3.14)
except FloatOperation as e:
    print(type(e).__name__, e)
try:
    Decimal('3.5') < 3.7
except FloatOperation as e:
    print(type(e).__name__, e)
print(Decimal('3.5') == 3.5)
c.traps[FloatOperation] = False

getcontext().prec = 6
print(repr(Decimal('3.0')))
print(repr(Decimal('3.1415926535')))
print(repr(Decimal('3.1415926535') + Decimal('2.7182818285')))
getcontext().rounding = ROUND_UP
print(repr(Decimal('3.1415926535') + Decimal('2.7182818285')))

getcontext().rounding = ROUND_HALF_EVEN
data = list(map(Decimal, '1.34 1.87 3.45 2.76 1.00 4.56 7.89 0.00'.split()))
print(repr(max(data)))
print(repr(min(data)))
print(sorted(data))
print(repr(sum(data)))
a, b, c = data[:3]
print(repr(str(a)))
print(float(a))
print(repr(round(a, 1)))
print(int(a))
print(repr(a * 5))
print(repr(a * b))
print(repr(c % a))

getcontext().prec = 28
print(repr(Decimal(2).sqrt()))
print(repr(Decimal(1).exp()))
print(repr(Decimal('10').ln()))
print(repr(Decimal('10').log10()))

print(repr(Decimal('7.325').quantize(Decimal('.01'), rounding=ROUND_DOWN)))
print(repr(Decimal('7.325').quantize(Decimal('1.'), rounding=ROUND_UP)))

myothercontext = Context(prec=60, rounding=ROUND_HALF_DOWN)
setcontext(myothercontext)
print(repr(Decimal(1) / Decimal(7)))

print(ExtendedContext)
setcontext(ExtendedContext)
print(repr(Decimal(1) / Decimal(7)))
print(repr(Decimal(42) / Decimal(0)))

setcontext(BasicContext)
try:
    Decimal(42) / Decimal(0)
except DivisionByZero as e:
    print(type(e).__name__, e)

setcontext(ExtendedContext)
getcontext().clear_flags()
print(repr(Decimal(355) / Decimal(113)))
print(getcontext())

setcontext(ExtendedContext)
print(repr(Decimal(1) / Decimal(0)))
getcontext().traps[DivisionByZero] = 1
Decimal(1) / Decimal(0)
