"""decimal: decimal fixed- and floating-point arithmetic after the General Decimal Arithmetic
specification, as CPython 3.11's _pydecimal implements it, with the C module's reprs and
messages (a trapped signal raises e.g. DivisionByZero([<class 'decimal.DivisionByZero'>])).
A Decimal is a sign, an int coefficient and an int exponent (or a special: NaN, sNaN,
Infinity); contexts are per thread and per asyncio task through contextvars. exp, ln,
log10 and non-integral powers are computed in fixed point with guard digits and rounded once.
"""

import math as _math
import contextvars as _contextvars

__all__ = [
    'Decimal', 'Context', 'DecimalTuple', 'DefaultContext', 'BasicContext', 'ExtendedContext',
    'DecimalException', 'Clamped', 'InvalidOperation', 'DivisionByZero', 'Inexact', 'Rounded',
    'Subnormal', 'Overflow', 'Underflow', 'FloatOperation', 'DivisionImpossible',
    'InvalidContext', 'ConversionSyntax', 'DivisionUndefined',
    'ROUND_DOWN', 'ROUND_HALF_UP', 'ROUND_HALF_EVEN', 'ROUND_CEILING', 'ROUND_FLOOR', 'ROUND_UP',
    'ROUND_HALF_DOWN', 'ROUND_05UP', 'setcontext', 'getcontext', 'localcontext',
    'MAX_PREC', 'MAX_EMAX', 'MIN_EMIN', 'MIN_ETINY', 'HAVE_THREADS', 'HAVE_CONTEXTVAR',
]

__version__ = '1.70'
__libmpdec_version__ = '2.5.1'

ROUND_DOWN = 'ROUND_DOWN'
ROUND_HALF_UP = 'ROUND_HALF_UP'
ROUND_HALF_EVEN = 'ROUND_HALF_EVEN'
ROUND_CEILING = 'ROUND_CEILING'
ROUND_FLOOR = 'ROUND_FLOOR'
ROUND_UP = 'ROUND_UP'
ROUND_HALF_DOWN = 'ROUND_HALF_DOWN'
ROUND_05UP = 'ROUND_05UP'
_ROUNDINGS = (ROUND_DOWN, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_CEILING, ROUND_FLOOR, ROUND_UP,
              ROUND_HALF_DOWN, ROUND_05UP)

HAVE_THREADS = True
HAVE_CONTEXTVAR = True
MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)

_HASH_MODULUS = 2305843009213693951
_HASH_INF = 314159
_HASH_10INV = pow(10, _HASH_MODULUS - 2, _HASH_MODULUS)


class DecimalException(ArithmeticError):
    """Base exception class."""


class Clamped(DecimalException):
    """Exponent of a 0 changed to fit bounds."""


class InvalidOperation(DecimalException):
    """An invalid operation was performed."""


class ConversionSyntax(InvalidOperation):
    """Trying to convert badly formed string."""


class DivisionByZero(DecimalException, ZeroDivisionError):
    """Division by 0."""


class DivisionImpossible(InvalidOperation):
    """Cannot perform the division adequately."""


class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    """Undefined result of division."""


class Inexact(DecimalException):
    """Had to round, losing information."""


class InvalidContext(InvalidOperation):
    """Invalid context.  Unknown rounding, for example."""


class Rounded(DecimalException):
    """Number got rounded (not  necessarily changed during rounding)."""


class Subnormal(DecimalException):
    """Exponent < Emin before rounding."""


class Overflow(Inexact, Rounded):
    """Numerical overflow."""


class Underflow(Inexact, Rounded, Subnormal):
    """Numerical underflow with result rounded to 0."""


class FloatOperation(DecimalException, TypeError):
    """Enable stricter semantics for mixing floats and Decimals."""


_SIGNALS = [Clamped, DivisionByZero, Inexact, Overflow, Rounded, Underflow, InvalidOperation,
            Subnormal, FloatOperation]
# _REPR_ORDER is the order the C module lists flags and traps in.
_REPR_ORDER = [Clamped, InvalidOperation, DivisionByZero, Inexact, FloatOperation, Overflow,
               Rounded, Subnormal, Underflow]
_CONDITION_SIGNAL = {ConversionSyntax: InvalidOperation, DivisionImpossible: InvalidOperation,
                     DivisionUndefined: InvalidOperation, InvalidContext: InvalidOperation}


class DecimalTuple(object):
    """DecimalTuple(sign, digits, exponent)"""

    # DecimalTuple stands in for CPython's named tuple: the engine's tuples cannot be subclassed yet.
    __slots__ = ('sign', 'digits', 'exponent')
    _fields = ('sign', 'digits', 'exponent')

    def __init__(self, sign, digits, exponent):
        self.sign = sign
        self.digits = digits
        self.exponent = exponent

    def _t(self):
        return (self.sign, self.digits, self.exponent)

    def __repr__(self):
        return 'DecimalTuple(sign=%r, digits=%r, exponent=%r)' % self._t()

    def __iter__(self):
        return iter(self._t())

    def __len__(self):
        return 3

    def __getitem__(self, index):
        return self._t()[index]

    def __eq__(self, other):
        if isinstance(other, DecimalTuple):
            other = other._t()
        return self._t() == other if isinstance(other, tuple) else NotImplemented

    def __hash__(self):
        return hash(self._t())

    def _asdict(self):
        return {'sign': self.sign, 'digits': self.digits, 'exponent': self.exponent}


def _ndigits(n):
    """_ndigits is the number of decimal digits of n >= 0 (1 for 0)."""
    if n < 10 ** 15:
        return len(str(n))
    d = int(n.bit_length() * 0.30102999566398120) - 1
    if d < 1:
        d = 1
    p = 10 ** d
    while n >= p:
        p *= 10
        d += 1
    return d


def _round_coef(coef, sign, drop, rounding):
    """_round_coef drops drop digits from coef by rounding: (new coefficient, inexact)."""
    p = 10 ** drop
    q, r = divmod(coef, p)
    if not r:
        return q, False
    half = p // 2
    if rounding == ROUND_HALF_EVEN:
        up = r > half or (r == half and q & 1)
    elif rounding == ROUND_HALF_UP:
        up = r >= half
    elif rounding == ROUND_HALF_DOWN:
        up = r > half
    elif rounding == ROUND_DOWN:
        up = False
    elif rounding == ROUND_UP:
        up = True
    elif rounding == ROUND_CEILING:
        up = not sign
    elif rounding == ROUND_FLOOR:
        up = bool(sign)
    else:
        up = q % 10 in (0, 5)
    return (q + 1 if up else q), True


class Decimal(object):
    """Construct a new Decimal object. 'value' can be an integer, string, tuple,
    or another Decimal object. If no value is given, return Decimal('0'). The
    context does not affect the conversion and is only passed to determine if
    the InvalidOperation trap is active.
    """

    __slots__ = ('_sign', '_coef', '_exp', '_special')

    def __new__(cls, value="0", context=None):
        self = object.__new__(cls)
        if isinstance(value, str):
            parsed = _parse(value)
            if parsed is None:
                if context is None:
                    context = getcontext()
                return context._raise_error(ConversionSyntax, "Invalid literal for Decimal: %r" % value)
            self._sign, self._coef, self._exp, self._special = parsed
            return self
        if isinstance(value, int):
            self._sign = 1 if value < 0 else 0
            self._coef = -value if value < 0 else value
            self._exp = 0
            self._special = ''
            return self
        if isinstance(value, Decimal):
            self._sign, self._coef, self._exp, self._special = value._sign, value._coef, value._exp, value._special
            return self
        if isinstance(value, float):
            if context is None:
                context = getcontext()
            context._raise_error(FloatOperation, "strict semantics for mixing floats and Decimals are enabled")
            return cls.from_float(value) if cls is Decimal else cls(Decimal.from_float(value))
        if isinstance(value, (list, tuple)):
            if len(value) != 3:
                raise ValueError('argument must be a sequence of length 3')
            sign, digits, exp = value
            if sign not in (0, 1):
                raise ValueError("sign must be an integer with the value 0 or 1")
            if exp == 'F':
                self._sign, self._coef, self._exp, self._special = sign, 0, 0, 'F'
                return self
            coef = 0
            for d in digits:
                if not isinstance(d, int) or not 0 <= d <= 9:
                    raise ValueError("coefficient must be a tuple of digits")
                coef = coef * 10 + d
            if exp in ('n', 'N'):
                self._sign, self._coef, self._exp, self._special = sign, coef, 0, exp
                return self
            if not isinstance(exp, int):
                raise ValueError("exponent must be an integer")
            self._sign, self._coef, self._exp, self._special = sign, coef, exp, ''
            return self
        raise TypeError("conversion from %s to Decimal is not supported" % type(value).__name__)

    @classmethod
    def from_float(cls, f):
        """Class method that converts a float to a decimal number, exactly."""
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError("argument must be int or float")
        if f != f:
            return cls('NaN')
        if f in (float('inf'), float('-inf')):
            return cls('-Infinity' if f < 0 else 'Infinity')
        sign = 1 if _math.copysign(1.0, f) < 0 else 0
        n, d = abs(f).as_integer_ratio()
        k = d.bit_length() - 1
        result = _dec(sign, n * 5 ** k, -k)
        return result if cls is Decimal else cls(result)

    def _is_nan(self):
        return self._special in ('n', 'N')

    def is_nan(self):
        """Return True if the argument is a (quiet or signaling) NaN and False otherwise."""
        return self._special in ('n', 'N')

    def is_snan(self):
        """Return True if the argument is a signaling NaN and False otherwise."""
        return self._special == 'N'

    def is_qnan(self):
        """Return True if the argument is a quiet NaN, and False otherwise."""
        return self._special == 'n'

    def is_infinite(self):
        """Return True if the argument is infinite, and False otherwise."""
        return self._special == 'F'

    def is_finite(self):
        """Return True if the argument is a finite number, and False otherwise."""
        return not self._special

    def is_zero(self):
        """Return True if the argument is a (positive or negative) zero and False otherwise."""
        return not self._special and self._coef == 0

    def is_signed(self):
        """Return True if the argument has a negative sign and False otherwise."""
        return self._sign == 1

    def is_canonical(self):
        """Return True if the argument is canonical and False otherwise."""
        return True

    def canonical(self):
        """Return the canonical encoding of the argument."""
        return self

    def is_normal(self, context=None):
        """Return True if the argument is a normal number and False otherwise."""
        if self._special or not self._coef:
            return False
        if context is None:
            context = getcontext()
        return context.Emin <= self.adjusted()

    def is_subnormal(self, context=None):
        """Return True if the argument is subnormal, and False otherwise."""
        if self._special or not self._coef:
            return False
        if context is None:
            context = getcontext()
        return self.adjusted() < context.Emin

    def number_class(self, context=None):
        """Returns an indication of the class of self."""
        if self._special == 'N':
            return 'sNaN'
        if self._special == 'n':
            return 'NaN'
        sign = '-' if self._sign else '+'
        if self._special == 'F':
            return sign + 'Infinity'
        if not self._coef:
            return sign + 'Zero'
        if self.is_subnormal(context):
            return sign + 'Subnormal'
        return sign + 'Normal'

    def adjusted(self):
        """Return the adjusted exponent of the number."""
        if self._special:
            return 0
        return self._exp + _ndigits(self._coef) - 1

    def as_tuple(self):
        """Represents the number as a triple tuple, to show the internals exactly as they are."""
        if self._special == 'F':
            return DecimalTuple(self._sign, (0,), 'F')
        if self._special:
            digits = tuple(map(int, str(self._coef))) if self._coef else ()
            return DecimalTuple(self._sign, digits, self._special)
        return DecimalTuple(self._sign, tuple(map(int, str(self._coef))), self._exp)

    def as_integer_ratio(self):
        """Express a finite Decimal instance in the form n / d."""
        if self._special:
            if self._is_nan():
                raise ValueError("cannot convert NaN to integer ratio")
            raise OverflowError("cannot convert Infinity to integer ratio")
        if not self._coef:
            return 0, 1
        n = self._coef
        if self._exp >= 0:
            n *= 10 ** self._exp
            d = 1
        else:
            d = 10 ** -self._exp
            g = _math.gcd(n, d)
            n //= g
            d //= g
        return (-n if self._sign else n), d

    def __repr__(self):
        return "Decimal('%s')" % str(self)

    def __str__(self, eng=False, context=None):
        sign = '-' if self._sign else ''
        if self._special:
            if self._special == 'F':
                return sign + 'Infinity'
            payload = str(self._coef) if self._coef else ''
            return sign + ('NaN' if self._special == 'n' else 'sNaN') + payload
        digits = str(self._coef)
        leftdigits = self._exp + len(digits)
        if self._exp <= 0 and leftdigits > -6:
            dotplace = leftdigits
        elif not eng:
            dotplace = 1
        elif not self._coef:
            dotplace = (leftdigits + 1) % 3 - 1
        else:
            dotplace = (leftdigits - 1) % 3 + 1
        if dotplace <= 0:
            intpart = '0'
            fracpart = '.' + '0' * (-dotplace) + digits
        elif dotplace >= len(digits):
            intpart = digits + '0' * (dotplace - len(digits))
            fracpart = ''
        else:
            intpart = digits[:dotplace]
            fracpart = '.' + digits[dotplace:]
        if leftdigits == dotplace:
            exp = ''
        else:
            if context is None:
                context = getcontext()
            exp = ['e', 'E'][context.capitals] + "%+d" % (leftdigits - dotplace)
        return sign + intpart + fracpart + exp

    def to_eng_string(self, context=None):
        """Convert to a string, using engineering notation if an exponent is needed."""
        return self.__str__(eng=True, context=context)

    def _fix(self, context):
        """_fix rounds self to the context's precision and fits its exponent to Emin/Emax."""
        if self._special:
            if self._special in ('n', 'N'):
                return self._fix_nan(context)
            return self
        Etiny = context.Emin - context.prec + 1
        Etop = context.Emax - context.prec + 1
        coef, exp = self._coef, self._exp
        if not coef:
            exp_max = context.Emax if context.clamp == 0 else Etop
            new_exp = min(max(exp, Etiny), exp_max)
            if new_exp != exp:
                context._raise_error(Clamped)
                return _dec(self._sign, 0, new_exp)
            return self
        n = _ndigits(coef)
        exp_min = n + exp - context.prec
        if exp_min > Etop:
            context._raise_error(Overflow, 'above Emax')
            context._raise_error(Inexact)
            context._raise_error(Rounded)
            return context._overflow(self._sign)
        subnormal = exp_min < Etiny
        if subnormal:
            exp_min = Etiny
        if exp < exp_min:
            coef, inexact = _round_coef(coef, self._sign, exp_min - exp, context.rounding)
            if _ndigits(coef) > context.prec:
                coef //= 10
                exp_min += 1
                if exp_min > Etop:
                    context._raise_error(Overflow, 'above Emax')
                    context._raise_error(Inexact)
                    context._raise_error(Rounded)
                    return context._overflow(self._sign)
            ans = _dec(self._sign, coef, exp_min)
            if inexact and subnormal:
                context._raise_error(Underflow)
            if subnormal:
                context._raise_error(Subnormal)
            if inexact:
                context._raise_error(Inexact)
            context._raise_error(Rounded)
            if not coef:
                context._raise_error(Clamped)
            return ans
        if subnormal:
            context._raise_error(Subnormal)
        if context.clamp == 1 and exp > Etop:
            context._raise_error(Clamped)
            return _dec(self._sign, coef * 10 ** (exp - Etop), Etop)
        return self

    def _fix_nan(self, context):
        max_payload = context.prec - context.clamp
        if self._coef and _ndigits(self._coef) > max_payload:
            return _dec(self._sign, int(str(self._coef)[-max_payload:] or '0'), 0, self._special)
        return self

    def _check_nans(self, other, context):
        """_check_nans is the NaN result of an operation on self and other, or None."""
        if self._special == 'N':
            return context._raise_error(InvalidOperation, 'sNaN', self)
        if other is not None and other._special == 'N':
            return context._raise_error(InvalidOperation, 'sNaN', other)
        if self._special == 'n':
            return self._fix_nan(context)
        if other is not None and other._special == 'n':
            return other._fix_nan(context)
        return None

    def _rescale(self, exp, rounding):
        """_rescale is self with exponent exp, rounding when digits are dropped (no flags)."""
        if self._special:
            return self
        if not self._coef:
            return _dec(self._sign, 0, exp)
        if self._exp >= exp:
            return _dec(self._sign, self._coef * 10 ** (self._exp - exp), exp)
        coef, _ = _round_coef(self._coef, self._sign, exp - self._exp, rounding)
        return _dec(self._sign, coef, exp)

    def _round(self, places, rounding):
        """_round is self rounded to places significant digits (no flags)."""
        if self._special or not self._coef:
            return self
        ans = self._rescale(self.adjusted() + 1 - places, rounding)
        if ans.adjusted() != self.adjusted():
            ans = ans._rescale(ans.adjusted() + 1 - places, rounding)
        return ans

    # Arithmetic.

    def __add__(self, other, context=None):
        other = _convert_op(self, other, '+', False)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        if self._special or other._special:
            ans = self._check_nans(other, context)
            if ans is not None:
                return ans
            if self._special == 'F':
                if other._special == 'F' and self._sign != other._sign:
                    return context._raise_error(InvalidOperation, '-INF + INF')
                return self
            return other
        exp = min(self._exp, other._exp)
        a = self._coef * 10 ** (self._exp - exp)
        b = other._coef * 10 ** (other._exp - exp)
        total = (-a if self._sign else a) + (-b if other._sign else b)
        if total:
            return _dec(1 if total < 0 else 0, abs(total), exp)._fix(context)
        if self._sign and other._sign:
            sign = 1
        elif self._sign != other._sign and context.rounding == ROUND_FLOOR:
            sign = 1
        else:
            sign = 0
        return _dec(sign, 0, exp)._fix(context)

    def __radd__(self, other, context=None):
        other = _convert_op(self, other, '+', True)
        if other is NotImplemented:
            return other
        return self.__add__(other, context=context)

    def __sub__(self, other, context=None):
        other = _convert_op(self, other, '-', False)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        if self._special or other._special:
            ans = self._check_nans(other, context)
            if ans is not None:
                return ans
        return self.__add__(other.copy_negate(), context=context)

    def __rsub__(self, other, context=None):
        other = _convert_op(self, other, '-', True)
        if other is NotImplemented:
            return other
        return other.__sub__(self, context=context)

    def __mul__(self, other, context=None):
        other = _convert_op(self, other, '*', False)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        sign = self._sign ^ other._sign
        if self._special or other._special:
            ans = self._check_nans(other, context)
            if ans is not None:
                return ans
            if self._special == 'F':
                if not other._special and not other._coef:
                    return context._raise_error(InvalidOperation, '(+-)INF * 0')
                return _INF[sign]
            if not self._coef:
                return context._raise_error(InvalidOperation, '0 * (+-)INF')
            return _INF[sign]
        return _dec(sign, self._coef * other._coef, self._exp + other._exp)._fix(context)

    def __rmul__(self, other, context=None):
        other = _convert_op(self, other, '*', True)
        if other is NotImplemented:
            return other
        return self.__mul__(other, context=context)

    def __truediv__(self, other, context=None):
        other = _convert_op(self, other, '/', False)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        sign = self._sign ^ other._sign
        if self._special or other._special:
            ans = self._check_nans(other, context)
            if ans is not None:
                return ans
            if self._special == 'F' and other._special == 'F':
                return context._raise_error(InvalidOperation, '(+-)INF/(+-)INF')
            if self._special == 'F':
                return _INF[sign]
            context._raise_error(Clamped, 'Division by infinity')
            return _dec(sign, 0, context.Emin - context.prec + 1)
        if not other._coef:
            if not self._coef:
                return context._raise_error(DivisionUndefined, '0 / 0')
            return context._raise_error(DivisionByZero, 'x / 0', sign)
        if not self._coef:
            exp = self._exp - other._exp
            coef = 0
        else:
            shift = _ndigits(other._coef) - _ndigits(self._coef) + context.prec + 1
            exp = self._exp - other._exp - shift
            if shift >= 0:
                coef, rem = divmod(self._coef * 10 ** shift, other._coef)
            else:
                coef, rem = divmod(self._coef, other._coef * 10 ** -shift)
            if rem:
                if coef % 5 == 0:
                    coef += 1
            else:
                ideal = self._exp - other._exp
                while exp < ideal and coef % 10 == 0:
                    coef //= 10
                    exp += 1
        return _dec(sign, coef, exp)._fix(context)

    def __rtruediv__(self, other, context=None):
        other = _convert_op(self, other, '/', True)
        if other is NotImplemented:
            return other
        return other.__truediv__(self, context=context)

    def _divide(self, other, context):
        """_divide is (self // other, self % other) for finite operands, other nonzero."""
        sign = self._sign ^ other._sign
        ideal_exp = self._exp if other._special == 'F' else min(self._exp, other._exp)
        expdiff = self.adjusted() - other.adjusted()
        if not self._coef or other._special == 'F' or expdiff <= -2:
            return _dec(sign, 0, 0), self._rescale(ideal_exp, context.rounding)
        if expdiff <= context.prec:
            a, b = self._coef, other._coef
            if self._exp >= other._exp:
                a *= 10 ** (self._exp - other._exp)
            else:
                b *= 10 ** (other._exp - self._exp)
            q, r = divmod(a, b)
            if q < 10 ** context.prec:
                return _dec(sign, q, 0), _dec(self._sign, r, ideal_exp)
        ans = context._raise_error(DivisionImpossible, 'quotient too large in //, % or divmod')
        return ans, ans

    def __divmod__(self, other, context=None):
        other = _convert_op(self, other, 'divmod()', False)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        ans = self._check_nans(other, context)
        if ans is not None:
            return ans, ans
        sign = self._sign ^ other._sign
        if self._special == 'F':
            if other._special == 'F':
                ans = context._raise_error(InvalidOperation, 'divmod(INF, INF)')
                return ans, ans
            return _INF[sign], context._raise_error(InvalidOperation, 'INF % x')
        if not other._coef and not other._special:
            if not self._coef:
                ans = context._raise_error(DivisionUndefined, 'divmod(0, 0)')
                return ans, ans
            return (context._raise_error(DivisionByZero, 'x // 0', sign),
                    context._raise_error(InvalidOperation, 'x % 0'))
        q, r = self._divide(other, context)
        return q, r._fix(context)

    def __rdivmod__(self, other, context=None):
        other = _convert_op(self, other, 'divmod()', True)
        if other is NotImplemented:
            return other
        return other.__divmod__(self, context=context)

    def __mod__(self, other, context=None):
        other = _convert_op(self, other, '%', False)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        ans = self._check_nans(other, context)
        if ans is not None:
            return ans
        if self._special == 'F':
            return context._raise_error(InvalidOperation, 'INF % x')
        if not other._coef and not other._special:
            if not self._coef:
                return context._raise_error(DivisionUndefined, '0 % 0')
            return context._raise_error(InvalidOperation, 'x % 0')
        return self._divide(other, context)[1]._fix(context)

    def __rmod__(self, other, context=None):
        other = _convert_op(self, other, '%', True)
        if other is NotImplemented:
            return other
        return other.__mod__(self, context=context)

    def __floordiv__(self, other, context=None):
        other = _convert_op(self, other, '//', False)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        ans = self._check_nans(other, context)
        if ans is not None:
            return ans
        sign = self._sign ^ other._sign
        if self._special == 'F':
            if other._special == 'F':
                return context._raise_error(InvalidOperation, 'INF // INF')
            return _INF[sign]
        if not other._coef and not other._special:
            if not self._coef:
                return context._raise_error(DivisionUndefined, '0 // 0')
            return context._raise_error(DivisionByZero, 'x // 0', sign)
        return self._divide(other, context)[0]

    def __rfloordiv__(self, other, context=None):
        other = _convert_op(self, other, '//', True)
        if other is NotImplemented:
            return other
        return other.__floordiv__(self, context=context)

    def __neg__(self, context=None):
        if context is None:
            context = getcontext()
        if self._special:
            ans = self._check_nans(None, context)
            if ans is not None:
                return ans
        if not self._special and not self._coef and context.rounding != ROUND_FLOOR:
            ans = self.copy_abs()
        else:
            ans = self.copy_negate()
        return ans._fix(context)

    def __pos__(self, context=None):
        if context is None:
            context = getcontext()
        if self._special:
            ans = self._check_nans(None, context)
            if ans is not None:
                return ans
        if not self._special and not self._coef and context.rounding != ROUND_FLOOR:
            ans = self.copy_abs()
        else:
            ans = Decimal(self)
        return ans._fix(context)

    def __abs__(self, round=True, context=None):
        if not round:
            return self.copy_abs()
        if self._special:
            if context is None:
                context = getcontext()
            ans = self._check_nans(None, context)
            if ans is not None:
                return ans
        return self.__neg__(context=context) if self._sign else self.__pos__(context=context)

    def __pow__(self, other, modulo=None, context=None):
        if modulo is not None:
            return self._power_modulo(other, modulo, context)
        other = _convert_op(self, other, '** or pow()', False)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        ans = self._check_nans(other, context)
        if ans is not None:
            return ans
        if not other._special and not other._coef:
            if not self._special and not self._coef:
                return context._raise_error(InvalidOperation, '0 ** 0')
            return _ONE
        integral = other._is_integer()
        result_sign = 0
        if self._sign == 1:
            if integral:
                if not other._special and other._to_int() & 1:
                    result_sign = 1
            elif self._special or self._coef:
                return context._raise_error(InvalidOperation, 'x ** y with x negative and y not an integer')
        if not self._special and not self._coef:
            return _dec(result_sign, 0, 0) if other._sign == 0 else _INF[result_sign]
        if self._special == 'F':
            return _INF[result_sign] if other._sign == 0 else _dec(result_sign, 0, 0)
        if other._special == 'F':
            cmp_one = self.copy_abs()._cmp(_ONE)
            if cmp_one == 0:
                n = 1 - context.prec
                context._raise_error(Inexact)
                context._raise_error(Rounded)
                return _dec(result_sign, 10 ** (context.prec - 1), n)
            big = (cmp_one > 0) == (other._sign == 0)
            return _INF[result_sign] if big else _dec(result_sign, 0, 0)
        if integral:
            n = other._to_int()
            digits = _ndigits(self._coef)
            if abs(n) * digits <= 4 * context.prec + 600:
                if n > 0:
                    return _dec(result_sign, self._coef ** n, self._exp * n)._fix(context)
                denom = _dec(0, self._coef ** -n, self._exp * -n)
                ans = _ONE.__truediv__(denom, context=context)
                return ans.copy_negate() if result_sign and not ans._is_nan() else ans
        return self._power_inexact(other, result_sign, context)

    def _power_modulo(self, other, modulo, context):
        if context is None:
            context = getcontext()
        other = _convert(other, raiseit=True)
        modulo = _convert(modulo, raiseit=True)
        for v in (self, other, modulo):
            if v._special or not v._is_integer():
                return context._raise_error(InvalidOperation, 'pow() 3rd argument not allowed unless all arguments are integers')
        if other._sign:
            return context._raise_error(InvalidOperation, 'pow() 2nd argument cannot be negative when 3rd argument specified')
        if not modulo._coef:
            return context._raise_error(InvalidOperation, 'pow() 3rd argument cannot be 0')
        base, e, m = self._to_int(), other._to_int(), modulo._to_int()
        r = pow(abs(base), e, abs(m))
        sign = 1 if base < 0 and e & 1 else 0
        return _dec(sign, r, 0)

    def _power_inexact(self, other, result_sign, context):
        """_power_inexact is self ** other through exp(other * ln(self)), rounded once."""
        x = self.copy_abs()
        work = context.prec + 12 + max(0, other.adjusted() + 2)
        lnx, scale = _ln_fixed(x, work)
        y_num, y_den = other.as_integer_ratio()
        t = lnx * y_num // y_den
        ans = _exp_from_fixed(t, scale, context, result_sign, context.rounding)
        if context.rounding != ROUND_HALF_EVEN and y_den <= 64 and abs(y_num) <= 64 and ans._special == '':
            # _power_inexact: a result the precision holds exactly is returned whatever the rounding (libmpdec mostly agrees).
            near = _exp_from_fixed(t, scale, context, result_sign)
            if near._special == '' and near._coef:
                rn, rd = near.copy_abs().as_integer_ratio()
                xn, xd = x.as_integer_ratio()
                if y_num > 0:
                    exact = rn ** y_den * xd ** y_num == xn ** y_num * rd ** y_den
                else:
                    exact = rn ** y_den * xn ** -y_num == xd ** -y_num * rd ** y_den
                if exact:
                    return near
        return ans

    def __rpow__(self, other, context=None):
        other = _convert_op(self, other, '** or pow()', True)
        if other is NotImplemented:
            return other
        return other.__pow__(self, context=context)

    def _is_integer(self):
        if self._special:
            return False
        if self._exp >= 0 or not self._coef:
            return True
        return self._coef % 10 ** -self._exp == 0

    def _to_int(self):
        if self._exp >= 0:
            n = self._coef * 10 ** self._exp
        else:
            n = self._coef // 10 ** -self._exp
        return -n if self._sign else n

    # Comparisons and hashing.

    def _cmp(self, other):
        """_cmp compares two non-NaN Decimals: -1, 0 or 1."""
        if self._special or other._special:
            s = 0 if not self._special else (-1 if self._sign else 1)
            o = 0 if not other._special else (-1 if other._sign else 1)
            return (s > o) - (s < o)
        if not self._coef:
            if not other._coef:
                return 0
            return 1 if other._sign else -1
        if not other._coef:
            return -1 if self._sign else 1
        if self._sign != other._sign:
            return -1 if self._sign else 1
        a, b = self.adjusted(), other.adjusted()
        if a != b:
            r = 1 if a > b else -1
        else:
            exp = min(self._exp, other._exp)
            x = self._coef * 10 ** (self._exp - exp)
            y = other._coef * 10 ** (other._exp - exp)
            r = (x > y) - (x < y)
        return -r if self._sign else r

    def _compare_other(self, other, equality):
        """_compare_other is (self, other as a Decimal) for a comparison, or None when other is not a number."""
        if isinstance(other, Decimal):
            return other
        if isinstance(other, int):
            return Decimal(other)
        if isinstance(other, float):
            context = getcontext()
            if equality:
                context.flags[FloatOperation] = True
            else:
                context._raise_error(FloatOperation, "strict semantics for mixing floats and Decimals are enabled")
            return Decimal.from_float(other)
        return None

    def _rich(self, other, op):
        if not isinstance(other, (Decimal, int, float)):
            ratio = getattr(other, 'numerator', None), getattr(other, 'denominator', None)
            if type(other).__name__ != 'Fraction' or ratio[1] is None:
                return NotImplemented
            if self._special:
                if self._is_nan():
                    if op in ('eq', 'ne'):
                        return op == 'ne'
                    if self._special == 'N' or True:
                        getcontext()._raise_error(InvalidOperation, 'comparison involving NaN')
                    return False
                c = -1 if self._sign else 1
            else:
                n, d = self.as_integer_ratio()
                left, right = n * ratio[1], ratio[0] * d
                c = (left > right) - (left < right)
            return _op_result(c, op)
        other = self._compare_other(other, op in ('eq', 'ne'))
        if self._is_nan() or other._is_nan():
            if op in ('eq', 'ne'):
                if self._special == 'N' or other._special == 'N':
                    getcontext()._raise_error(InvalidOperation, 'comparison involving sNaN')
                return op == 'ne'
            getcontext()._raise_error(InvalidOperation, 'comparison involving NaN')
            return False
        return _op_result(self._cmp(other), op)

    def __eq__(self, other):
        return self._rich(other, 'eq')

    def __ne__(self, other):
        return self._rich(other, 'ne')

    def __lt__(self, other):
        return self._rich(other, 'lt')

    def __le__(self, other):
        return self._rich(other, 'le')

    def __gt__(self, other):
        return self._rich(other, 'gt')

    def __ge__(self, other):
        return self._rich(other, 'ge')

    def compare(self, other, context=None):
        """Compare values numerically, returning Decimal('-1'), Decimal('0') or Decimal('1')."""
        other = _convert(other, raiseit=True)
        if context is None:
            context = getcontext()
        ans = self._check_nans(other, context)
        if ans is not None:
            return ans
        return Decimal(self._cmp(other))

    def compare_total(self, other, context=None):
        """Compare two operands using their abstract representation rather than their numerical value."""
        other = _convert(other, raiseit=True)
        key = lambda d: (d._special == 'F', d._special in ('n', 'N'), d._special == 'n')
        if self._sign != other._sign:
            return _NEG_ONE if self._sign else _ONE
        a, b = key(self), key(other)
        if a != b or (self._special and self._special == other._special):
            c = (a > b) - (a < b) if a != b else (self._coef > other._coef) - (self._coef < other._coef)
        else:
            c = self._cmp(other) if not self._sign else -self._cmp(other)
            c = c if not self._sign else -c
            if c == 0:
                c = (self._exp > other._exp) - (self._exp < other._exp)
        if self._sign:
            c = -c
        return Decimal(c)

    def __hash__(self):
        if self._special:
            if self._special == 'N':
                raise TypeError('Cannot hash a signaling NaN value')
            if self._special == 'n':
                return object.__hash__(self)
            return -_HASH_INF if self._sign else _HASH_INF
        if self._exp >= 0:
            exp_hash = pow(10, self._exp, _HASH_MODULUS)
        else:
            exp_hash = pow(_HASH_10INV, -self._exp, _HASH_MODULUS)
        h = self._coef * exp_hash % _HASH_MODULUS
        ans = -h if self._sign else h
        return -2 if ans == -1 else ans

    def __bool__(self):
        return bool(self._special) or self._coef != 0

    # Conversions.

    def __int__(self):
        """Converts self to an int, truncating if necessary."""
        if self._special:
            if self._is_nan():
                raise ValueError("cannot convert NaN to integer")
            raise OverflowError("cannot convert Infinity to integer")
        return self._to_int()

    __trunc__ = __int__

    def __float__(self):
        """Float representation."""
        if self._special == 'N':
            raise ValueError("cannot convert signaling NaN to float")
        if self._special == 'n':
            return float('-nan' if self._sign else 'nan')
        return float(str(self))

    def __floor__(self):
        if self._special:
            if self._is_nan():
                raise ValueError("cannot convert NaN to integer")
            raise OverflowError("cannot convert Infinity to integer")
        return int(self._rescale(0, ROUND_FLOOR))

    def __ceil__(self):
        if self._special:
            if self._is_nan():
                raise ValueError("cannot convert NaN to integer")
            raise OverflowError("cannot convert Infinity to integer")
        return int(self._rescale(0, ROUND_CEILING))

    def __round__(self, n=None):
        if n is not None:
            if not isinstance(n, int):
                raise TypeError('optional arg must be an integer')
            return self.quantize(_dec(0, 1, -n))
        if self._special:
            if self._is_nan():
                raise ValueError("cannot convert NaN to integer")
            raise OverflowError("cannot convert Infinity to integer")
        return int(self._rescale(0, ROUND_HALF_EVEN))

    def __complex__(self):
        return complex(float(self))

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return Decimal(0)

    def conjugate(self):
        return self

    def radix(self):
        """Just returns 10, as this is Decimal, :)"""
        return Decimal(10)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        return (self.__class__, (str(self),))

    # Sign manipulation.

    def copy_abs(self):
        """Returns a copy with the sign set to 0."""
        return _dec(0, self._coef, self._exp, self._special)

    def copy_negate(self):
        """Returns a copy with the sign inverted."""
        return _dec(1 - self._sign, self._coef, self._exp, self._special)

    def copy_sign(self, other, context=None):
        """Returns self with the sign of other."""
        other = _convert(other, raiseit=True)
        return _dec(other._sign, self._coef, self._exp, self._special)

    # Quantizing and rounding.

    def quantize(self, exp, rounding=None, context=None):
        """Quantize self so its exponent is the same as that of exp."""
        exp = _convert(exp, raiseit=True)
        if context is None:
            context = getcontext()
        if rounding is None:
            rounding = context.rounding
        if self._special or exp._special:
            ans = self._check_nans(exp, context)
            if ans is not None:
                return ans
            if exp._special == 'F' or self._special == 'F':
                if exp._special == 'F' and self._special == 'F':
                    return Decimal(self)
                return context._raise_error(InvalidOperation, 'quantize with one INF')
        if not (context.Emin - context.prec + 1 <= exp._exp <= context.Emax):
            return context._raise_error(InvalidOperation, 'target exponent out of bounds in quantize')
        if not self._coef:
            return _dec(self._sign, 0, exp._exp)._fix(context)
        if self.adjusted() > context.Emax:
            return context._raise_error(InvalidOperation, 'exponent of quantize result too large for current context')
        if self.adjusted() - exp._exp + 1 > context.prec:
            return context._raise_error(InvalidOperation, 'quantize result has too many digits for current context')
        ans = self._rescale(exp._exp, rounding)
        if ans.adjusted() > context.Emax:
            return context._raise_error(InvalidOperation, 'exponent of quantize result too large for current context')
        if _ndigits(ans._coef) > context.prec:
            return context._raise_error(InvalidOperation, 'quantize result has too many digits for current context')
        if ans._coef and ans.adjusted() < context.Emin:
            context._raise_error(Subnormal)
        if ans._exp > self._exp:
            if ans != self:
                context._raise_error(Inexact)
            context._raise_error(Rounded)
        return ans._fix(context)

    def same_quantum(self, other, context=None):
        """Return True if self and other have the same exponent; otherwise return False."""
        other = _convert(other, raiseit=True)
        if self._special or other._special:
            return (self._is_nan() and other._is_nan()) or (self._special == 'F' and other._special == 'F')
        return self._exp == other._exp

    def to_integral_value(self, rounding=None, context=None):
        """Rounds to the nearest integer, without raising inexact, rounded."""
        if context is None:
            context = getcontext()
        if rounding is None:
            rounding = context.rounding
        if self._special:
            ans = self._check_nans(None, context)
            if ans is not None:
                return ans
            return Decimal(self)
        if self._exp >= 0:
            return Decimal(self)
        return self._rescale(0, rounding)

    to_integral = to_integral_value

    def to_integral_exact(self, rounding=None, context=None):
        """Rounds to a nearby integer, signalling Inexact and Rounded as needed."""
        if context is None:
            context = getcontext()
        if self._special:
            ans = self._check_nans(None, context)
            if ans is not None:
                return ans
            return Decimal(self)
        if self._exp >= 0:
            return Decimal(self)
        if not self._coef:
            return _dec(self._sign, 0, 0)
        ans = self._rescale(0, context.rounding if rounding is None else rounding)
        if ans != self:
            context._raise_error(Inexact)
        context._raise_error(Rounded)
        return ans

    def normalize(self, context=None):
        """Normalize- strip trailing zeros and return the result."""
        if context is None:
            context = getcontext()
        if self._special:
            ans = self._check_nans(None, context)
            if ans is not None:
                return ans
        dup = self._fix(context)
        if dup._special:
            return dup
        if not dup._coef:
            return _dec(dup._sign, 0, 0)
        exp_max = context.Emax if context.clamp == 0 else context.Emax - context.prec + 1
        coef, exp = dup._coef, dup._exp
        while coef % 10 == 0 and exp < exp_max:
            coef //= 10
            exp += 1
        return _dec(dup._sign, coef, exp)

    def max(self, other, context=None):
        """Returns the larger value; a quiet NaN operand is ignored."""
        return self._minmax(other, context, 1, False)

    def min(self, other, context=None):
        """Returns the smaller value; a quiet NaN operand is ignored."""
        return self._minmax(other, context, -1, False)

    def max_mag(self, other, context=None):
        """Compares the values numerically with their sign ignored."""
        return self._minmax(other, context, 1, True)

    def min_mag(self, other, context=None):
        """Compares the values numerically with their sign ignored."""
        return self._minmax(other, context, -1, True)

    def _minmax(self, other, context, want, mag):
        other = _convert(other, raiseit=True)
        if context is None:
            context = getcontext()
        if self._is_nan() or other._is_nan():
            sn, on = self._special == 'n', other._special == 'n'
            if sn != on and not (self._special == 'N' or other._special == 'N'):
                return (other if sn else self)._fix(context)
            return self._check_nans(other, context)
        a, b = (self.copy_abs(), other.copy_abs()) if mag else (self, other)
        c = a._cmp(b)
        if c == 0:
            c = self.compare_total(other)._to_int()
        pick = self if c == want else other
        return pick._fix(context)

    # Functions.

    def sqrt(self, context=None):
        """Return the square root of self."""
        if context is None:
            context = getcontext()
        if self._special:
            ans = self._check_nans(None, context)
            if ans is not None:
                return ans
            if self._sign == 0:
                return Decimal(self)
        if not self._coef:
            return _dec(self._sign, 0, self._exp >> 1)._fix(context)
        if self._sign == 1:
            return context._raise_error(InvalidOperation, 'sqrt(-x), x > 0')
        prec = context.prec + 1
        e = self._exp >> 1
        if self._exp & 1:
            c = self._coef * 10
            l = (_ndigits(self._coef) >> 1) + 1
        else:
            c = self._coef
            l = (_ndigits(self._coef) + 1) >> 1
        shift = prec - l
        if shift >= 0:
            c *= 100 ** shift
            exact = True
        else:
            c, remainder = divmod(c, 100 ** -shift)
            exact = not remainder
        e -= shift
        n = _math.isqrt(c)
        exact = exact and n * n == c
        if exact:
            if shift >= 0:
                n //= 10 ** shift
            else:
                n *= 10 ** -shift
            e += shift
        elif n % 5 == 0:
            n += 1
        return _dec(0, n, e)._fix(context._with_rounding(ROUND_HALF_EVEN))

    def exp(self, context=None):
        """Returns e ** self."""
        if context is None:
            context = getcontext()
        if self._special:
            ans = self._check_nans(None, context)
            if ans is not None:
                return ans
            return _dec(0, 0, 0) if self._sign else Decimal(self)
        if not self._coef:
            return _ONE
        adj = self.adjusted()
        if adj > 8:
            if self._sign:
                return _dec(0, 1, context.Emin - context.prec - 1)._fix(context._with_rounding(ROUND_HALF_EVEN))
            return _dec(0, 1, context.Emax + 1)._fix(context)
        work = context.prec + 12 + max(adj, 0)
        scale = 10 ** work
        n, d = self.as_integer_ratio()
        return _exp_from_fixed(n * scale // d, scale, context, 0)

    def ln(self, context=None):
        """Returns the natural (base e) logarithm of self."""
        if context is None:
            context = getcontext()
        ans = self._log_special(context)
        if ans is not None:
            return ans
        if self._coef == 1 and self._exp == 0:
            return _dec(0, 0, 0)
        work = context.prec + 12
        lnx, scale = _ln_fixed(self, work)
        return _from_fixed(lnx, scale, context)

    def log10(self, context=None):
        """Returns the base 10 logarithm of self."""
        if context is None:
            context = getcontext()
        ans = self._log_special(context)
        if ans is not None:
            return ans
        s = str(self._coef)
        if s[0] == '1' and s[1:].strip('0') == '':
            return Decimal(self._exp + len(s) - 1)
        work = context.prec + 12
        lnx, scale = _ln_fixed(self, work)
        return _from_fixed(lnx * scale // _ln10(scale), scale, context)

    def _log_special(self, context):
        if self._special:
            ans = self._check_nans(None, context)
            if ans is not None:
                return ans
            if self._sign == 0:
                return Decimal(self)
        if not self._coef:
            return _INF[1]
        if self._sign:
            return context._raise_error(InvalidOperation, 'ln of a negative value')
        return None

    def fma(self, other, third, context=None):
        """Fused multiply-add: self*other+third with no rounding of the intermediate product."""
        other = _convert(other, raiseit=True)
        third = _convert(third, raiseit=True)
        if context is None:
            context = getcontext()
        if self._special or other._special:
            product = self.__mul__(other, context=context)
        else:
            product = _dec(self._sign ^ other._sign, self._coef * other._coef, self._exp + other._exp)
        return product.__add__(third, context=context)

    def __format__(self, specifier, context=None):
        if context is None:
            context = getcontext()
        spec = _parse_spec(specifier)
        if self._special:
            body = {'F': 'Infinity', 'n': 'NaN', 'N': 'sNaN'}[self._special]
            if spec['type'] == '%':
                body += '%'
            return _pad(self._sign, body, spec)
        t = spec['type']
        if t is None:
            t = ['g', 'G'][context.capitals]
        v = self
        if t == '%':
            v = _dec(v._sign, v._coef, v._exp + 2)
        rounding = context.rounding
        precision = spec['precision']
        if precision is not None:
            if t in 'eE':
                v = v._round(precision + 1, rounding)
            elif t in 'fF%':
                v = v._rescale(-precision, rounding)
            elif t in 'gG' and _ndigits(v._coef) > precision:
                v = v._round(precision, rounding)
        if not v._coef and v._exp > 0 and t in 'fF%':
            v = v._rescale(0, rounding)
        digits = str(v._coef)
        leftdigits = v._exp + len(digits)
        if t in 'eE':
            dotplace = 1 - precision if not v._coef and precision is not None else 1
        elif t in 'fF%':
            dotplace = leftdigits
        else:
            dotplace = leftdigits if v._exp <= 0 and leftdigits > -6 else 1
        if dotplace < 0:
            intpart = '0'
            fracpart = '0' * (-dotplace) + digits
        elif dotplace > len(digits):
            intpart = digits + '0' * (dotplace - len(digits))
            fracpart = ''
        else:
            intpart = digits[:dotplace] or '0'
            fracpart = digits[dotplace:]
        exp = leftdigits - dotplace
        if spec['thousands']:
            intpart = _group(intpart, spec['thousands'])
        if fracpart or spec['alt']:
            fracpart = '.' + fracpart
        if exp != 0 or t in 'eE':
            fracpart += {'E': 'E', 'e': 'e', 'G': 'E', 'g': 'e'}[t] + '%+d' % exp
        if t == '%':
            fracpart += '%'
        return _pad(v._sign, intpart + fracpart, spec)


def _dec(sign, coef, exp, special=''):
    """_dec is a Decimal made from its parts, unchecked."""
    d = object.__new__(Decimal)
    d._sign = sign
    d._coef = coef
    d._exp = exp
    d._special = special
    return d


def _op_result(c, op):
    if op == 'eq':
        return c == 0
    if op == 'ne':
        return c != 0
    if op == 'lt':
        return c < 0
    if op == 'le':
        return c <= 0
    if op == 'gt':
        return c > 0
    return c >= 0


def _convert(other, raiseit=False):
    """_convert is other as a Decimal for arithmetic: Decimals and ints only."""
    if isinstance(other, Decimal):
        return other
    if isinstance(other, int):
        return Decimal(other)
    if raiseit:
        raise TypeError("conversion from %s to Decimal is not supported" % type(other).__name__)
    return NotImplemented


def _convert_op(self, other, op, reflected):
    """_convert_op is other as a Decimal for an operator; a built-in type it cannot take raises as the C module does."""
    if isinstance(other, Decimal):
        return other
    if isinstance(other, int):
        return Decimal(other)
    if type(other).__module__ != 'builtins':
        return NotImplemented
    names = ("'%s'" % type(other).__name__, "'decimal.Decimal'")
    if not reflected:
        names = names[::-1]
    if op == '** or pow()':
        raise TypeError("unsupported operand type(s) for ** or pow(): %s and %s" % names)
    if op == 'divmod()':
        raise TypeError("unsupported operand type(s) for divmod(): %s and %s" % names)
    raise TypeError("unsupported operand type(s) for %s: %s and %s" % ((op,) + names))


def _parse(text):
    """_parse reads a numeric string: (sign, coefficient, exponent, special) or None."""
    s = text.strip()
    if '_' in s:
        parts = s.split('_')
        if any(not p or not p[-1:].isdigit() and p is not parts[-1] for p in parts):
            return None
        for i in range(len(parts) - 1):
            if not parts[i][-1:].isdigit() or not parts[i + 1][:1].isdigit():
                return None
        s = ''.join(parts)
    if not s:
        return None
    sign = 0
    if s[0] in '+-':
        sign = 1 if s[0] == '-' else 0
        s = s[1:]
    low = s.lower()
    if low in ('inf', 'infinity'):
        return sign, 0, 0, 'F'
    if low.startswith('nan') or low.startswith('snan'):
        payload = low[3:] if low[0] == 'n' else low[4:]
        if payload and not (payload.isdigit() and payload.isascii()):
            return None
        return sign, int(payload) if payload else 0, 0, 'n' if low[0] == 'n' else 'N'
    exp = 0
    epos = max(low.find('e'), -1)
    if epos >= 0:
        e = low[epos + 1:]
        low = low[:epos]
        if e[:1] in ('+', '-'):
            body = e[1:]
        else:
            body = e
        if not body or not body.isdigit():
            return None
        exp = int(e)
    if '.' in low:
        intpart, _, frac = low.partition('.')
    else:
        intpart, frac = low, ''
    if not intpart and not frac:
        return None
    digits = intpart + frac
    if not digits.isdigit():
        return None
    return sign, int(digits), exp - len(frac), ''


def _parse_spec(spec):
    """_parse_spec reads a format specification: [[fill]align][sign][z][#][0][width][,_][.precision][type]."""
    out = {'fill': ' ', 'align': None, 'sign': '-', 'alt': False, 'zeropad': False, 'width': 0,
           'thousands': '', 'precision': None, 'type': None}
    i = 0
    n = len(spec)
    if n >= 2 and spec[1] in '<>=^':
        out['fill'] = spec[0]
        out['align'] = spec[1]
        i = 2
    elif n >= 1 and spec[0] in '<>=^':
        out['align'] = spec[0]
        i = 1
    if i < n and spec[i] in '+- ':
        out['sign'] = spec[i]
        i += 1
    if i < n and spec[i] == 'z':
        i += 1
    if i < n and spec[i] == '#':
        out['alt'] = True
        i += 1
    if i < n and spec[i] == '0':
        out['zeropad'] = True
        i += 1
    start = i
    while i < n and spec[i].isdigit():
        i += 1
    if i > start:
        out['width'] = int(spec[start:i])
    if i < n and spec[i] == ',':
        out['thousands'] = spec[i]
        i += 1
    if i < n and spec[i] == '.':
        i += 1
        start = i
        while i < n and spec[i].isdigit():
            i += 1
        if i == start:
            raise ValueError("invalid format string")
        out['precision'] = int(spec[start:i])
    if i < n:
        out['type'] = spec[i]
        i += 1
    if i != n or (out['type'] is not None and out['type'] not in 'eEfFgGn%'):
        raise ValueError("invalid format string")
    if out['type'] == 'n':
        out['type'] = 'g'
    if out['zeropad'] and out['align'] is None:
        out['fill'] = '0'
        out['align'] = '='
    if out['precision'] == 0 and out['type'] in ('g', 'G'):
        out['precision'] = 1
    return out


def _group(intpart, sep):
    head = len(intpart) % 3 or 3
    groups = [intpart[:head]] + [intpart[k:k + 3] for k in range(head, len(intpart), 3)]
    return sep.join(groups)


def _pad(negative, body, spec):
    sign = '-' if negative else ('+' if spec['sign'] == '+' else ' ' if spec['sign'] == ' ' else '')
    width = spec['width']
    fill = spec['fill']
    align = spec['align'] or '>'
    padding = width - len(sign) - len(body)
    if padding <= 0:
        return sign + body
    if align == '<':
        return sign + body + fill * padding
    if align == '>':
        return fill * padding + sign + body
    if align == '=':
        return sign + fill * padding + body
    half = padding // 2
    return fill * half + sign + body + fill * (padding - half)


# Fixed-point helpers for exp, ln, log10 and non-integral powers: a value v is the int v*scale.

def _atanh_inv(m, scale):
    """_atanh_inv is atanh(1/m) * scale."""
    total = term = scale // m
    m2 = m * m
    k = 1
    while term:
        term //= m2
        k += 2
        total += term // k
    return total


def _ln2(scale):
    return 2 * _atanh_inv(3, scale)


def _ln10(scale):
    return 3 * _ln2(scale) + 2 * _atanh_inv(9, scale)


def _ln_fixed(x, work):
    """_ln_fixed is (ln(x) * 10**work, 10**work) for a finite positive Decimal x."""
    guard = work + 6
    scale = 10 ** guard
    digits = _ndigits(x._coef)
    e10 = x._exp + digits - 1
    y = x._coef * scale // 10 ** (digits - 1)
    k = 0
    while y > 3 * scale // 2:
        y //= 2
        k += 1
    while y < 3 * scale // 4:
        y *= 2
        k -= 1
    t = (y - scale) * scale // (y + scale)
    negative = t < 0
    t = abs(t)
    total = term = t
    t2 = t * t // scale
    j = 1
    while term:
        term = term * t2 // scale
        j += 2
        total += term // j
    if negative:
        total = -total
    result = 2 * total + k * _ln2(scale) + e10 * _ln10(scale)
    return result // 10 ** 6, 10 ** work


def _exp_from_fixed(t, scale, context, sign, rounding=ROUND_HALF_EVEN):
    """_exp_from_fixed is the Decimal e**(t/scale) rounded to the context (sign 1 negates it)."""
    guard = 10 ** 6
    big = scale * guard
    x = t * guard
    ln10 = _ln10(big)
    n = x // ln10
    if n > context.Emax + 2:
        return _dec(sign, 1, context.Emax + 1)._fix(context)
    if n < context.Emin - context.prec - 3:
        return _dec(sign, 1, context.Emin - context.prec - 2)._fix(context._with_rounding(ROUND_HALF_EVEN))
    r = x - n * ln10
    halvings = 10
    r >>= halvings
    total = term = big
    k = 1
    while term:
        term = term * r // (big * k)
        if term < 0:
            term += 1
        total += term
        k += 1
    for _ in range(halvings):
        total = total * total // big
    ans = _dec(sign, total * 10 + 1, n - _ndigits(big) + 1 - 1)
    return ans._fix(context._with_rounding(rounding))


def _from_fixed(v, scale, context):
    """_from_fixed is the inexact Decimal v/scale rounded half-even to the context."""
    sign = 1 if v < 0 else 0
    ans = _dec(sign, abs(v) * 10 + 1, -(_ndigits(scale) - 1) - 1)
    return ans._fix(context._with_rounding(ROUND_HALF_EVEN))


_ONE = Decimal(1)
_NEG_ONE = Decimal(-1)
_INF = (_dec(0, 0, 0, 'F'), _dec(1, 0, 0, 'F'))
_NAN = _dec(0, 0, 0, 'n')


class Context(object):
    """The context affects almost all operations and controls rounding,
    Over/Underflow, raising of exceptions and much more.
    """

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None, capitals=None, clamp=None,
                 flags=None, traps=None, _ignored_flags=None):
        try:
            dc = DefaultContext
        except NameError:
            dc = None
        self.prec = prec if prec is not None else (dc.prec if dc else 28)
        self.rounding = rounding if rounding is not None else (dc.rounding if dc else ROUND_HALF_EVEN)
        self.Emin = Emin if Emin is not None else (dc.Emin if dc else -999999)
        self.Emax = Emax if Emax is not None else (dc.Emax if dc else 999999)
        self.capitals = capitals if capitals is not None else (dc.capitals if dc else 1)
        self.clamp = clamp if clamp is not None else (dc.clamp if dc else 0)
        if traps is None:
            self.traps = dict(dc.traps) if dc else {s: s in (DivisionByZero, Overflow, InvalidOperation) for s in _SIGNALS}
        elif not isinstance(traps, dict):
            self.traps = {s: s in traps for s in _SIGNALS}
        else:
            self.traps = {s: bool(traps.get(s, 0)) for s in _SIGNALS}
        if flags is None:
            self.flags = dict.fromkeys(_SIGNALS, False)
        elif not isinstance(flags, dict):
            self.flags = {s: s in flags for s in _SIGNALS}
        else:
            self.flags = {s: bool(flags.get(s, 0)) for s in _SIGNALS}

    # Context's settings are properties that check what they are given (the engine has no __setattr__ hook).
    def _set_prec(self, value):
        if not isinstance(value, int):
            raise TypeError("an integer is required")
        if not 1 <= value <= MAX_PREC:
            raise ValueError("valid range for prec is [1, MAX_PREC]")
        self._prec = value

    def _set_Emin(self, value):
        if not isinstance(value, int):
            raise TypeError("an integer is required")
        if not MIN_EMIN <= value <= 0:
            raise ValueError("valid range for Emin is [MIN_EMIN, 0]")
        self._Emin = value

    def _set_Emax(self, value):
        if not isinstance(value, int):
            raise TypeError("an integer is required")
        if not 0 <= value <= MAX_EMAX:
            raise ValueError("valid range for Emax is [0, MAX_EMAX]")
        self._Emax = value

    def _set_capitals(self, value):
        if not isinstance(value, int):
            raise TypeError("an integer is required")
        if value not in (0, 1):
            raise ValueError("valid values for capitals are 0 or 1")
        self._capitals = value

    def _set_clamp(self, value):
        if not isinstance(value, int):
            raise TypeError("an integer is required")
        if value not in (0, 1):
            raise ValueError("valid values for clamp are 0 or 1")
        self._clamp = value

    def _set_rounding(self, value):
        if value not in _ROUNDINGS:
            raise TypeError("valid values for rounding are:\n  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n"
                            "   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n   ROUND_05UP]")
        self._rounding = value

    prec = property(lambda self: self._prec, _set_prec)
    Emin = property(lambda self: self._Emin, _set_Emin)
    Emax = property(lambda self: self._Emax, _set_Emax)
    capitals = property(lambda self: self._capitals, _set_capitals)
    clamp = property(lambda self: self._clamp, _set_clamp)
    rounding = property(lambda self: self._rounding, _set_rounding)

    def __repr__(self):
        flags = [s.__name__ for s in _REPR_ORDER if self.flags.get(s)]
        traps = [s.__name__ for s in _REPR_ORDER if self.traps.get(s)]
        return ('Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, capitals=%d, clamp=%d, flags=[%s], traps=[%s])'
                % (self.prec, self.rounding, self.Emin, self.Emax, self.capitals, self.clamp,
                   ', '.join(flags), ', '.join(traps)))

    def clear_flags(self):
        """Reset all flags to zero"""
        for flag in self.flags:
            self.flags[flag] = False

    def clear_traps(self):
        """Reset all traps to zero"""
        for flag in self.traps:
            self.traps[flag] = False

    def copy(self):
        """Returns a deep copy from self."""
        return Context(self.prec, self.rounding, self.Emin, self.Emax, self.capitals, self.clamp,
                       dict(self.flags), dict(self.traps))

    __copy__ = copy

    def _with_rounding(self, rounding):
        """_with_rounding is a context sharing self's flags and traps with another rounding."""
        c = object.__new__(Context)
        c._prec, c._Emin, c._Emax, c._capitals, c._clamp = self._prec, self._Emin, self._Emax, self._capitals, self._clamp
        c.flags, c.traps, c._rounding = self.flags, self.traps, rounding
        return c

    def _raise_error(self, condition, explanation=None, *args):
        """_raise_error signals condition: sets its flag; raises it if trapped, else returns the default result."""
        signal = _CONDITION_SIGNAL.get(condition, condition)
        self.flags[signal] = True
        if self.traps.get(signal):
            raise signal([condition])
        if signal is InvalidOperation:
            if args and isinstance(args[0], Decimal):
                return _dec(args[0]._sign, args[0]._coef, 0, 'n')._fix_nan(self)
            return _NAN
        if condition is DivisionByZero:
            return _INF[args[0]]
        return None

    def _overflow(self, sign):
        r = self.rounding
        if r in (ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_HALF_DOWN, ROUND_UP):
            return _INF[sign]
        if (r == ROUND_CEILING and not sign) or (r == ROUND_FLOOR and sign):
            return _INF[sign]
        return _dec(sign, 10 ** self.prec - 1, self.Emax - self.prec + 1)

    def Etiny(self):
        """Returns Etiny (= Emin - prec + 1)"""
        return self.Emin - self.prec + 1

    def Etop(self):
        """Returns maximum exponent (= Emax - prec + 1)"""
        return self.Emax - self.prec + 1

    def create_decimal(self, num='0'):
        """Creates a new Decimal instance but using self as context."""
        if isinstance(num, str) and (num != num.strip() or '_' in num):
            return self._raise_error(ConversionSyntax, "trailing or leading whitespace and underscores are not permitted.")
        d = Decimal(num, context=self)
        if d._is_nan() and d._coef and _ndigits(d._coef) > self.prec - self.clamp:
            return self._raise_error(ConversionSyntax, "diagnostic info too long in NaN")
        return d._fix(self)

    def create_decimal_from_float(self, f):
        """Creates a new Decimal instance from a float but rounding using self as the context."""
        return Decimal.from_float(f)._fix(self)

    def to_sci_string(self, a):
        """Converts a number to a string, using scientific notation."""
        return _convert(a, raiseit=True).__str__(context=self)

    def to_eng_string(self, a):
        """Convert to a string, using engineering notation if an exponent is needed."""
        return _convert(a, raiseit=True).__str__(eng=True, context=self)

    def add(self, a, b):
        return _convert(a, raiseit=True).__add__(_convert(b, raiseit=True), context=self)

    def subtract(self, a, b):
        return _convert(a, raiseit=True).__sub__(_convert(b, raiseit=True), context=self)

    def multiply(self, a, b):
        return _convert(a, raiseit=True).__mul__(_convert(b, raiseit=True), context=self)

    def divide(self, a, b):
        return _convert(a, raiseit=True).__truediv__(_convert(b, raiseit=True), context=self)

    def divide_int(self, a, b):
        return _convert(a, raiseit=True).__floordiv__(_convert(b, raiseit=True), context=self)

    def divmod(self, a, b):
        return _convert(a, raiseit=True).__divmod__(_convert(b, raiseit=True), context=self)

    def remainder(self, a, b):
        return _convert(a, raiseit=True).__mod__(_convert(b, raiseit=True), context=self)

    def power(self, a, b, modulo=None):
        return _convert(a, raiseit=True).__pow__(_convert(b, raiseit=True), modulo, context=self)

    def abs(self, a):
        return _convert(a, raiseit=True).__abs__(context=self)

    def plus(self, a):
        return _convert(a, raiseit=True).__pos__(context=self)

    def minus(self, a):
        return _convert(a, raiseit=True).__neg__(context=self)

    def compare(self, a, b):
        return _convert(a, raiseit=True).compare(b, context=self)

    def max(self, a, b):
        return _convert(a, raiseit=True).max(b, context=self)

    def min(self, a, b):
        return _convert(a, raiseit=True).min(b, context=self)

    def quantize(self, a, b):
        return _convert(a, raiseit=True).quantize(b, context=self)

    def sqrt(self, a):
        return _convert(a, raiseit=True).sqrt(context=self)

    def exp(self, a):
        return _convert(a, raiseit=True).exp(context=self)

    def ln(self, a):
        return _convert(a, raiseit=True).ln(context=self)

    def log10(self, a):
        return _convert(a, raiseit=True).log10(context=self)

    def normalize(self, a):
        return _convert(a, raiseit=True).normalize(context=self)

    def to_integral_value(self, a):
        return _convert(a, raiseit=True).to_integral_value(context=self)

    to_integral = to_integral_value

    def to_integral_exact(self, a):
        return _convert(a, raiseit=True).to_integral_exact(context=self)

    def fma(self, a, b, c):
        return _convert(a, raiseit=True).fma(b, c, context=self)

    def is_nan(self, a):
        return _convert(a, raiseit=True).is_nan()

    def is_zero(self, a):
        return _convert(a, raiseit=True).is_zero()

    def is_signed(self, a):
        return _convert(a, raiseit=True).is_signed()

    def is_finite(self, a):
        return _convert(a, raiseit=True).is_finite()

    def is_infinite(self, a):
        return _convert(a, raiseit=True).is_infinite()

    def copy_abs(self, a):
        return _convert(a, raiseit=True).copy_abs()

    def copy_negate(self, a):
        return _convert(a, raiseit=True).copy_negate()

    def copy_sign(self, a, b):
        return _convert(a, raiseit=True).copy_sign(b)

    def number_class(self, a):
        return _convert(a, raiseit=True).number_class(context=self)

    def radix(self):
        return Decimal(10)


DefaultContext = Context(prec=28, rounding=ROUND_HALF_EVEN, Emin=-999999, Emax=999999, capitals=1, clamp=0,
                         traps=[DivisionByZero, Overflow, InvalidOperation], flags=[])
BasicContext = Context(prec=9, rounding=ROUND_HALF_UP,
                       traps=[DivisionByZero, Overflow, InvalidOperation, Clamped, Underflow], flags=[])
ExtendedContext = Context(prec=9, rounding=ROUND_HALF_EVEN, traps=[], flags=[])

_current_context = _contextvars.ContextVar('decimal_context')


def getcontext():
    """Returns this thread's context."""
    try:
        return _current_context.get()
    except LookupError:
        context = DefaultContext.copy()
        _current_context.set(context)
        return context


def setcontext(context):
    """Set this thread's context to context."""
    if not isinstance(context, Context):
        raise TypeError("argument must be a context")
    if context in (DefaultContext, BasicContext, ExtendedContext):
        context = context.copy()
        context.clear_flags()
    _current_context.set(context)


class _ContextManager(object):
    """Context manager class to support localcontext()."""

    def __init__(self, new_context):
        self.new_context = new_context.copy()

    def __enter__(self):
        self.saved_context = getcontext()
        setcontext(self.new_context)
        return self.new_context

    def __exit__(self, t, v, tb):
        setcontext(self.saved_context)


def localcontext(ctx=None, **kwargs):
    """Return a context manager for a copy of the supplied context."""
    if ctx is None:
        ctx = getcontext()
    elif not isinstance(ctx, Context):
        raise TypeError("optional argument must be a context")
    manager = _ContextManager(ctx)
    for key, value in kwargs.items():
        if key not in ('prec', 'rounding', 'Emin', 'Emax', 'capitals', 'clamp', 'flags', 'traps'):
            raise TypeError("'%s' is an invalid keyword argument for this function" % key)
        if key in ('flags', 'traps'):
            value = {s: s in value for s in _SIGNALS} if not isinstance(value, dict) else dict(value)
        setattr(manager.new_context, key, value)
    return manager


def _register_abcs():
    # _register_abcs files Decimal under numbers.Number when numbers is loaded (numbers does the reverse).
    import sys
    numbers = sys.modules.get('numbers')
    if numbers is not None:
        numbers.Number.register(Decimal)


_register_abcs()
