// bytes and bytearray: construction, CPython's repr, operators, subscripts, the methods
// of both types, str.encode/bytes.decode (utf-8, ascii, latin-1 with CPython's error
// handlers and messages) and int.to_bytes/int.from_bytes.
#include "vm/bytes.h"
#include "vm/bigint.h"

#include <algorithm>
#include <cstring>

namespace interleave {
namespace lib {

using ast::BinOpKind;
using ast::CmpOpKind;

Bytes* new_bytes(VM& vm, std::string data, bool is_mutable) {
  Bytes* b = vm.alloc<Bytes>();
  b->data = std::move(data);
  b->mutable_ = is_mutable;
  return b;
}

bool bytes_hash(VM& vm, Bytes* b, uint64_t& out) {
  if (b->mutable_) return vm.raise(vm.types().type_error, "unhashable type: 'bytearray'");
  if (!b->hash) b->hash = hash_bytes(reinterpret_cast<const unsigned char*>(b->data.data()), b->data.size());
  out = b->hash;
  return true;
}

void bytes_repr(const Bytes* b, std::string& out) {
  static const char* hex = "0123456789abcdef";
  if (b->mutable_) out += "bytearray(";
  bool sq = b->data.find('\'') != std::string::npos, dq = b->data.find('"') != std::string::npos;
  char quote = sq && !dq ? '"' : '\'';
  out += 'b';
  out += quote;
  for (char ch : b->data) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c == static_cast<unsigned char>(quote) || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c < 0x20 || c >= 0x7f) {
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else out += ch;
  }
  out += quote;
  if (b->mutable_) out += ')';
}

bool buffer_view(VM&, Value v, std::string_view& out) {
  if (Bytes* b = as_bytes(v)) {
    out = b->data;
    return true;
  }
  return false;
}

bool need_buffer(VM& vm, Value v, std::string_view& out) {
  if (buffer_view(vm, v, out)) return true;
  return vm.raise(vm.types().type_error, "a bytes-like object is required, not '" + vm.type_name(v) + "'");
}

namespace {

const char* tname(const Bytes* b) { return b->mutable_ ? "bytearray" : "bytes"; }

bool byte_value(VM& vm, Value v, int& out) {
  int64_t i;
  if (!to_index(vm, v, i)) return false;
  if (i < 0 || i > 255) return vm.raise(vm.types().value_error, "byte must be in range(0, 256)");
  out = static_cast<int>(i);
  return true;
}

}  // namespace

bool bytes_from_iterable(VM& vm, Value iterable, std::string& out) {
  std::string_view view;
  if (buffer_view(vm, iterable, view)) {
    if (!make_temp_room(vm, out, static_cast<uint64_t>(out.size()) + view.size())) return false;
    out.append(view);
    return true;
  }
  if (as_str(iterable)) return vm.raise(vm.types().type_error, "can't extend bytearray with str");
  return iterate(vm, iterable, [&](Value item, bool&) {
    if (!is_intlike(item) && !as_instance(item))
      return vm.raise(vm.types().type_error, "'" + vm.type_name(item) + "' object cannot be interpreted as an integer");
    int64_t i;
    if (!to_index(vm, item, i)) return false;
    if (i < 0 || i > 255) return vm.raise(vm.types().value_error, "bytes must be in range(0, 256)");
    if (!make_temp_room(vm, out, out.size() + 1)) return false;
    out.push_back(static_cast<char>(i));
    return true;
  });
}

// ---------------------------------------------------------------- operators

bool bytes_binop(VM& vm, BinOpKind op, Value a, Value b, Value& out, bool& handled) {
  handled = false;
  Bytes* x = as_bytes(a);
  if (op == BinOpKind::Add && x) {
    std::string_view other;
    if (!buffer_view(vm, b, other)) {
      if (as_instance(b)) return true;
      return vm.raise(vm.types().type_error, "can't concat " + vm.type_name(b) + " to " + tname(x));
    }
    if (!vm.reserve(x->data.size() + other.size())) return false;
    std::string r = x->data;
    r.append(other);
    handled = true;
    out = bytes_value(vm, std::move(r), x->mutable_);
    return true;
  }
  if (op == BinOpKind::Mult) {
    Bytes* seq = x ? x : as_bytes(b);
    Value n = x ? b : a;
    if (!seq || !is_intlike(n)) return true;
    int64_t count = std::max<int64_t>(0, int_of(n));
    if (!reserve_n(vm, static_cast<uint64_t>(count), seq->data.size()) ||
        !charge_work(vm, static_cast<uint64_t>(count) * seq->data.size()))
      return false;
    std::string r;
    r.reserve(seq->data.size() * static_cast<size_t>(count));
    for (int64_t i = 0; i < count; ++i) r += seq->data;
    handled = true;
    out = bytes_value(vm, std::move(r), seq->mutable_);
    return true;
  }
  if (op == BinOpKind::Mod && x) {
    std::string text, r;
    for (char c : x->data) utf8_append(text, static_cast<unsigned char>(c));
    // Bytes %-formatting runs str's formatter over latin-1 text, with bytes arguments as latin-1 str.
    auto conv = [&](Value v) -> Value {
      if (Bytes* bb = as_bytes(v)) {
        std::string t;
        for (char c : bb->data) utf8_append(t, static_cast<unsigned char>(c));
        return make_str(vm, t);
      }
      return v;
    };
    Value args = b;
    if (Tuple* t = as_tuple(b)) {
      ValueVec items;
      for (Value v : t->items) items.push_back(conv(v));
      args = Value::object(vm.new_tuple(std::move(items)));
    } else {
      args = conv(b);
    }
    if (!percent_format(vm, text, args, r)) return false;
    std::string raw;
    size_t pos = 0;
    while (pos < r.size()) {
      uint32_t cp = utf8_decode(r, pos);
      if (cp > 255)
        return vm.raise(vm.types().type_error,
                        "%b requires a bytes-like object, or an object that implements __bytes__, not 'str'");
      raw.push_back(static_cast<char>(cp));
    }
    handled = true;
    out = bytes_value(vm, std::move(raw), x->mutable_);
    return true;
  }
  return true;
}

bool bytes_inplace(VM& vm, BinOpKind op, Value a, Value b, Value& out, bool& handled) {
  handled = false;
  Bytes* x = as_bytes(a);
  if (!x || !x->mutable_) return true;
  if (op == BinOpKind::Add) {
    std::string_view other;
    if (!buffer_view(vm, b, other)) {
      if (as_instance(b)) return true;
      return vm.raise(vm.types().type_error, "can't concat " + vm.type_name(b) + " to bytearray");
    }
    std::string add(other);
    if (!make_room(vm, x->data, static_cast<uint64_t>(x->data.size()) + add.size())) return false;
    x->data += add;
    handled = true;
    out = a;
    return true;
  }
  if (op == BinOpKind::Mult && is_intlike(b)) {
    Value r;
    if (!bytes_binop(vm, op, a, b, r, handled)) return false;
    x->data = as_bytes(r)->data;
    out = a;
    return true;
  }
  return true;
}

bool bytes_compare(VM&, CmpOpKind op, Bytes* a, Bytes* b, Value& out) {
  int c = a == b ? 0 : a->data.compare(b->data);
  bool r = false;
  switch (op) {
    case CmpOpKind::Eq: r = c == 0; break;
    case CmpOpKind::NotEq: r = c != 0; break;
    case CmpOpKind::Lt: r = c < 0; break;
    case CmpOpKind::LtE: r = c <= 0; break;
    case CmpOpKind::Gt: r = c > 0; break;
    case CmpOpKind::GtE: r = c >= 0; break;
    default: break;
  }
  out = Value::boolean(r);
  return true;
}

// ---------------------------------------------------------------- subscripts

bool bytes_get_item(VM& vm, Bytes* b, Value key, Value& out) {
  int64_t n = static_cast<int64_t>(b->data.size());
  if (is_intlike(key) || as_instance(key)) {
    int64_t i;
    if (!to_index(vm, key, i)) return false;
    if (i < 0) i += n;
    if (i < 0 || i >= n)
      return vm.raise(vm.types().index_error, b->mutable_ ? "bytearray index out of range" : "index out of range");
    out = Value::integer(static_cast<unsigned char>(b->data[static_cast<size_t>(i)]));
    return true;
  }
  if (is_kind(key, ObjKind::Slice)) {
    SliceIndices r;
    if (!resolve_slice(vm, static_cast<Slice*>(key.o), n, r)) return false;
    if (!b->mutable_ && r.step == 1 && r.length == n) {
      out = Value::object(b);
      return true;
    }
    std::string res;
    if (r.step == 1) res.assign(b->data, static_cast<size_t>(r.start), static_cast<size_t>(r.length));
    else
      for (int64_t k = 0, i = r.start; k < r.length; ++k, i += r.step) res.push_back(b->data[static_cast<size_t>(i)]);
    out = bytes_value(vm, std::move(res), b->mutable_);
    return true;
  }
  return vm.raise(vm.types().type_error, std::string(b->mutable_ ? "bytearray" : "byte") +
                                             " indices must be integers or slices, not " + vm.type_name(key));
}

bool bytes_set_item(VM& vm, Bytes* b, Value key, Value v) {
  if (!b->mutable_) return vm.raise(vm.types().type_error, "'bytes' object does not support item assignment");
  int64_t n = static_cast<int64_t>(b->data.size());
  if (is_intlike(key) || as_instance(key)) {
    int64_t i;
    if (!to_index(vm, key, i)) return false;
    if (i < 0) i += n;
    if (i < 0 || i >= n) return vm.raise(vm.types().index_error, "bytearray index out of range");
    int c = 0;
    if (!byte_value(vm, v, c)) return false;
    b->data[static_cast<size_t>(i)] = static_cast<char>(c);
    return true;
  }
  if (!is_kind(key, ObjKind::Slice))
    return vm.raise(vm.types().type_error, "bytearray indices must be integers or slices, not " + vm.type_name(key));
  SliceIndices r;
  if (!resolve_slice(vm, static_cast<Slice*>(key.o), n, r)) return false;
  std::string src;
  if (is_intlike(v) || as_str(v) || v.is_none() || v.is_float())
    return vm.raise(vm.types().type_error, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
  if (!bytes_from_iterable(vm, v, src)) return false;
  if (r.step == 1) {
    int64_t stop = std::max(r.start, r.stop);
    b->data.replace(static_cast<size_t>(r.start), static_cast<size_t>(stop - r.start), src);
    return true;
  }
  if (static_cast<int64_t>(src.size()) != r.length)
    return raise_fmt(vm, vm.types().value_error, "attempt to assign bytes of size %zu to extended slice of size %lld",
                     src.size(), static_cast<long long>(r.length));
  for (int64_t k = 0, i = r.start; k < r.length; ++k, i += r.step)
    b->data[static_cast<size_t>(i)] = src[static_cast<size_t>(k)];
  return true;
}

bool bytes_del_item(VM& vm, Bytes* b, Value key) {
  if (!b->mutable_) return vm.raise(vm.types().type_error, "'bytes' object doesn't support item deletion");
  int64_t n = static_cast<int64_t>(b->data.size());
  if (is_intlike(key) || as_instance(key)) {
    int64_t i;
    if (!to_index(vm, key, i)) return false;
    if (i < 0) i += n;
    if (i < 0 || i >= n) return vm.raise(vm.types().index_error, "bytearray index out of range");
    b->data.erase(static_cast<size_t>(i), 1);
    return true;
  }
  if (!is_kind(key, ObjKind::Slice))
    return vm.raise(vm.types().type_error, "bytearray indices must be integers or slices, not " + vm.type_name(key));
  SliceIndices r;
  if (!resolve_slice(vm, static_cast<Slice*>(key.o), n, r)) return false;
  if (r.length == 0) return true;
  std::vector<bool> drop(static_cast<size_t>(n), false);
  for (int64_t k = 0, i = r.start; k < r.length; ++k, i += r.step) drop[static_cast<size_t>(i)] = true;
  std::string kept;
  for (int64_t i = 0; i < n; ++i)
    if (!drop[static_cast<size_t>(i)]) kept.push_back(b->data[static_cast<size_t>(i)]);
  b->data = std::move(kept);
  return true;
}

bool bytes_contains(VM& vm, Bytes* b, Value item, bool& out) {
  if (is_intlike(item)) {
    int c = 0;
    if (!byte_value(vm, item, c)) return false;
    out = b->data.find(static_cast<char>(c)) != std::string::npos;
    return true;
  }
  std::string_view sub;
  if (!buffer_view(vm, item, sub)) {
    if (as_instance(item)) {
      int c = 0;
      if (!byte_value(vm, item, c)) return false;
      out = b->data.find(static_cast<char>(c)) != std::string::npos;
      return true;
    }
    return need_buffer(vm, item, sub);
  }
  out = std::string_view(b->data).find(sub) != std::string_view::npos;
  return true;
}

void bytes_next(Iterator* it, Value& out, bool& done) {
  Bytes* b = as_bytes(it->source);
  if (!b || it->pos >= static_cast<int64_t>(b->data.size())) {
    it->source = Value();
    done = true;
    return;
  }
  out = Value::integer(static_cast<unsigned char>(b->data[static_cast<size_t>(it->pos++)]));
}

// ---------------------------------------------------------------- codecs

namespace {

// Codec is a normalised encoding name; CPython's messages use these spellings.
enum class Codec { Utf8, Ascii, Latin1, Unknown };

Codec codec_of(std::string_view name, const char*& canonical) {
  std::string n;
  for (char c : name) n += (c == '_' || c == ' ') ? '-' : static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  if (n == "utf-8" || n == "utf8" || n == "u8" || n == "utf") {
    canonical = "utf-8";
    return Codec::Utf8;
  }
  if (n == "ascii" || n == "us-ascii" || n == "646") {
    canonical = "ascii";
    return Codec::Ascii;
  }
  if (n == "latin-1" || n == "latin1" || n == "iso-8859-1" || n == "iso8859-1" || n == "8859" || n == "l1" ||
      n == "latin" || n == "cp819") {
    canonical = "latin-1";
    return Codec::Latin1;
  }
  canonical = nullptr;
  return Codec::Unknown;
}

bool unknown_encoding(VM& vm, std::string_view name) {
  return vm.raise(vm.types().lookup_error, "unknown encoding: " + std::string(name));
}

bool unknown_handler(VM& vm, std::string_view errors) {
  return vm.raise(vm.types().lookup_error, "unknown error handler name '" + std::string(errors) + "'");
}

std::string char_escape(uint32_t cp) {
  char buf[16];
  if (cp < 0x100) std::snprintf(buf, sizeof buf, "\\x%02x", cp);
  else if (cp < 0x10000) std::snprintf(buf, sizeof buf, "\\u%04x", cp);
  else std::snprintf(buf, sizeof buf, "\\U%08x", cp);
  return buf;
}

// utf8_error() finds the first malformed sequence at or after pos: its end and reason.
// Returns false when data[pos..] starts a valid sequence (len set to its length).
bool utf8_bad(std::string_view d, size_t pos, size_t& len, const char*& reason) {
  unsigned char c = static_cast<unsigned char>(d[pos]);
  size_t n = d.size();
  if (c < 0x80) {
    len = 1;
    return false;
  }
  int need;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) need = 1;
  else if (c >= 0xE0 && c <= 0xEF) {
    need = 2;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 3;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    len = 1;
    reason = "invalid start byte";
    return true;
  }
  size_t k = 1;
  for (; k <= static_cast<size_t>(need); ++k) {
    if (pos + k >= n) {
      len = k;
      reason = "unexpected end of data";
      return true;
    }
    unsigned char cc = static_cast<unsigned char>(d[pos + k]);
    unsigned char l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
    if (cc < l || cc > h) {
      len = k;
      reason = "invalid continuation byte";
      return true;
    }
  }
  len = k;
  return false;
}

bool decode_error(VM& vm, const char* codec, std::string_view d, size_t start, size_t end, const char* reason) {
  char buf[200];
  if (end - start == 1)
    std::snprintf(buf, sizeof buf, "'%s' codec can't decode byte 0x%02x in position %zu: %s", codec,
                  static_cast<unsigned char>(d[start]), start, reason);
  else
    std::snprintf(buf, sizeof buf, "'%s' codec can't decode bytes in position %zu-%zu: %s", codec, start, end - 1,
                  reason);
  return vm.raise(vm.types().unicode_decode_error, buf);
}

// decode_handler() applies errors to the bad bytes d[start:end]; false with an error pending.
bool decode_handler(VM& vm, std::string_view errors, const char* codec, std::string_view d, size_t start, size_t end,
                    const char* reason, std::string& out) {
  if (errors == "strict") return decode_error(vm, codec, d, start, end, reason);
  if (errors == "ignore") return true;
  if (errors == "replace") {
    utf8_append(out, 0xFFFD);
    return true;
  }
  if (errors == "backslashreplace") {
    for (size_t i = start; i < end; ++i) out += char_escape(static_cast<unsigned char>(d[i]));
    return true;
  }
  if (errors == "surrogateescape") {
    for (size_t i = start; i < end; ++i) utf8_append(out, 0xDC00 + static_cast<unsigned char>(d[i]));
    return true;
  }
  return unknown_handler(vm, errors);
}

}  // namespace

bool decode_bytes(VM& vm, std::string_view d, std::string_view encoding, std::string_view errors, std::string& out) {
  const char* canonical;
  Codec c = codec_of(encoding, canonical);
  if (c == Codec::Unknown) return unknown_encoding(vm, encoding);
  size_t i = 0, n = d.size();
  while (i < n) {
    unsigned char ch = static_cast<unsigned char>(d[i]);
    if (ch < 0x80) {
      out += static_cast<char>(ch);
      ++i;
      continue;
    }
    if (c == Codec::Latin1) {
      utf8_append(out, ch);
      ++i;
      continue;
    }
    if (c == Codec::Ascii) {
      if (!decode_handler(vm, errors, canonical, d, i, i + 1, "ordinal not in range(128)", out)) return false;
      ++i;
      continue;
    }
    size_t len;
    const char* reason = nullptr;
    if (!utf8_bad(d, i, len, reason)) {
      out.append(d.substr(i, len));
      i += len;
      continue;
    }
    if (!decode_handler(vm, errors, canonical, d, i, i + len, reason, out)) return false;
    i += len;
  }
  return true;
}

bool encode_text(VM& vm, const Str* s, std::string_view encoding, std::string_view errors, std::string& out) {
  const char* canonical;
  Codec c = codec_of(encoding, canonical);
  if (c == Codec::Unknown) return unknown_encoding(vm, encoding);
  if (c == Codec::Utf8 || s->ascii) {
    out = s->s;
    return true;
  }
  uint32_t limit = c == Codec::Ascii ? 0x80 : 0x100;
  std::vector<uint32_t> cps;
  for (size_t p = 0; p < s->s.size();) cps.push_back(utf8_decode(s->s, p));
  for (size_t i = 0; i < cps.size();) {
    if (cps[i] < limit) {
      out += static_cast<char>(cps[i]);
      ++i;
      continue;
    }
    size_t j = i;
    while (j < cps.size() && cps[j] >= limit) ++j;
    if (errors == "strict") {
      std::string msg = "'" + std::string(canonical) + "' codec can't encode ";
      if (j - i == 1) {
        msg += "character '" + char_escape(cps[i]) + "' in position " + std::to_string(i);
      } else {
        msg += "characters in position " + std::to_string(i) + "-" + std::to_string(j - 1);
      }
      msg += limit == 0x80 ? ": ordinal not in range(128)" : ": ordinal not in range(256)";
      return vm.raise(vm.types().unicode_encode_error, msg);
    }
    for (size_t k = i; k < j; ++k) {
      if (errors == "ignore") continue;
      if (errors == "replace") out += '?';
      else if (errors == "backslashreplace") out += char_escape(cps[k]);
      else if (errors == "xmlcharrefreplace") out += "&#" + std::to_string(cps[k]) + ";";
      else return unknown_handler(vm, errors);
    }
    i = j;
  }
  return true;
}

// ---------------------------------------------------------------- int <-> bytes

bool int_to_bytes(VM& vm, std::string_view le, bool negative, int64_t length, bool little, bool is_signed,
                  std::string& out) {
  if (negative && !is_signed) return vm.raise(vm.types().overflow_error, "can't convert negative int to unsigned");
  char ext = negative ? static_cast<char>(0xff) : 0;
  std::string r;
  for (int64_t i = 0; i < length; ++i)
    r.push_back(static_cast<size_t>(i) < le.size() ? le[static_cast<size_t>(i)] : ext);
  for (size_t i = static_cast<size_t>(length); i < le.size(); ++i)
    if (le[i] != ext) return vm.raise(vm.types().overflow_error, "int too big to convert");
  if (is_signed) {
    bool top = length > 0 && (static_cast<unsigned char>(r.back()) & 0x80);
    if (length == 0 ? negative : top != negative) return vm.raise(vm.types().overflow_error, "int too big to convert");
  }
  if (!little) std::reverse(r.begin(), r.end());
  out = std::move(r);
  return true;
}

void int_from_bytes(std::string_view data, bool little, bool is_signed, std::string& le, bool& negative) {
  le.assign(data);
  if (!little) std::reverse(le.begin(), le.end());
  negative = is_signed && !le.empty() && (static_cast<unsigned char>(le.back()) & 0x80);
}

// ---------------------------------------------------------------- methods

namespace {

Bytes* self_bytes(VM& vm, const CallArgs& a, const char* meth) {
  if (a.nargs == 0) {
    raise_fmt(vm, vm.types().type_error, "unbound method bytes.%s() needs an argument", meth);
    return nullptr;
  }
  Bytes* b = as_bytes(a.args[0]);
  if (!b)
    raise_fmt(vm, vm.types().type_error, "descriptor '%s' for 'bytes' objects doesn't apply to a '%s' object", meth,
              vm.type_name(a.args[0]).c_str());
  return b;
}

Value same_kind(VM& vm, const Bytes* self, std::string data) {
  return bytes_value(vm, std::move(data), self->mutable_);
}

bool is_space(unsigned char c) { return c == ' ' || (c >= 9 && c <= 13); }
bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool is_alpha(unsigned char c) { return is_lower(c) || is_upper(c); }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

bool no_args(VM& vm, const CallArgs& a, const char* meth) {
  if (!no_kwargs(vm, a, meth)) return false;
  if (a.nargs == 1) return true;
  return raise_fmt(vm, vm.types().type_error, "%s() takes no arguments (%u given)", meth, a.nargs - 1);
}

template <class F>
bool map_bytes(VM& vm, const CallArgs& a, const char* meth, F f, Value& out) {
  Bytes* b = self_bytes(vm, a, meth);
  if (!b || !no_args(vm, a, meth)) return false;
  std::string r = b->data;
  f(r);
  out = same_kind(vm, b, std::move(r));
  return true;
}

template <class F>
bool pred_bytes(VM& vm, const CallArgs& a, const char* meth, F f, Value& out) {
  Bytes* b = self_bytes(vm, a, meth);
  if (!b || !no_args(vm, a, meth)) return false;
  bool r = !b->data.empty();
  for (char c : b->data) r = r && f(static_cast<unsigned char>(c));
  out = Value::boolean(r);
  return true;
}

bool m_upper(VM& vm, const CallArgs& a, Value& out) {
  return map_bytes(
      vm, a, "upper",
      [](std::string& s) {
        for (char& c : s)
          if (is_lower(static_cast<unsigned char>(c))) c = static_cast<char>(c - 32);
      },
      out);
}
bool m_lower(VM& vm, const CallArgs& a, Value& out) {
  return map_bytes(
      vm, a, "lower",
      [](std::string& s) {
        for (char& c : s)
          if (is_upper(static_cast<unsigned char>(c))) c = static_cast<char>(c + 32);
      },
      out);
}
bool m_swapcase(VM& vm, const CallArgs& a, Value& out) {
  return map_bytes(
      vm, a, "swapcase",
      [](std::string& s) {
        for (char& c : s) {
          unsigned char u = static_cast<unsigned char>(c);
          if (is_lower(u)) c = static_cast<char>(c - 32);
          else if (is_upper(u)) c = static_cast<char>(c + 32);
        }
      },
      out);
}
bool m_capitalize(VM& vm, const CallArgs& a, Value& out) {
  return map_bytes(
      vm, a, "capitalize",
      [](std::string& s) {
        for (size_t i = 0; i < s.size(); ++i) {
          unsigned char u = static_cast<unsigned char>(s[i]);
          if (i == 0 && is_lower(u)) s[i] = static_cast<char>(u - 32);
          else if (i > 0 && is_upper(u)) s[i] = static_cast<char>(u + 32);
        }
      },
      out);
}
bool m_title(VM& vm, const CallArgs& a, Value& out) {
  return map_bytes(
      vm, a, "title",
      [](std::string& s) {
        bool prev_cased = false;
        for (char& c : s) {
          unsigned char u = static_cast<unsigned char>(c);
          if (is_lower(u) && !prev_cased) c = static_cast<char>(u - 32);
          else if (is_upper(u) && prev_cased) c = static_cast<char>(u + 32);
          prev_cased = is_alpha(u);
        }
      },
      out);
}

bool m_isdigit(VM& vm, const CallArgs& a, Value& out) { return pred_bytes(vm, a, "isdigit", is_digit, out); }
bool m_isalpha(VM& vm, const CallArgs& a, Value& out) { return pred_bytes(vm, a, "isalpha", is_alpha, out); }
bool m_isalnum(VM& vm, const CallArgs& a, Value& out) {
  return pred_bytes(
      vm, a, "isalnum", [](unsigned char c) { return is_alpha(c) || is_digit(c); }, out);
}
bool m_isspace(VM& vm, const CallArgs& a, Value& out) { return pred_bytes(vm, a, "isspace", is_space, out); }
bool m_isascii(VM& vm, const CallArgs& a, Value& out) {
  Bytes* b = self_bytes(vm, a, "isascii");
  if (!b || !no_args(vm, a, "isascii")) return false;
  bool r = true;
  for (char c : b->data) r = r && static_cast<unsigned char>(c) < 0x80;
  out = Value::boolean(r);
  return true;
}

bool cased(VM& vm, const CallArgs& a, const char* meth, bool upper, Value& out) {
  Bytes* b = self_bytes(vm, a, meth);
  if (!b || !no_args(vm, a, meth)) return false;
  bool any = false, bad = false;
  for (char ch : b->data) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (upper ? is_upper(c) : is_lower(c)) any = true;
    if (upper ? is_lower(c) : is_upper(c)) bad = true;
  }
  out = Value::boolean(any && !bad);
  return true;
}
bool m_isupper(VM& vm, const CallArgs& a, Value& out) { return cased(vm, a, "isupper", true, out); }
bool m_islower(VM& vm, const CallArgs& a, Value& out) { return cased(vm, a, "islower", false, out); }

bool m_decode(VM& vm, const CallArgs& a, Value& out) {
  Bytes* b = self_bytes(vm, a, "decode");
  if (!b) return false;
  Value p[2] = {Value(), Value()};
  uint32_t given;
  if (!bind(vm, a, Params{"decode", {"encoding", "errors"}, 0}, p, given, 1)) return false;
  std::string enc = "utf-8", errors = "strict";
  for (int i = 0; i < 2; ++i) {
    if (!(given & (1u << i))) continue;
    Str* s = as_str(p[i]);
    if (!s)
      return raise_fmt(vm, vm.types().type_error, "decode() argument '%s' must be str, not %s",
                       i ? "errors" : "encoding", vm.type_name(p[i]).c_str());
    (i ? errors : enc) = s->s;
  }
  std::string r;
  if (!decode_bytes(vm, b->data, enc, errors, r)) return false;
  out = make_str(vm, r);
  return true;
}

bool s_encode(VM& vm, const CallArgs& a, Value& out) {
  if (a.nargs == 0 || !as_str(a.args[0]))
    return vm.raise(vm.types().type_error, "descriptor 'encode' for 'str' objects doesn't apply to this object");
  Str* s = as_str(a.args[0]);
  Value p[2] = {Value(), Value()};
  uint32_t given;
  if (!bind(vm, a, Params{"encode", {"encoding", "errors"}, 0}, p, given, 1)) return false;
  std::string enc = "utf-8", errors = "strict";
  for (int i = 0; i < 2; ++i) {
    if (!(given & (1u << i))) continue;
    Str* v = as_str(p[i]);
    if (!v)
      return raise_fmt(vm, vm.types().type_error, "encode() argument '%s' must be str, not %s",
                       i ? "errors" : "encoding", vm.type_name(p[i]).c_str());
    (i ? errors : enc) = v->s;
  }
  std::string r;
  if (!encode_text(vm, s, enc, errors, r)) return false;
  out = bytes_value(vm, std::move(r));
  return true;
}

bool hex_impl(VM& vm, std::string_view data, const CallArgs& a, uint32_t self_offset, const char* fn, Value& out) {
  static const char* hex = "0123456789abcdef";
  Value p[2] = {Value(), Value::integer(1)};
  uint32_t given;
  if (!bind(vm, a, Params{fn, {"sep", "bytes_per_sep"}, 0}, p, given, self_offset)) return false;
  std::string sep;
  if (!p[0].is_none()) {
    if (Str* s = as_str(p[0])) sep = s->s;
    else if (Bytes* b = as_bytes(p[0])) sep = b->data;
    else return vm.raise(vm.types().type_error, "sep must be str or bytes.");
    if (utf8_count(sep) != 1) return vm.raise(vm.types().value_error, "sep must be length 1.");
  }
  int64_t per;
  if (!to_index(vm, p[1], per)) return false;
  std::string r;
  size_t n = data.size();
  if (!reserve_n(vm, n, 2 + sep.size()) || !charge_work(vm, uint64_t{n} * 2)) return false;
  int64_t group = per < 0 ? -per : per;
  for (size_t i = 0; i < n; ++i) {
    if (i && !sep.empty() && group > 0) {
      bool boundary = per > 0 ? (n - i) % static_cast<size_t>(group) == 0 : i % static_cast<size_t>(group) == 0;
      if (boundary) r += sep;
    }
    unsigned char c = static_cast<unsigned char>(data[i]);
    r += hex[c >> 4];
    r += hex[c & 15];
  }
  out = make_str(vm, r);
  return true;
}

bool m_hex(VM& vm, const CallArgs& a, Value& out) {
  Bytes* b = self_bytes(vm, a, "hex");
  return b && hex_impl(vm, b->data, a, 1, "hex", out);
}

// m_fromhex is the classmethod bytes.fromhex / bytearray.fromhex (args[0] is the class).
bool m_fromhex(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "fromhex")) return false;
  if (a.nargs != 2)
    return raise_fmt(vm, vm.types().type_error, "fromhex() takes exactly one argument (%u given)", a.nargs - 1);
  Str* s = as_str(a.args[1]);
  if (!s)
    return raise_fmt(vm, vm.types().type_error, "fromhex() argument must be str, not %s",
                     vm.type_name(a.args[1]).c_str());
  auto hv = [](char c) {
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
  };
  std::string r;
  const std::string& t = s->s;
  size_t i = 0;
  while (i < t.size()) {
    if (is_space(static_cast<unsigned char>(t[i]))) {
      ++i;
      continue;
    }
    int h = hv(t[i]);
    int l = i + 1 < t.size() ? hv(t[i + 1]) : -1;
    if (h < 0 || l < 0) {
      size_t at = h < 0 ? i : i + 1;
      return raise_fmt(vm, vm.types().value_error, "non-hexadecimal number found in fromhex() arg at position %zu", at);
    }
    r.push_back(static_cast<char>(h * 16 + l));
    i += 2;
  }
  bool mut = as_class(a.args[0]) == vm.types().bytearray;
  out = bytes_value(vm, std::move(r), mut);
  return true;
}

// sub_arg() reads find/count's sub argument: bytes-like or an int byte value.
bool sub_arg(VM& vm, Value v, std::string& out) {
  std::string_view view;
  if (buffer_view(vm, v, view)) {
    out.assign(view);
    return true;
  }
  if (is_intlike(v) || as_instance(v)) {
    int c = 0;
    if (!byte_value(vm, v, c)) return false;
    out.assign(1, static_cast<char>(c));
    return true;
  }
  return vm.raise(vm.types().type_error,
                  "argument should be integer or bytes-like object, not '" + vm.type_name(v) + "'");
}

// range_args() reads optional start/end at args[first], clamped like str slicing.
bool range_args(VM& vm, const CallArgs& a, uint32_t first, int64_t n, int64_t& start, int64_t& end) {
  start = 0;
  end = n;
  if (a.nargs > first && !a.args[first].is_none() && !to_index(vm, a.args[first], start)) return false;
  if (a.nargs > first + 1 && !a.args[first + 1].is_none() && !to_index(vm, a.args[first + 1], end)) return false;
  if (start < 0) start = std::max<int64_t>(0, start + n);
  if (end < 0) end = std::max<int64_t>(0, end + n);
  end = std::min(end, n);
  return true;
}

bool find_impl(VM& vm, const CallArgs& a, const char* meth, bool reverse, int64_t& result) {
  Bytes* b = self_bytes(vm, a, meth);
  if (!b || !no_kwargs(vm, a, meth)) return false;
  if (a.nargs < 2 || a.nargs > 4)
    return raise_fmt(vm, vm.types().type_error, "%s expected %s, got %u", meth,
                     a.nargs < 2 ? "at least 1 argument" : "at most 3 arguments", a.nargs - 1);
  std::string sub;
  if (!sub_arg(vm, a.args[1], sub)) return false;
  int64_t n = static_cast<int64_t>(b->data.size()), start, end;
  if (!range_args(vm, a, 2, n, start, end)) return false;
  result = -1;
  if (start > end || start > n) return true;
  std::string_view body =
      std::string_view(b->data).substr(static_cast<size_t>(start), static_cast<size_t>(end - start));
  size_t at = reverse ? body.rfind(sub) : body.find(sub);
  if (at != std::string_view::npos) result = start + static_cast<int64_t>(at);
  return true;
}

bool m_find(VM& vm, const CallArgs& a, Value& out) {
  int64_t r;
  if (!find_impl(vm, a, "find", false, r)) return false;
  out = Value::integer(r);
  return true;
}
bool m_rfind(VM& vm, const CallArgs& a, Value& out) {
  int64_t r;
  if (!find_impl(vm, a, "rfind", true, r)) return false;
  out = Value::integer(r);
  return true;
}
bool m_index(VM& vm, const CallArgs& a, Value& out) {
  int64_t r;
  if (!find_impl(vm, a, "index", false, r)) return false;
  if (r < 0) return vm.raise(vm.types().value_error, "subsection not found");
  out = Value::integer(r);
  return true;
}
bool m_rindex(VM& vm, const CallArgs& a, Value& out) {
  int64_t r;
  if (!find_impl(vm, a, "rindex", true, r)) return false;
  if (r < 0) return vm.raise(vm.types().value_error, "subsection not found");
  out = Value::integer(r);
  return true;
}

bool m_count(VM& vm, const CallArgs& a, Value& out) {
  Bytes* b = self_bytes(vm, a, "count");
  if (!b || !no_kwargs(vm, a, "count")) return false;
  if (a.nargs < 2 || a.nargs > 4)
    return raise_fmt(vm, vm.types().type_error, "count expected %s, got %u",
                     a.nargs < 2 ? "at least 1 argument" : "at most 3 arguments", a.nargs - 1);
  std::string sub;
  if (!sub_arg(vm, a.args[1], sub)) return false;
  int64_t n = static_cast<int64_t>(b->data.size()), start, end;
  if (!range_args(vm, a, 2, n, start, end)) return false;
  if (start > end || start > n) {
    out = Value::integer(0);
    return true;
  }
  if (sub.empty()) {
    out = Value::integer(end - start + 1);
    return true;
  }
  std::string_view body =
      std::string_view(b->data).substr(static_cast<size_t>(start), static_cast<size_t>(end - start));
  int64_t c = 0;
  for (size_t p = body.find(sub); p != std::string_view::npos; p = body.find(sub, p + sub.size())) ++c;
  out = Value::integer(c);
  return true;
}

bool prefix_impl(VM& vm, const CallArgs& a, const char* meth, bool suffix, Value& out) {
  Bytes* b = self_bytes(vm, a, meth);
  if (!b || !no_kwargs(vm, a, meth)) return false;
  if (a.nargs < 2 || a.nargs > 4)
    return raise_fmt(vm, vm.types().type_error, "%s expected %s, got %u", meth,
                     a.nargs < 2 ? "at least 1 argument" : "at most 3 arguments", a.nargs - 1);
  int64_t n = static_cast<int64_t>(b->data.size()), start, end;
  if (!range_args(vm, a, 2, n, start, end)) return false;
  auto test = [&](std::string_view p) {
    if (start > n || end - start < static_cast<int64_t>(p.size())) return false;
    std::string_view body =
        std::string_view(b->data).substr(static_cast<size_t>(start), static_cast<size_t>(end - start));
    return suffix ? body.substr(body.size() - p.size()) == p : body.substr(0, p.size()) == p;
  };
  std::string_view p;
  if (Tuple* t = as_tuple(a.args[1])) {
    for (Value v : t->items) {
      if (!buffer_view(vm, v, p))
        return raise_fmt(vm, vm.types().type_error, "a bytes-like object is required, not '%s'",
                         vm.type_name(v).c_str());
      if (test(p)) {
        out = Value::boolean(true);
        return true;
      }
    }
    out = Value::boolean(false);
    return true;
  }
  if (!buffer_view(vm, a.args[1], p))
    return raise_fmt(vm, vm.types().type_error, "%s first arg must be bytes or a tuple of bytes, not %s", meth,
                     vm.type_name(a.args[1]).c_str());
  out = Value::boolean(test(p));
  return true;
}
bool m_startswith(VM& vm, const CallArgs& a, Value& out) { return prefix_impl(vm, a, "startswith", false, out); }
bool m_endswith(VM& vm, const CallArgs& a, Value& out) { return prefix_impl(vm, a, "endswith", true, out); }

bool m_replace(VM& vm, const CallArgs& a, Value& out) {
  Bytes* b = self_bytes(vm, a, "replace");
  if (!b || !no_kwargs(vm, a, "replace")) return false;
  if (a.nargs < 3 || a.nargs > 4)
    return raise_fmt(vm, vm.types().type_error, "replace expected %s, got %u",
                     a.nargs < 3 ? "at least 2 arguments" : "at most 3 arguments", a.nargs - 1);
  std::string_view from, to;
  if (!need_buffer(vm, a.args[1], from) || !need_buffer(vm, a.args[2], to)) return false;
  int64_t count = -1;
  if (a.nargs == 4 && !to_index(vm, a.args[3], count)) return false;
  if (count < 0) count = INT64_MAX;
  const std::string& t = b->data;
  std::string r;
  if (from.empty()) {
    int64_t done = 0;
    for (size_t i = 0; i <= t.size(); ++i) {
      if (!make_temp_room(vm, r, static_cast<uint64_t>(r.size()) + to.size() + 1)) return false;
      if (done < count) {
        r.append(to);
        ++done;
      }
      if (i < t.size()) r += t[i];
    }
  } else {
    size_t i = 0;
    int64_t done = 0;
    while (done < count) {
      size_t j = t.find(from, i);
      if (j == std::string::npos) break;
      if (!make_temp_room(vm, r, static_cast<uint64_t>(r.size()) + (j - i) + to.size())) return false;
      r.append(t, i, j - i);
      r.append(to);
      i = j + from.size();
      ++done;
    }
    r.append(t, i, std::string::npos);
  }
  out = same_kind(vm, b, std::move(r));
  return true;
}

bool split_args(VM& vm, const CallArgs& a, const char* meth, bool& has_sep, std::string& sep, int64_t& maxsplit) {
  Value p[2] = {Value(), Value::integer(-1)};
  uint32_t given;
  if (!bind(vm, a, Params{meth, {"sep", "maxsplit"}, 0}, p, given, 1)) return false;
  has_sep = !p[0].is_none();
  if (has_sep) {
    std::string_view v;
    if (!need_buffer(vm, p[0], v)) return false;
    if (v.empty()) return vm.raise(vm.types().value_error, "empty separator");
    sep.assign(v);
  }
  if (!to_index(vm, p[1], maxsplit)) return false;
  if (maxsplit < 0) maxsplit = INT64_MAX;
  return true;
}

bool m_split(VM& vm, const CallArgs& a, Value& out) {
  Bytes* b = self_bytes(vm, a, "split");
  bool has_sep;
  std::string sep;
  int64_t maxsplit;
  if (!b || !split_args(vm, a, "split", has_sep, sep, maxsplit)) return false;
  std::string_view t = b->data;
  ValueVec parts;
  if (!has_sep) {
    size_t i = 0, n = t.size();
    while (true) {
      while (i < n && is_space(static_cast<unsigned char>(t[i]))) ++i;
      if (i >= n) break;
      if (static_cast<int64_t>(parts.size()) >= maxsplit) {
        size_t e = n;
        while (e > i && is_space(static_cast<unsigned char>(t[e - 1]))) --e;
        if (!make_temp_room(vm, parts, parts.size() + 1)) return false;
        parts.push_back(same_kind(vm, b, std::string(t.substr(i, e - i))));
        break;
      }
      size_t j = i;
      while (j < n && !is_space(static_cast<unsigned char>(t[j]))) ++j;
      if (!make_temp_room(vm, parts, parts.size() + 1)) return false;
      parts.push_back(same_kind(vm, b, std::string(t.substr(i, j - i))));
      i = j;
    }
  } else {
    size_t i = 0;
    while (static_cast<int64_t>(parts.size()) < maxsplit) {
      size_t j = t.find(sep, i);
      if (j == std::string::npos) break;
      if (!make_temp_room(vm, parts, parts.size() + 1)) return false;
      parts.push_back(same_kind(vm, b, std::string(t.substr(i, j - i))));
      i = j + sep.size();
    }
    if (!make_temp_room(vm, parts, parts.size() + 1)) return false;
    parts.push_back(same_kind(vm, b, std::string(t.substr(i))));
  }
  out = Value::object(vm.new_list(std::move(parts)));
  return true;
}

bool m_rsplit(VM& vm, const CallArgs& a, Value& out) {
  Bytes* b = self_bytes(vm, a, "rsplit");
  bool has_sep;
  std::string sep;
  int64_t maxsplit;
  if (!b || !split_args(vm, a, "rsplit", has_sep, sep, maxsplit)) return false;
  if (maxsplit == INT64_MAX) return m_split(vm, a, out);
  std::string_view t = b->data;
  ValueVec parts;
  if (!has_sep) {
    size_t e = t.size();
    while (true) {
      while (e > 0 && is_space(static_cast<unsigned char>(t[e - 1]))) --e;
      if (e == 0) break;
      if (static_cast<int64_t>(parts.size()) >= maxsplit) {
        size_t s = 0;
        while (s < e && is_space(static_cast<unsigned char>(t[s]))) ++s;
        if (!make_temp_room(vm, parts, parts.size() + 1)) return false;
        parts.push_back(same_kind(vm, b, std::string(t.substr(s, e - s))));
        break;
      }
      size_t s = e;
      while (s > 0 && !is_space(static_cast<unsigned char>(t[s - 1]))) --s;
      if (!make_temp_room(vm, parts, parts.size() + 1)) return false;
      parts.push_back(same_kind(vm, b, std::string(t.substr(s, e - s))));
      e = s;
    }
  } else {
    size_t e = t.size();
    while (static_cast<int64_t>(parts.size()) < maxsplit && e >= sep.size()) {
      size_t j = t.rfind(sep, e - sep.size());
      if (j == std::string::npos) break;
      if (!make_temp_room(vm, parts, parts.size() + 1)) return false;
      parts.push_back(same_kind(vm, b, std::string(t.substr(j + sep.size(), e - j - sep.size()))));
      e = j;
    }
    if (!make_temp_room(vm, parts, parts.size() + 1)) return false;
    parts.push_back(same_kind(vm, b, std::string(t.substr(0, e))));
  }
  std::reverse(parts.begin(), parts.end());
  out = Value::object(vm.new_list(std::move(parts)));
  return true;
}

bool m_splitlines(VM& vm, const CallArgs& a, Value& out) {
  Bytes* b = self_bytes(vm, a, "splitlines");
  if (!b) return false;
  Value p[1] = {Value::boolean(false)};
  uint32_t given;
  if (!bind(vm, a, Params{"splitlines", {"keepends"}, 0}, p, given, 1)) return false;
  bool keep;
  if (!vm.truthy(p[0], keep)) return false;
  const std::string& t = b->data;
  ValueVec parts;
  size_t i = 0;
  while (i < t.size()) {
    size_t j = i;
    while (j < t.size() && t[j] != '\n' && t[j] != '\r') ++j;
    size_t e = j;
    if (j < t.size()) j += (t[j] == '\r' && j + 1 < t.size() && t[j + 1] == '\n') ? 2 : 1;
    if (!make_temp_room(vm, parts, parts.size() + 1)) return false;
    parts.push_back(same_kind(vm, b, t.substr(i, (keep ? j : e) - i)));
    i = j;
  }
  out = Value::object(vm.new_list(std::move(parts)));
  return true;
}

bool strip_impl(VM& vm, const CallArgs& a, const char* meth, bool left, bool right, Value& out) {
  Bytes* b = self_bytes(vm, a, meth);
  if (!b || !no_kwargs(vm, a, meth)) return false;
  if (a.nargs > 2)
    return raise_fmt(vm, vm.types().type_error, "%s expected at most 1 argument, got %u", meth, a.nargs - 1);
  std::string chars = " \t\n\r\x0b\x0c";
  if (a.nargs == 2 && !a.args[1].is_none()) {
    std::string_view v;
    if (!need_buffer(vm, a.args[1], v)) return false;
    chars.assign(v);
  }
  const std::string& t = b->data;
  size_t s = 0, e = t.size();
  if (left)
    while (s < e && chars.find(t[s]) != std::string::npos) ++s;
  if (right)
    while (e > s && chars.find(t[e - 1]) != std::string::npos) --e;
  out = same_kind(vm, b, t.substr(s, e - s));
  return true;
}
bool m_strip(VM& vm, const CallArgs& a, Value& out) { return strip_impl(vm, a, "strip", true, true, out); }
bool m_lstrip(VM& vm, const CallArgs& a, Value& out) { return strip_impl(vm, a, "lstrip", true, false, out); }
bool m_rstrip(VM& vm, const CallArgs& a, Value& out) { return strip_impl(vm, a, "rstrip", false, true, out); }

bool m_join(VM& vm, const CallArgs& a, Value& out) {
  Bytes* b = self_bytes(vm, a, "join");
  if (!b || !no_kwargs(vm, a, "join")) return false;
  if (a.nargs != 2)
    return raise_fmt(vm, vm.types().type_error, "join() takes exactly one argument (%u given)", a.nargs - 1);
  std::string r;
  size_t idx = 0;
  std::string sep = b->data;
  if (!iterate(vm, a.args[1], [&](Value item, bool&) {
        std::string_view v;
        if (!buffer_view(vm, item, v))
          return raise_fmt(vm, vm.types().type_error, "sequence item %zu: expected a bytes-like object, %s found", idx,
                           vm.type_name(item).c_str());
        if (!make_temp_room(vm, r, static_cast<uint64_t>(r.size()) + (idx ? sep.size() : 0) + v.size())) return false;
        if (idx++) r += sep;
        r.append(v);
        return true;
      }))
    return false;
  out = same_kind(vm, b, std::move(r));
  return true;
}

bool partition_impl(VM& vm, const CallArgs& a, bool reverse, Value& out) {
  const char* meth = reverse ? "rpartition" : "partition";
  Bytes* b = self_bytes(vm, a, meth);
  if (!b || !no_kwargs(vm, a, meth)) return false;
  if (a.nargs != 2)
    return raise_fmt(vm, vm.types().type_error, "%s() takes exactly one argument (%u given)", meth, a.nargs - 1);
  std::string_view sep;
  if (!need_buffer(vm, a.args[1], sep)) return false;
  if (sep.empty()) return vm.raise(vm.types().value_error, "empty separator");
  const std::string& t = b->data;
  size_t at = reverse ? t.rfind(sep) : t.find(sep);
  ValueVec items;
  if (at == std::string::npos) {
    Value empty = same_kind(vm, b, "");
    Value whole = b->mutable_ ? same_kind(vm, b, t) : Value::object(b);
    if (reverse) items = {empty, same_kind(vm, b, ""), whole};
    else items = {whole, empty, same_kind(vm, b, "")};
  } else {
    items = {same_kind(vm, b, t.substr(0, at)), same_kind(vm, b, std::string(sep)),
             same_kind(vm, b, t.substr(at + sep.size()))};
  }
  out = Value::object(vm.new_tuple(std::move(items)));
  return true;
}
bool m_partition(VM& vm, const CallArgs& a, Value& out) { return partition_impl(vm, a, false, out); }
bool m_rpartition(VM& vm, const CallArgs& a, Value& out) { return partition_impl(vm, a, true, out); }

bool affix_impl(VM& vm, const CallArgs& a, const char* meth, bool suffix, Value& out) {
  Bytes* b = self_bytes(vm, a, meth);
  if (!b || !no_kwargs(vm, a, meth)) return false;
  if (a.nargs != 2)
    return raise_fmt(vm, vm.types().type_error, "%s() takes exactly one argument (%u given)", meth, a.nargs - 1);
  std::string_view p;
  if (!need_buffer(vm, a.args[1], p)) return false;
  std::string_view t = b->data;
  bool has = p.size() <= t.size() && (suffix ? t.substr(t.size() - p.size()) == p : t.substr(0, p.size()) == p);
  if (has && !p.empty()) t = suffix ? t.substr(0, t.size() - p.size()) : t.substr(p.size());
  else if (!b->mutable_) {
    out = Value::object(b);
    return true;
  }
  out = same_kind(vm, b, std::string(t));
  return true;
}
bool m_removeprefix(VM& vm, const CallArgs& a, Value& out) { return affix_impl(vm, a, "removeprefix", false, out); }
bool m_removesuffix(VM& vm, const CallArgs& a, Value& out) { return affix_impl(vm, a, "removesuffix", true, out); }

bool pad_impl(VM& vm, const CallArgs& a, const char* meth, int mode, Value& out) {
  Bytes* b = self_bytes(vm, a, meth);
  if (!b || !no_kwargs(vm, a, meth)) return false;
  if (a.nargs < 2 || a.nargs > 3)
    return raise_fmt(vm, vm.types().type_error, "%s expected %s, got %u", meth,
                     a.nargs < 2 ? "at least 1 argument" : "at most 2 arguments", a.nargs - 1);
  int64_t width;
  if (!to_index(vm, a.args[1], width)) return false;
  char fill = ' ';
  if (a.nargs == 3) {
    std::string_view f;
    if (!buffer_view(vm, a.args[2], f) || f.size() != 1)
      return raise_fmt(vm, vm.types().type_error, "%s() argument 2 must be a byte string of length 1, not %s", meth,
                       vm.type_name(a.args[2]).c_str());
    fill = f[0];
  }
  int64_t n = static_cast<int64_t>(b->data.size());
  if (width <= n) {
    out = b->mutable_ ? same_kind(vm, b, b->data) : Value::object(b);
    return true;
  }
  int64_t marg = width - n, left = mode == 0 ? marg / 2 + (marg & width & 1) : mode == 1 ? 0 : marg;
  if (!reserve_n(vm, static_cast<uint64_t>(width), 1) || !charge_work(vm, static_cast<uint64_t>(width))) return false;
  std::string r(static_cast<size_t>(left), fill);
  r += b->data;
  r.append(static_cast<size_t>(marg - left), fill);
  out = same_kind(vm, b, std::move(r));
  return true;
}
bool m_center(VM& vm, const CallArgs& a, Value& out) { return pad_impl(vm, a, "center", 0, out); }
bool m_ljust(VM& vm, const CallArgs& a, Value& out) { return pad_impl(vm, a, "ljust", 1, out); }
bool m_rjust(VM& vm, const CallArgs& a, Value& out) { return pad_impl(vm, a, "rjust", 2, out); }

bool m_zfill(VM& vm, const CallArgs& a, Value& out) {
  Bytes* b = self_bytes(vm, a, "zfill");
  if (!b || !no_kwargs(vm, a, "zfill")) return false;
  if (a.nargs != 2)
    return raise_fmt(vm, vm.types().type_error, "zfill() takes exactly one argument (%u given)", a.nargs - 1);
  int64_t width;
  if (!to_index(vm, a.args[1], width)) return false;
  const std::string& t = b->data;
  int64_t n = static_cast<int64_t>(t.size());
  if (width <= n) {
    out = b->mutable_ ? same_kind(vm, b, t) : Value::object(b);
    return true;
  }
  if (!reserve_n(vm, static_cast<uint64_t>(width), 1) || !charge_work(vm, static_cast<uint64_t>(width))) return false;
  std::string r(static_cast<size_t>(width - n), '0');
  r += t;
  if (!t.empty() && (t[0] == '+' || t[0] == '-')) {
    r[0] = t[0];
    r[static_cast<size_t>(width - n)] = '0';
  }
  out = same_kind(vm, b, std::move(r));
  return true;
}

bool m_copy(VM& vm, const CallArgs& a, Value& out) {
  Bytes* b = self_bytes(vm, a, "copy");
  if (!b || !no_args(vm, a, "copy")) return false;
  out = same_kind(vm, b, b->data);
  return true;
}

bool m_translate(VM& vm, const CallArgs& a, Value& out) {
  Bytes* b = self_bytes(vm, a, "translate");
  if (!b) return false;
  Value p[2] = {Value::null(), Value::null()};
  uint32_t given;
  if (!bind(vm, a, Params{"translate", {"table", "delete"}, 1}, p, given, 1)) return false;
  std::string_view table, del;
  if (!p[0].is_none()) {
    if (!need_buffer(vm, p[0], table)) return false;
    if (table.size() != 256) return vm.raise(vm.types().value_error, "translation table must be 256 characters long");
  }
  if ((given & 2) && !need_buffer(vm, p[1], del)) return false;
  std::string r;
  for (char c : b->data) {
    if (del.find(c) != std::string_view::npos) continue;
    r += table.empty() ? c : table[static_cast<unsigned char>(c)];
  }
  out = same_kind(vm, b, std::move(r));
  return true;
}

// m_maketrans is the static method bytes.maketrans(from, to).
bool m_maketrans(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "maketrans")) return false;
  if (a.nargs != 2) return raise_fmt(vm, vm.types().type_error, "maketrans expected 2 arguments, got %u", a.nargs);
  std::string_view from, to;
  if (!need_buffer(vm, a.args[0], from) || !need_buffer(vm, a.args[1], to)) return false;
  if (from.size() != to.size()) return vm.raise(vm.types().value_error, "maketrans arguments must have same length");
  std::string table(256, '\0');
  for (int i = 0; i < 256; ++i) table[static_cast<size_t>(i)] = static_cast<char>(i);
  for (size_t i = 0; i < from.size(); ++i) table[static_cast<unsigned char>(from[i])] = to[i];
  out = bytes_value(vm, std::move(table));
  return true;
}

// ---- bytearray mutators ----

Bytes* self_array(VM& vm, const CallArgs& a, const char* meth) {
  Bytes* b = self_bytes(vm, a, meth);
  if (b && !b->mutable_) {
    raise_fmt(vm, vm.types().attribute_error, "'bytes' object has no attribute '%s'", meth);
    return nullptr;
  }
  return b;
}

bool one_arg(VM& vm, const CallArgs& a, const char* meth) {
  if (!no_kwargs(vm, a, meth)) return false;
  if (a.nargs == 2) return true;
  return raise_fmt(vm, vm.types().type_error, "bytearray.%s() takes exactly one argument (%u given)", meth,
                   a.nargs - 1);
}

bool m_append(VM& vm, const CallArgs& a, Value& out) {
  Bytes* b = self_array(vm, a, "append");
  int c = 0;
  if (!b || !one_arg(vm, a, "append") || !byte_value(vm, a.args[1], c)) return false;
  if (!make_room(vm, b->data, b->data.size() + 1)) return false;
  b->data.push_back(static_cast<char>(c));
  out = Value();
  return true;
}

bool m_extend(VM& vm, const CallArgs& a, Value& out) {
  Bytes* b = self_array(vm, a, "extend");
  if (!b || !one_arg(vm, a, "extend")) return false;
  if (is_intlike(a.args[1]) || a.args[1].is_float() || a.args[1].is_none())
    return vm.raise(vm.types().type_error, "can't extend bytearray with " + vm.type_name(a.args[1]));
  std::string add;
  if (!bytes_from_iterable(vm, a.args[1], add)) return false;
  if (!make_room(vm, b->data, static_cast<uint64_t>(b->data.size()) + add.size())) return false;
  b->data += add;
  out = Value();
  return true;
}

bool m_pop(VM& vm, const CallArgs& a, Value& out) {
  Bytes* b = self_array(vm, a, "pop");
  if (!b || !no_kwargs(vm, a, "pop")) return false;
  if (a.nargs > 2) return raise_fmt(vm, vm.types().type_error, "pop expected at most 1 argument, got %u", a.nargs - 1);
  int64_t i = -1;
  if (a.nargs == 2 && !to_index(vm, a.args[1], i)) return false;
  int64_t n = static_cast<int64_t>(b->data.size());
  if (n == 0) return vm.raise(vm.types().index_error, "pop from empty bytearray");
  if (i < 0) i += n;
  if (i < 0 || i >= n) return vm.raise(vm.types().index_error, "pop index out of range");
  out = Value::integer(static_cast<unsigned char>(b->data[static_cast<size_t>(i)]));
  b->data.erase(static_cast<size_t>(i), 1);
  return true;
}

bool m_insert(VM& vm, const CallArgs& a, Value& out) {
  Bytes* b = self_array(vm, a, "insert");
  if (!b || !no_kwargs(vm, a, "insert")) return false;
  if (a.nargs != 3) return raise_fmt(vm, vm.types().type_error, "insert expected 2 arguments, got %u", a.nargs - 1);
  int64_t i;
  int c = 0;
  if (!to_index(vm, a.args[1], i) || !byte_value(vm, a.args[2], c)) return false;
  int64_t n = static_cast<int64_t>(b->data.size());
  if (i < 0) i = std::max<int64_t>(0, i + n);
  i = std::min(i, n);
  if (!make_room(vm, b->data, b->data.size() + 1)) return false;
  b->data.insert(static_cast<size_t>(i), 1, static_cast<char>(c));
  out = Value();
  return true;
}

bool m_remove(VM& vm, const CallArgs& a, Value& out) {
  Bytes* b = self_array(vm, a, "remove");
  int c = 0;
  if (!b || !one_arg(vm, a, "remove") || !byte_value(vm, a.args[1], c)) return false;
  size_t at = b->data.find(static_cast<char>(c));
  if (at == std::string::npos) return vm.raise(vm.types().value_error, "value not found in bytearray");
  b->data.erase(at, 1);
  out = Value();
  return true;
}

bool m_clear(VM& vm, const CallArgs& a, Value& out) {
  Bytes* b = self_array(vm, a, "clear");
  if (!b || !no_args(vm, a, "clear")) return false;
  b->data.clear();
  out = Value();
  return true;
}

bool m_reverse(VM& vm, const CallArgs& a, Value& out) {
  Bytes* b = self_array(vm, a, "reverse");
  if (!b || !no_args(vm, a, "reverse")) return false;
  std::reverse(b->data.begin(), b->data.end());
  out = Value();
  return true;
}

// ---- constructors ----

// build_from() is bytes(source, encoding, errors) / bytearray(...) into out.
bool build_from(VM& vm, const CallArgs& a, const char* fn, std::string& out) {
  Value p[3] = {Value::null(), Value::null(), Value::null()};
  uint32_t given;
  if (!bind(vm, a, Params{fn, {"source", "encoding", "errors"}, 0}, p, given, 1)) return false;
  if (!(given & 1)) {
    if (given & 2) return vm.raise(vm.types().type_error, "encoding without a string argument");
    if (given & 4) return vm.raise(vm.types().type_error, "errors without a string argument");
    return true;
  }
  Value src = p[0];
  if (Str* s = as_str(src)) {
    if (!(given & 6)) return vm.raise(vm.types().type_error, "string argument without an encoding");
    std::string enc = "utf-8", errors = "strict";
    if (given & 2) {
      Str* e = as_str(p[1]);
      if (!e)
        return raise_fmt(vm, vm.types().type_error, "%s() argument 'encoding' must be str, not %s", fn,
                         vm.type_name(p[1]).c_str());
      enc = e->s;
    }
    if (given & 4) {
      Str* e = as_str(p[2]);
      if (!e)
        return raise_fmt(vm, vm.types().type_error, "%s() argument 'errors' must be str, not %s", fn,
                         vm.type_name(p[2]).c_str());
      errors = e->s;
    }
    return encode_text(vm, s, enc, errors, out);
  }
  if (given & 2) return vm.raise(vm.types().type_error, "encoding without a string argument");
  if (given & 4) return vm.raise(vm.types().type_error, "errors without a string argument");
  if (is_intlike(src)) {
    int64_t n = int_of(src);
    if (n < 0) return vm.raise(vm.types().value_error, "negative count");
    if (!vm.reserve(static_cast<size_t>(n))) return false;
    out.assign(static_cast<size_t>(n), '\0');
    return true;
  }
  if (as_instance(src)) {
    Value r;
    bool found = false;
    if (!vm.call_method(src, vm.intern("__bytes__"), {}, r, found)) return false;
    if (found) {
      Bytes* rb = as_bytes(r);
      if (!rb || rb->mutable_)
        return vm.raise(vm.types().type_error, "__bytes__ returned non-bytes (type " + vm.type_name(r) + ")");
      out = rb->data;
      return true;
    }
    Value probe;
    if (vm.lookup_type_attr(vm.type_of(src), name(vm, Name::index), probe)) {
      int64_t n;
      if (!to_index(vm, src, n)) return false;
      if (n < 0) return vm.raise(vm.types().value_error, "negative count");
      out.assign(static_cast<size_t>(n), '\0');
      return true;
    }
  }
  if (src.is_float() || src.is_none())
    return raise_fmt(vm, vm.types().type_error, "cannot convert '%s' object to %s", vm.type_name(src).c_str(), fn);
  Value it;
  if (!vm.get_iter(src, it)) {
    vm.clear_exception();
    return raise_fmt(vm, vm.types().type_error, "cannot convert '%s' object to %s", vm.type_name(src).c_str(), fn);
  }
  return bytes_from_iterable(vm, src, out);
}

bool bytes_new(VM& vm, const CallArgs& a, Value& out) {
  std::string data;
  if (a.nargs == 2 && a.nkw == 0) {
    if (Bytes* b = as_bytes(a.args[1])) {
      if (!b->mutable_) {
        out = a.args[1];
        return true;
      }
    }
  }
  if (!build_from(vm, a, "bytes", data)) return false;
  out = bytes_value(vm, std::move(data));
  return true;
}

bool bytearray_new(VM& vm, const CallArgs& a, Value& out) {
  std::string data;
  if (!build_from(vm, a, "bytearray", data)) return false;
  out = bytes_value(vm, std::move(data), true);
  return true;
}

// ---- int.to_bytes / int.from_bytes ----

bool byteorder_arg(VM& vm, Value v, bool& little) {
  Str* s = as_str(v);
  if (!s)
    return raise_fmt(vm, vm.types().type_error, "to_bytes() argument 'byteorder' must be str, not %s",
                     vm.type_name(v).c_str());
  if (s->s == "little") little = true;
  else if (s->s == "big") little = false;
  else return vm.raise(vm.types().value_error, "byteorder must be either 'little' or 'big'");
  return true;
}

// negate_le() negates a little-endian two's complement number in place: invert, add one.
void negate_le(std::string& le) {
  unsigned carry = 1;
  for (char& c : le) {
    unsigned x = (~static_cast<unsigned char>(c) & 0xffu) + carry;
    c = static_cast<char>(x & 0xff);
    carry = x >> 8;
  }
}

// twos_complement_le() is v as little-endian two's complement bytes, one sign byte to spare.
std::string twos_complement_le(const BigInt& v) {
  std::string le;
  for (uint32_t limb : v.mag)
    for (int i = 0; i < 4; ++i) le.push_back(static_cast<char>((limb >> (8 * i)) & 0xff));
  le.push_back(0);
  if (v.neg) negate_le(le);
  return le;
}

bool int_to_bytes_m(VM& vm, const CallArgs& a, Value& out) {
  if (a.nargs == 0 || !is_anyint(a.args[0]))
    return vm.raise(vm.types().type_error, "descriptor 'to_bytes' requires an 'int' object");
  Value p[3] = {Value::integer(1), Value::null(), Value::boolean(false)};
  uint32_t given;
  if (!bind(vm, a, Params{"to_bytes", {"length", "byteorder", "signed"}, 0}, p, given, 1)) return false;
  int64_t length;
  if (!to_index(vm, p[0], length)) return false;
  if (length < 0) return vm.raise(vm.types().value_error, "length argument must be non-negative");
  bool little = false, is_signed;
  if ((given & 2) && !byteorder_arg(vm, p[1], little)) return false;
  if (!vm.truthy(p[2], is_signed)) return false;
  BigInt v = to_big(a.args[0]);
  if (!vm.reserve(static_cast<size_t>(length))) return false;
  std::string r;
  if (!int_to_bytes(vm, twos_complement_le(v), v.neg, length, little, is_signed, r)) return false;
  out = bytes_value(vm, std::move(r));
  return true;
}

bool int_from_bytes_m(VM& vm, const CallArgs& a, Value& out) {
  Value p[3] = {Value::null(), Value::null(), Value::boolean(false)};
  uint32_t given;
  if (!bind(vm, a, Params{"from_bytes", {"bytes", "byteorder", "signed"}, 1}, p, given, 1)) return false;
  bool little = false, is_signed;
  if ((given & 2) && !byteorder_arg(vm, p[1], little)) return false;
  if (!vm.truthy(p[2], is_signed)) return false;
  std::string data;
  std::string_view view;
  if (buffer_view(vm, p[0], view)) data.assign(view);
  else if (as_str(p[0])) return vm.raise(vm.types().type_error, "cannot convert 'str' object to bytes");
  else if (!bytes_from_iterable(vm, p[0], data)) return false;
  std::string le;
  bool negative;
  int_from_bytes(data, little, is_signed, le, negative);
  if (negative) negate_le(le);
  BigInt v;
  v.neg = negative;
  v.mag.assign((le.size() + 3) / 4, 0);
  for (size_t i = 0; i < le.size(); ++i)
    v.mag[i / 4] |= static_cast<uint32_t>(static_cast<unsigned char>(le[i])) << (8 * (i % 4));
  v.trim();
  out = make_int(vm, std::move(v));
  return true;
}

void class_method(VM& vm, Class* cls, const char* mname, NativeFn fn) {
  ClassMethod* cm = vm.alloc<ClassMethod>();
  cm->func = Value::object(vm.new_native(mname, fn));
  vm.dict_set(cls->dict, Value::object(vm.intern(mname)), Value::object(cm));
}

}  // namespace

void install_bytes(VM& vm) {
  const Types& t = vm.types();
  struct Entry {
    const char* name;
    NativeFn fn;
  };
  static const Entry both[] = {
      {"decode", m_decode},
      {"hex", m_hex},
      {"find", m_find},
      {"rfind", m_rfind},
      {"index", m_index},
      {"rindex", m_rindex},
      {"count", m_count},
      {"startswith", m_startswith},
      {"endswith", m_endswith},
      {"replace", m_replace},
      {"split", m_split},
      {"rsplit", m_rsplit},
      {"splitlines", m_splitlines},
      {"strip", m_strip},
      {"lstrip", m_lstrip},
      {"rstrip", m_rstrip},
      {"join", m_join},
      {"upper", m_upper},
      {"lower", m_lower},
      {"swapcase", m_swapcase},
      {"capitalize", m_capitalize},
      {"title", m_title},
      {"isdigit", m_isdigit},
      {"isalpha", m_isalpha},
      {"isalnum", m_isalnum},
      {"isspace", m_isspace},
      {"isascii", m_isascii},
      {"isupper", m_isupper},
      {"islower", m_islower},
      {"partition", m_partition},
      {"rpartition", m_rpartition},
      {"removeprefix", m_removeprefix},
      {"removesuffix", m_removesuffix},
      {"center", m_center},
      {"ljust", m_ljust},
      {"rjust", m_rjust},
      {"zfill", m_zfill},
      {"translate", m_translate},
  };
  static const Entry array_only[] = {
      {"append", m_append}, {"extend", m_extend}, {"pop", m_pop},         {"insert", m_insert},
      {"remove", m_remove}, {"clear", m_clear},   {"reverse", m_reverse}, {"copy", m_copy},
  };
  for (Class* c : {t.bytes, t.bytearray}) {
    for (const Entry& e : both) vm.define_method(c, e.name, e.fn);
    class_method(vm, c, "fromhex", m_fromhex);
    StaticMethod* sm = vm.alloc<StaticMethod>();
    sm->func = Value::object(vm.new_native("maketrans", m_maketrans));
    vm.dict_set(c->dict, Value::object(vm.intern("maketrans")), Value::object(sm));
  }
  for (const Entry& e : array_only) vm.define_method(t.bytearray, e.name, e.fn);
  vm.define_method(t.bytes, "__new__", bytes_new);
  vm.define_method(t.bytearray, "__new__", bytearray_new);
  vm.define_method(t.str, "encode", s_encode);
  vm.define_method(t.int_, "to_bytes", int_to_bytes_m);
  class_method(vm, t.int_, "from_bytes", int_from_bytes_m);
}

ModuleMaker bytes_module_maker(std::string_view name) {
  if (name == "struct") return make_struct_module;
  if (name == "hashlib") return make_hashlib_module;
  if (name == "binascii") return make_binascii_module;
  if (name == "_bytesio") return make_bytesio_module;
  return nullptr;
}

}  // namespace lib
}  // namespace interleave
