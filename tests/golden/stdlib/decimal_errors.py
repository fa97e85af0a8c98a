# decimal: signals as exceptions with the C module's messages, wrong arguments, conversions that fail.
from decimal import *
import decimal

def attempt(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, e, [c.__name__ for c in type(e).__mro__[1:3]])

attempt('syntax', lambda: Decimal('1.2.3'))
attempt('empty', lambda: Decimal(''))
attempt('letters', lambda: Decimal('abc'))
attempt('div0', lambda: Decimal(1) / 0)
attempt('0/0', lambda: Decimal(0) / 0)
attempt('floordiv0', lambda: Decimal(5) // 0)
attempt('mod0', lambda: Decimal(5) % 0)
attempt('inf-inf', lambda: Decimal('inf') - Decimal('inf'))
attempt('sqrt-1', lambda: Decimal(-1).sqrt())
attempt('ln0', lambda: Decimal(0).ln())
attempt('ln-1', lambda: Decimal(-1).ln())
attempt('0**0', lambda: Decimal(0) ** 0)
attempt('neg**frac', lambda: Decimal(-2) ** Decimal('0.5'))
attempt('overflow', lambda: Decimal('9e999999') * 10)
attempt('quantize', lambda: Decimal('1e30').quantize(Decimal('0.01')))
attempt('nan<', lambda: Decimal('nan') < 1)
attempt('snan==', lambda: Decimal('snan') == 1)
attempt('hash snan', lambda: hash(Decimal('snan')))
attempt('int nan', lambda: int(Decimal('nan')))
attempt('int inf', lambda: int(Decimal('inf')))
attempt('round inf', lambda: round(Decimal('-inf')))
attempt('float snan', lambda: float(Decimal('snan')))
attempt('plus float', lambda: Decimal(1) + 1.5)
attempt('plus str', lambda: Decimal(1) + '1')
attempt('from list', lambda: Decimal([1, 2]))
attempt('bad tuple', lambda: Decimal((2, (1,), 0)))
attempt('bad digits', lambda: Decimal((0, (1, 12), 0)))
attempt('from object', lambda: Decimal(object()))
attempt('prec 0', lambda: Context(prec=0))
attempt('bad rounding', lambda: setattr(getcontext(), 'rounding', 'sideways'))
attempt('setcontext', lambda: setcontext(28))
attempt('format', lambda: format(Decimal(1), 'd'))
attempt('ratio nan', lambda: Decimal('nan').as_integer_ratio())
attempt('ratio inf', lambda: Decimal('inf').as_integer_ratio())
print(issubclass(DivisionByZero, ZeroDivisionError), issubclass(FloatOperation, TypeError),
      issubclass(InvalidOperation, ArithmeticError), issubclass(Overflow, Inexact), decimal.DecimalException.__mro__[1])
try:
    Decimal(1) / Decimal(0)
except ZeroDivisionError as e:
    print('caught as ZeroDivisionError:', e.args)
with localcontext() as ctx:
    ctx.traps[InvalidOperation] = False
    print(Decimal('junk'), Decimal(0) / 0, Decimal(-4).sqrt(), ctx.flags[InvalidOperation])
print(Decimal('1.5') < Decimal('nan') if False else 'ok')
Decimal('12.34.56')
