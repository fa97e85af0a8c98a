#pragma once
// Arbitrary-precision integers. An int that fits in int64 is always the inline Value
// (the interpreter's fast path never sees a big int); a BigIntObj on the heap holds only
// values outside int64, so equality, hashing and dict keys agree across the two forms.
// Magnitudes are little-endian 32-bit limbs with 64-bit intermediates: a 32x32->64
// product and a 64/32 quotient are single machine instructions on wasm32 and x86-64,
// and 32 bits per limb keeps shifts and two's-complement bit operations byte-aligned.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lang/ast.h"
#include "vm/format.h"
#include "vm/object.h"

namespace interleave {

// BigInt is a sign and a magnitude with no leading zero limbs; zero is empty and not negative.
struct BigInt {
  bool neg = false;
  std::vector<uint32_t> mag;

  static BigInt from_i64(int64_t v);
  static BigInt from_u64(uint64_t v, bool negative = false);
  // from_double() truncates a finite double toward zero.
  static BigInt from_double(double d);
  bool is_zero() const { return mag.empty(); }
  bool fits_i64() const;
  int64_t to_i64() const;  // only when fits_i64()
  // to_double() rounds to nearest even; false when the result is too large.
  bool to_double(double& out) const;
  uint64_t bit_length() const;
  uint64_t bit_count() const;
  void trim();
};

int big_cmp(const BigInt& a, const BigInt& b);
// big_cmp_double() compares exactly; d must not be NaN.
int big_cmp_double(const BigInt& a, double d);
BigInt big_add(const BigInt& a, const BigInt& b);
BigInt big_sub(const BigInt& a, const BigInt& b);
BigInt big_mul(const BigInt& a, const BigInt& b);
// big_divmod() is Python's floor division and modulo; b must not be zero.
void big_divmod(const BigInt& a, const BigInt& b, BigInt& q, BigInt& r);
BigInt big_neg(BigInt a);
BigInt big_shl(const BigInt& a, uint64_t n);
BigInt big_shr(const BigInt& a, uint64_t n);                  // floor, like Python's >>
BigInt big_bitop(const BigInt& a, const BigInt& b, char op);  // '&', '|', '^'
BigInt big_invert(const BigInt& a);                           // ~a == -a - 1
BigInt big_pow(const BigInt& base, uint64_t e);
// big_powmod() is pow(base, e, m) for e >= 0 and m != 0, result with m's sign.
BigInt big_powmod(const BigInt& base, const BigInt& e, const BigInt& m);
// big_modinv() is the inverse of a modulo m (m > 0); false when none exists.
bool big_modinv(const BigInt& a, const BigInt& m, BigInt& out);
BigInt big_gcd(BigInt a, BigInt b);
BigInt big_isqrt(const BigInt& n);  // n >= 0
// big_true_div() is a / b correctly rounded; false when it is too large for a float.
bool big_true_div(const BigInt& a, const BigInt& b, double& out);
uint64_t big_hash(const BigInt& a);  // CPython's hash: |a| mod 2**61-1 with a's sign
// big_to_string() writes a in base 2..36 (lowercase), with a '-' for negatives, no prefix.
std::string big_to_string(const BigInt& a, int base);
size_t big_decimal_digits_estimate(const BigInt& a);
// big_parse() reads digits (and single underscores between them) in base 2..36.
bool big_parse(std::string_view digits, int base, BigInt& out);

struct BigIntObj : Obj {
  BigInt v;
  BigIntObj() : Obj(ObjKind::BigInt) {}
  void trace(VM&) override {}
  size_t size() const override { return sizeof(BigIntObj) + v.mag.capacity() * 4; }
};

class VM;
namespace lib {

// kMaxStrDigits is CPython 3.11's default sys.get_int_max_str_digits().
constexpr size_t kMaxStrDigits = 4300;
// kStrDigitsThreshold is sys.int_info.str_digits_check_threshold: smaller ints are never checked.
constexpr size_t kStrDigitsThreshold = 640;
// kStrDigitsCheckBits: an int of at most this many bits has at most kStrDigitsThreshold digits.
constexpr uint64_t kStrDigitsCheckBits = 2126;
// int_max_str_digits() is sys.get_int_max_str_digits() (0: no limit).
size_t int_max_str_digits(VM& vm);

inline const BigIntObj* as_bigint(Value v) {
  return v.is_obj() && v.o && v.o->kind == ObjKind::BigInt ? static_cast<const BigIntObj*>(v.o) : nullptr;
}
// is_anyint() is an int of either form, or a bool.
inline bool is_anyint(Value v) { return v.is_int() || v.is_bool() || as_bigint(v); }
// to_big() converts an int, bool or big int.
BigInt to_big(Value v);
// make_int() is the Value of b: inline when it fits in int64, else a new BigIntObj.
Value make_int(VM& vm, BigInt b);
// big_binop() is an int-by-int operator where an operand is big or an int64 result
// overflowed; handled=false when op is not an int operator.
bool big_binop(VM& vm, ast::BinOpKind op, Value a, Value b, Value& out, bool& handled);
// int_to_double() is float(v) for an int of either form or a float; raises OverflowError when too large.
bool int_to_double(VM& vm, Value v, double& out);
// big_from_double() is int(f) for a finite float of any size.
Value int_from_double(VM& vm, double f);
// int_compare() compares two ints or an int and a float exactly: -1, 0, 1; 2 for NaN.
int int_compare(Value a, Value b);
// int_to_str() is str(v) in base 10 with CPython's digit limit; false with ValueError pending.
bool int_to_str(VM& vm, Value v, std::string& out);
// parse_big_int() is int(text, base) for text that parse_int() accepted but found too big.
bool parse_big_int(VM& vm, std::string_view text, int base, Value& out);
// int_round() is round(x, ndigits) for an int x of either form.
bool int_round(VM& vm, Value x, Value ndigits, Value& out);
// format_big_int() is format(b, spec) for a parsed int spec.
bool format_big_int(VM& vm, const BigInt& b, const fmt::FormatSpec& f, std::string& out);
// big_literal() is the value of an int literal too large for int64 ("0x..." or decimal).
Value big_literal(VM& vm, const std::string& text);
// int_pow3() is three-argument pow for ints.
bool int_pow3(VM& vm, Value base, Value exp, Value mod, Value& out);

}  // namespace lib
}  // namespace interleave
