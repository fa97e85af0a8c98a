#include "vm/format.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace interleave::fmt {
namespace {

// kMaxSpecNumber bounds widths and precisions so reading them cannot overflow; what a width
// would allocate is checked against the memory limit by VM::format.
constexpr int64_t kMaxSpecNumber = (INT64_MAX - 9) / 10;

// Digits is what David Gay's dtoa returns: v = 0.DIGITS x 10^decpt, no trailing zeros.
struct Digits {
  std::string digits;
  int decpt = 0;
};

// parse_e() reads "%.Ne" output ("d.ddde+XX", sign already excluded) into digits/decpt.
void parse_e(const char* buf, Digits& d) {
  d.digits.clear();
  const char* p = buf;
  for (; *p && *p != 'e'; ++p)
    if (*p >= '0' && *p <= '9') d.digits.push_back(*p);
  int exp = *p == 'e' ? std::atoi(p + 1) : 0;
  d.decpt = exp + 1;
  while (d.digits.size() > 1 && d.digits.back() == '0') d.digits.pop_back();
  if (d.digits == "0") d.decpt = 1;
}

// digits_e() is dtoa mode 2: n significant digits, correctly rounded (|v| finite).
void digits_e(double v, int n, Digits& d) {
  if (v == 0) {
    d.digits = "0";
    d.decpt = 1;
    return;
  }
  std::string buf(static_cast<size_t>(n) + 32, '\0');
  std::snprintf(buf.data(), buf.size(), "%.*e", n - 1, std::fabs(v));
  parse_e(buf.c_str(), d);
}

// digits_f() is dtoa mode 3: n digits after the point, correctly rounded (|v| finite).
void digits_f(double v, int n, Digits& d) {
  if (v == 0) {
    d.digits = "0";
    d.decpt = 1;
    return;
  }
  std::string buf(static_cast<size_t>(n) + 330, '\0');
  int len = std::snprintf(buf.data(), buf.size(), "%.*f", n, std::fabs(v));
  buf.resize(static_cast<size_t>(len));
  d.digits.clear();
  int int_len = 0;
  bool seen_point = false;
  for (char c : buf) {
    if (c == '.') {
      seen_point = true;
      continue;
    }
    d.digits.push_back(c);
    if (!seen_point) ++int_len;
  }
  size_t lead = 0;
  while (lead < d.digits.size() && d.digits[lead] == '0') ++lead;
  d.digits.erase(0, lead);
  d.decpt = int_len - static_cast<int>(lead);
  while (!d.digits.empty() && d.digits.back() == '0') d.digits.pop_back();
  if (d.digits.empty()) d.decpt = -n;
}

// round_trips() tells whether the decimal 0.DIGITS x 10^decpt reads back as v.
bool round_trips(const std::string& digits, int decpt, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "0.%se%d", digits.c_str(), decpt);
  return std::strtod(buf, nullptr) == v;
}

// step_digits() adds delta (+1/-1) in the last place of a digit string.
bool step_digits(std::string& digits, int& decpt, int delta) {
  if (delta > 0) {
    int i = static_cast<int>(digits.size()) - 1;
    while (i >= 0 && digits[i] == '9') {
      digits[i] = '0';
      --i;
    }
    if (i < 0) {
      digits.insert(digits.begin(), '1');
      ++decpt;
      digits.pop_back();
    } else ++digits[i];
  } else {
    int i = static_cast<int>(digits.size()) - 1;
    while (i >= 0 && digits[i] == '0') {
      digits[i] = '9';
      --i;
    }
    if (i < 0) return false;
    --digits[i];
    if (i == 0 && digits[0] == '0') {
      if (digits.size() == 1) return false;
      digits.erase(0, 1);
      digits.push_back('9');
      --decpt;
    }
  }
  return true;
}

void strip_zeros(Digits& d) {
  while (d.digits.size() > 1 && d.digits.back() == '0') d.digits.pop_back();
}

// try_length() finds the round-tripping n-digit decimal closest to v, if any.
bool try_length(double v, int n, Digits& d) {
  digits_e(v, n, d);
  std::string full = d.digits;
  full.resize(static_cast<size_t>(n), '0');
  if (round_trips(full, d.decpt, v)) {
    strip_zeros(d);
    return true;
  }
  for (int delta : {1, -1}) {
    std::string alt = full;
    int decpt = d.decpt;
    if (!step_digits(alt, decpt, delta)) continue;
    if (alt.size() != static_cast<size_t>(n)) continue;
    if (round_trips(alt, decpt, v)) {
      d.digits = alt;
      d.decpt = decpt;
      strip_zeros(d);
      return true;
    }
  }
  return false;
}

// digits_shortest() is dtoa mode 0: the shortest round-tripping digits, closest to v.
void digits_shortest(double v, Digits& d) {
  double a = std::fabs(v);
  if (a == 0) {
    d.digits = "0";
    d.decpt = 1;
    return;
  }
  if (a >= 2.2250738585072014e-308) {
    // A normal double's rounding interval holds at most one 15-digit decimal, so if any
    // decimal of 15 digits or fewer round-trips, the correctly rounded 15-digit one does.
    if (try_length(a, 15, d)) return;
    if (try_length(a, 16, d)) return;
    digits_e(a, 17, d);
    return;
  }
  for (int n = 1; n <= 17; ++n)
    if (try_length(a, n, d)) return;
  digits_e(a, 17, d);
}

void append_repeat(std::string& out, char c, int64_t n) {
  if (n > 0) out.append(static_cast<size_t>(n), c);
}

}  // namespace

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

void float_format(double v, char code, int precision, unsigned flags, std::string& out) {
  bool upper = code == 'E' || code == 'F' || code == 'G';
  if (upper) code = static_cast<char>(code - 'A' + 'a');
  bool alt = flags & kAlt;
  bool add_dot_0 = flags & kAddDot0;
  bool neg = std::signbit(v);
  if (std::isnan(v)) {
    if (flags & kSign) out.push_back('+');
    out += upper ? "NAN" : "nan";
    return;
  }
  if (std::isinf(v)) {
    if (neg) out.push_back('-');
    else if (flags & kSign) out.push_back('+');
    out += upper ? "INF" : "inf";
    return;
  }
  Digits d;
  switch (code) {
    case 'e':
      ++precision;
      digits_e(v, precision, d);
      break;
    case 'f': digits_f(v, precision, d); break;
    case 'g':
      if (precision == 0) precision = 1;
      digits_e(v, precision, d);
      break;
    default: digits_shortest(v, d); break;
  }
  int digits_len = static_cast<int>(d.digits.size());
  if ((flags & kNoNegZero) && neg && (digits_len == 0 || d.digits == "0")) neg = false;
  int64_t decpt = d.decpt;
  int64_t vdigits_end = digits_len;
  bool use_exp = false;
  switch (code) {
    case 'e':
      use_exp = true;
      vdigits_end = precision;
      break;
    case 'f': vdigits_end = decpt + precision; break;
    case 'g':
      if (decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision)) use_exp = true;
      if (alt) vdigits_end = precision;
      break;
    default:
      if (decpt <= -4 || decpt > 16) use_exp = true;
      break;
  }
  int64_t exp = 0;
  if (use_exp) {
    exp = decpt - 1;
    decpt = 1;
  }
  int64_t vdigits_start = decpt <= 0 ? decpt - 1 : 0;
  if (!use_exp && add_dot_0) vdigits_end = vdigits_end > decpt ? vdigits_end : decpt + 1;
  else vdigits_end = vdigits_end > decpt ? vdigits_end : decpt;

  size_t start = out.size();
  if (neg) out.push_back('-');
  else if (flags & kSign) out.push_back('+');
  if (decpt <= 0) {
    append_repeat(out, '0', decpt - vdigits_start);
    out.push_back('.');
    append_repeat(out, '0', -decpt);
  } else {
    append_repeat(out, '0', -vdigits_start);
  }
  if (0 < decpt && decpt <= digits_len) {
    out.append(d.digits, 0, static_cast<size_t>(decpt));
    out.push_back('.');
    out.append(d.digits, static_cast<size_t>(decpt), std::string::npos);
  } else {
    out += d.digits;
  }
  if (digits_len < decpt) {
    append_repeat(out, '0', decpt - digits_len);
    out.push_back('.');
    append_repeat(out, '0', vdigits_end - decpt);
  } else {
    append_repeat(out, '0', vdigits_end - digits_len);
  }
  if (out.size() > start && out.back() == '.' && !alt) out.pop_back();
  if (use_exp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%c%+.02d", upper ? 'E' : 'e', static_cast<int>(exp));
    out += buf;
  }
}

void float_repr(double v, std::string& out) { float_format(v, 'r', 0, kAddDot0, out); }

std::string float_repr(double v) {
  std::string s;
  float_repr(v, s);
  return s;
}

void int_to_base(int64_t v, int base, bool with_prefix, bool upper, std::string& out) {
  uint64_t m = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  char buf[72];
  int n = 0;
  const char* digs = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  do {
    buf[n++] = digs[m % static_cast<unsigned>(base)];
    m /= static_cast<unsigned>(base);
  } while (m);
  if (v < 0) out.push_back('-');
  if (with_prefix && base != 10) {
    out.push_back('0');
    out.push_back(base == 2 ? 'b' : base == 8 ? 'o' : (upper ? 'X' : 'x'));
  }
  while (n) out.push_back(buf[--n]);
}

namespace {

bool is_align(char c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

size_t utf8_char_len(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  return i + n <= s.size() ? n : s.size() - i;
}

bool get_integer(std::string_view s, size_t& pos, int64_t& out, bool& any, std::string& error) {
  any = false;
  out = 0;
  while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
    out = out * 10 + (s[pos] - '0');
    any = true;
    ++pos;
    if (out > kMaxSpecNumber) {
      error = "Too many decimal digits in format string";
      return false;
    }
  }
  return true;
}

std::string unknown_code(char type, std::string_view type_name) {
  char buf[16];
  if (static_cast<unsigned char>(type) > 32 && static_cast<unsigned char>(type) < 128)
    std::snprintf(buf, sizeof buf, "'%c'", type);
  else std::snprintf(buf, sizeof buf, "'\\x%x'", static_cast<unsigned char>(type));
  return "Unknown format code " + std::string(buf) + " for object of type '" + std::string(type_name) + "'";
}

// group() is CPython's _PyUnicode_InsertThousandsGrouping: digits grouped from the
// right by size with sep, zero-padded on the left to min_width; sep 0 = no grouping.
void group(std::string_view digits, int64_t min_width, int size, char sep, std::string& out) {
  std::string rev;
  int64_t remaining = static_cast<int64_t>(digits.size());
  size_t dpos = digits.size();
  bool use_sep = false;
  auto fill = [&](int64_t n_chars, int64_t n_zeros) {
    if (use_sep) rev.push_back(sep);
    for (int64_t i = 0; i < n_chars; ++i) rev.push_back(digits[--dpos]);
    append_repeat(rev, '0', n_zeros);
  };
  bool broken = false;
  if (sep) {
    for (;;) {
      int64_t l = std::min<int64_t>(size, std::max<int64_t>(std::max(remaining, min_width), 1));
      int64_t n_zeros = std::max<int64_t>(0, l - remaining);
      int64_t n_chars = std::max<int64_t>(0, std::min(remaining, l));
      fill(n_chars, n_zeros);
      use_sep = true;
      remaining -= n_chars;
      min_width -= l;
      if (remaining <= 0 && min_width <= 0) {
        broken = true;
        break;
      }
      min_width -= 1;
    }
  }
  if (!broken) {
    int64_t l = std::max<int64_t>(std::max(remaining, min_width), 1);
    int64_t n_zeros = std::max<int64_t>(0, l - remaining);
    int64_t n_chars = std::max<int64_t>(0, std::min(remaining, l));
    fill(n_chars, n_zeros);
  }
  out.append(rev.rbegin(), rev.rend());
}

void append_fill(std::string& out, const std::string& fill, int64_t n) {
  if (n <= 0) return;
  if (fill.size() == 1) {
    out.append(static_cast<size_t>(n), fill[0]);
    return;
  }
  for (int64_t i = 0; i < n; ++i) out += fill;
}

// layout_number() is CPython's calc_number_widths + fill_number for a number split into
// sign, prefix ("0x"), integer digits, decimal point and remainder ("5e+10", "%").
void layout_number(const FormatSpec& spec, bool negative, std::string_view prefix, std::string_view digits,
                   bool has_decimal, std::string_view remainder, int group_size, bool upper, std::string& out) {
  char sign = 0;
  if (spec.sign == '+') sign = negative ? '-' : '+';
  else if (spec.sign == ' ') sign = negative ? '-' : ' ';
  else if (negative) sign = '-';
  int64_t n_sign = sign ? 1 : 0;
  int64_t n_remainder = static_cast<int64_t>(utf8_length(remainder));
  int64_t non_digit = n_sign + static_cast<int64_t>(prefix.size()) + (has_decimal ? 1 : 0) + n_remainder;
  int64_t min_width = (spec.fill == "0" && spec.align == '=') ? spec.width - non_digit : 0;
  std::string grouped;
  if (!digits.empty()) group(digits, min_width, group_size, spec.grouping, grouped);
  int64_t n_padding = spec.width - (non_digit + static_cast<int64_t>(grouped.size()));
  int64_t lpad = 0, spad = 0, rpad = 0;
  if (n_padding > 0) {
    switch (spec.align) {
      case '<': rpad = n_padding; break;
      case '^':
        lpad = n_padding / 2;
        rpad = n_padding - lpad;
        break;
      case '=': spad = n_padding; break;
      default: lpad = n_padding; break;
    }
  }
  append_fill(out, spec.fill, lpad);
  if (sign) out.push_back(sign);
  for (char c : prefix) out.push_back(upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c);
  append_fill(out, spec.fill, spad);
  for (char c : grouped) out.push_back(upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c);
  if (has_decimal) out.push_back('.');
  out.append(remainder);
  append_fill(out, spec.fill, rpad);
}

}  // namespace

bool parse_spec(std::string_view s, SpecKind kind, std::string_view type_name, FormatSpec& f, std::string& error) {
  f = FormatSpec();
  char default_align = kind == SpecKind::Str ? '<' : '>';
  f.align = default_align;
  f.type = kind == SpecKind::Int ? 'd' : kind == SpecKind::Str ? 's' : 0;
  size_t pos = 0;
  bool align_specified = false, fill_specified = false;
  if (!s.empty()) {
    size_t n = utf8_char_len(s, 0);
    if (s.size() > n && is_align(s[n])) {
      f.fill = std::string(s.substr(0, n));
      f.align = s[n];
      fill_specified = align_specified = true;
      pos = n + 1;
    } else if (is_align(s[0])) {
      f.align = s[0];
      align_specified = true;
      pos = 1;
    }
  }
  if (pos < s.size() && (s[pos] == '+' || s[pos] == '-' || s[pos] == ' ')) f.sign = s[pos++];
  if (pos < s.size() && s[pos] == 'z') {
    f.no_neg_zero = true;
    ++pos;
  }
  if (pos < s.size() && s[pos] == '#') {
    f.alternate = true;
    ++pos;
  }
  if (!fill_specified && pos < s.size() && s[pos] == '0') {
    f.fill = "0";
    if (!align_specified && default_align == '>') f.align = '=';
    ++pos;
  }
  bool any = false;
  if (!get_integer(s, pos, f.width, any, error)) return false;
  if (!any) f.width = -1;
  if (pos < s.size() && s[pos] == ',') {
    f.grouping = ',';
    ++pos;
  }
  if (pos < s.size() && s[pos] == '_') {
    if (f.grouping) {
      error = "Cannot specify both ',' and '_'.";
      return false;
    }
    f.grouping = '_';
    ++pos;
  }
  if (pos < s.size() && s[pos] == ',' && f.grouping == '_') {
    error = "Cannot specify both ',' and '_'.";
    return false;
  }
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    if (!get_integer(s, pos, f.precision, any, error)) return false;
    if (!any) {
      error = "Format specifier missing precision";
      return false;
    }
  }
  if (s.size() - pos > 1) {
    error = "Invalid format specifier '" + std::string(s) + "' for object of type '" + std::string(type_name) + "'";
    return false;
  }
  if (s.size() - pos == 1) f.type = s[pos];
  if (f.grouping) {
    switch (f.type) {
      case 'd':
      case 'e':
      case 'f':
      case 'g':
      case 'E':
      case 'G':
      case '%':
      case 'F':
      case 0: break;
      case 'b':
      case 'o':
      case 'x':
      case 'X':
        if (f.grouping == '_') break;
        [[fallthrough]];
      default: {
        char buf[48];
        unsigned char t = static_cast<unsigned char>(f.type);
        if (t > 32 && t < 128) std::snprintf(buf, sizeof buf, "Cannot specify '%c' with '%c'.", f.grouping, f.type);
        else std::snprintf(buf, sizeof buf, "Cannot specify '%c' with '\\x%x'.", f.grouping, t);
        error = buf;
        return false;
      }
    }
  }
  return true;
}

bool format_str(std::string_view s, const FormatSpec& f, std::string& out, std::string& error) {
  if (f.type != 's') {
    error = unknown_code(f.type, "str");
    return false;
  }
  if (f.sign) {
    error =
        f.sign == ' ' ? "Space not allowed in string format specifier" : "Sign not allowed in string format specifier";
    return false;
  }
  if (f.no_neg_zero) {
    error = "Negative zero coercion (z) not allowed in string format specifier";
    return false;
  }
  if (f.alternate) {
    error = "Alternate form (#) not allowed in string format specifier";
    return false;
  }
  if (f.align == '=') {
    error = "'=' alignment not allowed in string format specifier";
    return false;
  }
  int64_t len = static_cast<int64_t>(utf8_length(s));
  std::string_view body = s;
  if (f.precision >= 0 && len > f.precision) {
    size_t i = 0;
    for (int64_t k = 0; k < f.precision; ++k) i += utf8_char_len(s, i);
    body = s.substr(0, i);
    len = f.precision;
  }
  int64_t total = f.width > len ? f.width : len;
  int64_t lpad = f.align == '>' ? total - len : f.align == '^' ? (total - len) / 2 : 0;
  int64_t rpad = total - len - lpad;
  append_fill(out, f.fill, lpad);
  out.append(body);
  append_fill(out, f.fill, rpad);
  return true;
}

bool format_float(double v, const FormatSpec& f, std::string_view type_name, std::string& out, std::string& error) {
  char type = f.type;
  switch (type) {
    case 0:
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case 'n':
    case '%': break;
    default: error = unknown_code(type, type_name); return false;
  }
  unsigned flags = 0;
  if (f.alternate) flags |= kAlt;
  if (f.no_neg_zero) flags |= kNoNegZero;
  int precision = static_cast<int>(f.precision);
  int default_precision = 6;
  if (type == 0) {
    flags |= kAddDot0;
    type = 'r';
    default_precision = 0;
  }
  if (type == 'n') type = 'g';
  bool pct = false;
  if (type == '%') {
    type = 'f';
    v *= 100;
    pct = true;
  }
  if (precision < 0) precision = default_precision;
  else if (type == 'r') type = 'g';
  std::string buf;
  float_format(v, type, precision, flags, buf);
  if (pct) buf.push_back('%');
  std::string_view body = buf;
  bool negative = false;
  if (!body.empty() && body[0] == '-') {
    negative = true;
    body.remove_prefix(1);
  }
  size_t i = 0;
  while (i < body.size() && body[i] >= '0' && body[i] <= '9') ++i;
  std::string_view digits = body.substr(0, i);
  bool has_decimal = i < body.size() && body[i] == '.';
  std::string_view remainder = body.substr(has_decimal ? i + 1 : i);
  int group_size = f.type == 'n' ? 0 : 3;
  FormatSpec g = f;
  if (f.type == 'n') g.grouping = 0;
  layout_number(g, negative, "", digits, has_decimal, remainder, group_size, false, out);
  return true;
}

bool format_int(int64_t v, const FormatSpec& f, std::string_view type_name, std::string& out, std::string& error) {
  switch (f.type) {
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case '%': return format_float(static_cast<double>(v), f, type_name, out, error);
    case 'b':
    case 'c':
    case 'd':
    case 'o':
    case 'x':
    case 'X':
    case 'n': break;
    default: error = unknown_code(f.type, type_name); return false;
  }
  if (f.precision != -1) {
    error = "Precision not allowed in integer format specifier";
    return false;
  }
  if (f.no_neg_zero) {
    error = "Negative zero coercion (z) not allowed in integer format specifier";
    return false;
  }
  if (f.type == 'c') {
    if (f.sign) {
      error = "Sign not allowed with integer format specifier 'c'";
      return false;
    }
    if (f.alternate) {
      error = "Alternate form (#) not allowed with integer format specifier 'c'";
      return false;
    }
    if (v < 0 || v > 0x10ffff) {
      error = "%c arg not in range(0x110000)";
      return false;
    }
    std::string ch;
    uint32_t c = static_cast<uint32_t>(v);
    if (c < 0x80) ch.push_back(static_cast<char>(c));
    else if (c < 0x800) {
      ch.push_back(static_cast<char>(0xC0 | (c >> 6)));
      ch.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      ch.push_back(static_cast<char>(0xE0 | (c >> 12)));
      ch.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      ch.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      ch.push_back(static_cast<char>(0xF0 | (c >> 18)));
      ch.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
      ch.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      ch.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
    layout_number(f, false, "", "", false, ch, 3, false, out);
    return true;
  }
  int base = f.type == 'b' ? 2 : f.type == 'o' ? 8 : (f.type == 'x' || f.type == 'X') ? 16 : 10;
  std::string digits;
  int_to_base(v, base, false, false, digits);
  bool negative = v < 0;
  std::string_view dv = digits;
  if (negative) dv.remove_prefix(1);
  std::string_view prefix;
  if (f.alternate && base != 10) prefix = base == 2 ? "0b" : base == 8 ? "0o" : "0x";
  int group_size = (base != 10 && f.grouping == '_') ? 4 : 3;
  FormatSpec g = f;
  if (f.type == 'n') g.grouping = 0;
  layout_number(g, negative, prefix, dv, false, "", group_size, f.type == 'X', out);
  return true;
}

bool format_int_digits(bool negative, std::string_view digits, const FormatSpec& f, std::string& out,
                       std::string& error) {
  if (f.precision != -1) {
    error = "Precision not allowed in integer format specifier";
    return false;
  }
  if (f.no_neg_zero) {
    error = "Negative zero coercion (z) not allowed in integer format specifier";
    return false;
  }
  int base = f.type == 'b' ? 2 : f.type == 'o' ? 8 : (f.type == 'x' || f.type == 'X') ? 16 : 10;
  std::string_view prefix;
  if (f.alternate && base != 10) prefix = base == 2 ? "0b" : base == 8 ? "0o" : "0x";
  int group_size = (base != 10 && f.grouping == '_') ? 4 : 3;
  FormatSpec g = f;
  if (f.type == 'n') g.grouping = 0;
  layout_number(g, negative, prefix, digits, false, "", group_size, f.type == 'X', out);
  return true;
}

void str_repr(std::string_view s, std::string& out) {
  bool has_single = s.find('\'') != std::string_view::npos;
  bool has_double = s.find('"') != std::string_view::npos;
  char quote = (has_single && !has_double) ? '"' : '\'';
  out.push_back(quote);
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      if (c == static_cast<unsigned char>(quote) || c == '\\') {
        out.push_back('\\');
        out.push_back(static_cast<char>(c));
      } else if (c == '\t') out += "\\t";
      else if (c == '\n') out += "\\n";
      else if (c == '\r') out += "\\r";
      else if (c < 0x20 || c == 0x7f) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\x%02x", c);
        out += buf;
      } else out.push_back(static_cast<char>(c));
      continue;
    }
    size_t n = utf8_char_len(s, i);
    uint32_t cp = 0;
    if (n == 2) cp = ((c & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu);
    else if (n == 3) cp = ((c & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu);
    else if (n == 4)
      cp = ((c & 0x07u) << 18) | ((s[i + 1] & 0x3Fu) << 12) | ((s[i + 2] & 0x3Fu) << 6) | (s[i + 3] & 0x3Fu);
    // Non-printable code points (controls, format chars, separators, private use) are escaped.
    bool printable = !(cp < 0xA1 || cp == 0xAD || (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
                       (cp >= 0x205F && cp <= 0x206F) || cp == 0x1680 || cp == 0x3000 || cp == 0xFEFF ||
                       (cp >= 0xE000 && cp <= 0xF8FF) || cp == 0x061C || cp == 0x180E ||
                       (cp >= 0xFFF9 && cp <= 0xFFFB) || (cp >= 0xF0000));
    if (printable) {
      out.append(s.substr(i, n));
    } else {
      char buf[16];
      if (cp < 0x100) std::snprintf(buf, sizeof buf, "\\x%02x", cp);
      else if (cp < 0x10000) std::snprintf(buf, sizeof buf, "\\u%04x", cp);
      else std::snprintf(buf, sizeof buf, "\\U%08x", cp);
      out += buf;
    }
    i += n;
  }
  out.push_back(quote);
}

double round_half_even(double x) {
  double r = std::round(x);
  if (std::fabs(x - r) == 0.5) r = 2.0 * std::round(x / 2.0);
  return r;
}

bool round_double(double x, int64_t ndigits, double& out) {
  if (!std::isfinite(x) || ndigits > 323) {
    out = x;
    return true;
  }
  if (ndigits < -308) {
    out = 0.0 * x;
    return true;
  }
  std::string text;
  bool neg = std::signbit(x);
  if (ndigits >= 0) {
    Digits d;
    digits_f(x, static_cast<int>(ndigits), d);
    text = (neg ? "-0." : "0.") + d.digits + "e" + std::to_string(d.decpt);
  } else {
    // Round the exact integer part at 10^-ndigits, halfway cases to even; a nonzero
    // fraction breaks a tie upward in magnitude.
    double ip = std::trunc(std::fabs(x));
    bool frac = std::fabs(x) != ip;
    char buf[400];
    std::snprintf(buf, sizeof buf, "%.0f", ip);
    std::string digits = buf;
    size_t k = static_cast<size_t>(-ndigits);
    std::string kept;
    bool up = false;
    if (digits.size() >= k) {
      kept = digits.substr(0, digits.size() - k);
      std::string_view rest(digits.data() + kept.size(), k);
      if (rest[0] > '5') up = true;
      else if (rest[0] == '5') {
        bool beyond = frac || rest.find_first_not_of('0', 1) != std::string_view::npos;
        int last = kept.empty() ? 0 : kept.back() - '0';
        up = beyond || (last % 2 == 1);
      }
    }
    if (kept.empty()) kept = "0";
    if (up) {
      int i = static_cast<int>(kept.size()) - 1;
      while (i >= 0 && kept[i] == '9') kept[i--] = '0';
      if (i < 0) kept.insert(kept.begin(), '1');
      else ++kept[i];
    }
    text = (neg ? "-" : "") + kept + "e" + std::to_string(k);
  }
  out = std::strtod(text.c_str(), nullptr);
  return !std::isinf(out);
}

}  // namespace interleave::fmt
