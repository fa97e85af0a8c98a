// The VM side of big ints: operators on int Values whose operands or results leave
// int64, conversions to and from float and str with CPython 3.11's errors and limits.
#include <algorithm>
#include <cmath>

#include "vm/bigint.h"
#include "vm/library.h"

namespace interleave {
namespace lib {

using ast::BinOpKind;

namespace {

// kMaxBits bounds a result's size before it is computed (1 GB of limbs is never useful here).
constexpr uint64_t kMaxBits = uint64_t{1} << 32;

bool too_big(VM& vm) { return vm.raise(vm.types().overflow_error, "too many digits in integer"); }

bool reserve_bits(VM& vm, uint64_t bits) {
  if (bits > kMaxBits) return bits >= (uint64_t{1} << 62) ? too_big(vm) : vm.reserve(SIZE_MAX);
  return vm.reserve(static_cast<size_t>(bits / 8));
}

// charge_mul() counts a product of la- and lb-limb numbers in steps before it is computed, one
// step per kLimbOpsPerStep limb operations of Karatsuba past the first million, so a huge
// product or power meets the step limit instead of running for minutes.
constexpr double kLimbOpsPerStep = 4;
bool charge_mul(VM& vm, uint64_t la, uint64_t lb) {
  double m = static_cast<double>(std::min(la, lb)), n = static_cast<double>(std::max(la, lb));
  if (m < 1) return true;
  double ops = m < 40 ? m * n : std::pow(m, 1.585) * (n / m);
  if (ops <= 1e6) return true;
  double steps = (ops - 1e6) / kLimbOpsPerStep;
  return vm.charge_steps(steps > 1e18 ? static_cast<uint64_t>(1e18) : static_cast<uint64_t>(steps));
}

bool float_fallback(VM& vm, BinOpKind op, Value a, Value b, Value& out) {
  double x, y;
  if (!int_to_double(vm, a, x) || !int_to_double(vm, b, y)) return false;
  return vm.binary_op(op, Value::number(x), Value::number(y), out);
}

}  // namespace

BigInt to_big(Value v) {
  if (const BigIntObj* b = as_bigint(v)) return b->v;
  return BigInt::from_i64(int_of(v));
}

Value make_int(VM& vm, BigInt b) {
  if (b.fits_i64()) return Value::integer(b.to_i64());
  BigIntObj* o = vm.alloc<BigIntObj>();
  o->v = std::move(b);
  return Value::object(o);
}

bool int_to_double(VM& vm, Value v, double& out) {
  if (v.is_float()) {
    out = v.f;
    return true;
  }
  const BigIntObj* b = as_bigint(v);
  if (!b) {
    out = static_cast<double>(int_of(v));
    return true;
  }
  if (!b->v.to_double(out)) return vm.raise(vm.types().overflow_error, "int too large to convert to float");
  return true;
}

Value int_from_double(VM& vm, double f) {
  if (f < 9223372036854775808.0 && f >= -9223372036854775808.0) return Value::integer(static_cast<int64_t>(f));
  return make_int(vm, BigInt::from_double(f));
}

int int_compare(Value a, Value b) {
  if (a.is_float() && b.is_float()) {
    if (std::isnan(a.f) || std::isnan(b.f)) return 2;
    return a.f < b.f ? -1 : a.f > b.f ? 1 : 0;
  }
  if (b.is_float()) {
    if (std::isnan(b.f)) return 2;
    return big_cmp_double(to_big(a), b.f);
  }
  if (a.is_float()) {
    if (std::isnan(a.f)) return 2;
    return -big_cmp_double(to_big(b), a.f);
  }
  return big_cmp(to_big(a), to_big(b));
}

bool big_binop(VM& vm, BinOpKind op, Value av, Value bv, Value& out, bool& handled) {
  handled = true;
  if (av.is_float() || bv.is_float()) return float_fallback(vm, op, av, bv, out);
  BigInt a = to_big(av), b = to_big(bv);
  switch (op) {
    case BinOpKind::Add: out = make_int(vm, big_add(a, b)); return true;
    case BinOpKind::Sub: out = make_int(vm, big_sub(a, b)); return true;
    case BinOpKind::Mult:
      if (!reserve_bits(vm, a.bit_length() + b.bit_length()) || !charge_mul(vm, a.mag.size(), b.mag.size()))
        return false;
      out = make_int(vm, big_mul(a, b));
      return true;
    case BinOpKind::Div: {
      if (b.is_zero()) return vm.raise(vm.types().zero_division_error, "division by zero");
      double d;
      if (!big_true_div(a, b, d))
        return vm.raise(vm.types().overflow_error, "integer division result too large for a float");
      out = Value::number(d);
      return true;
    }
    case BinOpKind::FloorDiv:
    case BinOpKind::Mod: {
      if (b.is_zero())
        return vm.raise(vm.types().zero_division_error,
                        op == BinOpKind::Mod ? "integer modulo by zero" : "integer division or modulo by zero");
      BigInt q, r;
      if (a.mag.size() > b.mag.size() && !charge_mul(vm, a.mag.size() - b.mag.size() + 1, b.mag.size())) return false;
      big_divmod(a, b, q, r);
      out = make_int(vm, op == BinOpKind::Mod ? std::move(r) : std::move(q));
      return true;
    }
    case BinOpKind::Pow: {
      if (b.neg) return float_fallback(vm, op, av, bv, out);
      bool unit = a.mag.size() == 1 && a.mag[0] == 1;
      if (a.is_zero() || unit) {
        bool odd = !b.is_zero() && (b.mag[0] & 1);
        out = Value::integer(a.is_zero() ? (b.is_zero() ? 1 : 0) : (a.neg && odd ? -1 : 1));
        return true;
      }
      if (!b.fits_i64()) return too_big(vm);
      uint64_t e = static_cast<uint64_t>(b.to_i64());
      unsigned __int128 bits = static_cast<unsigned __int128>(a.bit_length()) * e;
      if (bits > kMaxBits)
        return bits >= (static_cast<unsigned __int128>(1) << 62) ? too_big(vm) : vm.reserve(SIZE_MAX);
      if (!reserve_bits(vm, static_cast<uint64_t>(bits))) return false;
      uint64_t half = static_cast<uint64_t>(bits / 64) + 1;
      if (!charge_mul(vm, half, half) || !charge_mul(vm, half, half)) return false;
      out = make_int(vm, big_pow(a, e));
      return true;
    }
    case BinOpKind::LShift: {
      if (b.neg) return vm.raise(vm.types().value_error, "negative shift count");
      if (a.is_zero()) {
        out = Value::integer(0);
        return true;
      }
      if (!b.fits_i64() || static_cast<uint64_t>(b.to_i64()) >= (uint64_t{1} << 62)) return too_big(vm);
      uint64_t n = static_cast<uint64_t>(b.to_i64());
      if (!reserve_bits(vm, a.bit_length() + n)) return false;
      out = make_int(vm, big_shl(a, n));
      return true;
    }
    case BinOpKind::RShift: {
      if (b.neg) return vm.raise(vm.types().value_error, "negative shift count");
      if (!b.fits_i64() || static_cast<uint64_t>(b.to_i64()) > a.bit_length()) {
        out = Value::integer(a.neg ? -1 : 0);
        return true;
      }
      out = make_int(vm, big_shr(a, static_cast<uint64_t>(b.to_i64())));
      return true;
    }
    case BinOpKind::BitOr: out = make_int(vm, big_bitop(a, b, '|')); return true;
    case BinOpKind::BitXor: out = make_int(vm, big_bitop(a, b, '^')); return true;
    case BinOpKind::BitAnd: out = make_int(vm, big_bitop(a, b, '&')); return true;
    default: handled = false; return true;
  }
}

// int_max_str_digits() is sys.get_int_max_str_digits() (0: no limit); sys keeps it in its dict.
size_t int_max_str_digits(VM& vm) {
  Value sys, limit;
  bool found = false;
  if (!vm.import_module("sys", sys) || !is_kind(sys, ObjKind::Module)) {
    vm.clear_exception();
    return kMaxStrDigits;
  }
  if (!vm.dict_get(static_cast<Module*>(sys.o)->dict, Value::object(vm.intern("_int_max_str_digits")), limit, found)) {
    vm.clear_exception();
    return kMaxStrDigits;
  }
  return found && limit.is_int() && int_of(limit) >= 0 ? static_cast<size_t>(int_of(limit)) : kMaxStrDigits;
}

namespace {

bool raise_str_digits(VM& vm, size_t limit) {
  return vm.raise(vm.types().value_error,
                  "Exceeds the limit (" + std::to_string(limit) +
                      " digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit");
}

}  // namespace

bool int_to_str(VM& vm, Value v, std::string& out) {
  const BigIntObj* b = as_bigint(v);
  if (!b) {
    int_str(int_of(v), out);
    return true;
  }
  size_t limit = b->v.bit_length() > kStrDigitsCheckBits ? int_max_str_digits(vm) : 0;
  if (limit && big_decimal_digits_estimate(b->v) > limit + 1) return raise_str_digits(vm, limit);
  std::string s = big_to_string(b->v, 10);
  if (limit && s.size() - (b->v.neg ? 1 : 0) > limit) return raise_str_digits(vm, limit);
  out += s;
  return true;
}

bool parse_big_int(VM& vm, std::string_view t, int base, Value& out) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  while (!t.empty() && space(t.front())) t.remove_prefix(1);
  while (!t.empty() && space(t.back())) t.remove_suffix(1);
  bool neg = false;
  if (!t.empty() && (t[0] == '-' || t[0] == '+')) {
    neg = t[0] == '-';
    t.remove_prefix(1);
  }
  if (t.size() > 1 && t[0] == '0') {
    char p = static_cast<char>(t[1] | 0x20);
    int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
    if (pb && (base == 0 || base == pb)) {
      base = pb;
      t.remove_prefix(2);
      if (!t.empty() && t[0] == '_') t.remove_prefix(1);
    }
  }
  if (base == 0) base = 10;
  if ((base & (base - 1)) != 0 && t.size() > kStrDigitsThreshold) {
    size_t digits = 0;
    for (char c : t) digits += c != '_';
    size_t limit = digits > kStrDigitsThreshold ? int_max_str_digits(vm) : 0;
    if (limit && digits > limit)
      return vm.raise(vm.types().value_error, "Exceeds the limit (" + std::to_string(limit) +
                                                  " digits) for integer string conversion: value has " +
                                                  std::to_string(digits) +
                                                  " digits; use sys.set_int_max_str_digits() to increase the limit");
  }
  BigInt b;
  big_parse(t, base, b);
  if (neg) b = big_neg(std::move(b));
  out = make_int(vm, std::move(b));
  return true;
}

bool int_round(VM& vm, Value x, Value ndigits, Value& out) {
  if (ndigits.is_none()) {
    out = x;
    return true;
  }
  int64_t nd;
  if (!as_bigint(ndigits)) {
    if (!to_index(vm, ndigits, nd)) return false;
  } else {
    nd = to_big(ndigits).neg ? INT64_MIN : INT64_MAX;
  }
  if (nd >= 0) {
    out = x;
    return true;
  }
  BigInt v = to_big(x);
  if (static_cast<uint64_t>(-(nd + 1)) + 1 > big_decimal_digits_estimate(v) + 1) {
    out = Value::integer(0);
    return true;
  }
  // Round half to even at 10**-nd, as CPython's long_round does.
  BigInt pw = big_pow(BigInt::from_i64(10), static_cast<uint64_t>(-nd));
  BigInt q, r;
  big_divmod(v, pw, q, r);
  int c = big_cmp(big_shl(r, 1), pw);
  if (c > 0 || (c == 0 && !q.is_zero() && (q.mag[0] & 1))) q = big_add(q, BigInt::from_i64(1));
  out = make_int(vm, big_mul(q, pw));
  return true;
}

bool format_big_int(VM& vm, const BigInt& b, const fmt::FormatSpec& f, std::string& out) {
  std::string err;
  switch (f.type) {
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case '%': {
      double d;
      if (!b.to_double(d)) return vm.raise(vm.types().overflow_error, "int too large to convert to float");
      if (!fmt::format_float(d, f, "int", out, err)) return vm.raise(vm.types().value_error, err);
      return true;
    }
    case 'c': return vm.raise(vm.types().overflow_error, "%c arg not in range(0x110000)");
    case 'b':
    case 'd':
    case 'o':
    case 'x':
    case 'X':
    case 'n': break;
    default: {
      std::string sink;
      if (!fmt::format_int(0, f, "int", sink, err)) return vm.raise(vm.types().value_error, err);
    }
  }
  int base = f.type == 'b' ? 2 : f.type == 'o' ? 8 : (f.type == 'x' || f.type == 'X') ? 16 : 10;
  BigInt mag = b;
  mag.neg = false;
  size_t limit = base == 10 && mag.bit_length() > kStrDigitsCheckBits ? int_max_str_digits(vm) : 0;
  if (limit && big_decimal_digits_estimate(mag) > limit + 1) return raise_str_digits(vm, limit);
  std::string digits = big_to_string(mag, base);
  if (limit && digits.size() > limit) return raise_str_digits(vm, limit);
  if (!fmt::format_int_digits(b.neg, digits, f, out, err)) return vm.raise(vm.types().value_error, err);
  return true;
}

Value big_literal(VM& vm, const std::string& text) {
  int base = 10;
  std::string_view digits = text;
  if (digits.size() > 2 && digits[0] == '0') {
    char p = static_cast<char>(digits[1] | 0x20);
    base = p == 'x' ? 16 : p == 'o' ? 8 : 2;
    digits.remove_prefix(2);
  }
  BigInt b;
  big_parse(digits, base, b);
  return make_int(vm, std::move(b));
}

bool int_pow3(VM& vm, Value bv, Value ev, Value mv, Value& out) {
  BigInt base = to_big(bv), e = to_big(ev), m = to_big(mv);
  if (m.is_zero()) return vm.raise(vm.types().value_error, "pow() 3rd argument cannot be 0");
  bool mneg = m.neg;
  m.neg = false;
  if (e.neg) {
    BigInt inv;
    if (!big_modinv(base, m, inv))
      return vm.raise(vm.types().value_error, "base is not invertible for the given modulus");
    base = std::move(inv);
    e.neg = false;
  }
  // Square-and-multiply: per bit of e, up to two products of m-sized numbers and two reductions.
  double ml = static_cast<double>(m.mag.size());
  double per_bit = 2 * (ml < 40 ? ml * ml : std::pow(ml, 1.585)) + 2 * ml * ml;
  double ops = per_bit * static_cast<double>(e.bit_length());
  if (ops > 1e6) {
    double steps = (ops - 1e6) / kLimbOpsPerStep;
    if (!vm.charge_steps(steps > 1e18 ? static_cast<uint64_t>(1e18) : static_cast<uint64_t>(steps))) return false;
  }
  BigInt r = big_powmod(base, e, m);
  if (mneg && !r.is_zero()) r = big_sub(r, m);
  out = make_int(vm, std::move(r));
  return true;
}

}  // namespace lib
}  // namespace interleave
