// The math module: CPython's error rules (ValueError "math domain error", OverflowError
// "math range error"), exact fsum() and CPython's correctly rounded hypot().
#include <cfloat>
#include <cmath>

#include "vm/bigint.h"
#include "vm/library.h"

namespace interleave {
namespace lib {
namespace {

bool domain_error(VM& vm) { return vm.raise(vm.types().value_error, "math domain error"); }
bool range_error(VM& vm) { return vm.raise(vm.types().overflow_error, "math range error"); }

bool one_arg(VM& vm, const CallArgs& a, const char* fn, double& x) {
  if (!no_kwargs(vm, a, fn)) return false;
  if (a.nargs != 1)
    return raise_fmt(vm, vm.types().type_error, "math.%s() takes exactly one argument (%u given)", fn, a.nargs);
  return to_double(vm, a.args[0], x, "must be real number");
}

// math_1() applies f with CPython's checks: NaN from a non-NaN is a domain error, an
// infinity from a finite input is a range error (if f can overflow) or a domain error.
bool math_1(VM& vm, const CallArgs& a, const char* fn, double (*f)(double), bool can_overflow, Value& out) {
  double x;
  if (!one_arg(vm, a, fn, x)) return false;
  double r = f(x);
  if (std::isnan(r) && !std::isnan(x)) return domain_error(vm);
  if (std::isinf(r) && std::isfinite(x)) return can_overflow ? range_error(vm) : domain_error(vm);
  out = Value::number(r);
  return true;
}

#define MATH_1(cname, fname, func, ovf)                            \
  bool cname(VM& vm, const CallArgs& a, Value& out) {              \
    return math_1(                                                 \
        vm, a, fname, [](double x) { return func(x); }, ovf, out); \
  }

MATH_1(m_sqrt, "sqrt", std::sqrt, false)
MATH_1(m_exp, "exp", std::exp, true)
MATH_1(m_expm1, "expm1", std::expm1, true)
MATH_1(m_sin, "sin", std::sin, false)
MATH_1(m_cos, "cos", std::cos, false)
MATH_1(m_tan, "tan", std::tan, false)
MATH_1(m_asin, "asin", std::asin, false)
MATH_1(m_acos, "acos", std::acos, false)
MATH_1(m_atan, "atan", std::atan, false)
MATH_1(m_sinh, "sinh", std::sinh, true)
MATH_1(m_cosh, "cosh", std::cosh, true)
MATH_1(m_tanh, "tanh", std::tanh, false)
MATH_1(m_fabs, "fabs", std::fabs, false)
MATH_1(m_erf, "erf", std::erf, false)
MATH_1(m_erfc, "erfc", std::erfc, false)

bool m_degrees(VM& vm, const CallArgs& a, Value& out) {
  double x;
  if (!one_arg(vm, a, "degrees", x)) return false;
  out = Value::number(x * (180.0 / 3.141592653589793));
  return true;
}

bool m_radians(VM& vm, const CallArgs& a, Value& out) {
  double x;
  if (!one_arg(vm, a, "radians", x)) return false;
  out = Value::number(x * (3.141592653589793 / 180.0));
  return true;
}

// log_of() is CPython's m_log: log of a positive finite, -inf/NaN become domain errors.
bool log_of(VM& vm, Value v, double (*f)(double), double& out) {
  if (const BigIntObj* b = as_bigint(v)) {
    if (b->v.neg) return domain_error(vm);
    double x;
    if (b->v.to_double(x)) {
      out = f(x);
      return true;
    }
    // Too large for a float: x = m * 2**e with 0.5 <= m < 1, log is f(m) + f(2) * e (CPython's loghelper).
    uint64_t e = b->v.bit_length();
    double m;
    big_shr(b->v, e - 60).to_double(m);
    m = std::ldexp(m, -60);
    if (m == 1.0) {
      m = 0.5;
      ++e;
    }
    out = f(m) + f(2.0) * static_cast<double>(e);
    return true;
  }
  if (is_intlike(v)) {
    int64_t i = int_of(v);
    if (i <= 0) return domain_error(vm);
    out = f(static_cast<double>(i));
    return true;
  }
  double x;
  if (!to_double(vm, v, x, "must be real number")) return false;
  if (std::isnan(x)) {
    out = x;
    return true;
  }
  if (x <= 0) return domain_error(vm);
  out = f(x);
  return true;
}

bool m_log(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "log")) return false;
  if (a.nargs < 1 || a.nargs > 2)
    return raise_fmt(vm, vm.types().type_error, "log expected %s, got %u",
                     a.nargs ? "at most 2 arguments" : "at least 1 argument", a.nargs);
  double num = 0;
  if (!log_of(
          vm, a.args[0], [](double x) { return std::log(x); }, num))
    return false;
  if (a.nargs == 2) {
    double den = 0;
    if (!log_of(
            vm, a.args[1], [](double x) { return std::log(x); }, den))
      return false;
    if (den == 0) return vm.raise(vm.types().zero_division_error, "float division by zero");
    num /= den;
  }
  out = Value::number(num);
  return true;
}

bool m_log2(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "log2") || !arg_count(vm, a, "log2", 1, 1)) return false;
  double r = 0;
  if (!log_of(
          vm, a.args[0], [](double x) { return std::log2(x); }, r))
    return false;
  out = Value::number(r);
  return true;
}

bool m_log10(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "log10") || !arg_count(vm, a, "log10", 1, 1)) return false;
  double r = 0;
  if (!log_of(
          vm, a.args[0], [](double x) { return std::log10(x); }, r))
    return false;
  out = Value::number(r);
  return true;
}

bool m_log1p(VM& vm, const CallArgs& a, Value& out) {
  double x;
  if (!one_arg(vm, a, "log1p", x)) return false;
  if (x <= -1.0) return domain_error(vm);
  out = Value::number(std::log1p(x));
  return true;
}

bool two_args(VM& vm, const CallArgs& a, const char* fn, double& x, double& y) {
  if (!no_kwargs(vm, a, fn)) return false;
  if (a.nargs != 2) return raise_fmt(vm, vm.types().type_error, "%s expected 2 arguments, got %u", fn, a.nargs);
  return to_double(vm, a.args[0], x, "must be real number") && to_double(vm, a.args[1], y, "must be real number");
}

bool m_pow(VM& vm, const CallArgs& a, Value& out) {
  double x, y;
  if (!two_args(vm, a, "pow", x, y)) return false;
  double r = 0;
  if (!std::isfinite(x) || !std::isfinite(y)) {
    if (std::isnan(x)) r = y == 0.0 ? 1.0 : x;
    else if (std::isnan(y)) r = x == 1.0 ? 1.0 : y;
    else if (std::isinf(x)) {
      bool odd_y = std::isfinite(y) && std::fmod(std::fabs(y), 2.0) == 1.0;
      if (y > 0.) r = odd_y ? x : std::fabs(x);
      else if (y == 0.) r = 1.;
      else r = odd_y ? std::copysign(0., x) : 0.;
    } else {
      if (std::fabs(x) == 1.0) r = 1.;
      else if (y > 0. && std::fabs(x) > 1.0) r = y;
      else if (y < 0. && std::fabs(x) < 1.0) r = -y;
      else r = 0.;
    }
  } else {
    r = std::pow(x, y);
    if (std::isnan(r)) return domain_error(vm);
    if (std::isinf(r)) return x == 0.0 ? domain_error(vm) : range_error(vm);
  }
  out = Value::number(r);
  return true;
}

bool m_atan2(VM& vm, const CallArgs& a, Value& out) {
  double y, x;
  if (!two_args(vm, a, "atan2", y, x)) return false;
  out = Value::number(std::atan2(y, x));
  return true;
}

bool m_fmod(VM& vm, const CallArgs& a, Value& out) {
  double x, y;
  if (!two_args(vm, a, "fmod", x, y)) return false;
  if (std::isinf(y) && std::isfinite(x)) {
    out = Value::number(x);
    return true;
  }
  double r = std::fmod(x, y);
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return domain_error(vm);
  out = Value::number(r);
  return true;
}

bool m_copysign(VM& vm, const CallArgs& a, Value& out) {
  double x, y;
  if (!two_args(vm, a, "copysign", x, y)) return false;
  out = Value::number(std::copysign(x, y));
  return true;
}

bool m_ldexp(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "ldexp")) return false;
  if (a.nargs != 2) return raise_fmt(vm, vm.types().type_error, "ldexp expected 2 arguments, got %u", a.nargs);
  double x;
  int64_t e;
  if (!to_double(vm, a.args[0], x, "must be real number") || !to_index(vm, a.args[1], e)) return false;
  if (e > 100000) e = 100000;
  if (e < -100000) e = -100000;
  double r = std::ldexp(x, static_cast<int>(e));
  if (std::isinf(r) && std::isfinite(x)) return range_error(vm);
  out = Value::number(r);
  return true;
}

bool m_frexp(VM& vm, const CallArgs& a, Value& out) {
  double x;
  if (!one_arg(vm, a, "frexp", x)) return false;
  int e = 0;
  double m = std::isfinite(x) ? std::frexp(x, &e) : x;
  out = Value::object(vm.new_tuple({Value::number(m), Value::integer(e)}));
  return true;
}

bool m_modf(VM& vm, const CallArgs& a, Value& out) {
  double x;
  if (!one_arg(vm, a, "modf", x)) return false;
  double ip;
  double fp = std::isinf(x) ? std::copysign(0.0, x) : std::modf(x, &ip);
  if (std::isinf(x)) ip = x;
  out = Value::object(vm.new_tuple({Value::number(fp), Value::number(ip)}));
  return true;
}

bool float_to_int(VM& vm, double f, Value& out) {
  if (std::isnan(f)) return vm.raise(vm.types().value_error, "cannot convert float NaN to integer");
  if (std::isinf(f)) return vm.raise(vm.types().overflow_error, "cannot convert float infinity to integer");
  out = int_from_double(vm, f);
  return true;
}

bool rounding(VM& vm, const CallArgs& a, const char* fn, const char* dunder, double (*f)(double), Value& out) {
  if (!no_kwargs(vm, a, fn)) return false;
  if (a.nargs != 1)
    return raise_fmt(vm, vm.types().type_error, "math.%s() takes exactly one argument (%u given)", fn, a.nargs);
  Value v = a.args[0];
  if (is_intlike(v)) {
    out = Value::integer(int_of(v));
    return true;
  }
  if (as_bigint(v)) {
    out = v;
    return true;
  }
  if (as_instance(v)) {
    Value fnv;
    if (vm.lookup_type_attr(vm.type_of(v), vm.intern(dunder), fnv)) return vm.call(fnv, {v}, out);
  }
  double x;
  if (!to_double(vm, v, x, "must be real number")) return false;
  return float_to_int(vm, f(x), out);
}
bool m_floor(VM& vm, const CallArgs& a, Value& out) {
  return rounding(
      vm, a, "floor", "__floor__", [](double x) { return std::floor(x); }, out);
}
bool m_ceil(VM& vm, const CallArgs& a, Value& out) {
  return rounding(
      vm, a, "ceil", "__ceil__", [](double x) { return std::ceil(x); }, out);
}
bool m_trunc(VM& vm, const CallArgs& a, Value& out) {
  return rounding(
      vm, a, "trunc", "__trunc__", [](double x) { return std::trunc(x); }, out);
}

bool pred(VM& vm, const CallArgs& a, const char* fn, bool (*f)(double), Value& out) {
  double x;
  if (!one_arg(vm, a, fn, x)) return false;
  out = Value::boolean(f(x));
  return true;
}
bool m_isfinite(VM& vm, const CallArgs& a, Value& out) {
  return pred(
      vm, a, "isfinite", [](double x) { return static_cast<bool>(std::isfinite(x)); }, out);
}
bool m_isinf(VM& vm, const CallArgs& a, Value& out) {
  return pred(
      vm, a, "isinf", [](double x) { return static_cast<bool>(std::isinf(x)); }, out);
}
bool m_isnan(VM& vm, const CallArgs& a, Value& out) {
  return pred(
      vm, a, "isnan", [](double x) { return static_cast<bool>(std::isnan(x)); }, out);
}

bool m_isclose(VM& vm, const CallArgs& a, Value& out) {
  Value p[4] = {Value(), Value(), Value::number(1e-09), Value::number(0.0)};
  uint32_t given;
  if (!bind(vm, a, Params{"isclose", {"a", "b", "rel_tol", "abs_tol"}, 2}, p, given)) return false;
  double x, y, rel, abs_tol;
  if (!to_double(vm, p[0], x, "must be real number") || !to_double(vm, p[1], y, "must be real number") ||
      !to_double(vm, p[2], rel, "must be real number") || !to_double(vm, p[3], abs_tol, "must be real number"))
    return false;
  if (rel < 0.0 || abs_tol < 0.0) return vm.raise(vm.types().value_error, "tolerances must be non-negative");
  if (x == y) {
    out = Value::boolean(true);
    return true;
  }
  if (std::isinf(x) || std::isinf(y)) {
    out = Value::boolean(false);
    return true;
  }
  double diff = std::fabs(y - x);
  out = Value::boolean((diff <= std::fabs(rel * y)) || (diff <= std::fabs(rel * x)) || (diff <= abs_tol));
  return true;
}

// vector_norm() is CPython 3.11's accurate hypot: scaled, with compensated sums.
double vector_norm(size_t n, double* vec, double max, bool found_nan) {
  const double T27 = 134217729.0;
  if (std::isinf(max)) return max;
  if (found_nan) return NAN;
  if (max == 0.0 || n <= 1) return max;
  int max_e;
  std::frexp(max, &max_e);
  if (max_e < -1023) {
    for (size_t i = 0; i < n; ++i) vec[i] /= DBL_MIN;
    return DBL_MIN * vector_norm(n, vec, max / DBL_MIN, found_nan);
  }
  double scale = std::ldexp(1.0, -max_e);
  double csum = 1.0, frac1 = 0.0, frac2 = 0.0, frac3 = 0.0;
  double x, t, hi, lo, oldcsum;
  for (size_t i = 0; i < n; ++i) {
    x = vec[i] * scale;
    t = x * T27;
    hi = t - (t - x);
    lo = x - hi;
    x = hi * hi;
    oldcsum = csum;
    csum += x;
    frac1 += (oldcsum - csum) + x;
    x = 2.0 * hi * lo;
    oldcsum = csum;
    csum += x;
    frac2 += (oldcsum - csum) + x;
    frac3 += lo * lo;
  }
  double h = std::sqrt(csum - 1.0 + (frac1 + frac2 + frac3));
  x = h;
  t = x * T27;
  hi = t - (t - x);
  lo = x - hi;
  x = -hi * hi;
  oldcsum = csum;
  csum += x;
  frac1 += (oldcsum - csum) + x;
  x = -2.0 * hi * lo;
  oldcsum = csum;
  csum += x;
  frac2 += (oldcsum - csum) + x;
  x = -lo * lo;
  oldcsum = csum;
  csum += x;
  frac3 += (oldcsum - csum) + x;
  x = csum - 1.0 + (frac1 + frac2 + frac3);
  return (h + x / (2.0 * h)) / scale;
}

bool m_hypot(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "hypot")) return false;
  std::vector<double> v(a.nargs);
  double max = 0.0;
  bool nan = false;
  for (uint32_t i = 0; i < a.nargs; ++i) {
    if (!to_double(vm, a.args[i], v[i], "must be real number")) return false;
    v[i] = std::fabs(v[i]);
    nan |= std::isnan(v[i]);
    if (v[i] > max) max = v[i];
  }
  out = Value::number(vector_norm(v.size(), v.data(), max, nan));
  return true;
}

bool m_fsum(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "fsum") || !arg_count(vm, a, "fsum", 1, 1)) return false;
  std::vector<double> p;
  double special_sum = 0.0, inf_sum = 0.0;
  bool ok = iterate(vm, a.args[0], [&](Value item, bool&) {
    double x;
    if (!to_double(vm, item, x, "must be real number")) return false;
    double xsave = x;
    size_t i = 0;
    for (size_t j = 0; j < p.size(); ++j) {
      double y = p[j];
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      double hi = x + y;
      double yr = hi - x;
      double lo = y - yr;
      if (lo != 0.0) p[i++] = lo;
      x = hi;
    }
    p.resize(i);
    if (x != 0.0) {
      if (!std::isfinite(x)) {
        if (std::isfinite(xsave)) return vm.raise(vm.types().overflow_error, "intermediate overflow in fsum");
        if (std::isinf(xsave)) inf_sum += xsave;
        special_sum += xsave;
        p.clear();
      } else {
        p.push_back(x);
      }
    }
    return true;
  });
  if (!ok) return false;
  if (special_sum != 0.0) {
    if (std::isnan(inf_sum)) return vm.raise(vm.types().value_error, "-inf + inf in fsum");
    out = Value::number(special_sum);
    return true;
  }
  double hi = 0.0, lo = 0.0;
  size_t n = p.size();
  if (n > 0) {
    hi = p[--n];
    while (n > 0) {
      double x = hi;
      double y = p[--n];
      hi = x + y;
      double yr = hi - x;
      lo = y - yr;
      if (lo != 0.0) break;
    }
    if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
      double y = lo * 2.0;
      double x = hi + y;
      double yr = x - hi;
      if (y == yr) hi = x;
    }
  }
  out = Value::number(hi);
  return true;
}

bool int_arg(VM& vm, Value v, int64_t& out) { return to_index(vm, v, out); }

// big_arg() is an integer argument of any size (int, bool, big int or __index__).
bool big_arg(VM& vm, Value v, BigInt& out) {
  if (as_bigint(v)) {
    out = to_big(v);
    return true;
  }
  int64_t i;
  if (!to_index(vm, v, i)) return false;
  out = BigInt::from_i64(i);
  return true;
}

bool m_gcd(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "gcd")) return false;
  BigInt g;
  for (uint32_t i = 0; i < a.nargs; ++i) {
    BigInt v;
    if (!big_arg(vm, a.args[i], v)) return false;
    g = big_gcd(std::move(g), std::move(v));
  }
  out = make_int(vm, std::move(g));
  return true;
}

bool m_lcm(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "lcm")) return false;
  BigInt l = BigInt::from_i64(1);
  for (uint32_t i = 0; i < a.nargs; ++i) {
    BigInt x;
    if (!big_arg(vm, a.args[i], x)) return false;
    x.neg = false;
    if (x.is_zero() || l.is_zero()) {
      l = BigInt();
      continue;
    }
    BigInt q, r;
    big_divmod(l, big_gcd(l, x), q, r);
    l = big_mul(q, x);
  }
  out = make_int(vm, std::move(l));
  return true;
}

// product() multiplies lo..hi by halves so the operands stay balanced (Karatsuba helps).
BigInt product(int64_t lo, int64_t hi) {
  if (hi - lo < 16) {
    BigInt r = BigInt::from_i64(1);
    for (int64_t i = lo; i <= hi; ++i) r = big_mul(r, BigInt::from_i64(i));
    return r;
  }
  int64_t mid = lo + (hi - lo) / 2;
  return big_mul(product(lo, mid), product(mid + 1, hi));
}

bool m_factorial(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "factorial")) return false;
  if (a.nargs != 1)
    return raise_fmt(vm, vm.types().type_error, "math.factorial() takes exactly one argument (%u given)", a.nargs);
  if (as_bigint(a.args[0])) {
    if (to_big(a.args[0]).neg) return vm.raise(vm.types().value_error, "factorial() not defined for negative values");
    return vm.raise(vm.types().overflow_error, "factorial() argument should not exceed 9223372036854775807");
  }
  int64_t n;
  if (!int_arg(vm, a.args[0], n)) return false;
  if (n < 0) return vm.raise(vm.types().value_error, "factorial() not defined for negative values");
  if (n > 1000000) return vm.raise(vm.types().overflow_error, "too many digits in integer");
  if (!vm.reserve(static_cast<size_t>(n) * 3)) return false;
  out = make_int(vm, n < 2 ? BigInt::from_i64(1) : product(2, n));
  return true;
}

bool comb_perm(VM& vm, const CallArgs& a, bool comb, Value& out) {
  const char* fn = comb ? "comb" : "perm";
  if (!no_kwargs(vm, a, fn)) return false;
  if (a.nargs < (comb ? 2u : 1u) || a.nargs > 2)
    return raise_fmt(vm, vm.types().type_error, "%s expected %s, got %u", fn,
                     comb ? "2 arguments" : "at most 2 arguments", a.nargs);
  BigInt n, k;
  if (!big_arg(vm, a.args[0], n)) return false;
  if (a.nargs == 2 && !a.args[1].is_none()) {
    if (!big_arg(vm, a.args[1], k)) return false;
  } else {
    k = n;
  }
  if (n.neg) return vm.raise(vm.types().value_error, "n must be a non-negative integer");
  if (k.neg) return vm.raise(vm.types().value_error, "k must be a non-negative integer");
  if (big_cmp(k, n) > 0) {
    out = Value::integer(0);
    return true;
  }
  if (comb && big_cmp(big_shl(k, 1), n) > 0) k = big_sub(n, k);
  if (!k.fits_i64() || k.to_i64() > 10000000)
    return vm.raise(vm.types().overflow_error, "min(n - k, k) must not exceed 9223372036854775807");
  int64_t kk = k.to_i64();
  BigInt r = BigInt::from_i64(1);
  for (int64_t i = 0; i < kk; ++i) {
    r = big_mul(r, big_sub(n, BigInt::from_i64(i)));
    if (comb) {
      BigInt q, rem;
      big_divmod(r, BigInt::from_i64(i + 1), q, rem);
      r = std::move(q);
    }
  }
  out = make_int(vm, std::move(r));
  return true;
}
bool m_comb(VM& vm, const CallArgs& a, Value& out) { return comb_perm(vm, a, true, out); }
bool m_perm(VM& vm, const CallArgs& a, Value& out) { return comb_perm(vm, a, false, out); }

bool m_isqrt(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "isqrt") || !arg_count(vm, a, "isqrt", 1, 1)) return false;
  BigInt n;
  if (!big_arg(vm, a.args[0], n)) return false;
  if (n.neg) return vm.raise(vm.types().value_error, "isqrt() argument must be nonnegative");
  out = make_int(vm, big_isqrt(n));
  return true;
}

bool m_prod(VM& vm, const CallArgs& a, Value& out) {
  Value p[2] = {Value(), Value::integer(1)};
  uint32_t given;
  if (!bind(vm, a, Params{"prod", {"iterable", "start"}, 1}, p, given)) return false;
  Value acc = p[1];
  bool ok = iterate(vm, p[0], [&](Value item, bool&) { return vm.binary_op(ast::BinOpKind::Mult, acc, item, acc); });
  if (!ok) return false;
  out = acc;
  return true;
}

bool m_dist(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "dist")) return false;
  if (a.nargs != 2) return raise_fmt(vm, vm.types().type_error, "dist expected 2 arguments, got %u", a.nargs);
  ValueVec p, q;
  if (!collect(vm, a.args[0], p) || !collect(vm, a.args[1], q)) return false;
  if (p.size() != q.size())
    return vm.raise(vm.types().value_error, "both points must have the same number of dimensions");
  std::vector<double> d(p.size());
  double max = 0.0;
  bool nan = false;
  for (size_t i = 0; i < p.size(); ++i) {
    double x, y;
    if (!to_double(vm, p[i], x, "must be real number") || !to_double(vm, q[i], y, "must be real number")) return false;
    d[i] = std::fabs(x - y);
    nan |= std::isnan(d[i]);
    if (d[i] > max) max = d[i];
  }
  out = Value::number(vector_norm(d.size(), d.data(), max, nan));
  return true;
}

}  // namespace

bool make_math_module(VM& vm, Module* m) {
  struct Entry {
    const char* name;
    NativeFn fn;
  };
  static const Entry fns[] = {
      {"sqrt", m_sqrt},         {"exp", m_exp},     {"expm1", m_expm1},     {"sin", m_sin},
      {"cos", m_cos},           {"tan", m_tan},     {"asin", m_asin},       {"acos", m_acos},
      {"atan", m_atan},         {"sinh", m_sinh},   {"cosh", m_cosh},       {"tanh", m_tanh},
      {"fabs", m_fabs},         {"erf", m_erf},     {"erfc", m_erfc},       {"degrees", m_degrees},
      {"radians", m_radians},   {"log", m_log},     {"log2", m_log2},       {"log10", m_log10},
      {"log1p", m_log1p},       {"pow", m_pow},     {"atan2", m_atan2},     {"fmod", m_fmod},
      {"copysign", m_copysign}, {"ldexp", m_ldexp}, {"frexp", m_frexp},     {"modf", m_modf},
      {"floor", m_floor},       {"ceil", m_ceil},   {"trunc", m_trunc},     {"isfinite", m_isfinite},
      {"isinf", m_isinf},       {"isnan", m_isnan}, {"isclose", m_isclose}, {"hypot", m_hypot},
      {"fsum", m_fsum},         {"gcd", m_gcd},     {"lcm", m_lcm},         {"factorial", m_factorial},
      {"comb", m_comb},         {"perm", m_perm},   {"isqrt", m_isqrt},     {"prod", m_prod},
      {"dist", m_dist},
  };
  for (const Entry& e : fns) define(vm, m, e.name, e.fn);
  define_value(vm, m, "pi", Value::number(3.141592653589793));
  define_value(vm, m, "e", Value::number(2.718281828459045));
  define_value(vm, m, "tau", Value::number(6.283185307179586));
  define_value(vm, m, "inf", Value::number(INFINITY));
  define_value(vm, m, "nan", Value::number(NAN));
  return true;
}

}  // namespace lib
}  // namespace interleave
