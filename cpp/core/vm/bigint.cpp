// Arbitrary-precision integer arithmetic (sign-magnitude, 32-bit limbs): schoolbook and
// Karatsuba multiplication, Knuth's algorithm D for division, two's-complement bit
// operations, correctly rounded float conversion and CPython's hash.
#include "vm/bigint.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace interleave {

using Mag = std::vector<uint32_t>;

namespace {

void trim_mag(Mag& m) {
  while (!m.empty() && m.back() == 0) m.pop_back();
}

int cmp_mag(const Mag& a, const Mag& b) {
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  for (size_t i = a.size(); i-- > 0;)
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

Mag add_mag(const Mag& a, const Mag& b) {
  const Mag& x = a.size() >= b.size() ? a : b;
  const Mag& y = a.size() >= b.size() ? b : a;
  Mag r(x.size() + 1);
  uint64_t carry = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    carry += static_cast<uint64_t>(x[i]) + (i < y.size() ? y[i] : 0);
    r[i] = static_cast<uint32_t>(carry);
    carry >>= 32;
  }
  r[x.size()] = static_cast<uint32_t>(carry);
  trim_mag(r);
  return r;
}

// sub_mag() is a - b for |a| >= |b|.
Mag sub_mag(const Mag& a, const Mag& b) {
  Mag r(a.size());
  int64_t borrow = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    int64_t d = static_cast<int64_t>(a[i]) - (i < b.size() ? b[i] : 0) - borrow;
    borrow = d < 0;
    r[i] = static_cast<uint32_t>(d + (borrow << 32));
  }
  trim_mag(r);
  return r;
}

void mul_school(const uint32_t* a, size_t na, const uint32_t* b, size_t nb, uint32_t* r) {
  std::fill(r, r + na + nb, 0u);
  for (size_t i = 0; i < na; ++i) {
    uint64_t carry = 0, ai = a[i];
    if (!ai) continue;
    for (size_t j = 0; j < nb; ++j) {
      carry += ai * b[j] + r[i + j];
      r[i + j] = static_cast<uint32_t>(carry);
      carry >>= 32;
    }
    r[i + nb] = static_cast<uint32_t>(carry);
  }
}

// kKaratsuba is the limb count below which schoolbook multiplication is faster.
constexpr size_t kKaratsuba = 40;

// add_into() adds b (nb limbs) into r starting at limb off, propagating the carry.
void add_into(Mag& r, size_t off, const Mag& b) {
  uint64_t carry = 0;
  size_t i = 0;
  for (; i < b.size() || carry; ++i) {
    if (off + i >= r.size()) r.push_back(0);
    carry += static_cast<uint64_t>(r[off + i]) + (i < b.size() ? b[i] : 0);
    r[off + i] = static_cast<uint32_t>(carry);
    carry >>= 32;
  }
}

Mag mul_mag(const Mag& a, const Mag& b) {
  if (a.empty() || b.empty()) return {};
  size_t n = std::min(a.size(), b.size());
  if (n < kKaratsuba) {
    Mag r(a.size() + b.size());
    mul_school(a.data(), a.size(), b.data(), b.size(), r.data());
    trim_mag(r);
    return r;
  }
  // Karatsuba on a split at half of the longer operand's length.
  size_t h = std::max(a.size(), b.size()) / 2;
  auto lo = [&](const Mag& x) {
    Mag m(x.begin(), x.begin() + std::min(h, x.size()));
    trim_mag(m);
    return m;
  };
  auto hi = [&](const Mag& x) { return x.size() > h ? Mag(x.begin() + h, x.end()) : Mag(); };
  Mag a0 = lo(a), a1 = hi(a), b0 = lo(b), b1 = hi(b);
  Mag z0 = mul_mag(a0, b0);
  Mag z2 = mul_mag(a1, b1);
  Mag z1 = mul_mag(add_mag(a0, a1), add_mag(b0, b1));
  z1 = sub_mag(sub_mag(z1, z0), z2);
  Mag r(a.size() + b.size() + 1, 0);
  add_into(r, 0, z0);
  add_into(r, h, z1);
  add_into(r, 2 * h, z2);
  trim_mag(r);
  return r;
}

// divmod_small() divides m in place by d and returns the remainder.
uint32_t divmod_small(Mag& m, uint32_t d) {
  uint64_t rem = 0;
  for (size_t i = m.size(); i-- > 0;) {
    uint64_t cur = (rem << 32) | m[i];
    m[i] = static_cast<uint32_t>(cur / d);
    rem = cur % d;
  }
  trim_mag(m);
  return static_cast<uint32_t>(rem);
}

// divmod_mag() is Knuth's algorithm D: q = a / b, r = a % b on magnitudes, b nonzero.
void divmod_mag(const Mag& a, const Mag& b, Mag& q, Mag& r) {
  if (cmp_mag(a, b) < 0) {
    q.clear();
    r = a;
    return;
  }
  if (b.size() == 1) {
    q = a;
    uint32_t rem = divmod_small(q, b[0]);
    r.clear();
    if (rem) r.push_back(rem);
    return;
  }
  int s = __builtin_clz(b.back());
  size_t n = b.size(), m = a.size() - n;
  Mag v(n), u(a.size() + 1);
  for (size_t i = n; i-- > 0;) v[i] = (b[i] << s) | (s && i ? b[i - 1] >> (32 - s) : 0);
  u[a.size()] = s ? a.back() >> (32 - s) : 0;
  for (size_t i = a.size(); i-- > 0;) u[i] = (a[i] << s) | (s && i ? a[i - 1] >> (32 - s) : 0);
  q.assign(m + 1, 0);
  const uint64_t B = uint64_t{1} << 32;
  for (size_t j = m + 1; j-- > 0;) {
    uint64_t num = (static_cast<uint64_t>(u[j + n]) << 32) | u[j + n - 1];
    uint64_t qhat = num / v[n - 1], rhat = num % v[n - 1];
    while (qhat >= B || qhat * v[n - 2] > ((rhat << 32) | u[j + n - 2])) {
      --qhat;
      rhat += v[n - 1];
      if (rhat >= B) break;
    }
    int64_t borrow = 0;
    uint64_t carry = 0;
    for (size_t i = 0; i < n; ++i) {
      uint64_t p = qhat * v[i] + carry;
      carry = p >> 32;
      int64_t t = static_cast<int64_t>(u[i + j]) - borrow - static_cast<int64_t>(p & 0xFFFFFFFFu);
      u[i + j] = static_cast<uint32_t>(t);
      borrow = t < 0;
    }
    int64_t t = static_cast<int64_t>(u[j + n]) - borrow - static_cast<int64_t>(carry);
    u[j + n] = static_cast<uint32_t>(t);
    if (t < 0) {
      --qhat;
      uint64_t c = 0;
      for (size_t i = 0; i < n; ++i) {
        c += static_cast<uint64_t>(u[i + j]) + v[i];
        u[i + j] = static_cast<uint32_t>(c);
        c >>= 32;
      }
      u[j + n] += static_cast<uint32_t>(c);
    }
    q[j] = static_cast<uint32_t>(qhat);
  }
  trim_mag(q);
  r.assign(n, 0);
  for (size_t i = 0; i < n; ++i)
    r[i] = (u[i] >> s) | (s ? static_cast<uint32_t>(static_cast<uint64_t>(u[i + 1]) << (32 - s)) : 0);
  trim_mag(r);
}

BigInt make(bool neg, Mag m) {
  BigInt r;
  r.mag = std::move(m);
  trim_mag(r.mag);
  r.neg = neg && !r.mag.empty();
  return r;
}

// twos() is a's two's-complement form in n limbs (n > a's limb count).
Mag twos(const BigInt& a, size_t n) {
  Mag r(n, 0);
  std::copy(a.mag.begin(), a.mag.end(), r.begin());
  if (a.neg) {
    uint64_t carry = 1;
    for (auto& x : r) {
      carry += static_cast<uint32_t>(~x);
      x = static_cast<uint32_t>(carry);
      carry >>= 32;
    }
  }
  return r;
}

BigInt from_twos(Mag r) {
  bool neg = !r.empty() && (r.back() >> 31);
  if (neg) {
    uint64_t carry = 1;
    for (auto& x : r) {
      carry += static_cast<uint32_t>(~x);
      x = static_cast<uint32_t>(carry);
      carry >>= 32;
    }
  }
  return make(neg, std::move(r));
}

}  // namespace

void BigInt::trim() {
  trim_mag(mag);
  if (mag.empty()) neg = false;
}

BigInt BigInt::from_u64(uint64_t v, bool negative) {
  BigInt r;
  if (v) r.mag.push_back(static_cast<uint32_t>(v));
  if (v >> 32) r.mag.push_back(static_cast<uint32_t>(v >> 32));
  r.neg = negative && v;
  return r;
}

BigInt BigInt::from_i64(int64_t v) {
  return from_u64(v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v), v < 0);
}

BigInt BigInt::from_double(double d) {
  d = std::trunc(d);
  bool neg = d < 0;
  d = std::fabs(d);
  if (d < 18446744073709551616.0) return from_u64(static_cast<uint64_t>(d), neg);
  int e;
  double m = std::frexp(d, &e);  // d = m * 2**e, 0.5 <= m < 1
  uint64_t mant = static_cast<uint64_t>(std::ldexp(m, 53));
  BigInt r = big_shl(from_u64(mant), static_cast<uint64_t>(e - 53));
  r.neg = neg;
  return r;
}

bool BigInt::fits_i64() const {
  if (mag.size() > 2) return false;
  uint64_t m = mag.empty() ? 0 : mag[0] | (mag.size() > 1 ? static_cast<uint64_t>(mag[1]) << 32 : 0);
  return neg ? m <= (uint64_t{1} << 63) : m < (uint64_t{1} << 63);
}

int64_t BigInt::to_i64() const {
  uint64_t m = mag.empty() ? 0 : mag[0] | (mag.size() > 1 ? static_cast<uint64_t>(mag[1]) << 32 : 0);
  return neg ? static_cast<int64_t>(0 - m) : static_cast<int64_t>(m);
}

uint64_t BigInt::bit_length() const {
  if (mag.empty()) return 0;
  return (mag.size() - 1) * 32 + (32 - __builtin_clz(mag.back()));
}

uint64_t BigInt::bit_count() const {
  uint64_t n = 0;
  for (uint32_t x : mag) n += __builtin_popcount(x);
  return n;
}

bool BigInt::to_double(double& out) const {
  uint64_t n = bit_length();
  if (n <= 64) {
    uint64_t m = mag.empty() ? 0 : mag[0] | (mag.size() > 1 ? static_cast<uint64_t>(mag[1]) << 32 : 0);
    out = static_cast<double>(m);
  } else {
    // Keep 55 significant bits plus a sticky bit, so the uint64 conversion rounds correctly.
    uint64_t shift = n - 55;
    BigInt top = *this;
    top.neg = false;
    top = big_shr(top, shift);
    uint64_t m = top.mag[0] | (top.mag.size() > 1 ? static_cast<uint64_t>(top.mag[1]) << 32 : 0);
    bool sticky = false;
    for (uint64_t i = 0; i < shift / 32 && !sticky; ++i) sticky = mag[i] != 0;
    if (!sticky && shift % 32) sticky = (mag[shift / 32] & ((uint32_t{1} << (shift % 32)) - 1)) != 0;
    if (sticky) m |= 1;
    if (shift > 2000) return false;
    out = std::ldexp(static_cast<double>(m), static_cast<int>(shift));
    if (std::isinf(out)) return false;
  }
  if (neg) out = -out;
  return true;
}

int big_cmp(const BigInt& a, const BigInt& b) {
  if (a.neg != b.neg) return a.neg ? -1 : 1;
  int c = cmp_mag(a.mag, b.mag);
  return a.neg ? -c : c;
}

int big_cmp_double(const BigInt& a, double d) {
  if (std::isinf(d)) return d > 0 ? -1 : 1;
  double t = std::trunc(d);
  BigInt bt = BigInt::from_double(t);
  int c = big_cmp(a, bt);
  if (c != 0) return c;
  if (d == t) return 0;
  return d > t ? -1 : 1;  // a == trunc(d); the fraction decides
}

BigInt big_add(const BigInt& a, const BigInt& b) {
  if (a.neg == b.neg) return make(a.neg, add_mag(a.mag, b.mag));
  int c = cmp_mag(a.mag, b.mag);
  if (c == 0) return BigInt();
  return c > 0 ? make(a.neg, sub_mag(a.mag, b.mag)) : make(b.neg, sub_mag(b.mag, a.mag));
}

BigInt big_neg(BigInt a) {
  if (!a.is_zero()) a.neg = !a.neg;
  return a;
}

BigInt big_sub(const BigInt& a, const BigInt& b) { return big_add(a, big_neg(b)); }

BigInt big_mul(const BigInt& a, const BigInt& b) {
  if (&a == &b) return make(false, mul_mag(a.mag, a.mag));
  return make(a.neg != b.neg, mul_mag(a.mag, b.mag));
}

void big_divmod(const BigInt& a, const BigInt& b, BigInt& q, BigInt& r) {
  Mag qm, rm;
  divmod_mag(a.mag, b.mag, qm, rm);
  q = make(a.neg != b.neg, std::move(qm));
  r = make(a.neg, std::move(rm));
  if (!r.is_zero() && r.neg != b.neg) {
    q = big_sub(q, BigInt::from_i64(1));
    r = big_add(r, b);
  }
}

BigInt big_shl(const BigInt& a, uint64_t n) {
  if (a.is_zero()) return a;
  size_t limbs = n / 32, bits = n % 32;
  Mag r(limbs + a.mag.size() + 1, 0);
  for (size_t i = 0; i < a.mag.size(); ++i) {
    uint64_t v = static_cast<uint64_t>(a.mag[i]) << bits;
    r[i + limbs] |= static_cast<uint32_t>(v);
    r[i + limbs + 1] |= static_cast<uint32_t>(v >> 32);
  }
  return make(a.neg, std::move(r));
}

BigInt big_shr(const BigInt& a, uint64_t n) {
  if (a.neg) return big_invert(big_shr(big_invert(a), n));  // floor: -(~a >> n) - 1
  size_t limbs = n / 32, bits = n % 32;
  if (limbs >= a.mag.size()) return BigInt();
  Mag r(a.mag.size() - limbs);
  for (size_t i = 0; i < r.size(); ++i) {
    uint64_t v =
        a.mag[i + limbs] | (i + limbs + 1 < a.mag.size() ? static_cast<uint64_t>(a.mag[i + limbs + 1]) << 32 : 0);
    r[i] = static_cast<uint32_t>(v >> bits);
  }
  return make(false, std::move(r));
}

BigInt big_invert(const BigInt& a) { return big_neg(big_add(a, BigInt::from_i64(1))); }

BigInt big_bitop(const BigInt& a, const BigInt& b, char op) {
  size_t n = std::max(a.mag.size(), b.mag.size()) + 1;
  Mag x = twos(a, n), y = twos(b, n);
  for (size_t i = 0; i < n; ++i) x[i] = op == '&' ? x[i] & y[i] : op == '|' ? x[i] | y[i] : x[i] ^ y[i];
  return from_twos(std::move(x));
}

BigInt big_pow(const BigInt& base, uint64_t e) {
  BigInt result = BigInt::from_i64(1), b = base;
  while (e) {
    if (e & 1) result = big_mul(result, b);
    e >>= 1;
    if (e) b = big_mul(b, b);
  }
  return result;
}

BigInt big_powmod(const BigInt& base, const BigInt& e, const BigInt& m) {
  BigInt q, b, result;
  big_divmod(base, m, q, b);
  BigInt one = BigInt::from_i64(1);
  big_divmod(one, m, q, result);
  for (uint64_t i = e.bit_length(); i-- > 0;) {
    result = big_mul(result, result);
    big_divmod(result, m, q, result);
    if ((e.mag[i / 32] >> (i % 32)) & 1) {
      result = big_mul(result, b);
      big_divmod(result, m, q, result);
    }
  }
  return result;
}

bool big_modinv(const BigInt& a, const BigInt& m, BigInt& out) {
  BigInt q, r0, r1 = m, s0 = BigInt::from_i64(1), s1;
  big_divmod(a, m, q, r0);
  while (!r1.is_zero()) {
    BigInt qq, rr;
    big_divmod(r0, r1, qq, rr);
    BigInt s2 = big_sub(s0, big_mul(qq, s1));
    r0 = std::move(r1);
    r1 = std::move(rr);
    s0 = std::move(s1);
    s1 = std::move(s2);
  }
  if (!(r0.mag.size() == 1 && r0.mag[0] == 1 && !r0.neg)) return false;
  big_divmod(s0, m, q, out);
  return true;
}

BigInt big_gcd(BigInt a, BigInt b) {
  a.neg = b.neg = false;
  while (!b.is_zero()) {
    BigInt q, r;
    big_divmod(a, b, q, r);
    a = std::move(b);
    b = std::move(r);
  }
  return a;
}

BigInt big_isqrt(const BigInt& n) {
  if (n.is_zero()) return n;
  // Newton's iteration from a power of two above the root.
  BigInt x = big_shl(BigInt::from_i64(1), (n.bit_length() + 1) / 2 + 1);
  for (;;) {
    BigInt q, r;
    big_divmod(n, x, q, r);
    BigInt y = big_shr(big_add(x, q), 1);
    if (big_cmp(y, x) >= 0) return x;
    x = std::move(y);
  }
}

bool big_true_div(const BigInt& a, const BigInt& b, double& out) {
  bool neg = a.neg != b.neg;
  BigInt x = a, y = b;
  x.neg = y.neg = false;
  if (x.is_zero()) {
    out = neg ? -0.0 : 0.0;
    return true;
  }
  int64_t diff = static_cast<int64_t>(x.bit_length()) - static_cast<int64_t>(y.bit_length());
  if (diff > 1025) return false;
  if (diff < -1080) {
    out = neg ? -0.0 : 0.0;
    return true;
  }
  // Scale so the quotient has at least 55 bits (fewer near subnormals), keep a sticky bit.
  int64_t exp_target = diff - 55;
  if (diff - 1 < -1022) exp_target = std::max<int64_t>(exp_target, -1074 - 2);
  int64_t s = -exp_target;
  BigInt num = s > 0 ? big_shl(x, static_cast<uint64_t>(s)) : x;
  BigInt den = s < 0 ? big_shl(y, static_cast<uint64_t>(-s)) : y;
  BigInt q, r;
  big_divmod(num, den, q, r);
  uint64_t m = q.mag.empty() ? 0 : q.mag[0] | (q.mag.size() > 1 ? static_cast<uint64_t>(q.mag[1]) << 32 : 0);
  int bits = 64 - (m ? __builtin_clzll(m) : 64);
  int64_t e = -s;
  if (e + bits - 1 < -1022) {
    // Subnormal: round at the fixed 2**-1074 position by hand.
    int64_t drop = -1074 - e;
    if (drop > 0) {
      bool sticky = !r.is_zero() || (drop < 64 && (m & ((uint64_t{1} << drop) - 1) & ~(uint64_t{1} << (drop - 1))));
      uint64_t half = drop <= 64 ? (m >> (drop - 1)) & 1 : 0;
      uint64_t kept = drop < 64 ? m >> drop : 0;
      if (half && (sticky || (kept & 1))) ++kept;
      out = std::ldexp(static_cast<double>(kept), -1074);
      if (neg) out = -out;
      return true;
    }
  }
  if (!r.is_zero()) m |= 1;
  out = std::ldexp(static_cast<double>(m), static_cast<int>(e));
  if (std::isinf(out)) return false;
  if (neg) out = -out;
  return true;
}

uint64_t big_hash(const BigInt& a) {
  constexpr uint64_t P = (uint64_t{1} << 61) - 1;
  unsigned __int128 x = 0;
  for (size_t i = a.mag.size(); i-- > 0;) x = ((x << 32) | a.mag[i]) % P;
  int64_t h = static_cast<int64_t>(x);
  if (a.neg) h = -h;
  if (h == -1) h = -2;
  return static_cast<uint64_t>(h);
}

size_t big_decimal_digits_estimate(const BigInt& a) {
  return static_cast<size_t>(static_cast<double>(a.bit_length()) * 0.30102999566398120) + 1;
}

std::string big_to_string(const BigInt& a, int base) {
  if (a.is_zero()) return "0";
  static const char* digits = "0123456789abcdefghijklmnopqrstuvwxyz";
  std::string s;
  if ((base & (base - 1)) == 0) {
    int bits = __builtin_ctz(base);
    uint64_t n = a.bit_length();
    for (uint64_t pos = 0; pos < n; pos += bits) {
      uint32_t v = 0;
      for (int k = 0; k < bits; ++k) {
        uint64_t bi = pos + k;
        if (bi < n) v |= ((a.mag[bi / 32] >> (bi % 32)) & 1) << k;
      }
      s.push_back(digits[v]);
    }
  } else {
    // Peel chunks of the largest power of base that fits a limb.
    uint32_t chunk = base, per = 1;
    while (static_cast<uint64_t>(chunk) * base <= 0xFFFFFFFFu) {
      chunk *= base;
      ++per;
    }
    Mag m = a.mag;
    while (!m.empty()) {
      uint32_t rem = divmod_small(m, chunk);
      for (uint32_t k = 0; k < per; ++k) {
        s.push_back(digits[rem % base]);
        rem /= base;
        if (m.empty() && rem == 0) break;
      }
    }
  }
  while (s.size() > 1 && s.back() == '0') s.pop_back();
  if (a.neg) s.push_back('-');
  std::reverse(s.begin(), s.end());
  return s;
}

bool big_parse(std::string_view text, int base, BigInt& out) {
  out = BigInt();
  uint32_t chunk_mul = 1, chunk = 0;
  int per = 0, max_per = 1;
  {
    uint64_t c = base;
    while (c * base <= 0xFFFFFFFFu) {
      c *= base;
      ++max_per;
    }
  }
  bool last_us = true;
  auto flush = [&]() {
    uint64_t carry = chunk;
    for (auto& x : out.mag) {
      carry += static_cast<uint64_t>(x) * chunk_mul;
      x = static_cast<uint32_t>(carry);
      carry >>= 32;
    }
    if (carry) out.mag.push_back(static_cast<uint32_t>(carry));
    chunk = 0;
    chunk_mul = 1;
    per = 0;
  };
  if (text.empty()) return false;
  for (char ch : text) {
    if (ch == '_') {
      if (last_us) return false;
      last_us = true;
      continue;
    }
    int d = ch >= '0' && ch <= '9'   ? ch - '0'
            : ch >= 'a' && ch <= 'z' ? ch - 'a' + 10
            : ch >= 'A' && ch <= 'Z' ? ch - 'A' + 10
                                     : 99;
    if (d >= base) return false;
    last_us = false;
    chunk = chunk * base + d;
    chunk_mul *= base;
    if (++per == max_per) flush();
  }
  if (last_us) return false;
  if (per) flush();
  out.trim();
  return true;
}

}  // namespace interleave
