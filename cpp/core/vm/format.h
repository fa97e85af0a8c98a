#pragma once
// Text conversions that must match CPython 3.11 character for character: the shortest
// round-trip float repr, str repr with CPython's quoting, round(), and the format-spec
// mini-language used by format(), str.format and f-strings. Pure functions: no VM.
#include <cstdint>
#include <string>
#include <string_view>

namespace interleave::fmt {

// FormatSpec is a parsed `[[fill]align][sign][z][#][0][width][,|_][.precision][type]`.
struct FormatSpec {
  std::string fill = " ";    // one code point, UTF-8
  char align = 0;            // '<', '>', '^', '=' (0 only before parse_spec fills the default)
  char sign = 0;             // '+', '-', ' ' or 0
  bool no_neg_zero = false;  // 'z'
  bool alternate = false;    // '#'
  int64_t width = -1;
  char grouping = 0;  // ',' or '_' (every four digits for b, o, x, X) or 0
  int64_t precision = -1;
  char type = 0;  // presentation type, or 0 for none
};

// SpecKind is the type a spec is parsed for; it sets default type and alignment.
enum class SpecKind : uint8_t { Int, Float, Str };

// parse_spec() parses spec for a value of Python type type_name; on error it returns
// false with a CPython ValueError message in error.
bool parse_spec(std::string_view spec, SpecKind kind, std::string_view type_name, FormatSpec& out, std::string& error);

// Formatting functions append to out; they return false with a ValueError message.
bool format_int(int64_t v, const FormatSpec& spec, std::string_view type_name, std::string& out, std::string& error);
// format_int_digits() lays out an int given as the digits of its magnitude in base
// (2, 8, 10, 16 as spec's type asks); format_int's checks for 'b', 'd', 'o', 'x', 'X', 'n'.
bool format_int_digits(bool negative, std::string_view digits, const FormatSpec& spec, std::string& out,
                       std::string& error);
bool format_float(double v, const FormatSpec& spec, std::string_view type_name, std::string& out, std::string& error);
bool format_str(std::string_view s, const FormatSpec& spec, std::string& out, std::string& error);

// float_repr() appends repr(v): shortest digits that round-trip, CPython layout.
void float_repr(double v, std::string& out);
std::string float_repr(double v);
// float_format() appends v in printf-like style 'e', 'f', 'g', 'r' (and upper-case
// variants) as CPython's PyOS_double_to_string does; flags are ALT/ADD_DOT_0/SIGN.
enum : unsigned { kAlt = 1, kAddDot0 = 2, kSign = 4, kNoNegZero = 8 };
void float_format(double v, char code, int precision, unsigned flags, std::string& out);

// int_to_base() appends v in base 2, 8, 10 or 16 ("-0x1f" style prefix when with_prefix).
void int_to_base(int64_t v, int base, bool with_prefix, bool upper, std::string& out);

// str_repr() appends the repr of a UTF-8 string with CPython's quote choice and escapes.
void str_repr(std::string_view s, std::string& out);

// round_double() is round(x, ndigits) for a float; false means the result overflowed.
bool round_double(double x, int64_t ndigits, double& out);
// round_half_even() is round(x) for a float as a float (halfway cases to even).
double round_half_even(double x);

// utf8_length() counts code points in a UTF-8 string.
size_t utf8_length(std::string_view s);

}  // namespace interleave::fmt
