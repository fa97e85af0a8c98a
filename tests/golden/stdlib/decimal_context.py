# decimal: contexts: getcontext/setcontext/localcontext, precision and rounding modes, flags and traps, per-thread and per-task contexts.
import asyncio
import threading
from decimal import *

print(getcontext().prec, getcontext().rounding, DefaultContext.prec)
with localcontext() as ctx:
    ctx.prec = 5
    print(Decimal(1) / Decimal(7), ctx)
print(Decimal(1) / Decimal(7))
with localcontext(prec=3, rounding=ROUND_DOWN) as ctx:
    print(Decimal('2') / 3, Decimal('1.2345') + 0, ctx.prec, ctx.rounding)
with localcontext(Context(prec=4)):
    print(Decimal(22) / 7)

values = [Decimal(s) for s in ('2.5', '-2.5', '2.45', '-2.45', '0.05', '1.51')]
for mode in (ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP):
    print(mode, [str(v.quantize(Decimal('0.1') if v.adjusted() < 0 or '.' in str(v)[-2:] else Decimal(1), rounding=mode)) for v in values],
          [str(v.quantize(Decimal(1), rounding=mode)) for v in values])

ctx = Context(prec=3, rounding=ROUND_HALF_UP, traps=[])
print(ctx)
print(ctx.add(Decimal('1.234'), 2), ctx.divide(1, 3), ctx.multiply(Decimal('12.5'), 3), ctx.sqrt(2), ctx.power(2, 10), ctx.flags[Inexact])
print(ctx)
ctx.clear_flags()
print(ctx.divide(1, 0), ctx.divide(0, 0), ctx.flags[DivisionByZero], ctx.flags[InvalidOperation], ctx.create_decimal('3.14159'))
print(ctx.create_decimal_from_float(0.1), ctx.Etiny(), ctx.Etop(), ctx.to_sci_string(Decimal('123E+5')), ctx.quantize(Decimal('1.2345'), Decimal('0.01')))
c2 = ctx.copy()
c2.prec = 10
print(ctx.prec, c2.prec, c2.flags[DivisionByZero])

big = Context(prec=5, Emax=10, Emin=-10, traps=[])
print(big.multiply(Decimal('9e9'), 100), big.flags[Overflow], big.multiply(Decimal('1e-10'), Decimal('1e-3')), big.flags[Subnormal], big.flags[Underflow])
print(big.create_decimal('1e-20'), big.flags[Clamped], big.plus(Decimal('123456789')))
getcontext().traps[Inexact] = True
try:
    Decimal(1) / 3
except Inexact as e:
    print('Inexact:', e)
getcontext().traps[Inexact] = False
print(getcontext().flags[Inexact])

results = {}


def worker(name, prec):
    getcontext().prec = prec
    results[name] = str(Decimal(1) / Decimal(7))


threads = [threading.Thread(target=worker, args=(f't{p}', p)) for p in (3, 6, 9)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()), getcontext().prec)


async def task(prec):
    with localcontext() as ctx:
        ctx.prec = prec
        await asyncio.sleep(0.01 * prec)
        return str(Decimal(2).sqrt())


async def main():
    print(await asyncio.gather(task(4), task(8), task(2)))
    print(getcontext().prec)

asyncio.run(main())
setcontext(Context(prec=2))
print(Decimal(10) / 3, getcontext())
setcontext(DefaultContext)
print(Decimal(10) / 3)
