// str's methods, str.format() and printf-style `%` formatting. Strings are UTF-8;
// indexes and lengths count code points, with a fast path for ASCII strings.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "vm/format.h"
#include "vm/library.h"

namespace interleave {
namespace lib {
namespace {

Str* self_str(VM& vm, const CallArgs& a, const char* meth) {
  if (a.nargs == 0) {
    raise_fmt(vm, vm.types().type_error, "unbound method str.%s() needs an argument", meth);
    return nullptr;
  }
  Str* s = as_str(a.args[0]);
  if (!s)
    raise_fmt(vm, vm.types().type_error, "descriptor '%s' for 'str' objects doesn't apply to a '%s' object", meth,
              vm.type_name(a.args[0]).c_str());
  return s;
}

bool no_args(VM& vm, const CallArgs& a, const char* meth) {
  if (!no_kwargs(vm, a, meth)) return false;
  if (a.nargs == 1) return true;
  return raise_fmt(vm, vm.types().type_error, "str.%s() takes no arguments (%u given)", meth, a.nargs - 1);
}

}  // namespace

// ---- code points (also used by re's matcher, modules/sre.cpp) ----

bool is_space_cp(uint32_t c) {
  if (c < 0x80) return c == ' ' || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
  return c == 0x85 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 ||
         c == 0x202f || c == 0x205f || c == 0x3000;
}

bool is_upper_cp(uint32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return (c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) ||
         (c >= 0x400 && c <= 0x42F) || (c >= 0x100 && c <= 0x17F && ((c & 1) == 0) == (c < 0x138 || c > 0x148));
}

bool is_lower_cp(uint32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return (c >= 0xDF && c <= 0xFF && c != 0xF7) || c == 0xB5 || (c >= 0x3AC && c <= 0x3CE) ||
         (c >= 0x430 && c <= 0x45F) || (c >= 0x100 && c <= 0x17F && !is_upper_cp(c));
}

uint32_t to_upper_cp(uint32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') ? c - 32 : c;
  if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 32;
  if (c == 0xFF) return 0x178;
  if (c == 0xB5) return 0x39C;
  if (c >= 0x3B1 && c <= 0x3C9 && c != 0x3C2) return c - 32;
  if (c == 0x3C2) return 0x3A3;
  if (c >= 0x430 && c <= 0x44F) return c - 32;
  if (c >= 0x450 && c <= 0x45F) return c - 80;
  if (c >= 0x100 && c <= 0x17F && is_lower_cp(c)) return c - 1;
  return c;
}

uint32_t to_lower_cp(uint32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c == 0x178) return 0xFF;
  if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 32;
  if (c >= 0x410 && c <= 0x42F) return c + 32;
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  if (c >= 0x100 && c <= 0x17F && is_upper_cp(c)) return c + 1;
  return c;
}

bool is_alpha_cp(uint32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  if (c == 0xD7 || c == 0xF7) return false;
  return c == 0xAA || c == 0xB5 || c == 0xBA || (c >= 0xC0 && c <= 0x24F) ||
         (c >= 0x370 && c <= 0x3FF && c != 0x37E && c != 0x387) || (c >= 0x400 && c <= 0x481) ||
         (c >= 0x48A && c <= 0x52F) || (c >= 0x5D0 && c <= 0x5EA) || (c >= 0x620 && c <= 0x64A) ||
         (c >= 0x3040 && c <= 0x30FF && c != 0x30FB) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7A3);
}

bool is_digit_cp(uint32_t c) { return c >= '0' && c <= '9'; }

namespace {

// CodePoints decodes a string once for the methods that need per-character work.
std::vector<uint32_t> decode(std::string_view s) {
  std::vector<uint32_t> cps;
  cps.reserve(s.size());
  for (size_t i = 0; i < s.size();) cps.push_back(utf8_decode(s, i));
  return cps;
}

std::string encode(const std::vector<uint32_t>& cps) {
  std::string s;
  s.reserve(cps.size());
  for (uint32_t c : cps) utf8_append(s, c);
  return s;
}

int64_t cp_len(const Str* s) { return s->ascii ? static_cast<int64_t>(s->s.size()) : static_cast<int64_t>(s->length); }

// byte_of() converts a code-point index (0..len) of s into a byte offset.
size_t byte_of(const Str* s, int64_t i) { return utf8_offset(s, i); }
int64_t cp_of(const Str* s, size_t byte) {
  if (s->ascii) return static_cast<int64_t>(byte);
  return static_cast<int64_t>(utf8_count(std::string_view(s->s).substr(0, byte)));
}

// adjust() clamps start/end arguments like CPython's ADJUST_INDICES.
bool adjust(VM& vm, const CallArgs& a, uint32_t first, int64_t len, int64_t& start, int64_t& end) {
  start = 0;
  end = len;
  if (a.nargs > first && !a.args[first].is_none() && !to_index(vm, a.args[first], start)) return false;
  if (a.nargs > first + 1 && !a.args[first + 1].is_none() && !to_index(vm, a.args[first + 1], end)) return false;
  if (end > len) end = len;
  else if (end < 0) {
    end += len;
    if (end < 0) end = 0;
  }
  if (start < 0) {
    start += len;
    if (start < 0) start = 0;
  }
  return true;
}

bool str_param(VM& vm, Value v, const char* fn, int argn, Str*& out) {
  out = as_str(v);
  if (out) return true;
  return raise_fmt(vm, vm.types().type_error, "%s() argument %d must be str, not %s", fn, argn,
                   vm.type_name(v).c_str());
}

// ---- case ----

template <class F>
bool map_chars(VM& vm, const CallArgs& a, const char* meth, F f, Value& out) {
  Str* s = self_str(vm, a, meth);
  if (!s || !no_args(vm, a, meth)) return false;
  if (s->ascii) {
    std::string r = s->s;
    for (char& c : r) c = static_cast<char>(f(static_cast<unsigned char>(c)));
    out = make_str(vm, r);
    return true;
  }
  std::vector<uint32_t> cps = decode(s->s);
  std::string r;
  for (uint32_t c : cps) {
    if (c == 0xDF && f(0xDF) == 0x53) {
      r += "SS";
      continue;
    }
    utf8_append(r, f(c));
  }
  out = make_str(vm, r);
  return true;
}

uint32_t upper_fn(uint32_t c) { return c == 0xDF ? 0x53 : to_upper_cp(c); }
uint32_t swap_fn(uint32_t c) { return is_upper_cp(c) ? to_lower_cp(c) : is_lower_cp(c) ? upper_fn(c) : c; }

bool s_upper(VM& vm, const CallArgs& a, Value& out) { return map_chars(vm, a, "upper", upper_fn, out); }
bool s_lower(VM& vm, const CallArgs& a, Value& out) { return map_chars(vm, a, "lower", to_lower_cp, out); }
bool s_casefold(VM& vm, const CallArgs& a, Value& out) { return map_chars(vm, a, "casefold", to_lower_cp, out); }
bool s_swapcase(VM& vm, const CallArgs& a, Value& out) { return map_chars(vm, a, "swapcase", swap_fn, out); }

bool s_title(VM& vm, const CallArgs& a, Value& out) {
  Str* s = self_str(vm, a, "title");
  if (!s || !no_args(vm, a, "title")) return false;
  std::string r;
  bool prev_cased = false;
  for (uint32_t c : decode(s->s)) {
    bool cased = is_upper_cp(c) || is_lower_cp(c);
    uint32_t m = prev_cased ? to_lower_cp(c) : to_upper_cp(c);
    utf8_append(r, m);
    prev_cased = cased;
  }
  out = make_str(vm, r);
  return true;
}

bool s_capitalize(VM& vm, const CallArgs& a, Value& out) {
  Str* s = self_str(vm, a, "capitalize");
  if (!s || !no_args(vm, a, "capitalize")) return false;
  std::string r;
  bool first = true;
  for (uint32_t c : decode(s->s)) {
    utf8_append(r, first ? to_upper_cp(c) : to_lower_cp(c));
    first = false;
  }
  out = make_str(vm, r);
  return true;
}

// ---- predicates ----

template <class F>
bool predicate(VM& vm, const CallArgs& a, const char* meth, F f, Value& out) {
  Str* s = self_str(vm, a, meth);
  if (!s || !no_args(vm, a, meth)) return false;
  bool r = !s->s.empty();
  for (size_t i = 0; r && i < s->s.size();) r = f(utf8_decode(s->s, i));
  out = Value::boolean(r);
  return true;
}

bool s_isdigit(VM& vm, const CallArgs& a, Value& out) { return predicate(vm, a, "isdigit", is_digit_cp, out); }
bool s_isdecimal(VM& vm, const CallArgs& a, Value& out) { return predicate(vm, a, "isdecimal", is_digit_cp, out); }
bool s_isnumeric(VM& vm, const CallArgs& a, Value& out) {
  return predicate(
      vm, a, "isnumeric",
      [](uint32_t c) { return is_digit_cp(c) || c == 0xB2 || c == 0xB3 || c == 0xB9 || (c >= 0xBC && c <= 0xBE); },
      out);
}
bool s_isalpha(VM& vm, const CallArgs& a, Value& out) { return predicate(vm, a, "isalpha", is_alpha_cp, out); }
bool s_isalnum(VM& vm, const CallArgs& a, Value& out) {
  return predicate(
      vm, a, "isalnum", [](uint32_t c) { return is_alpha_cp(c) || is_digit_cp(c); }, out);
}
bool s_isspace(VM& vm, const CallArgs& a, Value& out) { return predicate(vm, a, "isspace", is_space_cp, out); }
bool s_isascii(VM& vm, const CallArgs& a, Value& out) {
  Str* s = self_str(vm, a, "isascii");
  if (!s || !no_args(vm, a, "isascii")) return false;
  out = Value::boolean(s->ascii);
  return true;
}
bool s_isprintable(VM& vm, const CallArgs& a, Value& out) {
  Str* s = self_str(vm, a, "isprintable");
  if (!s || !no_args(vm, a, "isprintable")) return false;
  bool r = true;
  for (size_t i = 0; r && i < s->s.size();) {
    uint32_t c = utf8_decode(s->s, i);
    r = !(c < 0x20 || (c >= 0x7f && c < 0xa1) || c == 0xad);
  }
  out = Value::boolean(r);
  return true;
}

bool cased_check(VM& vm, const CallArgs& a, const char* meth, bool want_upper, Value& out) {
  Str* s = self_str(vm, a, meth);
  if (!s || !no_args(vm, a, meth)) return false;
  bool any_cased = false, ok = true;
  for (size_t i = 0; i < s->s.size();) {
    uint32_t c = utf8_decode(s->s, i);
    if (want_upper ? is_lower_cp(c) : is_upper_cp(c)) {
      ok = false;
      break;
    }
    if (want_upper ? is_upper_cp(c) : is_lower_cp(c)) any_cased = true;
  }
  out = Value::boolean(ok && any_cased);
  return true;
}
bool s_isupper(VM& vm, const CallArgs& a, Value& out) { return cased_check(vm, a, "isupper", true, out); }
bool s_islower(VM& vm, const CallArgs& a, Value& out) { return cased_check(vm, a, "islower", false, out); }

bool s_istitle(VM& vm, const CallArgs& a, Value& out) {
  Str* s = self_str(vm, a, "istitle");
  if (!s || !no_args(vm, a, "istitle")) return false;
  bool prev_cased = false, cased = false, ok = true;
  for (size_t i = 0; ok && i < s->s.size();) {
    uint32_t c = utf8_decode(s->s, i);
    if (is_upper_cp(c)) {
      if (prev_cased) ok = false;
      prev_cased = cased = true;
    } else if (is_lower_cp(c)) {
      if (!prev_cased) ok = false;
      prev_cased = cased = true;
    } else {
      prev_cased = false;
    }
  }
  out = Value::boolean(ok && cased);
  return true;
}

bool s_isidentifier(VM& vm, const CallArgs& a, Value& out) {
  Str* s = self_str(vm, a, "isidentifier");
  if (!s || !no_args(vm, a, "isidentifier")) return false;
  bool r = !s->s.empty();
  bool first = true;
  for (size_t i = 0; r && i < s->s.size();) {
    uint32_t c = utf8_decode(s->s, i);
    r = c == '_' || is_alpha_cp(c) || (!first && is_digit_cp(c)) ||
        (c >= 0x80 && !is_space_cp(c) && c != 0xD7 && c != 0xF7);
    first = false;
  }
  out = Value::boolean(r);
  return true;
}

// ---- strip, split, join ----

bool strip_impl(VM& vm, const CallArgs& a, const char* meth, bool left, bool right, Value& out) {
  Str* s = self_str(vm, a, meth);
  if (!s || !no_kwargs(vm, a, meth)) return false;
  if (a.nargs > 2)
    return raise_fmt(vm, vm.types().type_error, "%s expected at most 1 argument, got %u", meth, a.nargs - 1);
  std::vector<uint32_t> chars;
  bool ws = a.nargs < 2 || a.args[1].is_none();
  if (!ws) {
    Str* c = as_str(a.args[1]);
    if (!c) return raise_fmt(vm, vm.types().type_error, "%s arg must be None or str", meth);
    chars = decode(c->s);
  }
  auto strip_it = [&](uint32_t c) {
    if (ws) return is_space_cp(c);
    for (uint32_t x : chars)
      if (x == c) return true;
    return false;
  };
  const std::string& t = s->s;
  size_t b = 0, e = t.size();
  if (left) {
    while (b < e) {
      size_t p = b;
      if (!strip_it(utf8_decode(t, p))) break;
      b = p;
    }
  }
  if (right) {
    while (e > b) {
      size_t p = e - 1;
      while (p > b && (static_cast<unsigned char>(t[p]) & 0xC0) == 0x80) --p;
      size_t q = p;
      if (!strip_it(utf8_decode(t, q))) break;
      e = p;
    }
  }
  if (b == 0 && e == t.size()) {
    out = a.args[0];
    return true;
  }
  out = make_str(vm, std::string_view(t).substr(b, e - b));
  return true;
}
bool s_strip(VM& vm, const CallArgs& a, Value& out) { return strip_impl(vm, a, "strip", true, true, out); }
bool s_lstrip(VM& vm, const CallArgs& a, Value& out) { return strip_impl(vm, a, "lstrip", true, false, out); }
bool s_rstrip(VM& vm, const CallArgs& a, Value& out) { return strip_impl(vm, a, "rstrip", false, true, out); }

bool split_args(VM& vm, const CallArgs& a, const char* meth, Str*& sep, int64_t& maxsplit) {
  Value p[2] = {Value(), Value::integer(-1)};
  uint32_t given;
  if (!bind(vm, a, Params{meth, {"sep", "maxsplit"}, 0}, p, given, 1)) return false;
  sep = nullptr;
  if (!p[0].is_none()) {
    sep = as_str(p[0]);
    if (!sep) return vm.raise(vm.types().type_error, "must be str or None, not " + vm.type_name(p[0]));
    if (sep->s.empty()) return vm.raise(vm.types().value_error, "empty separator");
  }
  if (!to_index(vm, p[1], maxsplit)) return false;
  if (maxsplit < 0) maxsplit = INT64_MAX;
  return true;
}

bool s_split(VM& vm, const CallArgs& a, Value& out) {
  Str* s = self_str(vm, a, "split");
  Str* sep;
  int64_t maxsplit;
  if (!s || !split_args(vm, a, "split", sep, maxsplit)) return false;
  const std::string& t = s->s;
  ValueVec parts;
  if (!sep) {
    size_t i = 0, n = t.size();
    while (true) {
      while (i < n) {
        size_t p = i;
        if (!is_space_cp(utf8_decode(t, p))) break;
        i = p;
      }
      if (i >= n) break;
      if (static_cast<int64_t>(parts.size()) >= maxsplit) {
        if (!make_temp_room(vm, parts, parts.size() + 1)) return false;
        parts.push_back(make_str(vm, std::string_view(t).substr(i)));
        break;
      }
      size_t j = i;
      while (j < n) {
        size_t p = j;
        if (is_space_cp(utf8_decode(t, p))) break;
        j = p;
      }
      if (!make_temp_room(vm, parts, parts.size() + 1)) return false;
      parts.push_back(make_str(vm, std::string_view(t).substr(i, j - i)));
      i = j;
    }
  } else {
    size_t i = 0;
    while (static_cast<int64_t>(parts.size()) < maxsplit) {
      size_t j = t.find(sep->s, i);
      if (j == std::string::npos) break;
      if (!make_temp_room(vm, parts, parts.size() + 1)) return false;
      parts.push_back(make_str(vm, std::string_view(t).substr(i, j - i)));
      i = j + sep->s.size();
    }
    if (!make_temp_room(vm, parts, parts.size() + 1)) return false;
    parts.push_back(make_str(vm, std::string_view(t).substr(i)));
  }
  out = Value::object(vm.new_list(std::move(parts)));
  return true;
}

bool s_rsplit(VM& vm, const CallArgs& a, Value& out) {
  Str* s = self_str(vm, a, "rsplit");
  Str* sep;
  int64_t maxsplit;
  if (!s || !split_args(vm, a, "rsplit", sep, maxsplit)) return false;
  if (maxsplit == INT64_MAX) return s_split(vm, a, out);
  const std::string& t = s->s;
  ValueVec parts;
  if (!sep) {
    std::vector<uint32_t> cps = decode(t);
    int64_t e = static_cast<int64_t>(cps.size());
    while (true) {
      while (e > 0 && is_space_cp(cps[static_cast<size_t>(e - 1)])) --e;
      if (e <= 0) break;
      if (static_cast<int64_t>(parts.size()) >= maxsplit) {
        if (!make_temp_room(vm, parts, parts.size() + 1)) return false;
        parts.push_back(make_str(vm, encode(std::vector<uint32_t>(cps.begin(), cps.begin() + e))));
        break;
      }
      int64_t b = e;
      while (b > 0 && !is_space_cp(cps[static_cast<size_t>(b - 1)])) --b;
      if (!make_temp_room(vm, parts, parts.size() + 1)) return false;
      parts.push_back(make_str(vm, encode(std::vector<uint32_t>(cps.begin() + b, cps.begin() + e))));
      e = b;
    }
  } else {
    size_t e = t.size();
    while (static_cast<int64_t>(parts.size()) < maxsplit && e >= sep->s.size()) {
      size_t j = t.rfind(sep->s, e - sep->s.size());
      if (j == std::string::npos) break;
      if (!make_temp_room(vm, parts, parts.size() + 1)) return false;
      parts.push_back(make_str(vm, std::string_view(t).substr(j + sep->s.size(), e - j - sep->s.size())));
      e = j;
    }
    if (!make_temp_room(vm, parts, parts.size() + 1)) return false;
    parts.push_back(make_str(vm, std::string_view(t).substr(0, e)));
  }
  std::reverse(parts.begin(), parts.end());
  out = Value::object(vm.new_list(std::move(parts)));
  return true;
}

bool s_splitlines(VM& vm, const CallArgs& a, Value& out) {
  Str* s = self_str(vm, a, "splitlines");
  if (!s) return false;
  Value p[1] = {Value::boolean(false)};
  uint32_t given;
  if (!bind(vm, a, Params{"splitlines", {"keepends"}, 0}, p, given, 1)) return false;
  bool keep;
  if (!vm.truthy(p[0], keep)) return false;
  const std::string& t = s->s;
  ValueVec parts;
  size_t i = 0, start = 0;
  while (i < t.size()) {
    size_t p0 = i;
    uint32_t c = utf8_decode(t, i);
    bool brk = c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d || c == 0x1e || c == 0x85 ||
               c == 0x2028 || c == 0x2029;
    if (!brk) continue;
    size_t eol = i;
    if (c == '\r' && i < t.size() && t[i] == '\n') eol = ++i;
    if (!make_temp_room(vm, parts, parts.size() + 1)) return false;
    parts.push_back(make_str(vm, std::string_view(t).substr(start, (keep ? eol : p0) - start)));
    start = i;
  }
  if (start < t.size()) {
    if (!make_temp_room(vm, parts, parts.size() + 1)) return false;
    parts.push_back(make_str(vm, std::string_view(t).substr(start)));
  }
  out = Value::object(vm.new_list(std::move(parts)));
  return true;
}

// room_for checks a result string's next size against the memory limit before it grows
// there, at most once per eighth of growth: a huge join or expandtabs raises MemoryError.
bool room_for(VM& vm, uint64_t need, uint64_t& checked) {
  if (need <= checked) return true;
  if (!reserve_n(vm, need, 1) || !charge_work(vm, need / 8)) return false;
  checked = need + need / 8 + 4096;
  return true;
}

bool s_join(VM& vm, const CallArgs& a, Value& out) {
  Str* s = self_str(vm, a, "join");
  if (!s || !no_kwargs(vm, a, "str.join")) return false;
  if (a.nargs != 2)
    return raise_fmt(vm, vm.types().type_error, "str.join() takes exactly one argument (%u given)", a.nargs - 1);
  std::string r;
  size_t idx = 0;
  uint64_t checked = 0;
  bool ok = iterate(vm, a.args[1], [&](Value item, bool&) {
    Str* is = as_str(item);
    if (!is)
      return raise_fmt(vm, vm.types().type_error, "sequence item %zu: expected str instance, %s found", idx,
                       vm.type_name(item).c_str());
    if (!room_for(vm, r.size() + (idx ? s->s.size() : 0) + is->s.size(), checked)) return false;
    if (idx) r += s->s;
    r += is->s;
    ++idx;
    return true;
  });
  if (!ok) return false;
  out = make_str(vm, r);
  return true;
}

// ---- searching ----

bool prefix_match(VM& vm, const CallArgs& a, const char* meth, bool suffix, Value& out) {
  Str* s = self_str(vm, a, meth);
  if (!s || !no_kwargs(vm, a, meth)) return false;
  if (a.nargs < 2 || a.nargs > 4)
    return raise_fmt(vm, vm.types().type_error, "%s expected %s, got %u", meth,
                     a.nargs < 2 ? "at least 1 argument" : "at most 3 arguments", a.nargs - 1);
  int64_t start, end;
  if (!adjust(vm, a, 2, cp_len(s), start, end)) return false;
  std::string_view body;
  if (start <= end) {
    size_t b = byte_of(s, start), e = byte_of(s, end);
    body = std::string_view(s->s).substr(b, e - b);
  }
  auto test = [&](Str* p) {
    int64_t plen = p->ascii ? static_cast<int64_t>(p->s.size()) : static_cast<int64_t>(p->length);
    if (start > cp_len(s) || end - start < plen) return false;
    if (p->s.size() > body.size()) return false;
    return suffix ? body.substr(body.size() - p->s.size()) == p->s : body.substr(0, p->s.size()) == p->s;
  };
  Value x = a.args[1];
  if (Str* p = as_str(x)) {
    out = Value::boolean(test(p));
    return true;
  }
  if (Tuple* t = as_tuple(x)) {
    for (Value item : t->items) {
      Str* p = as_str(item);
      if (!p)
        return raise_fmt(vm, vm.types().type_error, "tuple for %s must only contain str, not %s", meth,
                         vm.type_name(item).c_str());
      if (test(p)) {
        out = Value::boolean(true);
        return true;
      }
    }
    out = Value::boolean(false);
    return true;
  }
  return raise_fmt(vm, vm.types().type_error, "%s first arg must be str or a tuple of str, not %s", meth,
                   vm.type_name(x).c_str());
}
bool s_startswith(VM& vm, const CallArgs& a, Value& out) { return prefix_match(vm, a, "startswith", false, out); }
bool s_endswith(VM& vm, const CallArgs& a, Value& out) { return prefix_match(vm, a, "endswith", true, out); }

// find_impl() returns the code-point index of sub in s[start:end] (-1 if absent).
bool find_impl(VM& vm, const CallArgs& a, const char* meth, bool reverse, int64_t& result) {
  Str* s = self_str(vm, a, meth);
  if (!s || !no_kwargs(vm, a, meth)) return false;
  if (a.nargs < 2 || a.nargs > 4)
    return raise_fmt(vm, vm.types().type_error, "%s expected %s, got %u", meth,
                     a.nargs < 2 ? "at least 1 argument" : "at most 3 arguments", a.nargs - 1);
  Str* sub = as_str(a.args[1]);
  if (!sub) return raise_fmt(vm, vm.types().type_error, "must be str, not %s", vm.type_name(a.args[1]).c_str());
  int64_t start, end;
  if (!adjust(vm, a, 2, cp_len(s), start, end)) return false;
  result = -1;
  if (start > end || start > cp_len(s)) return true;
  size_t b = byte_of(s, start), e = byte_of(s, end);
  std::string_view body = std::string_view(s->s).substr(b, e - b);
  size_t at = reverse ? body.rfind(sub->s) : body.find(sub->s);
  if (at != std::string_view::npos) result = cp_of(s, b + at);
  return true;
}

bool s_find(VM& vm, const CallArgs& a, Value& out) {
  int64_t r;
  if (!find_impl(vm, a, "find", false, r)) return false;
  out = Value::integer(r);
  return true;
}
bool s_rfind(VM& vm, const CallArgs& a, Value& out) {
  int64_t r;
  if (!find_impl(vm, a, "rfind", true, r)) return false;
  out = Value::integer(r);
  return true;
}
bool s_index(VM& vm, const CallArgs& a, Value& out) {
  int64_t r;
  if (!find_impl(vm, a, "index", false, r)) return false;
  if (r < 0) return vm.raise(vm.types().value_error, "substring not found");
  out = Value::integer(r);
  return true;
}
bool s_rindex(VM& vm, const CallArgs& a, Value& out) {
  int64_t r;
  if (!find_impl(vm, a, "rindex", true, r)) return false;
  if (r < 0) return vm.raise(vm.types().value_error, "substring not found");
  out = Value::integer(r);
  return true;
}

bool s_count(VM& vm, const CallArgs& a, Value& out) {
  Str* s = self_str(vm, a, "count");
  if (!s || !no_kwargs(vm, a, "count")) return false;
  if (a.nargs < 2 || a.nargs > 4)
    return raise_fmt(vm, vm.types().type_error, "count expected %s, got %u",
                     a.nargs < 2 ? "at least 1 argument" : "at most 3 arguments", a.nargs - 1);
  Str* sub = as_str(a.args[1]);
  if (!sub) return raise_fmt(vm, vm.types().type_error, "must be str, not %s", vm.type_name(a.args[1]).c_str());
  int64_t start, end;
  if (!adjust(vm, a, 2, cp_len(s), start, end)) return false;
  if (start > end || start > cp_len(s)) {
    out = Value::integer(0);
    return true;
  }
  if (sub->s.empty()) {
    out = Value::integer(end - start + 1);
    return true;
  }
  size_t b = byte_of(s, start), e = byte_of(s, end);
  std::string_view body = std::string_view(s->s).substr(b, e - b);
  int64_t n = 0;
  for (size_t i = body.find(sub->s); i != std::string_view::npos; i = body.find(sub->s, i + sub->s.size())) ++n;
  out = Value::integer(n);
  return true;
}

bool s_replace(VM& vm, const CallArgs& a, Value& out) {
  Str* s = self_str(vm, a, "replace");
  if (!s || !no_kwargs(vm, a, "replace")) return false;
  if (a.nargs < 3 || a.nargs > 4)
    return raise_fmt(vm, vm.types().type_error, "replace expected %s, got %u",
                     a.nargs < 3 ? "at least 2 arguments" : "at most 3 arguments", a.nargs - 1);
  Str *old_s, *new_s;
  if (!str_param(vm, a.args[1], "replace", 1, old_s) || !str_param(vm, a.args[2], "replace", 2, new_s)) return false;
  int64_t count = -1;
  if (a.nargs == 4 && !to_index(vm, a.args[3], count)) return false;
  if (count < 0) count = INT64_MAX;
  const std::string& t = s->s;
  std::string r;
  if (old_s->s.empty()) {
    int64_t n = 0;
    size_t i = 0;
    if (n < count) {
      r += new_s->s;
      ++n;
    }
    while (i < t.size()) {
      if (!make_temp_room(vm, r, static_cast<uint64_t>(r.size()) + new_s->s.size() + 4)) return false;
      size_t p = i;
      utf8_decode(t, p);
      r.append(t, i, p - i);
      i = p;
      if (n < count) {
        r += new_s->s;
        ++n;
      }
    }
  } else {
    size_t i = 0;
    int64_t n = 0;
    while (n < count) {
      size_t j = t.find(old_s->s, i);
      if (j == std::string::npos) break;
      if (!make_temp_room(vm, r, static_cast<uint64_t>(r.size()) + (j - i) + new_s->s.size())) return false;
      r.append(t, i, j - i);
      r += new_s->s;
      i = j + old_s->s.size();
      ++n;
    }
    if (n == 0) {
      out = a.args[0];
      return true;
    }
    r.append(t, i, std::string::npos);
  }
  out = make_str(vm, r);
  return true;
}

bool s_partition_impl(VM& vm, const CallArgs& a, bool reverse, Value& out) {
  const char* meth = reverse ? "rpartition" : "partition";
  Str* s = self_str(vm, a, meth);
  if (!s || !no_kwargs(vm, a, meth)) return false;
  if (a.nargs != 2)
    return raise_fmt(vm, vm.types().type_error, "str.%s() takes exactly one argument (%u given)", meth, a.nargs - 1);
  Str* sep = as_str(a.args[1]);
  if (!sep) return raise_fmt(vm, vm.types().type_error, "must be str, not %s", vm.type_name(a.args[1]).c_str());
  if (sep->s.empty()) return vm.raise(vm.types().value_error, "empty separator");
  const std::string& t = s->s;
  size_t j = reverse ? t.rfind(sep->s) : t.find(sep->s);
  Value empty = make_str(vm, "");
  if (j == std::string::npos) {
    out = Value::object(reverse ? vm.new_tuple({empty, empty, a.args[0]}) : vm.new_tuple({a.args[0], empty, empty}));
    return true;
  }
  out = Value::object(vm.new_tuple({make_str(vm, std::string_view(t).substr(0, j)), a.args[1],
                                    make_str(vm, std::string_view(t).substr(j + sep->s.size()))}));
  return true;
}
bool s_partition(VM& vm, const CallArgs& a, Value& out) { return s_partition_impl(vm, a, false, out); }
bool s_rpartition(VM& vm, const CallArgs& a, Value& out) { return s_partition_impl(vm, a, true, out); }

bool s_removeprefix(VM& vm, const CallArgs& a, Value& out) {
  Str* s = self_str(vm, a, "removeprefix");
  if (!s || !no_kwargs(vm, a, "removeprefix")) return false;
  if (a.nargs != 2)
    return raise_fmt(vm, vm.types().type_error, "str.removeprefix() takes exactly one argument (%u given)",
                     a.nargs - 1);
  Str* p;
  if (!str_param(vm, a.args[1], "removeprefix", 1, p)) return false;
  if (!p->s.empty() && s->s.compare(0, p->s.size(), p->s) == 0)
    out = make_str(vm, std::string_view(s->s).substr(p->s.size()));
  else out = a.args[0];
  return true;
}

bool s_removesuffix(VM& vm, const CallArgs& a, Value& out) {
  Str* s = self_str(vm, a, "removesuffix");
  if (!s || !no_kwargs(vm, a, "removesuffix")) return false;
  if (a.nargs != 2)
    return raise_fmt(vm, vm.types().type_error, "str.removesuffix() takes exactly one argument (%u given)",
                     a.nargs - 1);
  Str* p;
  if (!str_param(vm, a.args[1], "removesuffix", 1, p)) return false;
  if (!p->s.empty() && s->s.size() >= p->s.size() && s->s.compare(s->s.size() - p->s.size(), p->s.size(), p->s) == 0)
    out = make_str(vm, std::string_view(s->s).substr(0, s->s.size() - p->s.size()));
  else out = a.args[0];
  return true;
}

// ---- padding ----

bool pad_args(VM& vm, const CallArgs& a, const char* meth, int64_t& width, std::string& fill) {
  if (!no_kwargs(vm, a, meth)) return false;
  if (a.nargs < 2 || a.nargs > 3)
    return raise_fmt(vm, vm.types().type_error, "%s expected %s, got %u", meth,
                     a.nargs < 2 ? "at least 1 argument" : "at most 2 arguments", a.nargs - 1);
  if (!to_index(vm, a.args[1], width)) return false;
  fill = " ";
  if (a.nargs == 3) {
    Str* f = as_str(a.args[2]);
    if (!f)
      return raise_fmt(vm, vm.types().type_error, "%s() argument 2 must be str, not %s", meth,
                       vm.type_name(a.args[2]).c_str());
    if ((f->ascii ? f->s.size() : f->length) != 1)
      return vm.raise(vm.types().type_error, "The fill character must be exactly one character long");
    fill = f->s;
  }
  if (width > 4096 &&
      (!reserve_n(vm, static_cast<uint64_t>(width), fill.size()) || !charge_work(vm, static_cast<uint64_t>(width))))
    return false;
  return true;
}

bool pad_impl(VM& vm, const CallArgs& a, const char* meth, int mode, Value& out) {
  Str* s = self_str(vm, a, meth);
  int64_t width;
  std::string fill;
  if (!s || !pad_args(vm, a, meth, width, fill)) return false;
  int64_t len = cp_len(s);
  if (width <= len) {
    out = a.args[0];
    return true;
  }
  int64_t marg = width - len;
  int64_t left = mode == 0 ? marg / 2 + (marg & width & 1) : mode == 1 ? 0 : marg;
  int64_t right = marg - left;
  std::string r;
  r.reserve(s->s.size() + static_cast<size_t>(marg) * fill.size());
  for (int64_t i = 0; i < left; ++i) r += fill;
  r += s->s;
  for (int64_t i = 0; i < right; ++i) r += fill;
  out = make_str(vm, r);
  return true;
}
bool s_center(VM& vm, const CallArgs& a, Value& out) { return pad_impl(vm, a, "center", 0, out); }
bool s_ljust(VM& vm, const CallArgs& a, Value& out) { return pad_impl(vm, a, "ljust", 1, out); }
bool s_rjust(VM& vm, const CallArgs& a, Value& out) { return pad_impl(vm, a, "rjust", 2, out); }

bool s_zfill(VM& vm, const CallArgs& a, Value& out) {
  Str* s = self_str(vm, a, "zfill");
  if (!s || !no_kwargs(vm, a, "zfill")) return false;
  if (a.nargs != 2)
    return raise_fmt(vm, vm.types().type_error, "str.zfill() takes exactly one argument (%u given)", a.nargs - 1);
  int64_t width;
  if (!to_index(vm, a.args[1], width)) return false;
  int64_t len = cp_len(s);
  if (width <= len) {
    out = a.args[0];
    return true;
  }
  if (width > 4096 &&
      (!reserve_n(vm, static_cast<uint64_t>(width), 1) || !charge_work(vm, static_cast<uint64_t>(width))))
    return false;
  std::string r;
  size_t body = 0;
  if (!s->s.empty() && (s->s[0] == '+' || s->s[0] == '-')) {
    r.push_back(s->s[0]);
    body = 1;
  }
  r.append(static_cast<size_t>(width - len), '0');
  r.append(s->s, body, std::string::npos);
  out = make_str(vm, r);
  return true;
}

bool s_expandtabs(VM& vm, const CallArgs& a, Value& out) {
  Str* s = self_str(vm, a, "expandtabs");
  if (!s) return false;
  Value p[1] = {Value::integer(8)};
  uint32_t given;
  if (!bind(vm, a, Params{"expandtabs", {"tabsize"}, 0}, p, given, 1)) return false;
  int64_t tab;
  if (!to_index(vm, p[0], tab)) return false;
  std::string r;
  int64_t col = 0;
  uint64_t checked = 0;
  for (size_t i = 0; i < s->s.size();) {
    size_t p0 = i;
    uint32_t c = utf8_decode(s->s, i);
    if (c == '\t') {
      if (tab > 0) {
        int64_t n = tab - col % tab;
        if (!room_for(vm, r.size() + static_cast<uint64_t>(n), checked)) return false;
        r.append(static_cast<size_t>(n), ' ');
        col += n;
      }
    } else {
      r.append(s->s, p0, i - p0);
      col = (c == '\n' || c == '\r') ? 0 : col + 1;
    }
  }
  out = make_str(vm, r);
  return true;
}

bool s_format(VM& vm, const CallArgs& a, Value& out) {
  Str* s = self_str(vm, a, "format");
  if (!s) return false;
  std::string r;
  if (!str_format(vm, s->s, a, 1, r)) return false;
  out = make_str(vm, r);
  return true;
}

// ---- str.format machinery ----

struct FormatState {
  VM& vm;
  const CallArgs& args;
  uint32_t first;
  int auto_index = 0;
  int mode = 0;  // 0 unknown, 1 automatic numbering, 2 manual
};

bool resolve_field(FormatState& st, std::string_view name, Value& out) {
  VM& vm = st.vm;
  size_t i = 0;
  while (i < name.size() && name[i] != '.' && name[i] != '[') ++i;
  std::string_view head = name.substr(0, i);
  if (head.empty()) {
    if (st.mode == 2)
      return vm.raise(vm.types().value_error,
                      "cannot switch from manual field specification to automatic field numbering");
    st.mode = 1;
    int idx = st.auto_index++;
    if (st.first + static_cast<uint32_t>(idx) >= st.args.nargs)
      return raise_fmt(vm, vm.types().index_error, "Replacement index %d out of range for positional args tuple", idx);
    out = st.args.args[st.first + static_cast<uint32_t>(idx)];
  } else if (head.find_first_not_of("0123456789") == std::string_view::npos) {
    if (st.mode == 1)
      return vm.raise(vm.types().value_error,
                      "cannot switch from automatic field numbering to manual field specification");
    st.mode = 2;
    int64_t idx = 0;
    for (char c : head) {
      idx = idx * 10 + (c - '0');
      if (idx > (int64_t{1} << 31)) return vm.raise(vm.types().value_error, "Too many decimal digits in format string");
    }
    if (st.first + static_cast<uint64_t>(idx) >= st.args.nargs)
      return raise_fmt(vm, vm.types().index_error, "Replacement index %lld out of range for positional args tuple",
                       static_cast<long long>(idx));
    out = st.args.args[st.first + static_cast<uint32_t>(idx)];
  } else {
    bool found;
    out = kwarg(st.args, head, found);
    if (!found) return raise_key_error(vm, make_str(vm, head));
  }
  while (i < name.size()) {
    if (name[i] == '.') {
      size_t j = i + 1;
      while (j < name.size() && name[j] != '.' && name[j] != '[') ++j;
      std::string_view attr = name.substr(i + 1, j - i - 1);
      if (attr.empty()) return vm.raise(vm.types().value_error, "Empty attribute in format string");
      Value v;
      if (!vm.get_attr(out, vm.intern(attr), v)) return false;
      out = v;
      i = j;
    } else {
      size_t j = name.find(']', i);
      if (j == std::string_view::npos) return vm.raise(vm.types().value_error, "Missing ']' in format string");
      std::string_view key = name.substr(i + 1, j - i - 1);
      if (key.empty()) return vm.raise(vm.types().value_error, "Empty attribute in format string");
      Value k;
      if (key.find_first_not_of("0123456789") == std::string_view::npos) {
        int64_t n = 0;
        for (char c : key) n = n * 10 + (c - '0');
        k = Value::integer(n);
      } else {
        k = make_str(vm, key);
      }
      Value v;
      if (!vm.get_item(out, k, v)) return false;
      out = v;
      i = j + 1;
      if (i < name.size() && name[i] != '.' && name[i] != '[')
        return vm.raise(vm.types().value_error, "Only '.' or '[' may follow ']' in format field specifier");
    }
  }
  return true;
}

bool format_string(FormatState& st, std::string_view fmt, std::string& out, int depth) {
  VM& vm = st.vm;
  if (depth > 2) return vm.raise(vm.types().value_error, "Max string recursion exceeded");
  size_t i = 0, n = fmt.size();
  while (i < n) {
    char c = fmt[i];
    if (c == '}') {
      if (i + 1 < n && fmt[i + 1] == '}') {
        out.push_back('}');
        i += 2;
        continue;
      }
      return vm.raise(vm.types().value_error, "Single '}' encountered in format string");
    }
    if (c != '{') {
      size_t j = i;
      while (j < n && fmt[j] != '{' && fmt[j] != '}') ++j;
      out.append(fmt.substr(i, j - i));
      i = j;
      continue;
    }
    if (i + 1 < n && fmt[i + 1] == '{') {
      out.push_back('{');
      i += 2;
      continue;
    }
    size_t j = i + 1;
    int level = 1;
    int bracket = 0;
    size_t name_end = std::string_view::npos;
    while (j < n) {
      char d = fmt[j];
      if (d == '[') ++bracket;
      else if (d == ']' && bracket) --bracket;
      else if (!bracket && name_end == std::string_view::npos && (d == '!' || d == ':')) name_end = j;
      if (d == '{') ++level;
      else if (d == '}' && --level == 0) break;
      ++j;
    }
    if (j >= n) {
      if (level > 0 && name_end == std::string_view::npos)
        return vm.raise(vm.types().value_error, "expected '}' before end of string");
      return vm.raise(vm.types().value_error,
                      level > 1 ? "unmatched '{' in format spec" : "expected '}' before end of string");
    }
    std::string_view field = fmt.substr(i + 1, j - i - 1);
    size_t ne = name_end == std::string_view::npos ? field.size() : name_end - i - 1;
    std::string_view fname = field.substr(0, ne);
    char conv = 0;
    std::string_view spec;
    size_t k = ne;
    if (k < field.size() && field[k] == '!') {
      if (k + 1 >= field.size())
        return vm.raise(vm.types().value_error, "end of string while looking for conversion specifier");
      conv = field[k + 1];
      k += 2;
      if (k < field.size() && field[k] != ':')
        return vm.raise(vm.types().value_error, "expected ':' after conversion specifier");
    }
    if (k < field.size() && field[k] == ':') spec = field.substr(k + 1);
    Value v;
    if (!resolve_field(st, fname, v)) return false;
    if (conv) {
      std::string cs;
      if (conv == 'r' || conv == 'a') {
        if (!repr_into(vm, v, cs)) return false;
        if (conv == 'a') {
          std::string esc;
          for (size_t p = 0; p < cs.size();) {
            if (static_cast<unsigned char>(cs[p]) < 0x80) {
              esc.push_back(cs[p++]);
              continue;
            }
            uint32_t cp = utf8_decode(cs, p);
            char buf[16];
            if (cp < 0x100) std::snprintf(buf, sizeof buf, "\\x%02x", cp);
            else if (cp < 0x10000) std::snprintf(buf, sizeof buf, "\\u%04x", cp);
            else std::snprintf(buf, sizeof buf, "\\U%08x", cp);
            esc += buf;
          }
          cs = esc;
        }
      } else if (conv == 's') {
        if (!str_into(vm, v, cs)) return false;
      } else {
        return raise_fmt(vm, vm.types().value_error, "Unknown conversion specifier %c", conv);
      }
      v = make_str(vm, cs);
    }
    std::string expanded;
    if (spec.find('{') != std::string_view::npos) {
      if (!format_string(st, spec, expanded, depth + 1)) return false;
      spec = expanded;
    }
    if (!vm.format(v, spec, out)) return false;
    i = j + 1;
  }
  return true;
}

// ---- printf-style formatting ----

bool percent_number(VM& vm, char conv, Value v, std::string& digits, bool& negative) {
  negative = false;
  if (conv == 'd' || conv == 'i' || conv == 'u') {
    int64_t i;
    if (is_intlike(v)) i = int_of(v);
    else if (v.is_float()) {
      if (std::isnan(v.f)) return vm.raise(vm.types().value_error, "cannot convert float NaN to integer");
      if (std::isinf(v.f)) return vm.raise(vm.types().overflow_error, "cannot convert float infinity to integer");
      double t = std::trunc(v.f);
      if (t >= 9223372036854775808.0 || t < -9223372036854775808.0) return overflow(vm);
      i = static_cast<int64_t>(t);
    } else if (as_instance(v)) {
      if (!to_index(vm, v, i)) return false;
    } else {
      return raise_fmt(vm, vm.types().type_error, "%%%c format: a real number is required, not %s", conv,
                       vm.type_name(v).c_str());
    }
    negative = i < 0;
    fmt::int_to_base(i, 10, false, false, digits);
    if (negative) digits.erase(0, 1);
    return true;
  }
  int64_t i;
  if (is_intlike(v)) i = int_of(v);
  else if (as_instance(v)) {
    if (!to_index(vm, v, i)) return false;
  } else {
    return raise_fmt(vm, vm.types().type_error, "%%%c format: an integer is required, not %s", conv,
                     vm.type_name(v).c_str());
  }
  negative = i < 0;
  fmt::int_to_base(i, conv == 'o' ? 8 : 16, false, conv == 'X', digits);
  if (negative) digits.erase(0, 1);
  return true;
}

}  // namespace

bool str_format(VM& vm, std::string_view fmt, const CallArgs& a, uint32_t first, std::string& out) {
  FormatState st{vm, a, first};
  return format_string(st, fmt, out, 0);
}

bool percent_format(VM& vm, std::string_view fmt, Value args, std::string& out) {
  ValueVec items;
  Value mapping;
  bool is_tuple = false;
  if (Tuple* t = as_tuple(args)) {
    items = t->items;
    is_tuple = true;
  } else items.push_back(args);
  // Like CPython, any non-tuple, non-str argument with __getitem__ counts as a mapping.
  if (!is_tuple && !as_str(args)) {
    Value probe;
    if (as_dict(args) || as_list(args) || is_kind(args, ObjKind::Range) ||
        (as_instance(args) && vm.lookup_type_attr(vm.type_of(args), name(vm, Name::getitem), probe)))
      mapping = args;
  }
  size_t next = 0;
  auto next_arg = [&](Value& v) {
    if (next >= items.size()) return vm.raise(vm.types().type_error, "not enough arguments for format string");
    v = items[next++];
    return true;
  };
  size_t i = 0, n = fmt.size();
  while (i < n) {
    size_t pct = fmt.find('%', i);
    if (pct == std::string_view::npos) {
      out.append(fmt.substr(i));
      break;
    }
    out.append(fmt.substr(i, pct - i));
    i = pct + 1;
    if (i >= n) return vm.raise(vm.types().value_error, "incomplete format");
    Value key_value;
    bool have_key = false;
    if (fmt[i] == '(') {
      if (mapping.is_none()) return vm.raise(vm.types().type_error, "format requires a mapping");
      int level = 1;
      size_t j = i + 1;
      while (j < n && level) {
        if (fmt[j] == '(') ++level;
        else if (fmt[j] == ')') --level;
        ++j;
      }
      if (level) return vm.raise(vm.types().value_error, "incomplete format key");
      if (!vm.get_item(mapping, make_str(vm, fmt.substr(i + 1, j - i - 2)), key_value)) return false;
      have_key = true;
      i = j;
    }
    bool left = false, plus = false, space = false, alt = false, zero = false;
    for (; i < n; ++i) {
      char f = fmt[i];
      if (f == '-') left = true;
      else if (f == '+') plus = true;
      else if (f == ' ') space = true;
      else if (f == '#') alt = true;
      else if (f == '0') zero = true;
      else break;
    }
    int64_t width = -1, prec = -1;
    if (i < n && fmt[i] == '*') {
      Value w;
      if (!next_arg(w)) return false;
      if (!is_intlike(w)) return vm.raise(vm.types().type_error, "* wants int");
      width = int_of(w);
      if (width < 0) {
        left = true;
        width = -width;
      }
      ++i;
    } else {
      while (i < n && fmt[i] >= '0' && fmt[i] <= '9') {
        width = (width < 0 ? 0 : width) * 10 + (fmt[i] - '0');
        ++i;
        if (width > INT32_MAX) return vm.raise(vm.types().value_error, "width too big");
      }
    }
    if (width > INT32_MAX) return vm.raise(vm.types().value_error, "width too big");
    if (i < n && fmt[i] == '.') {
      ++i;
      prec = 0;
      if (i < n && fmt[i] == '*') {
        Value p;
        if (!next_arg(p)) return false;
        if (!is_intlike(p)) return vm.raise(vm.types().type_error, "* wants int");
        prec = std::max<int64_t>(0, int_of(p));
        ++i;
      } else {
        while (i < n && fmt[i] >= '0' && fmt[i] <= '9') {
          prec = prec * 10 + (fmt[i] - '0');
          ++i;
          if (prec > INT32_MAX) return vm.raise(vm.types().value_error, "precision too big");
        }
      }
    }
    if (prec > INT32_MAX) return vm.raise(vm.types().value_error, "precision too big");
    if (static_cast<uint64_t>(std::max<int64_t>(width, 0)) + static_cast<uint64_t>(std::max<int64_t>(prec, 0)) >
        kFreeWork) {
      uint64_t room =
          static_cast<uint64_t>(std::max<int64_t>(width, 0)) + static_cast<uint64_t>(std::max<int64_t>(prec, 0));
      if (!reserve_n(vm, room, 1) || !charge_work(vm, room)) return false;
    }
    while (i < n && (fmt[i] == 'h' || fmt[i] == 'l' || fmt[i] == 'L')) ++i;
    if (i >= n) return vm.raise(vm.types().value_error, "incomplete format");
    char conv = fmt[i++];
    if (conv == '%') {
      out.push_back('%');
      continue;
    }
    Value v;
    if (have_key) v = key_value;
    else if (!next_arg(v)) return false;
    std::string body;
    std::string sign, prefix;
    bool numeric = false;
    switch (conv) {
      case 's':
      case 'r':
      case 'a': {
        if (conv == 's') {
          if (!str_into(vm, v, body)) return false;
        } else if (!repr_into(vm, v, body)) return false;
        if (prec >= 0 && static_cast<int64_t>(utf8_count(body)) > prec) {
          size_t b = 0;
          for (int64_t k = 0; k < prec; ++k) utf8_decode(body, b);
          body.resize(b);
        }
        break;
      }
      case 'c': {
        if (Str* s = as_str(v)) {
          if ((s->ascii ? s->s.size() : s->length) != 1)
            return vm.raise(vm.types().type_error, "%c requires int or char");
          body = s->s;
        } else if (is_intlike(v)) {
          int64_t cp = int_of(v);
          if (cp < 0 || cp > 0x10ffff) return vm.raise(vm.types().overflow_error, "%c arg not in range(0x110000)");
          utf8_append(body, static_cast<uint32_t>(cp));
        } else {
          return vm.raise(vm.types().type_error, "%c requires int or char");
        }
        break;
      }
      case 'd':
      case 'i':
      case 'u':
      case 'x':
      case 'X':
      case 'o': {
        bool neg;
        if (!percent_number(vm, conv, v, body, neg)) return false;
        numeric = true;
        if (prec >= 0 && static_cast<int64_t>(body.size()) < prec)
          body.insert(0, static_cast<size_t>(prec - static_cast<int64_t>(body.size())), '0');
        sign = neg ? "-" : plus ? "+" : space ? " " : "";
        if (alt && conv != 'd' && conv != 'i' && conv != 'u') prefix = conv == 'o' ? "0o" : conv == 'x' ? "0x" : "0X";
        break;
      }
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G': {
        double d;
        if (!to_double(vm, v, d, "must be real number")) return false;
        std::string text;
        fmt::float_format(d, conv, prec < 0 ? 6 : static_cast<int>(prec), alt ? fmt::kAlt : 0u, text);
        numeric = true;
        if (!text.empty() && text[0] == '-') {
          sign = "-";
          text.erase(0, 1);
        } else sign = plus ? "+" : space ? " " : "";
        body = text;
        if (!std::isfinite(d)) zero = false;
        break;
      }
      default: {
        uint32_t cp = static_cast<unsigned char>(conv);
        return raise_fmt(vm, vm.types().value_error, "unsupported format character '%c' (0x%x) at index %zu", conv, cp,
                         i - 1);
      }
    }
    int64_t len = static_cast<int64_t>(utf8_count(body) + sign.size() + prefix.size());
    int64_t padn = width > len ? width - len : 0;
    if (left) {
      out += sign;
      out += prefix;
      out += body;
      out.append(static_cast<size_t>(padn), ' ');
    } else if (zero && numeric) {
      out += sign;
      out += prefix;
      out.append(static_cast<size_t>(padn), '0');
      out += body;
    } else {
      out.append(static_cast<size_t>(padn), ' ');
      out += sign;
      out += prefix;
      out += body;
    }
  }
  if (next < items.size() && mapping.is_none())
    return vm.raise(vm.types().type_error, "not all arguments converted during string formatting");
  return true;
}

// s_translate maps each code point through table[ord(c)] (any object with __getitem__): a
// LookupError keeps the character, None deletes it, an int or a str replaces it.
bool s_translate(VM& vm, const CallArgs& a, Value& out) {
  Str* s = self_str(vm, a, "translate");
  if (!s || !no_kwargs(vm, a, "str.translate")) return false;
  if (a.nargs != 2)
    return raise_fmt(vm, vm.types().type_error, "str.translate() takes exactly one argument (%u given)", a.nargs - 1);
  Value table = a.args[1];
  Dict* d = vm.type_of(table) == vm.types().dict ? static_cast<Dict*>(table.o) : nullptr;
  std::string r;
  uint64_t checked = 0;
  for (size_t i = 0; i < s->s.size();) {
    size_t p0 = i;
    uint32_t c = utf8_decode(s->s, i);
    Value key = Value::integer(c), v;
    bool found = true;
    if (d) {
      if (!vm.dict_get(d, key, v, found)) return false;
    } else if (!vm.get_item(table, key, v)) {
      if (!vm.isinstance(vm.pending_exception(), vm.types().lookup_error)) return false;
      vm.clear_exception();
      found = false;
    }
    if (!found) {
      r.append(s->s, p0, i - p0);
    } else if (v.is_none()) {
      continue;
    } else if (v.is_int()) {
      if (v.i < 0 || v.i > 0x10FFFF)
        return vm.raise(vm.types().value_error, "character mapping must be in range(0x110000)");
      utf8_append(r, static_cast<uint32_t>(v.i));
    } else if (Str* rep = as_str(v)) {
      r += rep->s;
    } else {
      return vm.raise(vm.types().type_error, "character mapping must return integer, None or str");
    }
    if (!room_for(vm, r.size(), checked)) return false;
  }
  out = make_str(vm, r);
  return true;
}

// s_maketrans is the static method str.maketrans(x[, y[, z]]): the dict str.translate takes.
bool s_maketrans(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "str.maketrans")) return false;
  if (a.nargs < 1 || a.nargs > 3)
    return raise_fmt(vm, vm.types().type_error,
                     a.nargs < 1 ? "maketrans expected at least 1 argument, got %u"
                                 : "maketrans expected at most 3 arguments, got %u",
                     a.nargs);
  Dict* result = vm.new_dict();
  out = Value::object(result);
  if (a.nargs == 1) {
    if (vm.type_of(a.args[0]) != vm.types().dict && !vm.isinstance(a.args[0], vm.types().dict))
      return vm.raise(vm.types().type_error, "if you give only one argument to maketrans it must be a dict");
    Dict* src = static_cast<Dict*>(a.args[0].o);
    for (size_t k = 0; k < src->entries.size(); ++k) {
      const auto& e = src->entries[k];
      if (!e.live) continue;
      Value key = e.key;
      if (Str* ks = as_str(key)) {
        size_t at = 0;
        if (ks->s.empty() || (utf8_decode(ks->s, at), at != ks->s.size()))
          return vm.raise(vm.types().value_error, "string keys in translate table must be of length 1");
        at = 0;
        key = Value::integer(utf8_decode(ks->s, at));
      } else if (!key.is_int()) {
        return vm.raise(vm.types().type_error, "keys in translate table must be strings or integers");
      }
      if (!vm.dict_set(result, key, e.value)) return false;
    }
    return true;
  }
  Str* x = as_str(a.args[0]);
  Str* y = as_str(a.args[1]);
  if (!x)
    return raise_fmt(vm, vm.types().type_error, "maketrans() argument 1 must be str, not %s",
                     vm.type_name(a.args[0]).c_str());
  if (!y)
    return raise_fmt(vm, vm.types().type_error, "maketrans() argument 2 must be str, not %s",
                     vm.type_name(a.args[1]).c_str());
  if (cp_len(x) != cp_len(y))
    return vm.raise(vm.types().value_error, "the first two maketrans arguments must have equal length");
  for (size_t i = 0, j = 0; i < x->s.size();) {
    uint32_t from = utf8_decode(x->s, i);
    uint32_t to = utf8_decode(y->s, j);
    if (!vm.dict_set(result, Value::integer(from), Value::integer(to))) return false;
  }
  if (a.nargs == 3) {
    Str* z = as_str(a.args[2]);
    if (!z)
      return raise_fmt(vm, vm.types().type_error, "maketrans() argument 3 must be str, not %s",
                       vm.type_name(a.args[2]).c_str());
    for (size_t i = 0; i < z->s.size();) {
      if (!vm.dict_set(result, Value::integer(utf8_decode(z->s, i)), Value::none())) return false;
    }
  }
  return true;
}

void install_str_methods(VM& vm) {
  struct Entry {
    const char* name;
    NativeFn fn;
  };
  static const Entry methods[] = {
      {"upper", s_upper},
      {"lower", s_lower},
      {"casefold", s_casefold},
      {"swapcase", s_swapcase},
      {"title", s_title},
      {"capitalize", s_capitalize},
      {"isdigit", s_isdigit},
      {"isdecimal", s_isdecimal},
      {"isnumeric", s_isnumeric},
      {"isalpha", s_isalpha},
      {"isalnum", s_isalnum},
      {"isspace", s_isspace},
      {"isascii", s_isascii},
      {"isprintable", s_isprintable},
      {"isupper", s_isupper},
      {"islower", s_islower},
      {"istitle", s_istitle},
      {"isidentifier", s_isidentifier},
      {"strip", s_strip},
      {"lstrip", s_lstrip},
      {"rstrip", s_rstrip},
      {"split", s_split},
      {"rsplit", s_rsplit},
      {"splitlines", s_splitlines},
      {"join", s_join},
      {"startswith", s_startswith},
      {"endswith", s_endswith},
      {"find", s_find},
      {"rfind", s_rfind},
      {"index", s_index},
      {"rindex", s_rindex},
      {"count", s_count},
      {"replace", s_replace},
      {"partition", s_partition},
      {"rpartition", s_rpartition},
      {"removeprefix", s_removeprefix},
      {"removesuffix", s_removesuffix},
      {"center", s_center},
      {"ljust", s_ljust},
      {"rjust", s_rjust},
      {"zfill", s_zfill},
      {"expandtabs", s_expandtabs},
      {"format", s_format},
      {"translate", s_translate},
  };
  for (const Entry& e : methods) vm.define_method(vm.types().str, e.name, e.fn);
  StaticMethod* maketrans = vm.alloc<StaticMethod>();
  maketrans->func = Value::object(vm.new_native("maketrans", s_maketrans));
  vm.dict_set(vm.types().str->dict, Value::object(vm.intern("maketrans")), Value::object(maketrans));
}

}  // namespace lib
}  // namespace interleave
