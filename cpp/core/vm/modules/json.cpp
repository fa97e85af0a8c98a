// The _json accelerator module, CPython 3.11's Modules/_json.c: scanstring,
// encode_basestring_ascii, encode_basestring, make_scanner (c_make_scanner) and make_encoder
// (c_make_encoder). cpp/core/stdlib/json/*.py import them as CPython's json package does and
// keep their pure-Python fallbacks.
//
// A scanner or an encoder is a native function bound to a tuple of its settings, where CPython
// has the types _json.Scanner and _json.Encoder; the scanner keeps its memo of object keys per
// call, as 3.11's does (it does not read context.memo).
//
// Positions (idx, end, error positions) are code point indexes, as in Python; the parser works
// on the UTF-8 bytes and converts a byte offset to a code point index only where one is
// returned or reported (for ASCII strings they are the same). Nesting recurses in C++ under a
// depth limit (the recursion limit less the task's Python frames, as CPython 3.11 counts them)
// and native_stack_low(), raising RecursionError with CPython's messages. Callbacks into
// Python (object_hook, parse_float, default, ...) run in nested loops, which never collect
// while a native is below them, so the values held here need no rooting.
#include <cmath>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "lang/native_stack.h"
#include "vm/format.h"
#include "vm/library.h"
#include "vm/task.h"

namespace interleave {
namespace lib {
namespace {

bool json_decode_error(VM& vm, const char* msg, Str* doc, int64_t pos) {
  Value mod, cls, exc;
  if (!vm.import_module("json", mod) || !vm.get_attr(mod, vm.intern("JSONDecodeError"), cls)) return false;
  if (!vm.call(cls, {vm.str_value(msg), Value::object(doc), Value::integer(pos)}, exc)) return false;
  return vm.raise_value(exc);
}

bool stop_iteration(VM& vm, int64_t idx) {
  Value exc;
  if (!vm.call(Value::object(vm.types().stop_iteration), {Value::integer(idx)}, exc)) return false;
  return vm.raise_value(exc);
}

// depth_limit() is how many nested containers a call may enter: CPython 3.11 counts C
// recursion and Python frames against the same limit.
uint32_t depth_limit(VM& vm) {
  uint32_t limit = vm.config().recursion_limit;
  Task* t = vm.current_task();
  size_t frames = t ? t->frames.size() : 0;
  return frames >= limit ? 1 : limit - static_cast<uint32_t>(frames);
}

// append_room() readies a native's output buffer for n more bytes under the memory limit.
inline bool append_room(VM& vm, std::string& out, size_t n) { return make_temp_room(vm, out, out.size() + n); }

const char kHex[] = "0123456789abcdef";

void put_u4(std::string& out, uint32_t c) {
  out += "\\u";
  out += kHex[(c >> 12) & 15];
  out += kHex[(c >> 8) & 15];
  out += kHex[(c >> 4) & 15];
  out += kHex[c & 15];
}

// escape_into() appends s as a JSON string literal: ascii_escape_unicode (ensure_ascii) or
// escape_unicode of CPython's _json.c.
bool escape_into(VM& vm, std::string_view s, bool ascii_only, std::string& out) {
  if (!append_room(vm, out, s.size() + 2)) return false;
  out += '"';
  size_t run = 0;  // start of the pending run of bytes copied as they are
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    bool plain = c >= 0x80 ? !ascii_only : (c >= ' ' && c != '"' && c != '\\' && (c != 0x7f || !ascii_only));
    if (plain) {
      ++i;
      continue;
    }
    if (!append_room(vm, out, (i - run) + 12)) return false;
    out.append(s.data() + run, i - run);
    if (c < 0x80) {
      ++i;
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default: put_u4(out, c);
      }
    } else {
      uint32_t cp = utf8_decode(s, i);
      if (cp >= 0x10000) {
        uint32_t v = cp - 0x10000;
        put_u4(out, 0xd800 | ((v >> 10) & 0x3ff));
        put_u4(out, 0xdc00 | (v & 0x3ff));
      } else {
        put_u4(out, cp);
      }
    }
    run = i;
  }
  if (!append_room(vm, out, (s.size() - run) + 1)) return false;
  out.append(s.data() + run, s.size() - run);
  out += '"';
  return true;
}

bool encode_basestring_common(VM& vm, const CallArgs& a, Value& out, bool ascii_only, const char* fn) {
  if (!no_kwargs(vm, a, fn) || !arg_count(vm, a, fn, 1, 1)) return false;
  Str* s = as_str(a.args[0]);
  if (!s) return vm.raise(vm.types().type_error, "first argument must be a string, not " + vm.type_name(a.args[0]));
  std::string r;
  if (!escape_into(vm, s->s, ascii_only, r)) return false;
  out = make_str(vm, r);
  return true;
}

bool j_encode_basestring_ascii(VM& vm, const CallArgs& a, Value& out) {
  return encode_basestring_common(vm, a, out, true, "encode_basestring_ascii");
}

bool j_encode_basestring(VM& vm, const CallArgs& a, Value& out) {
  return encode_basestring_common(vm, a, out, false, "encode_basestring");
}

// ---- decoding ----

inline bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
inline int hex_value(char c) {
  return c >= '0' && c <= '9'   ? c - '0'
         : c >= 'a' && c <= 'f' ? c - 'a' + 10
         : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                : -1;
}
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

struct Decoder {
  VM& vm;
  Str* doc;
  std::string_view s;
  bool strict = true;
  Value object_hook, pairs_hook, parse_float, parse_int, parse_constant;
  bool custom_float = false, custom_int = false;
  std::unordered_map<std::string_view, Value> memo;  // keys point into the memoized Str objects
  uint32_t depth = 0, max_depth = 1000;
  // cp_byte/cp_index cache the last byte offset converted to a code point index.
  size_t cp_byte = 0;
  int64_t cp_index = 0;

  Decoder(VM& v, Str* d) : vm(v), doc(d), s(d->s) {}

  int64_t cp(size_t byte) {
    if (doc->ascii) return static_cast<int64_t>(byte);
    if (byte < cp_byte) {
      cp_byte = 0;
      cp_index = 0;
    }
    for (; cp_byte < byte && cp_byte < s.size(); ++cp_byte)
      cp_index += (static_cast<unsigned char>(s[cp_byte]) & 0xC0) != 0x80;
    return cp_index;
  }
  int64_t total() const { return doc->length; }
  bool error(const char* msg, int64_t pos) { return json_decode_error(vm, msg, doc, pos); }

  // hex4() decodes four hex digits at byte b; false if one is not a hex digit.
  bool hex4(size_t b, uint32_t& v) {
    v = 0;
    for (size_t k = 0; k < 4; ++k) {
      int h = b + k < s.size() ? hex_value(s[b + k]) : -1;
      if (h < 0) return false;
      v = (v << 4) | static_cast<uint32_t>(h);
    }
    return true;
  }

  // scan_string() is scanstring_unicode: pos is the byte after the opening quote; next is the
  // byte after the closing one.
  bool scan_string(size_t pos, Value& out, size_t& next) {
    const size_t start = pos, n = s.size();
    std::string buf;
    bool escaped = false;
    for (;;) {
      size_t i = pos;
      char c = 0;
      for (; i < n; ++i) {
        c = s[i];
        if (c == '"' || c == '\\') break;
        if (static_cast<unsigned char>(c) <= 0x1f && strict) return error("Invalid control character at", cp(i));
      }
      if (i >= n) return error("Unterminated string starting at", cp(start) - 1);
      if (c == '"' && !escaped) {
        out = make_str(vm, s.substr(start, i - start));
        next = i + 1;
        return true;
      }
      escaped = true;
      if (!make_temp_room(vm, buf, buf.size() + (i - pos) + 4)) return false;
      buf.append(s.data() + pos, i - pos);
      if (c == '"') {
        next = i + 1;
        break;
      }
      if (i + 1 >= n) return error("Unterminated string starting at", cp(start) - 1);
      char e = s[i + 1];
      if (e != 'u') {
        char r;
        switch (e) {
          case '"': r = '"'; break;
          case '\\': r = '\\'; break;
          case '/': r = '/'; break;
          case 'b': r = '\b'; break;
          case 'f': r = '\f'; break;
          case 'n': r = '\n'; break;
          case 'r': r = '\r'; break;
          case 't': r = '\t'; break;
          default: return error("Invalid \\escape", cp(i));
        }
        buf += r;
        pos = i + 2;
        continue;
      }
      size_t h = i + 2;  // first hex digit
      uint32_t v;
      if (total() - cp(h) <= 4 || !hex4(h, v)) return error("Invalid \\uXXXX escape", cp(h) - 1);
      size_t end = h + 4;
      if (v >= 0xd800 && v <= 0xdbff && total() - cp(end) > 6 && s[end] == '\\' && s[end + 1] == 'u') {
        uint32_t v2;
        if (!hex4(end + 2, v2)) return error("Invalid \\uXXXX escape", cp(end) + 1);
        if (v2 >= 0xdc00 && v2 <= 0xdfff) {
          v = 0x10000 + (((v - 0xd800) << 10) | (v2 - 0xdc00));
          end += 6;
        }
      }
      utf8_append(buf, v);
      pos = end;
    }
    out = make_str(vm, buf);
    return true;
  }

  size_t skip_ws(size_t i) const {
    while (i < s.size() && is_ws(s[i])) ++i;
    return i;
  }

  bool enter(const char* what) {
    if (++depth > max_depth || native_stack_low()) {
      --depth;
      return vm.raise(
          vm.types().recursion_error,
          std::string("maximum recursion depth exceeded while decoding a JSON ") + what + " from a unicode string");
    }
    return true;
  }

  bool parse_object(size_t i, Value& out, size_t& next) {
    const bool pairs = !pairs_hook.is_none();
    ValueVec items;
    Dict* d = pairs ? nullptr : vm.new_dict();
    i = skip_ws(i);
    if (i >= s.size() || s[i] != '}') {
      for (;;) {
        if (i >= s.size() || s[i] != '"') return error("Expecting property name enclosed in double quotes", cp(i));
        Value key;
        size_t after;
        if (!scan_string(i + 1, key, after)) return false;
        Str* ks = static_cast<Str*>(key.o);
        auto found = memo.find(std::string_view(ks->s));
        if (found != memo.end()) key = found->second;
        else memo.emplace(std::string_view(ks->s), key);
        i = skip_ws(after);
        if (i >= s.size() || s[i] != ':') return error("Expecting ':' delimiter", cp(i));
        i = skip_ws(i + 1);
        Value val;
        if (!scan(i, val, after)) return false;
        if (pairs) {
          if (!make_temp_room(vm, items, items.size() + 1)) return false;
          items.push_back(Value::object(vm.new_tuple({key, val})));
        } else if (!vm.dict_set(d, key, val)) {
          return false;
        }
        i = skip_ws(after);
        if (i < s.size() && s[i] == '}') break;
        if (i >= s.size() || s[i] != ',') return error("Expecting ',' delimiter", cp(i));
        i = skip_ws(i + 1);
      }
    }
    next = i + 1;
    if (pairs) return vm.call(pairs_hook, {Value::object(vm.new_list(std::move(items)))}, out);
    out = Value::object(d);
    if (!object_hook.is_none()) return vm.call(object_hook, {out}, out);
    return true;
  }

  bool parse_array(size_t i, Value& out, size_t& next) {
    ValueVec items;
    i = skip_ws(i);
    if (i >= s.size() || s[i] != ']') {
      for (;;) {
        Value val;
        size_t after;
        if (!scan(i, val, after)) return false;
        if (!make_temp_room(vm, items, items.size() + 1)) return false;
        items.push_back(val);
        i = skip_ws(after);
        if (i < s.size() && s[i] == ']') break;
        if (i >= s.size() || s[i] != ',') return error("Expecting ',' delimiter", cp(i));
        i = skip_ws(i + 1);
      }
    }
    next = i + 1;
    out = Value::object(vm.new_list(std::move(items)));
    return true;
  }

  bool constant(const char* name, size_t len, size_t i, Value& out, size_t& next) {
    if (!vm.call(parse_constant, {Value::object(vm.intern(name))}, out)) return false;
    next = i + len;
    return true;
  }

  // match_number() is _match_number_unicode: digits are ASCII, so byte and code point
  // offsets agree inside a number.
  bool match_number(size_t start, Value& out, size_t& next) {
    const size_t n = s.size();
    size_t i = start;
    bool is_float = false;
    if (s[i] == '-') {
      ++i;
      if (i >= n) return stop_iteration(vm, cp(start));
    }
    if (s[i] >= '1' && s[i] <= '9') {
      ++i;
      while (i < n && is_digit(s[i])) ++i;
    } else if (s[i] == '0') {
      ++i;
    } else {
      return stop_iteration(vm, cp(start));
    }
    if (i + 1 < n && s[i] == '.' && is_digit(s[i + 1])) {
      is_float = true;
      i += 2;
      while (i < n && is_digit(s[i])) ++i;
    }
    if (i + 1 < n && (s[i] == 'e' || s[i] == 'E')) {
      size_t e_start = i;
      ++i;
      if (i + 1 < n && (s[i] == '-' || s[i] == '+')) ++i;
      while (i < n && is_digit(s[i])) ++i;
      if (is_digit(s[i - 1])) is_float = true;
      else i = e_start;
    }
    std::string_view text = s.substr(start, i - start);
    next = i;
    if (is_float ? custom_float : custom_int)
      return vm.call(is_float ? parse_float : parse_int, {make_str(vm, text)}, out);
    if (is_float) {
      double d;
      if (!lib::parse_float(text, d)) return vm.call(Value::object(vm.types().float_), {make_str(vm, text)}, out);
      out = Value::number(d);
      return true;
    }
    int64_t v;
    bool too_big = false;
    if (lib::parse_int(text, 10, v, too_big) && !too_big) {
      out = Value::integer(v);
      return true;
    }
    return vm.call(Value::object(vm.types().int_), {make_str(vm, text)}, out);
  }

  // scan() is scan_once_unicode at byte i.
  bool scan(size_t i, Value& out, size_t& next) {
    const size_t n = s.size();
    if (i >= n) return stop_iteration(vm, cp(i));
    switch (s[i]) {
      case '"': return scan_string(i + 1, out, next);
      case '{': {
        if (!enter("object")) return false;
        bool ok = parse_object(i + 1, out, next);
        --depth;
        return ok;
      }
      case '[': {
        if (!enter("array")) return false;
        bool ok = parse_array(i + 1, out, next);
        --depth;
        return ok;
      }
      case 'n':
        if (s.compare(i, 4, "null") == 0) {
          out = Value();
          next = i + 4;
          return true;
        }
        break;
      case 't':
        if (s.compare(i, 4, "true") == 0) {
          out = Value::boolean(true);
          next = i + 4;
          return true;
        }
        break;
      case 'f':
        if (s.compare(i, 5, "false") == 0) {
          out = Value::boolean(false);
          next = i + 5;
          return true;
        }
        break;
      case 'N':
        if (s.compare(i, 3, "NaN") == 0) return constant("NaN", 3, i, out, next);
        break;
      case 'I':
        if (s.compare(i, 8, "Infinity") == 0) return constant("Infinity", 8, i, out, next);
        break;
      case '-':
        if (s.compare(i, 9, "-Infinity") == 0) return constant("-Infinity", 9, i, out, next);
        break;
      default: break;
    }
    return match_number(i, out, next);
  }
};

bool j_scanstring(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "scanstring") || !arg_count(vm, a, "scanstring", 2, 3)) return false;
  int64_t end;
  if (!to_index(vm, a.args[1], end)) return false;
  bool strict = true;
  if (a.nargs == 3 && !vm.truthy(a.args[2], strict)) return false;
  Str* s = as_str(a.args[0]);
  if (!s) return vm.raise(vm.types().type_error, "first argument must be a string, not " + vm.type_name(a.args[0]));
  if (end < 0 || end > static_cast<int64_t>(s->length)) return vm.raise(vm.types().value_error, "end is out of bounds");
  Decoder d(vm, s);
  d.strict = strict;
  size_t b = utf8_offset(s, end), next;
  Value str;
  if (!d.scan_string(b, str, next) || !charge_work(vm, next - b)) return false;
  out = Value::object(vm.new_tuple({str, Value::integer(d.cp(next))}));
  return true;
}

// A scanner is a native bound to a tuple of the context's settings:
// (strict, object_hook, object_pairs_hook, parse_float, parse_int, parse_constant).
bool j_scan_once(VM& vm, const CallArgs& a, Value& out) {
  Value p[3];
  uint32_t given;
  if (!bind(vm, a, Params{"scan_once", {"string", "idx"}, 2}, p + 1, given, 1)) return false;
  p[0] = a.args[0];
  Tuple* cfg = as_tuple(p[0]);
  if (!cfg || cfg->items.size() != 6) return vm.raise(vm.types().type_error, "scan_once: bad scanner");
  Str* s = as_str(p[1]);
  if (!s) return vm.raise(vm.types().type_error, "first argument must be a string, not " + vm.type_name(p[1]));
  int64_t idx;
  if (!to_index(vm, p[2], idx)) return false;
  if (idx < 0) return vm.raise(vm.types().value_error, "idx cannot be negative");
  if (idx >= static_cast<int64_t>(s->length)) return stop_iteration(vm, idx);
  Decoder d(vm, s);
  d.strict = cfg->items[0].is_bool() && cfg->items[0].b;
  d.object_hook = cfg->items[1];
  d.pairs_hook = cfg->items[2];
  d.parse_float = cfg->items[3];
  d.parse_int = cfg->items[4];
  d.parse_constant = cfg->items[5];
  const Value float_type = Value::object(vm.types().float_), int_type = Value::object(vm.types().int_);
  d.custom_float = !(d.parse_float.is_obj() && d.parse_float.o == float_type.o);
  d.custom_int = !(d.parse_int.is_obj() && d.parse_int.o == int_type.o);
  d.max_depth = depth_limit(vm);
  size_t b = utf8_offset(s, idx), next;
  d.cp_byte = b;
  d.cp_index = idx;
  Value v;
  if (!d.scan(b, v, next) || !charge_work(vm, next - b)) return false;
  out = Value::object(vm.new_tuple({v, Value::integer(d.cp(next))}));
  return true;
}

bool j_make_scanner(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "make_scanner") || !arg_count(vm, a, "make_scanner", 1, 1)) return false;
  Value ctx = a.args[0];
  static const char* const kAttrs[] = {"strict",      "object_hook", "object_pairs_hook",
                                       "parse_float", "parse_int",   "parse_constant"};
  ValueVec cfg;
  for (const char* attr : kAttrs) {
    Value v;
    if (!vm.get_attr(ctx, vm.intern(attr), v)) return false;
    cfg.push_back(v);
  }
  bool strict;
  if (!vm.truthy(cfg[0], strict)) return false;
  cfg[0] = Value::boolean(strict);
  NativeFunction* nf = vm.new_native("scan_once", j_scan_once);
  nf->self = Value::object(vm.new_tuple(std::move(cfg)));
  nf->has_self = true;
  out = Value::object(nf);
  return true;
}

// ---- encoding ----

// An encoder is a native bound to a tuple of make_encoder's arguments:
// (markers, default, encoder, indent, key_separator, item_separator, sort_keys, skipkeys, allow_nan).
struct Encoder {
  VM& vm;
  bool check_circular = false;
  Value defaultfn, encoder;
  std::string_view key_sep, item_sep;
  bool sort_keys = false, skipkeys = false, allow_nan = true;
  int fast = 0;                           // 1: encoder is encode_basestring_ascii, 2: encode_basestring, 0: call it
  std::unordered_set<const Obj*> active;  // containers being encoded (markers)
  uint32_t depth = 0, max_depth = 1000;
  std::string out;

  explicit Encoder(VM& v) : vm(v) {}

  bool put(std::string_view t) {
    if (!append_room(vm, out, t.size())) return false;
    out.append(t.data(), t.size());
    return true;
  }

  bool enter() {
    if (++depth > max_depth || native_stack_low()) {
      --depth;
      return vm.raise(vm.types().recursion_error, "maximum recursion depth exceeded while encoding a JSON object");
    }
    return true;
  }

  bool mark(const Obj* o) {
    if (!check_circular) return true;
    if (!active.insert(o).second) return vm.raise(vm.types().value_error, "Circular reference detected");
    return true;
  }
  void unmark(const Obj* o) {
    if (check_circular) active.erase(o);
  }

  // put_string() is encoder_encode_string for the str value sv (made lazily for a custom encoder).
  bool put_string(std::string_view text, Value sv) {
    if (fast) return escape_into(vm, text, fast == 1, out);
    if (sv.is_null()) sv = make_str(vm, text);
    Value r;
    if (!vm.call(encoder, {sv}, r)) return false;
    Str* rs = as_str(r);
    if (!rs) return vm.raise(vm.types().type_error, "encoder() must return a string, not " + vm.type_name(r));
    return put(rs->s);
  }

  bool float_text(double d, std::string& t) {
    if (!std::isfinite(d)) {
      if (!allow_nan) return vm.raise(vm.types().value_error, "Out of range float values are not JSON compliant");
      t = d > 0 ? "Infinity" : d < 0 ? "-Infinity" : "NaN";
      return true;
    }
    fmt::float_repr(d, t);
    return true;
  }

  // int_text() is int.__repr__ of an int, a big int or an int subclass's payload.
  bool int_text(Value v, std::string& t) {
    if (v.is_int()) {
      int_str(v.i, t);
      return true;
    }
    return vm.to_repr(v, t);
  }

  bool encode(Value v) {
    if (v.is_none()) return put("null");
    if (v.is_bool()) return put(v.b ? "true" : "false");
    if (v.is_int()) {
      if (!append_room(vm, out, 24)) return false;
      int_str(v.i, out);
      return true;
    }
    if (v.is_float()) {
      std::string t;
      return float_text(v.f, t) && put(t);
    }
    if (Str* s = as_str(v)) return put_string(s->s, v);
    if (is_kind(v, ObjKind::BigInt)) {
      std::string t;
      return int_text(v, t) && put(t);
    }
    if (is_kind(v, ObjKind::List) || is_kind(v, ObjKind::Tuple)) {
      if (!enter()) return false;
      bool ok = encode_list(v);
      --depth;
      return ok;
    }
    if (is_kind(v, ObjKind::Dict)) {
      if (!enter()) return false;
      bool ok = encode_dict(static_cast<Dict*>(v.o));
      --depth;
      return ok;
    }
    Value payload = vm.number_payload(v);
    if (!(payload.tag == v.tag && payload.o == v.o)) {
      std::string t;
      if (payload.is_float()) return float_text(payload.f, t) && put(t);
      return int_text(payload, t) && put(t);
    }
    // default(o), with o marked while its replacement is encoded
    const Obj* ident = v.is_obj() ? v.o : nullptr;
    if (ident && !mark(ident)) return false;
    Value repl;
    if (!vm.call(defaultfn, {v}, repl)) return false;
    if (!enter()) return false;
    bool ok = encode(repl);
    --depth;
    if (!ok) return false;
    if (ident) unmark(ident);
    return true;
  }

  bool encode_list(Value v) {
    if (v.o->sub) {
      // PySequence_Fast: a subclass of list or tuple is iterated (its own __iter__).
      ValueVec items;
      if (!collect(vm, v, items)) return false;
      if (items.empty()) return put("[]");
      if (!mark(v.o) || !put("[")) return false;
      for (size_t i = 0; i < items.size(); ++i)
        if ((i && !put(item_sep)) || !encode(items[i])) return false;
      unmark(v.o);
      return put("]");
    }
    const bool is_list = is_kind(v, ObjKind::List);
    auto size = [&]() {
      return is_list ? static_cast<List*>(v.o)->items.size() : static_cast<Tuple*>(v.o)->items.size();
    };
    if (size() == 0) return put("[]");
    if (!mark(v.o) || !put("[")) return false;
    for (size_t i = 0; i < size(); ++i) {
      Value item = is_list ? static_cast<List*>(v.o)->items[i] : static_cast<Tuple*>(v.o)->items[i];
      if (i && !put(item_sep)) return false;
      if (!encode(item)) return false;
    }
    unmark(v.o);
    return put("]");
  }

  bool encode_dict(Dict* d) {
    if (d->count == 0) return put("{}");
    if (!mark(d) || !put("{")) return false;
    // The items are a snapshot (PyMapping_Items): a dict subclass's items(), else the entries.
    ValueVec pairs;  // key, value, key, value, ... (unsorted) or 2-tuples (sorted)
    ValueVec tuples;
    bool as_tuples = sort_keys || d->sub;
    if (d->sub) {
      Value items_fn, items;
      if (!vm.get_attr(Value::object(d), vm.intern("items"), items_fn) || !vm.call(items_fn, CallArgs{}, items))
        return false;
      if (!collect(vm, items, tuples)) return false;
    } else {
      if (!make_temp_room(vm, as_tuples ? tuples : pairs, as_tuples ? d->count : uint64_t{d->count} * 2)) return false;
      for (const Dict::Entry& e : d->entries) {
        if (!e.live) continue;
        if (as_tuples) tuples.push_back(Value::object(vm.new_tuple({e.key, e.value})));
        else {
          pairs.push_back(e.key);
          pairs.push_back(e.value);
        }
      }
    }
    if (sort_keys && !sort_values(vm, tuples, Value(), false)) return false;
    size_t count = as_tuples ? tuples.size() : pairs.size() / 2;
    bool first = true;
    for (size_t i = 0; i < count; ++i) {
      Value key, value;
      if (as_tuples) {
        Tuple* t = as_tuple(tuples[i]);
        if (!t || t->items.size() != 2) return vm.raise(vm.types().value_error, "items must return 2-tuples");
        key = t->items[0];
        value = t->items[1];
      } else {
        key = pairs[2 * i];
        value = pairs[2 * i + 1];
      }
      std::string ktext;
      Value kval = Value::null();
      Value payload = vm.number_payload(key);
      if (Str* ks = as_str(key)) {
        if (!first && !put(item_sep)) return false;
        first = false;
        if (!put_string(ks->s, key)) return false;
      } else {
        if (key.is_float() || payload.is_float()) {
          if (!float_text(key.is_float() ? key.f : payload.f, ktext)) return false;
        } else if (key.is_bool()) {
          ktext = key.b ? "true" : "false";
        } else if (key.is_none()) {
          ktext = "null";
        } else if (key.is_int() || is_kind(key, ObjKind::BigInt) || !(payload.tag == key.tag && payload.o == key.o)) {
          if (!int_text(key.is_int() || is_kind(key, ObjKind::BigInt) ? key : payload, ktext)) return false;
        } else if (skipkeys) {
          continue;
        } else {
          return vm.raise(vm.types().type_error,
                          "keys must be str, int, float, bool or None, not " + vm.type_name(key));
        }
        if (!first && !put(item_sep)) return false;
        first = false;
        if (!put_string(ktext, kval)) return false;
      }
      if (!put(key_sep) || !encode(value)) return false;
    }
    unmark(d);
    return put("}");
  }
};

bool j_iterencode(VM& vm, const CallArgs& a, Value& out) {
  Value p[3];
  uint32_t given;
  if (!bind(vm, a, Params{"_iterencode", {"obj", "_current_indent_level"}, 2}, p + 1, given, 1)) return false;
  p[0] = a.args[0];
  Tuple* cfg = as_tuple(p[0]);
  if (!cfg || cfg->items.size() != 9) return vm.raise(vm.types().type_error, "_iterencode: bad encoder");
  int64_t level;
  if (!to_index(vm, p[2], level)) return false;
  const ValueVec& c = cfg->items;
  Encoder e(vm);
  e.check_circular = !c[0].is_none();
  e.defaultfn = c[1];
  e.encoder = c[2];
  e.key_sep = as_str(c[4])->s;
  e.item_sep = as_str(c[5])->s;
  e.sort_keys = c[6].b;
  e.skipkeys = c[7].b;
  e.allow_nan = c[8].b;
  if (is_kind(e.encoder, ObjKind::NativeFunction)) {
    NativeFn fn = static_cast<NativeFunction*>(e.encoder.o)->fn;
    e.fast = fn == j_encode_basestring_ascii ? 1 : fn == j_encode_basestring ? 2 : 0;
  }
  e.max_depth = depth_limit(vm);
  if (!e.encode(p[1])) return false;
  out = Value::object(vm.new_tuple({make_str(vm, e.out)}));
  return true;
}

bool j_make_encoder(VM& vm, const CallArgs& a, Value& out) {
  Value p[9];
  uint32_t given;
  if (!bind(vm, a,
            Params{"make_encoder",
                   {"markers", "default", "encoder", "indent", "key_separator", "item_separator", "sort_keys",
                    "skipkeys", "allow_nan"},
                   9},
            p, given))
    return false;
  if (!p[0].is_none() && !is_kind(p[0], ObjKind::Dict))
    return vm.raise(vm.types().type_error, "make_encoder() argument 1 must be dict or None, not " + vm.type_name(p[0]));
  for (int i : {4, 5})
    if (!as_str(p[i]))
      return vm.raise(vm.types().type_error,
                      "make_encoder() argument " + std::to_string(i + 1) + " must be str, not " + vm.type_name(p[i]));
  ValueVec cfg(p, p + 9);
  for (int i : {6, 7, 8}) {
    bool b;
    if (!vm.truthy(p[i], b)) return false;
    cfg[i] = Value::boolean(b);
  }
  NativeFunction* nf = vm.new_native("_iterencode", j_iterencode);
  nf->self = Value::object(vm.new_tuple(std::move(cfg)));
  nf->has_self = true;
  out = Value::object(nf);
  return true;
}

}  // namespace

bool make_json_module(VM& vm, Module* m) {
  define(vm, m, "scanstring", j_scanstring);
  define(vm, m, "encode_basestring_ascii", j_encode_basestring_ascii);
  define(vm, m, "encode_basestring", j_encode_basestring);
  define(vm, m, "make_scanner", j_make_scanner);
  define(vm, m, "make_encoder", j_make_encoder);
  return true;
}

}  // namespace lib
}  // namespace interleave
