// The VM's protocol half: truthiness, operators, comparison, hashing, str/repr,
// formatting, iteration, subscripting, containment, len() and the dict table, all with
// CPython 3.11's semantics and messages.
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <memory>

#include "lang/native_stack.h"
#include "vm/bigint.h"
#include "vm/bytes.h"
#include "vm/format.h"
#include "vm/library.h"

namespace interleave {

using ast::BinOpKind;
using ast::CmpOpKind;
using ast::UnaryOpKind;

namespace lib {
namespace {

// UNLIKELY_BIG is true when either operand is a big int (the slow paths check it first).
#define UNLIKELY_BIG(a, b) __builtin_expect(as_bigint(a) != nullptr || as_bigint(b) != nullptr, 0)

// kMaxDepth bounds recursion through nested containers in repr, ==, < and hash.
constexpr uint32_t kMaxDepth = 700;

// StateRegistry maps each VM to its library state; the VM owns no slot for it. The
// last lookup is cached because almost every call comes from the same VM.
struct StateRegistry {
  std::vector<std::pair<const VM*, std::unique_ptr<State>>> entries;
  const VM* last_vm = nullptr;
  State* last = nullptr;
};
StateRegistry& registry() {
  static StateRegistry r;
  return r;
}

// DepthGuard counts one level of recursive protocol work and refuses past kMaxDepth.
struct DepthGuard {
  State& st;
  bool ok;
  DepthGuard(VM& vm, const char* what) : st(state(vm)), ok(true) {
    if (++st.depth > kMaxDepth || native_stack_low()) {
      ok = false;
      vm.raise(vm.types().recursion_error, std::string("maximum recursion depth exceeded") + what);
    }
  }
  ~DepthGuard() { --st.depth; }
};

}  // namespace

State& state(VM& vm) {
  StateRegistry& r = registry();
  if (r.last_vm == &vm) return *r.last;
  for (auto& p : r.entries)
    if (p.first == &vm) {
      r.last_vm = &vm;
      r.last = p.second.get();
      return *r.last;
    }
  r.entries.emplace_back(&vm, std::make_unique<State>());
  r.last_vm = &vm;
  r.last = r.entries.back().second.get();
  return *r.last;
}

void reset_state(VM& vm) {
  StateRegistry& r = registry();
  for (auto& p : r.entries)
    if (p.first == &vm) {
      p.second = std::make_unique<State>();
      r.last_vm = &vm;
      r.last = p.second.get();
      return;
    }
  r.entries.emplace_back(&vm, std::make_unique<State>());
  r.last_vm = &vm;
  r.last = r.entries.back().second.get();
}

bool is_not_implemented(VM& vm, Value v) { return v.is_obj() && v.o == state(vm).not_implemented.o; }

// ---------------------------------------------------------------- strings

Value make_str(VM& vm, std::string_view s) {
  if (s.empty()) {
    State& st = state(vm);
    if (st.empty) return Value::object(st.empty);
  }
  if (s.size() == 1 && static_cast<unsigned char>(s[0]) < 128) {
    State& st = state(vm);
    Str*& c = st.chars[static_cast<unsigned char>(s[0])];
    if (c) return Value::object(c);
  }
  return Value::object(vm.new_str(s));
}

void utf8_append(std::string& out, uint32_t c) {
  if (c < 0x80) out.push_back(static_cast<char>(c));
  else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

Value char_str(VM& vm, uint32_t cp) {
  std::string s;
  utf8_append(s, cp);
  return make_str(vm, s);
}

uint32_t utf8_decode(std::string_view s, size_t& pos) {
  unsigned char c = static_cast<unsigned char>(s[pos]);
  if (c < 0x80) {
    ++pos;
    return c;
  }
  int n = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  uint32_t cp = c & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
  size_t i = pos + 1;
  for (int k = 1; k < n && i < s.size(); ++k, ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
  pos = i;
  return cp;
}

size_t utf8_count(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

size_t utf8_offset(const Str* s, int64_t index) {
  if (s->ascii) return static_cast<size_t>(index);
  size_t pos = 0;
  const std::string& t = s->s;
  for (int64_t k = 0; k < index && pos < t.size(); ++k) {
    ++pos;
    while (pos < t.size() && (static_cast<unsigned char>(t[pos]) & 0xC0) == 0x80) ++pos;
  }
  return pos;
}

uint64_t str_hash(Str* s) {
  if (s->hash) return s->hash;
  s->hash = hash_bytes(reinterpret_cast<const unsigned char*>(s->s.data()), s->s.size());
  return s->hash;
}

uint64_t hash_bytes(const unsigned char* p, size_t n) {
  uint64_t h = 0x9E3779B97F4A7C15ULL ^ (n * 0xff51afd7ed558ccdULL);
  while (n >= 8) {
    uint64_t k;
    std::memcpy(&k, p, 8);
    k *= 0xbf58476d1ce4e5b9ULL;
    k ^= k >> 31;
    h = (h ^ k) * 0x94d049bb133111ebULL;
    h = (h << 27) | (h >> 37);
    p += 8;
    n -= 8;
  }
  uint64_t k = 0;
  for (size_t i = 0; i < n; ++i) k |= static_cast<uint64_t>(p[i]) << (8 * i);
  h = (h ^ (k * 0xbf58476d1ce4e5b9ULL)) * 0x94d049bb133111ebULL;
  h ^= h >> 31;
  h *= 0xd6e8feb86659fd93ULL;
  h ^= h >> 32;
  if (h == 0 || h == ~uint64_t{0}) h = 0x2545F4914F6CDD1DULL;
  return h;
}

// ---------------------------------------------------------------- numbers

bool overflow(VM& vm) {
  return vm.raise(vm.types().overflow_error, "integer overflow: the playground's ints are 64-bit");
}

bool to_index(VM& vm, Value v, int64_t& out) {
  if (v.is_int()) {
    out = v.i;
    return true;
  }
  if (as_bigint(v)) return vm.raise(vm.types().overflow_error, "Python int too large to convert to C ssize_t");
  if (v.is_bool()) {
    out = v.b ? 1 : 0;
    return true;
  }
  if (as_instance(v)) {
    Value r;
    bool found = false;
    if (!call_dunder(vm, v, Name::index, {}, r, found)) return false;
    if (found) {
      if (!is_intlike(r))
        return vm.raise(vm.types().type_error, "__index__ returned non-int (type " + vm.type_name(r) + ")");
      out = int_of(r);
      return true;
    }
  }
  return vm.raise(vm.types().type_error, "'" + vm.type_name(v) + "' object cannot be interpreted as an integer");
}

bool to_double(VM& vm, Value v, double& out, const char* what) {
  if (v.is_float()) {
    out = v.f;
    return true;
  }
  if (is_intlike(v)) {
    out = static_cast<double>(int_of(v));
    return true;
  }
  if (as_bigint(v)) return int_to_double(vm, v, out);
  if (as_instance(v)) {
    Value r;
    bool found = false;
    if (!call_dunder(vm, v, Name::float_, {}, r, found)) return false;
    if (found && r.is_float()) {
      out = r.f;
      return true;
    }
    if (!found && !call_dunder(vm, v, Name::index, {}, r, found)) return false;
    if (found && is_intlike(r)) {
      out = static_cast<double>(int_of(r));
      return true;
    }
  }
  return vm.raise(vm.types().type_error, std::string(what ? what : "must be real number") + ", not " + vm.type_name(v));
}

uint64_t int_hash(int64_t v) {
  constexpr uint64_t P = (uint64_t{1} << 61) - 1;
  uint64_t m = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  m %= P;
  int64_t h = v < 0 ? -static_cast<int64_t>(m) : static_cast<int64_t>(m);
  if (h == -1) h = -2;
  return static_cast<uint64_t>(h);
}

uint64_t float_hash(double v) {
  constexpr int kBits = 61;
  constexpr uint64_t P = (uint64_t{1} << kBits) - 1;
  if (!std::isfinite(v)) {
    if (std::isinf(v)) return v > 0 ? 314159 : static_cast<uint64_t>(-314159);
    return 0;
  }
  int e;
  double m = std::frexp(v, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  uint64_t x = 0;
  while (m) {
    x = ((x << 28) & P) | x >> (kBits - 28);
    m *= 268435456.0;
    e -= 28;
    uint64_t y = static_cast<uint64_t>(m);
    m -= static_cast<double>(y);
    x += y;
    if (x >= P) x -= P;
  }
  e = e >= 0 ? e % kBits : kBits - 1 - ((-1 - e) % kBits);
  x = ((x << e) & P) | x >> (kBits - e);
  x = x * static_cast<uint64_t>(static_cast<int64_t>(sign));
  if (x == ~uint64_t{0}) x = static_cast<uint64_t>(-2);
  return x;
}

void int_str(int64_t v, std::string& out) {
  char buf[24];
  int n = std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(v));
  out.append(buf, static_cast<size_t>(n));
}

bool parse_int(std::string_view t, int base, int64_t& out, bool& too_big) {
  too_big = false;
  size_t i = 0, n = t.size();
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  while (i < n && space(t[i])) ++i;
  while (n > i && space(t[n - 1])) --n;
  bool neg = false;
  if (i < n && (t[i] == '+' || t[i] == '-')) neg = t[i++] == '-';
  if (i + 1 < n && t[i] == '0') {
    char p = static_cast<char>(t[i + 1] | 0x20);
    int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
    if (pb && (base == 0 || base == pb)) {
      base = pb;
      i += 2;
      if (i < n && t[i] == '_') ++i;
    }
  }
  if (base == 0) {
    base = 10;
    // A base-0 literal with leading zeros must be all zeros (like Python source).
    if (i < n && t[i] == '0') {
      for (size_t k = i; k < n; ++k)
        if (t[k] != '0' && t[k] != '_') return false;
    }
  }
  if (i >= n) return false;
  unsigned __int128 acc = 0;
  bool prev_digit = false;
  for (; i < n; ++i) {
    char c = t[i];
    if (c == '_') {
      if (!prev_digit) return false;
      prev_digit = false;
      continue;
    }
    int d = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? (c | 0x20) - 'a' + 10 : 99;
    if (d >= base) return false;
    acc = acc * static_cast<unsigned>(base) + static_cast<unsigned>(d);
    if (acc > (static_cast<unsigned __int128>(1) << 63)) too_big = true;
    if (too_big) acc = static_cast<unsigned __int128>(1) << 64;
    prev_digit = true;
  }
  if (!prev_digit) return false;
  if (too_big) return true;
  if (!neg && acc > static_cast<unsigned __int128>(INT64_MAX)) {
    too_big = true;
    return true;
  }
  out = neg ? static_cast<int64_t>(0 - static_cast<uint64_t>(acc)) : static_cast<int64_t>(acc);
  return true;
}

bool parse_float(std::string_view t, double& out) {
  size_t i = 0, n = t.size();
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  while (i < n && space(t[i])) ++i;
  while (n > i && space(t[n - 1])) --n;
  std::string s;
  bool neg = false;
  size_t j = i;
  if (j < n && (t[j] == '+' || t[j] == '-')) {
    neg = t[j] == '-';
    ++j;
  }
  std::string word;
  for (size_t k = j; k < n; ++k) word.push_back(static_cast<char>(t[k] | 0x20));
  if (word == "inf" || word == "infinity") {
    out = neg ? -INFINITY : INFINITY;
    return true;
  }
  if (word == "nan") {
    out = neg ? -NAN : NAN;
    return true;
  }
  bool digits = false, prev_digit = false, seen_e = false, seen_point = false;
  s.reserve(n - i);
  for (size_t k = i; k < n; ++k) {
    char c = t[k];
    if (c >= '0' && c <= '9') {
      s.push_back(c);
      digits = true;
      prev_digit = true;
      continue;
    }
    if (c == '_') {
      if (!prev_digit || k + 1 >= n || !(t[k + 1] >= '0' && t[k + 1] <= '9')) return false;
      prev_digit = false;
      continue;
    }
    prev_digit = false;
    if ((c == '+' || c == '-') && (k == i || (t[k - 1] | 0x20) == 'e')) {
      s.push_back(c);
      continue;
    }
    if (c == '.' && !seen_point && !seen_e) {
      seen_point = true;
      s.push_back(c);
      continue;
    }
    if ((c | 0x20) == 'e' && digits && !seen_e) {
      seen_e = true;
      s.push_back('e');
      continue;
    }
    return false;
  }
  if (!digits || s.empty() || s.back() == 'e' || s.back() == '+' || s.back() == '-') return false;
  char* end = nullptr;
  out = std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size();
}

double int_true_div(int64_t a, int64_t b) {
  constexpr int64_t kExact = int64_t{1} << 53;
  if (a > -kExact && a < kExact && b > -kExact && b < kExact) return static_cast<double>(a) / static_cast<double>(b);
  bool neg = (a < 0) != (b < 0);
  unsigned __int128 n = a < 0 ? 0 - static_cast<uint64_t>(a) : static_cast<uint64_t>(a);
  unsigned __int128 d = b < 0 ? 0 - static_cast<uint64_t>(b) : static_cast<uint64_t>(b);
  if (n == 0) return neg ? -0.0 : 0.0;
  auto bitlen = [](unsigned __int128 x) {
    int k = 0;
    while (x) {
      ++k;
      x >>= 1;
    }
    return k;
  };
  // Scale so the quotient has 55 or 56 bits, round to 53 with a sticky bit, rescale.
  int shift = 55 - (bitlen(n) - bitlen(d));
  if (shift >= 0) n <<= shift;
  else d <<= -shift;
  unsigned __int128 q = n / d;
  bool sticky = n % d != 0;
  int extra = bitlen(q) - 53;
  uint64_t mant = static_cast<uint64_t>(q >> extra);
  unsigned __int128 rest = q & ((static_cast<unsigned __int128>(1) << extra) - 1);
  unsigned __int128 half = static_cast<unsigned __int128>(1) << (extra - 1);
  if (rest > half || (rest == half && (sticky || (mant & 1)))) ++mant;
  double r = std::ldexp(static_cast<double>(mant), extra - shift);
  return neg ? -r : r;
}

// ---------------------------------------------------------------- identity

uint64_t object_id(VM&, Value v) {
  switch (v.tag) {
    case Tag::None: return 0x7f00000a1c40ULL;
    case Tag::Bool: return v.b ? 0x7f00000a2060ULL : 0x7f00000a2040ULL;
    case Tag::Int: return 0x7e0000000000ULL + (static_cast<uint64_t>(v.i) * 32 & 0xFFFFFFFFFFULL);
    case Tag::Float: {
      uint64_t bits;
      std::memcpy(&bits, &v.f, 8);
      return 0x7d0000000000ULL + ((bits ^ (bits >> 29)) * 16 & 0xFFFFFFFFFFULL);
    }
    case Tag::Obj: break;
  }
  return 0x7f0000100000ULL + static_cast<uint64_t>(v.o->uid) * 0x40;
}

std::string address(VM& vm, const Obj* o) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%llx",
                static_cast<unsigned long long>(object_id(vm, Value::object(const_cast<Obj*>(o)))));
  return buf;
}

std::string class_name(const Class* c) { return c && c->name ? c->name->s : std::string("?"); }

bool class_qualified(VM& vm, const Class* c, std::string& out) {
  Value mod;
  bool found = false;
  // class_qualified: a class's __module__ entry names it, as in CPython (ABCMeta's classes, assigned __module__).
  if (!c->builtin && c->dict && vm.dict_get(c->dict, Value::object(vm.names().module), mod, found) && found &&
      is_kind(mod, ObjKind::Str)) {
    const std::string& m = static_cast<Str*>(mod.o)->s;
    if (m != "builtins") {
      out += m;
      out.push_back('.');
    }
  } else if (!c->builtin && c->module && c->module->name && c->module->name->s != "builtins") {
    out += c->module->name->s;
    out.push_back('.');
  } else if (!c->builtin && !c->module) {
    out += "__main__.";
  }
  out += class_name(c);
  return true;
}

bool raise_fmt(VM& vm, Class* type, const char* fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  std::vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  return vm.raise(type, buf);
}

bool raise_key_error(VM& vm, Value key) {
  Value exc;
  if (!vm.call(Value::object(vm.types().key_error), {key}, exc)) return false;
  return vm.raise_value(exc);
}

bool call_dunder(VM& vm, Value self, Name n, std::initializer_list<Value> args, Value& out, bool& found) {
  if (is_sub(self)) return sub_op(vm, self, n, args, out, found);
  found = false;
  Class* cls = vm.type_of(self);
  Value fn;
  if (!vm.lookup_type_attr(cls, name(vm, n), fn)) return true;
  if (is_kind(fn, ObjKind::NativeFunction)) {
    State& st = state(vm);
    NativeFn f = static_cast<NativeFunction*>(fn.o)->fn;
    if (f == st.object_repr || f == st.object_str || f == st.object_eq || f == st.object_ne || f == st.object_hash ||
        f == st.object_format)
      return true;
  }
  if (fn.is_none() && n == Name::hash) {
    found = true;
    out = fn;
    return true;
  }
  found = true;
  Value argv[4];
  uint32_t k = 0;
  argv[k++] = self;
  for (const Value& a : args) argv[k++] = a;
  CallArgs ca;
  ca.args = argv;
  ca.nargs = k;
  return vm.call(fn, ca, out);
}

Dict* view_dict(VM& vm, Value v, int& which) {
  Instance* in = as_instance(v);
  if (!in || !in->cls->builtin) return nullptr;
  State& st = state(vm);
  if (in->cls == st.dict_keys) which = 0;
  else if (in->cls == st.dict_values) which = 1;
  else if (in->cls == st.dict_items) which = 2;
  else return nullptr;
  return as_dict(in->native);
}

const char* iterator_type_name(const Iterator* it) {
  switch (it->ikind) {
    case IterKind::List: return "list_iterator";
    case IterKind::Tuple: return "tuple_iterator";
    case IterKind::Str: return "str_ascii_iterator";
    case IterKind::Range: return "range_iterator";
    case IterKind::DictKeys: return "dict_keyiterator";
    case IterKind::DictValues: return "dict_valueiterator";
    case IterKind::DictItems: return "dict_itemiterator";
    case IterKind::Set: return "set_iterator";
    case IterKind::Enumerate: return "enumerate";
    case IterKind::Zip: return "zip";
    case IterKind::Map: return "map";
    case IterKind::Filter: return "filter";
    case IterKind::Reversed:
      if (it->step == 1) return "iterator";
      return is_kind(it->source, ObjKind::List) ? "list_reverseiterator" : "reversed";
    case IterKind::Callable: return "callable_iterator";
    case IterKind::Bytes: {
      Bytes* b = as_bytes(it->source);
      return b && b->mutable_ ? "bytearray_iterator" : "bytes_iterator";
    }
  }
  return "iterator";
}

}  // namespace lib

using namespace lib;

// ==================================================================== type_name

std::string VM::type_name(Value v) const {
  if (v.is_obj() && v.o->kind == ObjKind::Iterator) {
    const Iterator* it = static_cast<const Iterator*>(v.o);
    if (it->ikind == IterKind::Str) {
      const Str* s = as_str(it->source);
      if (s && !s->ascii) return "str_iterator";
    }
    return iterator_type_name(it);
  }
  return class_name(type_of(v));
}

// ==================================================================== truthiness

bool VM::truthy(Value v, bool& out) {
  if (is_sub(v) && sub_hook(*this)) return sub_truthy(*this, v, out);
  switch (v.tag) {
    case Tag::None: out = false; return true;
    case Tag::Bool: out = v.b; return true;
    case Tag::Int: out = v.i != 0; return true;
    case Tag::Float: out = v.f != 0.0; return true;
    case Tag::Obj: break;
  }
  switch (v.o->kind) {
    case ObjKind::BigInt: out = true; return true;
    case ObjKind::Str: out = !static_cast<Str*>(v.o)->s.empty(); return true;
    case ObjKind::Bytes: out = !static_cast<Bytes*>(v.o)->data.empty(); return true;
    case ObjKind::List: out = !static_cast<List*>(v.o)->items.empty(); return true;
    case ObjKind::Tuple: out = !static_cast<Tuple*>(v.o)->items.empty(); return true;
    case ObjKind::Dict: out = static_cast<Dict*>(v.o)->count != 0; return true;
    case ObjKind::Set: {
      Set* s = static_cast<Set*>(v.o);
      out = s->table && s->table->count != 0;
      return true;
    }
    case ObjKind::Range: {
      int64_t n;
      length(v, n);
      out = n != 0;
      return true;
    }
    case ObjKind::Instance: break;
    default: out = true; return true;
  }
  int which;
  if (Dict* d = view_dict(*this, v, which)) {
    out = d->count != 0;
    return true;
  }
  Value r;
  bool found = false;
  if (!call_dunder(*this, v, Name::bool_, {}, r, found)) return false;
  if (found) {
    if (!r.is_bool()) return raise(types().type_error, "__bool__ should return bool, returned " + type_name(r));
    out = r.b;
    return true;
  }
  if (!call_dunder(*this, v, Name::len, {}, r, found)) return false;
  if (found) {
    int64_t n;
    if (!to_index(*this, r, n)) return false;
    if (n < 0) return raise(types().value_error, "__len__() should return >= 0");
    out = n != 0;
    return true;
  }
  out = true;
  return true;
}

// ==================================================================== arithmetic

namespace {

const char* op_symbol(BinOpKind op) {
  static const char* s[] = {"+", "-", "*", "/", "//", "%", "**", "<<", ">>", "|", "^", "&", "@"};
  return s[static_cast<int>(op)];
}
Name op_name(BinOpKind op) { return static_cast<Name>(static_cast<int>(op) * 3); }
Name rop_name(BinOpKind op) { return static_cast<Name>(static_cast<int>(op) * 3 + 1); }
Name iop_name(BinOpKind op) { return static_cast<Name>(static_cast<int>(op) * 3 + 2); }

// dispatches() is an instance of a user class: operators go through its dunders.
inline bool dispatches(Value v) {
  if (is_sub(v)) return true;
  Instance* in = as_instance(v);
  return in && !in->cls->builtin;
}

bool zero_div(VM& vm, const char* msg) { return vm.raise(vm.types().zero_division_error, msg); }

bool float_pow(VM& vm, double iv, double iw, Value& out) {
  auto odd_int = [](double x) { return std::fmod(std::fabs(x), 2.0) == 1.0; };
  if (iw == 0) {
    out = Value::number(1.0);
    return true;
  }
  if (std::isnan(iv)) {
    out = Value::number(iv);
    return true;
  }
  if (std::isnan(iw)) {
    out = Value::number(iv == 1.0 ? 1.0 : iw);
    return true;
  }
  if (std::isinf(iw)) {
    iv = std::fabs(iv);
    if (iv == 1.0) out = Value::number(1.0);
    else if ((iw > 0.0) == (iv > 1.0)) out = Value::number(std::fabs(iw));
    else out = Value::number(0.0);
    return true;
  }
  if (std::isinf(iv)) {
    bool odd = odd_int(iw);
    if (iw > 0.0) out = Value::number(odd ? iv : std::fabs(iv));
    else out = Value::number(odd ? std::copysign(0.0, iv) : 0.0);
    return true;
  }
  if (iv == 0.0) {
    if (iw < 0.0) return zero_div(vm, "0.0 cannot be raised to a negative power");
    out = Value::number(odd_int(iw) ? iv : 0.0);
    return true;
  }
  bool negate = false;
  if (iv < 0.0) {
    if (iw != std::floor(iw))
      return vm.raise(vm.types().value_error, "negative number cannot be raised to a fractional power");
    iv = -iv;
    negate = odd_int(iw);
  }
  if (iv == 1.0) {
    out = Value::number(negate ? -1.0 : 1.0);
    return true;
  }
  double r = std::pow(iv, iw);
  if (std::isinf(r)) return vm.raise(vm.types().overflow_error, "(34, 'Numerical result out of range')");
  out = Value::number(negate ? -r : r);
  return true;
}

bool float_binop(VM& vm, BinOpKind op, double a, double b, Value& out, bool& handled) {
  handled = true;
  switch (op) {
    case BinOpKind::Add: out = Value::number(a + b); return true;
    case BinOpKind::Sub: out = Value::number(a - b); return true;
    case BinOpKind::Mult: out = Value::number(a * b); return true;
    case BinOpKind::Div:
      if (b == 0.0) return zero_div(vm, "float division by zero");
      out = Value::number(a / b);
      return true;
    case BinOpKind::FloorDiv:
    case BinOpKind::Mod: {
      if (b == 0.0) return zero_div(vm, op == BinOpKind::Mod ? "float modulo" : "float floor division by zero");
      double mod = std::fmod(a, b);
      double div = (a - mod) / b;
      if (mod) {
        if ((b < 0) != (mod < 0)) {
          mod += b;
          div -= 1.0;
        }
      } else {
        mod = std::copysign(0.0, b);
      }
      double floordiv;
      if (div) {
        floordiv = std::floor(div);
        if (div - floordiv > 0.5) floordiv += 1.0;
      } else {
        floordiv = std::copysign(0.0, a / b);
      }
      out = Value::number(op == BinOpKind::Mod ? mod : floordiv);
      return true;
    }
    case BinOpKind::Pow: return float_pow(vm, a, b, out);
    default: handled = false; return true;
  }
}

bool int_pow(VM& vm, int64_t base, int64_t e, Value& out) {
  if (e < 0) return float_pow(vm, static_cast<double>(base), static_cast<double>(e), out);
  int64_t result = 1, b0 = base, e0 = e;
  bool handled;
  while (e) {
    if (e & 1)
      if (__builtin_mul_overflow(result, base, &result))
        return big_binop(vm, BinOpKind::Pow, Value::integer(b0), Value::integer(e0), out, handled);
    e >>= 1;
    if (e && __builtin_mul_overflow(base, base, &base))
      return big_binop(vm, BinOpKind::Pow, Value::integer(b0), Value::integer(e0), out, handled);
  }
  out = Value::integer(result);
  return true;
}

bool int_binop(VM& vm, BinOpKind op, int64_t a, int64_t b, Value& out, bool& handled) {
  handled = true;
  int64_t r;
  switch (op) {
    case BinOpKind::Add:
      if (__builtin_add_overflow(a, b, &r))
        return big_binop(vm, op, Value::integer(a), Value::integer(b), out, handled);
      break;
    case BinOpKind::Sub:
      if (__builtin_sub_overflow(a, b, &r))
        return big_binop(vm, op, Value::integer(a), Value::integer(b), out, handled);
      break;
    case BinOpKind::Mult:
      if (__builtin_mul_overflow(a, b, &r))
        return big_binop(vm, op, Value::integer(a), Value::integer(b), out, handled);
      break;
    case BinOpKind::Div:
      if (b == 0) return zero_div(vm, "division by zero");
      out = Value::number(int_true_div(a, b));
      return true;
    case BinOpKind::FloorDiv:
      if (b == 0) return zero_div(vm, "integer division or modulo by zero");
      if (a == INT64_MIN && b == -1) return big_binop(vm, op, Value::integer(a), Value::integer(b), out, handled);
      r = a / b;
      if ((a % b != 0) && ((a < 0) != (b < 0))) --r;
      break;
    case BinOpKind::Mod:
      if (b == 0) return zero_div(vm, "integer modulo by zero");
      if (b == -1) {
        r = 0;
        break;
      }
      r = a % b;
      if (r != 0 && ((r < 0) != (b < 0))) r += b;
      break;
    case BinOpKind::Pow: return int_pow(vm, a, b, out);
    case BinOpKind::LShift:
      if (b < 0) return vm.raise(vm.types().value_error, "negative shift count");
      if (a == 0) {
        r = 0;
        break;
      }
      if (b >= 64) return big_binop(vm, op, Value::integer(a), Value::integer(b), out, handled);
      r = static_cast<int64_t>(static_cast<uint64_t>(a) << b);
      if ((r >> b) != a) return big_binop(vm, op, Value::integer(a), Value::integer(b), out, handled);
      break;
    case BinOpKind::RShift:
      if (b < 0) return vm.raise(vm.types().value_error, "negative shift count");
      r = b >= 64 ? (a < 0 ? -1 : 0) : (a >> b);
      break;
    case BinOpKind::BitOr: r = a | b; break;
    case BinOpKind::BitXor: r = a ^ b; break;
    case BinOpKind::BitAnd: r = a & b; break;
    default: handled = false; return true;
  }
  out = Value::integer(r);
  return true;
}

// num_binop() handles int, bool and float operands; handled=false for e.g. float << int.
bool num_binop(VM& vm, BinOpKind op, Value a, Value b, Value& out, bool& handled) {
  if (UNLIKELY_BIG(a, b)) return big_binop(vm, op, a, b, out, handled);
  if (a.is_float() || b.is_float()) return float_binop(vm, op, float_of(a), float_of(b), out, handled);
  if (a.is_bool() && b.is_bool() && (op == BinOpKind::BitAnd || op == BinOpKind::BitOr || op == BinOpKind::BitXor)) {
    handled = true;
    bool r = op == BinOpKind::BitAnd ? (a.b && b.b) : op == BinOpKind::BitOr ? (a.b || b.b) : (a.b != b.b);
    out = Value::boolean(r);
    return true;
  }
  return int_binop(vm, op, int_of(a), int_of(b), out, handled);
}

bool repeat_count(VM& vm, Value n, size_t elem_bytes, size_t len, int64_t& count) {
  count = int_of(n);
  if (count < 0) count = 0;
  if (len && static_cast<uint64_t>(count) > (uint64_t{1} << 40) / len) return vm.reserve(SIZE_MAX);
  uint64_t bytes = static_cast<uint64_t>(count) * len * elem_bytes;
  if (bytes > vm.config().memory_limit) return vm.reserve(SIZE_MAX);
  return vm.reserve(static_cast<size_t>(bytes)) && charge_work(vm, bytes);
}

bool is_seq(Value v) {
  return is_kind(v, ObjKind::Str) || is_kind(v, ObjKind::List) || is_kind(v, ObjKind::Tuple) ||
         is_kind(v, ObjKind::Bytes);
}

bool seq_repeat(VM& vm, Value seq, Value n, Value& out) {
  int64_t count;
  if (Str* s = as_str(seq)) {
    if (!repeat_count(vm, n, 1, s->s.size(), count)) return false;
    if (count == 1) {
      out = seq;
      return true;
    }
    std::string r;
    r.reserve(s->s.size() * static_cast<size_t>(count));
    for (int64_t i = 0; i < count; ++i) r += s->s;
    out = make_str(vm, r);
    return true;
  }
  const ValueVec& items =
      is_kind(seq, ObjKind::List) ? static_cast<List*>(seq.o)->items : static_cast<Tuple*>(seq.o)->items;
  if (!repeat_count(vm, n, sizeof(Value), items.size(), count)) return false;
  ValueVec r;
  r.reserve(items.size() * static_cast<size_t>(count));
  for (int64_t i = 0; i < count; ++i) r.insert(r.end(), items.begin(), items.end());
  if (is_kind(seq, ObjKind::List)) out = Value::object(vm.new_list(std::move(r)));
  else out = Value::object(vm.new_tuple(std::move(r)));
  return true;
}

// native_binop() is the built-in types' operators besides numbers.
bool native_binop(VM& vm, BinOpKind op, Value a, Value b, Value& out, bool& handled) {
  handled = true;
  if (is_number(a) && is_number(b)) return num_binop(vm, op, a, b, out, handled);
  if (is_kind(a, ObjKind::Bytes) || is_kind(b, ObjKind::Bytes)) {
    if (!bytes_binop(vm, op, a, b, out, handled)) return false;
    if (handled) return true;
    handled = true;
  }
  if (op == BinOpKind::Add) {
    if (Str* x = as_str(a)) {
      if (Str* y = as_str(b)) {
        if (y->s.empty()) {
          out = a;
          return true;
        }
        if (x->s.empty()) {
          out = b;
          return true;
        }
        if (!vm.reserve(x->s.size() + y->s.size())) return false;
        std::string r;
        r.reserve(x->s.size() + y->s.size());
        r += x->s;
        r += y->s;
        out = make_str(vm, r);
        return true;
      }
    }
    List* la = as_list(a);
    List* lb = as_list(b);
    if (la && lb) {
      if (!vm.reserve((la->items.size() + lb->items.size()) * sizeof(Value))) return false;
      ValueVec r;
      r.reserve(la->items.size() + lb->items.size());
      r.insert(r.end(), la->items.begin(), la->items.end());
      r.insert(r.end(), lb->items.begin(), lb->items.end());
      out = Value::object(vm.new_list(std::move(r)));
      return true;
    }
    Tuple* ta = as_tuple(a);
    Tuple* tb = as_tuple(b);
    if (ta && tb) {
      if (!vm.reserve((ta->items.size() + tb->items.size()) * sizeof(Value))) return false;
      ValueVec r;
      r.reserve(ta->items.size() + tb->items.size());
      r.insert(r.end(), ta->items.begin(), ta->items.end());
      r.insert(r.end(), tb->items.begin(), tb->items.end());
      out = Value::object(vm.new_tuple(std::move(r)));
      return true;
    }
  }
  if (op == BinOpKind::Mult) {
    if (is_seq(a) && is_intlike(b)) return seq_repeat(vm, a, b, out);
    if (is_seq(b) && is_intlike(a)) return seq_repeat(vm, b, a, out);
  }
  if (op == BinOpKind::Mod) {
    if (Str* s = as_str(a)) {
      std::string r;
      if (!percent_format(vm, s->s, b, r)) return false;
      out = make_str(vm, r);
      return true;
    }
  }
  Set* sa = as_set(a);
  Set* sb = as_set(b);
  if (sa && sb &&
      (op == BinOpKind::BitOr || op == BinOpKind::BitAnd || op == BinOpKind::Sub || op == BinOpKind::BitXor))
    return set_operation(vm, op, sa, sb, out);
  if (op == BinOpKind::BitOr) {
    Dict* da = as_dict(a);
    Dict* db = as_dict(b);
    if (da && db) {
      Dict* r = vm.new_dict();
      if (!dict_update(vm, r, a) || !dict_update(vm, r, b)) return false;
      out = Value::object(r);
      return true;
    }
  }
  if (op == BinOpKind::Sub || op == BinOpKind::BitAnd || op == BinOpKind::BitOr || op == BinOpKind::BitXor) {
    int wa, wb;
    Dict* va = view_dict(vm, a, wa);
    Dict* vb = view_dict(vm, b, wb);
    if ((va && wa != 1 && (vb || sb)) || (vb && wb != 1 && sa)) {
      Set* x = vm.new_set();
      Set* y = vm.new_set();
      if (!set_update(vm, x, a) || !set_update(vm, y, b)) return false;
      return set_operation(vm, op, x, y, out);
    }
  }
  handled = false;
  return true;
}

bool binop_type_error(VM& vm, BinOpKind op, Value a, Value b, bool inplace) {
  std::string ta = vm.type_name(a), tb = vm.type_name(b);
  if (op == BinOpKind::Add && (as_str(a) || as_list(a) || as_tuple(a)) && !as_instance(b))
    return vm.raise(vm.types().type_error, "can only concatenate " + ta + " (not \"" + tb + "\") to " + ta);
  if (op == BinOpKind::Mult && ((is_seq(a) && !as_instance(b)) || (is_seq(b) && !as_instance(a) && !is_seq(a))))
    return vm.raise(vm.types().type_error,
                    "can't multiply sequence by non-int of type '" + (is_seq(a) ? tb : ta) + "'");
  std::string sym = op_symbol(op);
  if (inplace) sym += "=";
  else if (op == BinOpKind::Pow) sym += " or pow()";
  return vm.raise(vm.types().type_error, "unsupported operand type(s) for " + sym + ": '" + ta + "' and '" + tb + "'");
}

// user_binop() runs the __op__/__rop__ protocol when an operand is an Instance.
bool user_binop(VM& vm, BinOpKind op, Value a, Value b, Value& out, bool& handled) {
  handled = false;
  bool ai = dispatches(a), bi = dispatches(b);
  Class* ca = vm.type_of(a);
  Class* cb = vm.type_of(b);
  bool tried_reflected = false;
  if (bi && ca != cb && vm.is_subclass(cb, ca)) {
    bool found;
    if (!call_dunder(vm, b, rop_name(op), {a}, out, found)) return false;
    tried_reflected = true;
    if (found && !is_not_implemented(vm, out)) {
      handled = true;
      return true;
    }
  }
  if (ai) {
    bool found;
    if (!call_dunder(vm, a, op_name(op), {b}, out, found)) return false;
    if (found && !is_not_implemented(vm, out)) {
      handled = true;
      return true;
    }
  }
  if (!ai || is_sub(a) || is_sub(b)) {
    if (!native_binop(vm, op, a, b, out, handled)) return false;
    if (handled) return true;
  }
  if (bi && !tried_reflected && ca != cb) {
    bool found;
    if (!call_dunder(vm, b, rop_name(op), {a}, out, found)) return false;
    if (found && !is_not_implemented(vm, out)) {
      handled = true;
      return true;
    }
  }
  return true;
}

}  // namespace

// type_union() makes int | str a types.UnionType (types._union), as CPython's type.__or__ does.
static bool type_union(VM& vm, Value a, Value b, Value& out, bool& handled) {
  if (!(as_class(a) || as_class(b)) || !(as_class(a) || a.is_none()) || !(as_class(b) || b.is_none())) return true;
  Value mod, fn;
  if (!vm.import_module("types", mod) || !vm.get_attr(mod, vm.intern("_union"), fn) || !vm.call(fn, {a, b}, out))
    return false;
  handled = !is_not_implemented(vm, out);
  return true;
}

bool VM::binary_op(BinOpKind op, Value a, Value b, Value& out) {
  bool handled = false;
  if (is_number(a) && is_number(b)) {
    if (!num_binop(*this, op, a, b, out, handled)) return false;
    if (handled) return true;
    return binop_type_error(*this, op, a, b, false);
  }
  if (dispatches(a) || dispatches(b)) {
    if (!user_binop(*this, op, a, b, out, handled)) return false;
  } else {
    if (!native_binop(*this, op, a, b, out, handled)) return false;
  }
  if (handled) return true;
  if (op == BinOpKind::BitOr) {
    if (!type_union(*this, a, b, out, handled)) return false;
    if (handled) return true;
  }
  return binop_type_error(*this, op, a, b, false);
}

bool VM::inplace_op(BinOpKind op, Value a, Value b, Value& out) {
  bool handled = false;
  if (is_number(a) && is_number(b)) {
    if (!num_binop(*this, op, a, b, out, handled)) return false;
    if (handled) return true;
    return binop_type_error(*this, op, a, b, true);
  }
  if (List* l = as_list(a)) {
    if (op == BinOpKind::Add) {
      if (!list_extend(*this, l, b)) return false;
      out = a;
      return true;
    }
    if (op == BinOpKind::Mult && is_intlike(b)) {
      int64_t count;
      if (!repeat_count(*this, b, sizeof(Value), l->items.size(), count)) return false;
      ValueVec orig = l->items;
      if (!make_room(*this, l->items, static_cast<uint64_t>(orig.size()) * static_cast<uint64_t>(count))) return false;
      l->items.clear();
      for (int64_t i = 0; i < count; ++i) l->items.insert(l->items.end(), orig.begin(), orig.end());
      out = a;
      return true;
    }
  }
  if (Set* s = as_set(a)) {
    Set* o = as_set(b);
    if (o && !s->frozen &&
        (op == BinOpKind::BitOr || op == BinOpKind::BitAnd || op == BinOpKind::Sub || op == BinOpKind::BitXor)) {
      if (!set_inplace(*this, op, s, o)) return false;
      out = a;
      return true;
    }
  }
  if (Dict* d = as_dict(a)) {
    if (op == BinOpKind::BitOr) {
      if (!dict_update(*this, d, b)) return false;
      out = a;
      return true;
    }
  }
  if (is_kind(a, ObjKind::Bytes)) {
    if (!bytes_inplace(*this, op, a, b, out, handled)) return false;
    if (handled) return true;
  }
  if (dispatches(a)) {
    bool found;
    if (!call_dunder(*this, a, iop_name(op), {b}, out, found)) return false;
    if (found && !is_not_implemented(*this, out)) return true;
  }
  if (dispatches(a) || dispatches(b)) {
    if (!user_binop(*this, op, a, b, out, handled)) return false;
  } else {
    if (!native_binop(*this, op, a, b, out, handled)) return false;
  }
  if (handled) return true;
  return binop_type_error(*this, op, a, b, true);
}

bool VM::unary_op(UnaryOpKind op, Value v, Value& out) {
  if (op == UnaryOpKind::Not) {
    bool t;
    if (!truthy(v, t)) return false;
    out = Value::boolean(!t);
    return true;
  }
  if (is_intlike(v)) {
    int64_t i = int_of(v);
    if (op == UnaryOpKind::USub) {
      if (i == INT64_MIN) {
        out = make_int(*this, big_neg(BigInt::from_i64(i)));
        return true;
      }
      out = Value::integer(-i);
    } else if (op == UnaryOpKind::UAdd) {
      out = Value::integer(i);
    } else {
      out = Value::integer(~i);
    }
    return true;
  }
  if (const BigIntObj* b = as_bigint(v)) {
    out = op == UnaryOpKind::UAdd ? v : make_int(*this, op == UnaryOpKind::USub ? big_neg(b->v) : big_invert(b->v));
    return true;
  }
  if (v.is_float() && op != UnaryOpKind::Invert) {
    out = Value::number(op == UnaryOpKind::USub ? -v.f : v.f);
    return true;
  }
  if (dispatches(v)) {
    Name n = op == UnaryOpKind::USub ? Name::neg : op == UnaryOpKind::UAdd ? Name::pos : Name::invert;
    bool found;
    if (!call_dunder(*this, v, n, {}, out, found)) return false;
    if (found) return true;
  }
  const char* sym = op == UnaryOpKind::USub ? "-" : op == UnaryOpKind::UAdd ? "+" : "~";
  return raise(types().type_error, std::string("bad operand type for unary ") + sym + ": '" + type_name(v) + "'");
}

// ==================================================================== comparison

namespace {

const char* cmp_symbol(CmpOpKind op) {
  switch (op) {
    case CmpOpKind::Eq: return "==";
    case CmpOpKind::NotEq: return "!=";
    case CmpOpKind::Lt: return "<";
    case CmpOpKind::LtE: return "<=";
    case CmpOpKind::Gt: return ">";
    case CmpOpKind::GtE: return ">=";
    default: return "?";
  }
}
CmpOpKind swapped(CmpOpKind op) {
  switch (op) {
    case CmpOpKind::Lt: return CmpOpKind::Gt;
    case CmpOpKind::LtE: return CmpOpKind::GtE;
    case CmpOpKind::Gt: return CmpOpKind::Lt;
    case CmpOpKind::GtE: return CmpOpKind::LtE;
    default: return op;
  }
}
Name cmp_name(CmpOpKind op) {
  switch (op) {
    case CmpOpKind::Eq: return Name::eq;
    case CmpOpKind::NotEq: return Name::ne;
    case CmpOpKind::Lt: return Name::lt;
    case CmpOpKind::LtE: return Name::le;
    case CmpOpKind::Gt: return Name::gt;
    default: return Name::ge;
  }
}

bool apply_cmp(CmpOpKind op, int c) {
  switch (op) {
    case CmpOpKind::Eq: return c == 0;
    case CmpOpKind::NotEq: return c != 0;
    case CmpOpKind::Lt: return c < 0;
    case CmpOpKind::LtE: return c <= 0;
    case CmpOpKind::Gt: return c > 0;
    default: return c >= 0;
  }
}

// cmp_int_float() compares exactly: -1, 0, 1, or 2 when f is NaN.
int cmp_int_float(int64_t i, double f) {
  if (std::isnan(f)) return 2;
  if (f >= 9223372036854775808.0) return -1;
  if (f < -9223372036854775808.0) return 1;
  double t = std::trunc(f);
  int64_t fi = static_cast<int64_t>(t);
  if (i != fi) return i < fi ? -1 : 1;
  double frac = f - t;
  return frac > 0 ? -1 : frac < 0 ? 1 : 0;
}

bool num_compare(CmpOpKind op, Value a, Value b) {
  if (UNLIKELY_BIG(a, b)) {
    int c = int_compare(a, b);
    if (c == 2) return op == CmpOpKind::NotEq;
    return apply_cmp(op, c);
  }
  if (a.is_float() && b.is_float()) {
    double x = a.f, y = b.f;
    switch (op) {
      case CmpOpKind::Eq: return x == y;
      case CmpOpKind::NotEq: return x != y;
      case CmpOpKind::Lt: return x < y;
      case CmpOpKind::LtE: return x <= y;
      case CmpOpKind::Gt: return x > y;
      default: return x >= y;
    }
  }
  if (!a.is_float() && !b.is_float()) {
    int64_t x = int_of(a), y = int_of(b);
    return apply_cmp(op, x < y ? -1 : x > y ? 1 : 0);
  }
  int c = a.is_float() ? cmp_int_float(int_of(b), a.f) : cmp_int_float(int_of(a), b.f);
  if (c == 2) return op == CmpOpKind::NotEq;
  if (a.is_float()) c = -c;
  return apply_cmp(op, c);
}

bool seq_compare(VM& vm, CmpOpKind op, const ValueVec& x, const ValueVec& y, Value& out) {
  size_t n = std::min(x.size(), y.size());
  size_t i = 0;
  for (; i < n; ++i) {
    bool eq;
    if (i >= x.size() || i >= y.size()) break;
    if (!vm.equals(x[i], y[i], eq)) return false;
    if (!eq) break;
  }
  if (i >= x.size() || i >= y.size()) {
    size_t lx = x.size(), ly = y.size();
    out = Value::boolean(apply_cmp(op, lx < ly ? -1 : lx > ly ? 1 : 0));
    return true;
  }
  if (op == CmpOpKind::Eq) {
    out = Value::boolean(false);
    return true;
  }
  if (op == CmpOpKind::NotEq) {
    out = Value::boolean(true);
    return true;
  }
  Value a = x[i], b = y[i];
  return vm.compare(op, a, b, out);
}

bool dict_equal(VM& vm, Dict* a, Dict* b, bool& out) {
  if (a->count != b->count) {
    out = false;
    return true;
  }
  for (size_t i = 0; i < a->entries.size(); ++i) {
    if (!a->entries[i].live) continue;
    Value k = a->entries[i].key, v = a->entries[i].value;
    Value bv;
    bool found;
    if (!vm.dict_get(b, k, bv, found)) return false;
    if (!found) {
      out = false;
      return true;
    }
    bool eq;
    if (!vm.equals(v, bv, eq)) return false;
    if (!eq) {
      out = false;
      return true;
    }
  }
  out = true;
  return true;
}

int64_t range_len(const Range* r) {
  __int128 n = 0;
  if (r->step > 0 && r->start < r->stop) n = (static_cast<__int128>(r->stop) - r->start - 1) / r->step + 1;
  else if (r->step < 0 && r->start > r->stop)
    n = (static_cast<__int128>(r->start) - r->stop - 1) / (-static_cast<__int128>(r->step)) + 1;
  return static_cast<int64_t>(n);
}

// native_compare() compares built-in values; handled=false means NotImplemented.
bool native_compare(VM& vm, CmpOpKind op, Value a, Value b, Value& out, bool& handled) {
  handled = true;
  if (is_number(a) && is_number(b)) {
    out = Value::boolean(num_compare(op, a, b));
    return true;
  }
  bool eqop = op == CmpOpKind::Eq || op == CmpOpKind::NotEq;
  if (a.is_none() && b.is_none() && eqop) {
    out = Value::boolean(op == CmpOpKind::Eq);
    return true;
  }
  if (a.is_obj() && b.is_obj()) {
    ObjKind ka = a.o->kind, kb = b.o->kind;
    if (ka == ObjKind::Str && kb == ObjKind::Str) {
      const std::string& x = static_cast<Str*>(a.o)->s;
      const std::string& y = static_cast<Str*>(b.o)->s;
      int c = a.o == b.o ? 0 : x.compare(y);
      out = Value::boolean(apply_cmp(op, c < 0 ? -1 : c > 0 ? 1 : 0));
      return true;
    }
    if (ka == ObjKind::Bytes && kb == ObjKind::Bytes)
      return bytes_compare(vm, op, static_cast<Bytes*>(a.o), static_cast<Bytes*>(b.o), out);
    // native_compare: bound methods are equal when they bind the same function to the same object.
    if (ka == ObjKind::BoundMethod && kb == ObjKind::BoundMethod && eqop) {
      const BoundMethod* x = static_cast<BoundMethod*>(a.o);
      const BoundMethod* y = static_cast<BoundMethod*>(b.o);
      bool same = x->func.tag == y->func.tag && x->func.o == y->func.o && x->self.tag == y->self.tag &&
                  (x->self.is_obj() ? x->self.o == y->self.o : x->self.i == y->self.i);
      out = Value::boolean(same == (op == CmpOpKind::Eq));
      return true;
    }
    if ((ka == ObjKind::List && kb == ObjKind::List) || (ka == ObjKind::Tuple && kb == ObjKind::Tuple)) {
      DepthGuard g(vm, " in comparison");
      if (!g.ok) return false;
      const auto& x = ka == ObjKind::List ? static_cast<List*>(a.o)->items : static_cast<Tuple*>(a.o)->items;
      const auto& y = kb == ObjKind::List ? static_cast<List*>(b.o)->items : static_cast<Tuple*>(b.o)->items;
      if (eqop && x.size() != y.size()) {
        out = Value::boolean(op == CmpOpKind::NotEq);
        return true;
      }
      return seq_compare(vm, op, x, y, out);
    }
    if (ka == ObjKind::Dict && kb == ObjKind::Dict && eqop) {
      DepthGuard g(vm, " in comparison");
      if (!g.ok) return false;
      bool eq;
      if (!dict_equal(vm, static_cast<Dict*>(a.o), static_cast<Dict*>(b.o), eq)) return false;
      out = Value::boolean(eq == (op == CmpOpKind::Eq));
      return true;
    }
    if (ka == ObjKind::Set && kb == ObjKind::Set) {
      Set* x = static_cast<Set*>(a.o);
      Set* y = static_cast<Set*>(b.o);
      uint32_t nx = x->table ? x->table->count : 0, ny = y->table ? y->table->count : 0;
      bool r = false;
      switch (op) {
        case CmpOpKind::Eq:
        case CmpOpKind::NotEq:
          r = nx == ny;
          if (r && !set_is_subset(vm, x, y, r)) return false;
          if (op == CmpOpKind::NotEq) r = !r;
          break;
        case CmpOpKind::LtE:
          if (!set_is_subset(vm, x, y, r)) return false;
          break;
        case CmpOpKind::GtE:
          if (!set_is_subset(vm, y, x, r)) return false;
          break;
        case CmpOpKind::Lt:
          r = nx < ny;
          if (r && !set_is_subset(vm, x, y, r)) return false;
          break;
        case CmpOpKind::Gt:
          r = nx > ny;
          if (r && !set_is_subset(vm, y, x, r)) return false;
          break;
        default: break;
      }
      out = Value::boolean(r);
      return true;
    }
    if (ka == ObjKind::Range && kb == ObjKind::Range && eqop) {
      Range* x = static_cast<Range*>(a.o);
      Range* y = static_cast<Range*>(b.o);
      int64_t nx = range_len(x), ny = range_len(y);
      bool eq = nx == ny && (nx == 0 || (x->start == y->start && (nx == 1 || x->step == y->step)));
      out = Value::boolean(eq == (op == CmpOpKind::Eq));
      return true;
    }
    int wa, wb;
    Dict* va = view_dict(vm, a, wa);
    Dict* vb = view_dict(vm, b, wb);
    if ((va && wa != 1 && (vb ? wb != 1 : kb == ObjKind::Set)) || (vb && wb != 1 && ka == ObjKind::Set)) {
      Set* x = vm.new_set();
      Set* y = vm.new_set();
      if (!set_update(vm, x, a) || !set_update(vm, y, b)) return false;
      return native_compare(vm, op, Value::object(x), Value::object(y), out, handled);
    }
  }
  if (eqop) {
    bool same = a.is_same(b);
    if (same || !(dispatches(a) || dispatches(b))) {
      out = Value::boolean(same == (op == CmpOpKind::Eq));
      return true;
    }
  }
  handled = false;
  return true;
}

// identity_equality() is true when v's own type leaves == and != to identity: v is not an
// instance of a user class, or its class inherits object's __eq__ (and, for !=, __ne__).
bool identity_equality(VM& vm, Value v, CmpOpKind op) {
  if (!dispatches(v)) return true;
  if (is_sub(v)) return false;
  Class* cls = static_cast<Instance*>(v.o)->cls;
  const State& st = state(vm);
  auto inherited = [&](Name n, NativeFn object_fn) {
    Value fn;
    return !vm.lookup_type_attr(cls, name(vm, n), fn) ||
           (is_kind(fn, ObjKind::NativeFunction) && static_cast<NativeFunction*>(fn.o)->fn == object_fn);
  };
  return inherited(Name::eq, st.object_eq) && (op == CmpOpKind::Eq || inherited(Name::ne, st.object_ne));
}

// user_compare() runs the rich-comparison protocol with reflection.
bool rich_compare(VM& vm, CmpOpKind op, Value a, Value b, Value& out) {
  bool ai = dispatches(a), bi = dispatches(b);
  bool handled = false;
  if ((ai || bi) && (op == CmpOpKind::Eq || op == CmpOpKind::NotEq) && identity_equality(vm, a, op) &&
      identity_equality(vm, b, op)) {
    // What the protocol below ends in for such operands (no __eq__ or __ne__ of their own
    // to call, native_compare not reached): identity, without two dunder lookups per side.
    out = Value::boolean(a.is_same(b) == (op == CmpOpKind::Eq));
    return true;
  }
  if (!ai && !bi) {
    if (!native_compare(vm, op, a, b, out, handled)) return false;
    if (handled) return true;
  } else {
    Class* ca = vm.type_of(a);
    Class* cb = vm.type_of(b);
    bool tried_reflected = false;
    auto try_side = [&](Value self, Value other, CmpOpKind o, bool& done) -> bool {
      done = false;
      if (dispatches(self)) {
        bool found;
        if (!call_dunder(vm, self, cmp_name(o), {other}, out, found)) return false;
        if (found && !is_not_implemented(vm, out)) {
          done = true;
          return true;
        }
        if (!found && o == CmpOpKind::NotEq) {
          if (!call_dunder(vm, self, Name::eq, {other}, out, found)) return false;
          if (found && !is_not_implemented(vm, out)) {
            bool t;
            if (!vm.truthy(out, t)) return false;
            out = Value::boolean(!t);
            done = true;
          }
        }
        if (done || !is_sub(self)) return true;
      }
      bool h;
      if (!native_compare(vm, o, self, other, out, h)) return false;
      done = h;
      return true;
    };
    bool done = false;
    if (bi && ca != cb && vm.is_subclass(cb, ca)) {
      if (!try_side(b, a, swapped(op), done)) return false;
      if (done) return true;
      tried_reflected = true;
    }
    if (ai) {
      if (!try_side(a, b, op, done)) return false;
      if (done) return true;
    }
    if (!ai || is_sub(b)) {
      if (!native_compare(vm, op, a, b, out, handled)) return false;
      if (handled) return true;
    }
    if (bi && !tried_reflected) {
      if (!try_side(b, a, swapped(op), done)) return false;
      if (done) return true;
    }
  }
  if (op == CmpOpKind::Eq || op == CmpOpKind::NotEq) {
    out = Value::boolean(a.is_same(b) == (op == CmpOpKind::Eq));
    return true;
  }
  return vm.raise(vm.types().type_error, std::string("'") + cmp_symbol(op) + "' not supported between instances of '" +
                                             vm.type_name(a) + "' and '" + vm.type_name(b) + "'");
}

}  // namespace

bool VM::compare(CmpOpKind op, Value a, Value b, Value& out) {
  switch (op) {
    case CmpOpKind::Is: out = Value::boolean(a.is_same(b)); return true;
    case CmpOpKind::IsNot: out = Value::boolean(!a.is_same(b)); return true;
    case CmpOpKind::In:
    case CmpOpKind::NotIn: {
      bool r;
      if (!contains(b, a, r)) return false;
      out = Value::boolean(r == (op == CmpOpKind::In));
      return true;
    }
    default: break;
  }
  if (is_number(a) && is_number(b)) {
    out = Value::boolean(num_compare(op, a, b));
    return true;
  }
  return rich_compare(*this, op, a, b, out);
}

bool VM::equals(Value a, Value b, bool& out) {
  if (a.tag != b.tag || a.tag == Tag::Obj) {
    if (is_number(a) && is_number(b)) {
      out = num_compare(CmpOpKind::Eq, a, b);
      return true;
    }
  } else {
    if (a.tag == Tag::Float) {
      out = a.f == b.f;
      return true;
    }
    out = a.i == b.i || a.tag == Tag::None;
    if (a.tag == Tag::Bool) out = a.b == b.b;
    return true;
  }
  if (a.is_obj() && b.is_obj()) {
    if (a.o == b.o) {
      out = true;
      return true;
    }
    if (a.o->kind == ObjKind::Str && b.o->kind == ObjKind::Str) {
      Str* x = static_cast<Str*>(a.o);
      Str* y = static_cast<Str*>(b.o);
      out = x->s.size() == y->s.size() && (!x->hash || !y->hash || x->hash == y->hash) && x->s == y->s;
      return true;
    }
  }
  Value r;
  if (!rich_compare(*this, CmpOpKind::Eq, a, b, r)) return false;
  if (r.is_bool()) {
    out = r.b;
    return true;
  }
  return truthy(r, out);
}

bool VM::less_than(Value a, Value b, bool& out) {
  if (is_number(a) && is_number(b)) {
    out = num_compare(CmpOpKind::Lt, a, b);
    return true;
  }
  if (Str* x = as_str(a))
    if (Str* y = as_str(b)) {
      out = x->s < y->s;
      return true;
    }
  Value r;
  if (!rich_compare(*this, CmpOpKind::Lt, a, b, r)) return false;
  if (r.is_bool()) {
    out = r.b;
    return true;
  }
  return truthy(r, out);
}

// ==================================================================== hashing

bool VM::hash(Value v, uint64_t& out) {
  if (is_sub(v) && sub_hook(*this)) return sub_hash(*this, v, out);
  switch (v.tag) {
    case Tag::None: out = 0x7f00000a1c4ULL; return true;
    case Tag::Bool: out = v.b ? 1 : 0; return true;
    case Tag::Int: out = int_hash(v.i); return true;
    case Tag::Float: out = float_hash(v.f); return true;
    case Tag::Obj: break;
  }
  switch (v.o->kind) {
    case ObjKind::Str: out = str_hash(static_cast<Str*>(v.o)); return true;
    case ObjKind::Bytes: return bytes_hash(*this, static_cast<Bytes*>(v.o), out);
    case ObjKind::BigInt: out = big_hash(static_cast<BigIntObj*>(v.o)->v); return true;
    case ObjKind::Tuple: {
      DepthGuard g(*this, " while calling a Python object");
      if (!g.ok) return false;
      const auto& items = static_cast<Tuple*>(v.o)->items;
      constexpr uint64_t p1 = 11400714785074694791ULL, p2 = 14029467366897019727ULL, p5 = 2870177450012600261ULL;
      uint64_t acc = p5;
      for (const Value& item : items) {
        uint64_t lane;
        if (!hash(item, lane)) return false;
        acc += lane * p2;
        acc = (acc << 31) | (acc >> 33);
        acc *= p1;
      }
      acc += items.size() ^ (p5 ^ 3527539UL);
      if (acc == ~uint64_t{0}) acc = 1546275796;
      out = acc;
      return true;
    }
    case ObjKind::Set: {
      Set* s = static_cast<Set*>(v.o);
      if (!s->frozen) return raise(types().type_error, "unhashable type: 'set'");
      out = frozenset_hash(s);
      return true;
    }
    case ObjKind::Range: {
      Range* r = static_cast<Range*>(v.o);
      int64_t n = range_len(r);
      ValueVec t = {Value::integer(n), Value(), Value()};
      if (n > 0) t[1] = Value::integer(r->start);
      if (n > 1) t[2] = Value::integer(r->step);
      return hash(Value::object(new_tuple(std::move(t))), out);
    }
    case ObjKind::List: return raise(types().type_error, "unhashable type: 'list'");
    case ObjKind::Dict: return raise(types().type_error, "unhashable type: 'dict'");
    case ObjKind::Slice: return raise(types().type_error, "unhashable type: 'slice'");
    case ObjKind::Instance: {
      int which;
      if (view_dict(*this, v, which)) return raise(types().type_error, "unhashable type: '" + type_name(v) + "'");
      Class* cls = type_of(v);
      if (cls->builtin) break;
      State& st = state(*this);
      Value hf, ef;
      bool has_h = lookup_type_attr(cls, name(*this, Name::hash), hf);
      bool has_e = lookup_type_attr(cls, name(*this, Name::eq), ef);
      auto is_native = [](Value f, NativeFn fn) {
        return is_kind(f, ObjKind::NativeFunction) && static_cast<NativeFunction*>(f.o)->fn == fn;
      };
      bool default_h = !has_h || is_native(hf, st.object_hash);
      bool default_e = !has_e || is_native(ef, st.object_eq);
      if (default_h && default_e) break;
      if (has_h && hf.is_none()) return raise(types().type_error, "unhashable type: '" + type_name(v) + "'");
      if (default_h) return raise(types().type_error, "unhashable type: '" + type_name(v) + "'");
      // CPython sets __hash__ = None in a class that defines __eq__ without __hash__.
      for (Class* c : cls->mro) {
        if (c->builtin) break;
        Value f, e;
        bool own_h = false, own_e = false;
        if (!dict_get(c->dict, Value::object(name(*this, Name::hash)), f, own_h)) return false;
        if (!dict_get(c->dict, Value::object(name(*this, Name::eq)), e, own_e)) return false;
        if (own_h) break;
        if (own_e) return raise(types().type_error, "unhashable type: '" + type_name(v) + "'");
      }
      Value r;
      Value argv[1] = {v};
      CallArgs ca;
      ca.args = argv;
      ca.nargs = 1;
      if (!call(hf, ca, r)) return false;
      if (!is_intlike(r)) return raise(types().type_error, "__hash__ method should return an integer");
      out = int_hash(int_of(r));
      return true;
    }
    case ObjKind::BoundMethod: {
      BoundMethod* m = static_cast<BoundMethod*>(v.o);
      uint64_t a, b;
      if (!hash(m->self, a) || !hash(m->func, b)) return false;
      out = a ^ b;
      return true;
    }
    default: break;
  }
  uint64_t id = object_id(*this, v);
  out = (id >> 4) | (id << 60);
  if (out == ~uint64_t{0}) out = static_cast<uint64_t>(-2);
  return true;
}

// ==================================================================== repr and str

namespace {

// ReprGuard tracks containers being printed so self-references print as "...".
struct ReprGuard {
  State& st;
  bool recursive;
  ReprGuard(VM& vm, const Obj* o) : st(state(vm)), recursive(false) {
    for (const Obj* p : st.repr_stack)
      if (p == o) {
        recursive = true;
        return;
      }
    st.repr_stack.push_back(o);
  }
  ~ReprGuard() {
    if (!recursive) st.repr_stack.pop_back();
  }
};

// repr_room() checks a growing repr against the memory limit: out doubles when it grows, so
// room for twice its size keeps the next doubling under the limit.
bool repr_room(VM& vm, const std::string& out) { return out.size() < kFreeWork || vm.reserve(out.size() * 2); }

bool repr_items(VM& vm, const ValueVec& items, std::string& out) {
  for (size_t i = 0; i < items.size(); ++i) {
    if (!repr_room(vm, out)) return false;
    if (i) out += ", ";
    Value item = items[i];
    if (!repr_into(vm, item, out)) return false;
  }
  return true;
}

std::string func_qualname(const Function* f) {
  if (f->qualname) return f->qualname->s;
  if (f->name) return f->name->s;
  return "?";
}

bool repr_instance(VM& vm, Value v, std::string& out) {
  State& st = state(vm);
  Instance* in = static_cast<Instance*>(v.o);
  if (v.o == st.not_implemented.o) {
    out += "NotImplemented";
    return true;
  }
  if (v.o == st.ellipsis.o) {
    out += "Ellipsis";
    return true;
  }
  int which;
  if (Dict* d = view_dict(vm, v, which)) {
    ReprGuard g(vm, v.o);
    if (g.recursive) {
      out += "...";
      return true;
    }
    out += which == 0 ? "dict_keys([" : which == 1 ? "dict_values([" : "dict_items([";
    bool first = true;
    for (size_t i = 0; i < d->entries.size(); ++i) {
      if (!d->entries[i].live) continue;
      if (!first) out += ", ";
      first = false;
      Value k = d->entries[i].key, val = d->entries[i].value;
      if (which == 2) {
        out.push_back('(');
        if (!repr_into(vm, k, out)) return false;
        out += ", ";
        if (!repr_into(vm, val, out)) return false;
        out.push_back(')');
      } else if (!repr_into(vm, which == 0 ? k : val, out)) {
        return false;
      }
    }
    out += "])";
    return true;
  }
  Value r;
  bool found;
  {
    DepthGuard g(vm, " while getting the repr of an object");
    if (!g.ok) return false;
    if (!call_dunder(vm, v, Name::repr, {}, r, found)) return false;
  }
  if (found) {
    Str* s = as_str(r);
    if (!s) return vm.raise(vm.types().type_error, "__repr__ returned non-string (type " + vm.type_name(r) + ")");
    out += s->s;
    return true;
  }
  out.push_back('<');
  class_qualified(vm, in->cls, out);
  out += " object at ";
  out += address(vm, v.o);
  out.push_back('>');
  return true;
}

}  // namespace

namespace lib {

bool repr_into(VM& vm, Value v, std::string& out) {
  switch (v.tag) {
    case Tag::None: out += "None"; return true;
    case Tag::Bool: out += v.b ? "True" : "False"; return true;
    case Tag::Int: int_str(v.i, out); return true;
    case Tag::Float: fmt::float_repr(v.f, out); return true;
    case Tag::Obj: break;
  }
  Obj* o = v.o;
  if (o->sub && sub_hook(vm)) return sub_repr(vm, v, out);
  switch (o->kind) {
    case ObjKind::Str: fmt::str_repr(static_cast<Str*>(o)->s, out); return true;
    case ObjKind::Bytes: bytes_repr(static_cast<Bytes*>(o), out); return true;
    case ObjKind::BigInt: return int_to_str(vm, v, out);
    case ObjKind::List: {
      ReprGuard g(vm, o);
      if (g.recursive) {
        out += "[...]";
        return true;
      }
      DepthGuard d(vm, " while getting the repr of an object");
      if (!d.ok) return false;
      out.push_back('[');
      List* l = static_cast<List*>(o);
      for (size_t i = 0; i < l->items.size(); ++i) {
        if (!repr_room(vm, out)) return false;
        if (i) out += ", ";
        Value item = l->items[i];
        if (!repr_into(vm, item, out)) return false;
      }
      out.push_back(']');
      return true;
    }
    case ObjKind::Tuple: {
      const auto& items = static_cast<Tuple*>(o)->items;
      DepthGuard d(vm, " while getting the repr of an object");
      if (!d.ok) return false;
      out.push_back('(');
      if (!repr_items(vm, items, out)) return false;
      if (items.size() == 1) out.push_back(',');
      out.push_back(')');
      return true;
    }
    case ObjKind::Dict: {
      ReprGuard g(vm, o);
      if (g.recursive) {
        out += "{...}";
        return true;
      }
      DepthGuard d(vm, " while getting the repr of an object");
      if (!d.ok) return false;
      Dict* dict = static_cast<Dict*>(o);
      out.push_back('{');
      bool first = true;
      for (size_t i = 0; i < dict->entries.size(); ++i) {
        if (!dict->entries[i].live) continue;
        if (!repr_room(vm, out)) return false;
        if (!first) out += ", ";
        first = false;
        Value k = dict->entries[i].key, val = dict->entries[i].value;
        if (!repr_into(vm, k, out)) return false;
        out += ": ";
        if (!repr_into(vm, val, out)) return false;
      }
      out.push_back('}');
      return true;
    }
    case ObjKind::Set: {
      Set* s = static_cast<Set*>(o);
      const char* tname = s->frozen ? "frozenset" : "set";
      if (!s->table || s->table->count == 0) {
        out += tname;
        out += "()";
        return true;
      }
      ReprGuard g(vm, o);
      if (g.recursive) {
        out += tname;
        out += "(...)";
        return true;
      }
      DepthGuard d(vm, " while getting the repr of an object");
      if (!d.ok) return false;
      if (s->frozen) out += "frozenset(";
      out.push_back('{');
      bool first = true;
      ValueVec keys;
      for (const auto& e : s->table->entries)
        if (e.live) keys.push_back(e.key);
      for (Value k : keys) {
        if (!first) out += ", ";
        first = false;
        if (!repr_into(vm, k, out)) return false;
      }
      out.push_back('}');
      if (s->frozen) out.push_back(')');
      return true;
    }
    case ObjKind::Range: {
      Range* r = static_cast<Range*>(o);
      out += "range(";
      int_str(r->start, out);
      out += ", ";
      int_str(r->stop, out);
      if (r->step != 1) {
        out += ", ";
        int_str(r->step, out);
      }
      out.push_back(')');
      return true;
    }
    case ObjKind::Slice: {
      Slice* s = static_cast<Slice*>(o);
      out += "slice(";
      if (!repr_into(vm, s->start, out)) return false;
      out += ", ";
      if (!repr_into(vm, s->stop, out)) return false;
      out += ", ";
      if (!repr_into(vm, s->step, out)) return false;
      out.push_back(')');
      return true;
    }
    case ObjKind::Function:
      out += "<function " + func_qualname(static_cast<Function*>(o)) + " at " + address(vm, o) + ">";
      return true;
    case ObjKind::NativeFunction: {
      NativeFunction* f = static_cast<NativeFunction*>(o);
      std::string n = f->name ? f->name->s : "?";
      if (f->has_self && !is_kind(f->self, ObjKind::Module)) {
        Value self = f->self;
        out += "<built-in method " + n + " of " + vm.type_name(self) + " object at " +
               address(vm, self.is_obj() ? self.o : o) + ">";
      } else {
        out += "<built-in function " + n + ">";
      }
      return true;
    }
    case ObjKind::BoundMethod: {
      BoundMethod* m = static_cast<BoundMethod*>(o);
      if (is_kind(m->func, ObjKind::NativeFunction)) {
        NativeFunction* f = static_cast<NativeFunction*>(m->func.o);
        Value self = m->self;
        if (as_class(self)) {
          out += "<built-in method " + (f->name ? f->name->s : std::string("?")) + " of type object at " +
                 address(vm, self.o) + ">";
        } else {
          out += "<built-in method " + (f->name ? f->name->s : std::string("?")) + " of " + vm.type_name(self) +
                 " object at " + address(vm, self.is_obj() ? self.o : o) + ">";
        }
        return true;
      }
      std::string q = "?";
      if (is_kind(m->func, ObjKind::Function)) q = func_qualname(static_cast<Function*>(m->func.o));
      out += "<bound method " + q + " of ";
      if (!repr_into(vm, m->self, out)) return false;
      out.push_back('>');
      return true;
    }
    case ObjKind::Class:
      if (static_cast<Class*>(o)->meta) {
        // repr_into: a metaclass's __repr__ names its classes (<enum 'Color'>).
        Value r, fn;
        if (vm.lookup_type_attr(static_cast<Class*>(o)->meta, name(vm, Name::repr), fn) &&
            is_kind(fn, ObjKind::Function)) {
          if (!vm.call(fn, {v}, r)) return false;
          Str* s = as_str(r);
          if (!s) return vm.raise(vm.types().type_error, "__repr__ returned non-string (type " + vm.type_name(r) + ")");
          out += s->s;
          return true;
        }
      }
      out += "<class '";
      class_qualified(vm, static_cast<Class*>(o), out);
      out += "'>";
      return true;
    case ObjKind::Instance: return repr_instance(vm, v, out);
    case ObjKind::Module: {
      Module* m = static_cast<Module*>(o);
      std::string n = m->name ? m->name->s : "?";
      Value file;
      bool found = false;
      if (m->dict && !vm.dict_get(m->dict, Value::object(name(vm, Name::file)), file, found)) return false;
      if (found && as_str(file)) out += "<module '" + n + "' from '" + as_str(file)->s + "'>";
      else if (n == "__main__") out += "<module '__main__'>";
      else out += "<module '" + n + "' (built-in)>";
      return true;
    }
    case ObjKind::Cell: out += "<cell at " + address(vm, o) + ">"; return true;
    case ObjKind::Generator: {
      Generator* g = static_cast<Generator*>(o);
      const char* kind = g->gkind == GenKind::Generator   ? "generator"
                         : g->gkind == GenKind::Coroutine ? "coroutine"
                                                          : "async_generator";
      out += std::string("<") + kind + " object " + (g->name ? g->name->s : "?") + " at " + address(vm, o) + ">";
      return true;
    }
    case ObjKind::Iterator: out += "<" + vm.type_name(v) + " object at " + address(vm, o) + ">"; return true;
    case ObjKind::CodeObj: out += "<code object at " + address(vm, o) + ">"; return true;
    case ObjKind::StaticMethod:
    case ObjKind::ClassMethod: {
      out += o->kind == ObjKind::StaticMethod ? "<staticmethod(" : "<classmethod(";
      Value f =
          o->kind == ObjKind::StaticMethod ? static_cast<StaticMethod*>(o)->func : static_cast<ClassMethod*>(o)->func;
      if (!repr_into(vm, f, out)) return false;
      out += ")>";
      return true;
    }
    case ObjKind::Property: out += "<property object at " + address(vm, o) + ">"; return true;
    case ObjKind::Super: {
      Super* s = static_cast<Super*>(o);
      out += "<super: <class '" + class_name(s->start) + "'>, <" + vm.type_name(s->self) + " object>>";
      return true;
    }
  }
  return true;
}

bool str_into(VM& vm, Value v, std::string& out) {
  if (is_sub(v) && sub_hook(vm)) return sub_str(vm, v, out);
  if (Str* s = as_str(v)) {
    out += s->s;
    return true;
  }
  if (as_instance(v)) {
    Value r;
    bool found;
    {
      DepthGuard g(vm, " while getting the str of an object");
      if (!g.ok) return false;
      if (!call_dunder(vm, v, Name::str, {}, r, found)) return false;
    }
    if (found) {
      Str* s = as_str(r);
      if (!s) return vm.raise(vm.types().type_error, "__str__ returned non-string (type " + vm.type_name(r) + ")");
      out += s->s;
      return true;
    }
  }
  return repr_into(vm, v, out);
}

}  // namespace lib

bool VM::to_str(Value v, std::string& out) { return str_into(*this, v, out); }
bool VM::to_repr(Value v, std::string& out) { return repr_into(*this, v, out); }

namespace {
// spec_room() checks what a spec's width (and a float's precision) would allocate against the memory limit.
bool spec_room(VM& vm, const fmt::FormatSpec& f, bool precision) {
  uint64_t n = f.width > 0 ? static_cast<uint64_t>(f.width) : 0;
  if (precision && f.precision > 0) n += static_cast<uint64_t>(f.precision);
  return n <= kFreeWork || (reserve_n(vm, n, 1) && charge_work(vm, n));
}
}  // namespace

bool VM::format(Value v, std::string_view spec, std::string& out) {
  std::string err;
  fmt::FormatSpec f;
  bool ok = true;
  switch (v.tag) {
    case Tag::Int:
      if (spec.empty()) {
        int_str(v.i, out);
        return true;
      }
      if (!fmt::parse_spec(spec, fmt::SpecKind::Int, "int", f, err)) return raise(types().value_error, err);
      ok = spec_room(*this, f, false) && fmt::format_int(v.i, f, "int", out, err);
      if (has_exception()) return false;
      break;
    case Tag::Bool:
      if (spec.empty()) {
        out += v.b ? "True" : "False";
        return true;
      }
      ok = fmt::parse_spec(spec, fmt::SpecKind::Int, "bool", f, err) &&
           fmt::format_int(v.b ? 1 : 0, f, "bool", out, err);
      break;
    case Tag::Float:
      if (spec.empty()) {
        fmt::float_repr(v.f, out);
        return true;
      }
      if (!fmt::parse_spec(spec, fmt::SpecKind::Float, "float", f, err)) return raise(types().value_error, err);
      ok = spec_room(*this, f, true) && fmt::format_float(v.f, f, "float", out, err);
      if (has_exception()) return false;
      break;
    default:
      if (const BigIntObj* b = as_bigint(v)) {
        if (spec.empty()) return int_to_str(*this, v, out);
        if (!fmt::parse_spec(spec, fmt::SpecKind::Int, "int", f, err)) return raise(types().value_error, err);
        return spec_room(*this, f, false) && format_big_int(*this, b->v, f, out);
      }
      if (Str* s = as_str(v)) {
        if (spec.empty()) {
          out += s->s;
          return true;
        }
        if (!fmt::parse_spec(spec, fmt::SpecKind::Str, "str", f, err)) return raise(types().value_error, err);
        ok = spec_room(*this, f, false) && fmt::format_str(s->s, f, out, err);
        if (has_exception()) return false;
        break;
      }
      if (as_instance(v)) {
        Value r;
        bool found;
        if (!call_dunder(*this, v, Name::format, {str_value(spec)}, r, found)) return false;
        if (found) {
          Str* s = as_str(r);
          if (!s) return raise(types().type_error, "__format__ must return a str, not " + type_name(r));
          out += s->s;
          return true;
        }
      }
      if (!spec.empty())
        return raise(types().type_error, "unsupported format string passed to " + type_name(v) + ".__format__");
      return str_into(*this, v, out);
  }
  if (!ok) return raise(err.rfind("%c arg", 0) == 0 ? types().overflow_error : types().value_error, err);
  return true;
}

// ==================================================================== iteration

namespace {

Iterator* new_iter(VM& vm, IterKind k, Value source) {
  Iterator* it = vm.alloc<Iterator>(k);
  it->source = source;
  return it;
}

}  // namespace

bool VM::get_iter(Value v, Value& out) {
  if (!v.is_obj()) return raise(types().type_error, "'" + type_name(v) + "' object is not iterable");
  if (v.o->sub && sub_hook(*this)) return sub_get_iter(*this, v, out);
  switch (v.o->kind) {
    case ObjKind::List: out = Value::object(new_iter(*this, IterKind::List, v)); return true;
    case ObjKind::Tuple: out = Value::object(new_iter(*this, IterKind::Tuple, v)); return true;
    case ObjKind::Str: out = Value::object(new_iter(*this, IterKind::Str, v)); return true;
    case ObjKind::Bytes: out = Value::object(new_iter(*this, IterKind::Bytes, v)); return true;
    case ObjKind::Range: {
      Range* r = static_cast<Range*>(v.o);
      Iterator* it = new_iter(*this, IterKind::Range, v);
      it->pos = r->start;
      it->end = range_len(r);
      it->step = r->step;
      out = Value::object(it);
      return true;
    }
    case ObjKind::Dict: {
      Iterator* it = new_iter(*this, IterKind::DictKeys, v);
      it->end = static_cast<Dict*>(v.o)->count;
      out = Value::object(it);
      return true;
    }
    case ObjKind::Set: {
      Set* s = static_cast<Set*>(v.o);
      Iterator* it = new_iter(*this, IterKind::Set, v);
      it->end = s->table ? s->table->count : 0;
      out = Value::object(it);
      return true;
    }
    case ObjKind::Iterator:
    case ObjKind::Generator: out = v; return true;
    case ObjKind::Instance: break;
    case ObjKind::Class:
      if (static_cast<Class*>(v.o)->meta) break;
      return raise(types().type_error, "'" + type_name(v) + "' object is not iterable");
    default: return raise(types().type_error, "'" + type_name(v) + "' object is not iterable");
  }
  int which;
  if (Dict* d = view_dict(*this, v, which)) {
    IterKind k = which == 0 ? IterKind::DictKeys : which == 1 ? IterKind::DictValues : IterKind::DictItems;
    Iterator* it = new_iter(*this, k, Value::object(d));
    it->end = d->count;
    out = Value::object(it);
    return true;
  }
  bool found;
  if (!call_dunder(*this, v, Name::iter, {}, out, found)) return false;
  if (found) {
    Value probe;
    bool has_next = is_kind(out, ObjKind::Iterator) || is_kind(out, ObjKind::Generator) ||
                    lookup_type_attr(type_of(out), name(*this, Name::next), probe);
    if (!has_next) return raise(types().type_error, "iter() returned non-iterator of type '" + type_name(out) + "'");
    return true;
  }
  Value probe;
  if (lookup_type_attr(type_of(v), name(*this, Name::getitem), probe)) {
    Iterator* it = new_iter(*this, IterKind::Reversed, v);
    it->pos = 0;
    it->step = 1;
    out = Value::object(it);
    return true;
  }
  return raise(types().type_error, "'" + type_name(v) + "' object is not iterable");
}

// table_next() steps a dict or set iterator: e is the next live entry, null at the end.
bool VM::table_next(Iterator* it, const Dict::Entry*& e) {
  e = nullptr;
  bool is_set = it->ikind == IterKind::Set;
  Dict* d = nullptr;
  if (is_set) {
    Set* s = as_set(it->source);
    d = s ? s->table : nullptr;
  } else d = as_dict(it->source);
  if (!d) return true;
  if (d->count != static_cast<uint32_t>(it->end)) {
    it->source = Value();
    return raise(types().runtime_error,
                 is_set ? "Set changed size during iteration" : "dictionary changed size during iteration");
  }
  size_t i = static_cast<size_t>(it->pos);
  while (i < d->entries.size() && !d->entries[i].live) ++i;
  if (i >= d->entries.size()) {
    it->source = Value();
    it->end = -1;
    return true;
  }
  it->pos = static_cast<int64_t>(i + 1);
  e = &d->entries[i];
  return true;
}

bool VM::pair_iterator(const Iterator* it) {
  switch (it->ikind) {
    case IterKind::Enumerate:
    case IterKind::DictItems: return true;
    case IterKind::Zip: return it->sources.size() == 2 && it->pos != 1;  // pos 1: zip(strict=True)
    default: return false;
  }
}

bool VM::next_pair(Iterator* it, Value& first, Value& second, bool& done) {
  switch (it->ikind) {
    case IterKind::DictItems: {
      const Dict::Entry* e = nullptr;
      if (!table_next(it, e)) return false;
      done = e == nullptr;
      if (e) {
        first = e->key;
        second = e->value;
      }
      return true;
    }
    case IterKind::Enumerate: {
      Iterator* inner = is_kind(it->source, ObjKind::Iterator) ? static_cast<Iterator*>(it->source.o) : nullptr;
      if (inner && inner->ikind == IterKind::List) {
        List* l = as_list(inner->source);
        if (l && inner->pos < static_cast<int64_t>(l->items.size())) {
          second = l->items[static_cast<size_t>(inner->pos++)];
        } else {
          inner->source = Value();
          done = true;
          return true;
        }
      } else {
        DepthGuard guard(*this, "");
        if (!guard.ok) return false;
        if (!next(it->source, second, done)) return false;
        if (done) return true;
      }
      first = Value::integer(it->pos);
      if (it->pos == INT64_MAX) return overflow(*this);
      ++it->pos;
      return true;
    }
    default: {  // Zip of two, not strict: as next() does for it, without the tuple
      DepthGuard guard(*this, "");
      if (!guard.ok) return false;
      Value a = it->sources[0], b = it->sources[1];
      if (!next(a, first, done)) return false;
      if (!done && !next(b, second, done)) return false;
      if (done) it->sources.clear();
      return true;
    }
  }
}

bool VM::next(Value iter, Value& out, bool& done) {
  done = false;
  if (is_kind(iter, ObjKind::Generator)) return gen_send(static_cast<Generator*>(iter.o), Value(), out, done);
  if (!is_kind(iter, ObjKind::Iterator)) {
    if (as_instance(iter)) {
      bool found;
      if (!call_dunder(*this, iter, Name::next, {}, out, found)) {
        if (isinstance(pending_exception(), types().stop_iteration)) {
          clear_exception();
          done = true;
          return true;
        }
        return false;
      }
      if (found) return true;
    }
    return raise(types().type_error, "'" + type_name(iter) + "' object is not an iterator");
  }
  Iterator* it = static_cast<Iterator*>(iter.o);
  switch (it->ikind) {
    case IterKind::List: {
      List* l = as_list(it->source);
      if (l && it->pos < static_cast<int64_t>(l->items.size())) {
        out = l->items[static_cast<size_t>(it->pos++)];
        return true;
      }
      it->source = Value();
      done = true;
      return true;
    }
    case IterKind::Tuple: {
      Tuple* t = as_tuple(it->source);
      if (t && it->pos < static_cast<int64_t>(t->items.size())) {
        out = t->items[static_cast<size_t>(it->pos++)];
        return true;
      }
      it->source = Value();
      done = true;
      return true;
    }
    case IterKind::Str: {
      Str* s = as_str(it->source);
      if (!s || it->pos >= static_cast<int64_t>(s->s.size())) {
        it->source = Value();
        done = true;
        return true;
      }
      size_t p = static_cast<size_t>(it->pos);
      unsigned char c = static_cast<unsigned char>(s->s[p]);
      if (c < 0x80) {
        it->pos = static_cast<int64_t>(p + 1);
        out = make_str(*this, std::string_view(&s->s[p], 1));
        return true;
      }
      size_t q = p;
      utf8_decode(s->s, q);
      it->pos = static_cast<int64_t>(q);
      out = make_str(*this, std::string_view(s->s).substr(p, q - p));
      return true;
    }
    case IterKind::Bytes: bytes_next(it, out, done); return true;
    case IterKind::Range: {
      if (it->end <= 0) {
        done = true;
        return true;
      }
      out = Value::integer(it->pos);
      if (--it->end > 0) it->pos += it->step;
      return true;
    }
    case IterKind::DictKeys:
    case IterKind::DictValues:
    case IterKind::DictItems:
    case IterKind::Set: {
      const Dict::Entry* e = nullptr;
      if (!table_next(it, e)) return false;
      if (!e) {
        done = true;
        return true;
      }
      if (it->ikind == IterKind::DictItems) out = Value::object(new_tuple({e->key, e->value}));
      else out = it->ikind == IterKind::DictValues ? e->value : e->key;
      return true;
    }
    case IterKind::Enumerate: {
      // next() of the wrapped iterator recurses in C++: a chain built in a loop stops here.
      DepthGuard guard(*this, "");
      if (!guard.ok) return false;
      Value item;
      if (!next(it->source, item, done)) return false;
      if (done) return true;
      out = Value::object(new_tuple({Value::integer(it->pos), item}));
      if (it->pos == INT64_MAX) return overflow(*this);
      ++it->pos;
      return true;
    }
    case IterKind::Zip: {
      // next() of the wrapped iterator recurses in C++: a chain built in a loop stops here.
      DepthGuard guard(*this, "");
      if (!guard.ok) return false;
      if (it->sources.empty()) {
        done = true;
        return true;
      }
      ValueVec items;
      items.reserve(it->sources.size());
      for (size_t k = 0; k < it->sources.size(); ++k) {
        Value item;
        bool d = false;
        Value src = it->sources[k];
        if (!next(src, item, d)) return false;
        if (d) {
          done = true;
          if (it->pos == 1) {
            auto others = [](size_t n) {
              return n == 1 ? std::string("argument 1") : "arguments 1-" + std::to_string(n);
            };
            if (k > 0) {
              it->sources.clear();
              return raise(types().value_error,
                           "zip() argument " + std::to_string(k + 1) + " is shorter than " + others(k));
            }
            for (size_t j = 1; j < it->sources.size(); ++j) {
              Value extra;
              bool dj = false;
              Value s2 = it->sources[j];
              if (!next(s2, extra, dj)) return false;
              if (!dj) {
                it->sources.clear();
                return raise(types().value_error,
                             "zip() argument " + std::to_string(j + 1) + " is longer than " + others(j));
              }
            }
          }
          it->sources.clear();
          return true;
        }
        items.push_back(item);
      }
      out = Value::object(new_tuple(std::move(items)));
      return true;
    }
    case IterKind::Map: {
      // next() of the wrapped iterator recurses in C++: a chain built in a loop stops here.
      DepthGuard guard(*this, "");
      if (!guard.ok) return false;
      ValueVec args;
      args.reserve(it->sources.size());
      for (size_t k = 0; k < it->sources.size(); ++k) {
        Value item;
        Value src = it->sources[k];
        if (!next(src, item, done)) return false;
        if (done) return true;
        args.push_back(item);
      }
      CallArgs ca;
      ca.args = args.data();
      ca.nargs = static_cast<uint32_t>(args.size());
      Value fn = it->func;
      return call(fn, ca, out);
    }
    case IterKind::Filter: {
      // next() of the wrapped iterator recurses in C++: a chain built in a loop stops here.
      DepthGuard guard(*this, "");
      if (!guard.ok) return false;
      for (;;) {
        Value item;
        if (!next(it->source, item, done)) return false;
        if (done) return true;
        Value keep = item;
        if (!it->func.is_none()) {
          Value fn = it->func;
          if (!call(fn, {item}, keep)) return false;
        }
        bool t;
        if (!truthy(keep, t)) return false;
        if (t) {
          out = item;
          return true;
        }
      }
    }
    case IterKind::Reversed: {
      if (it->pos < 0) {
        done = true;
        return true;
      }
      if (List* l = as_list(it->source)) {
        if (it->pos >= static_cast<int64_t>(l->items.size())) {
          it->pos = -1;
          done = true;
          return true;
        }
        out = l->items[static_cast<size_t>(it->pos--)];
        return true;
      }
      if (Tuple* t = as_tuple(it->source)) {
        out = t->items[static_cast<size_t>(it->pos--)];
        return true;
      }
      if (Str* s = as_str(it->source)) {
        size_t end = static_cast<size_t>(it->pos) + 1;
        size_t start = end - 1;
        while (start > 0 && (static_cast<unsigned char>(s->s[start]) & 0xC0) == 0x80) --start;
        out = make_str(*this, std::string_view(s->s).substr(start, end - start));
        it->pos = static_cast<int64_t>(start) - 1;
        return true;
      }
      Value src = it->source;
      if (!get_item(src, Value::integer(it->pos), out)) {
        if (isinstance(pending_exception(), types().index_error) ||
            isinstance(pending_exception(), types().stop_iteration)) {
          clear_exception();
          it->pos = -1;
          done = true;
          return true;
        }
        return false;
      }
      it->pos += it->step == 1 ? 1 : -1;
      return true;
    }
    case IterKind::Callable: {
      if (it->func.is_none()) {
        done = true;
        return true;
      }
      Value fn = it->func;
      if (!call(fn, {}, out)) {
        if (isinstance(pending_exception(), types().stop_iteration)) {
          clear_exception();
          it->func = Value();
          done = true;
          return true;
        }
        return false;
      }
      bool eq;
      if (!equals(out, it->source, eq)) return false;
      if (eq) {
        it->func = Value();
        done = true;
      }
      return true;
    }
  }
  done = true;
  return true;
}

// ==================================================================== subscripting

namespace lib {

static bool slice_part(VM& vm, Value v, int64_t& out) {
  if (is_intlike(v)) {
    out = int_of(v);
    return true;
  }
  if (as_instance(v)) return to_index(vm, v, out);
  return vm.raise(vm.types().type_error, "slice indices must be integers or None or have an __index__ method");
}

bool resolve_slice(VM& vm, Slice* s, int64_t length, SliceIndices& r) {
  int64_t step = 1;
  if (!s->step.is_none()) {
    if (!slice_part(vm, s->step, step)) return false;
    if (step == 0) return vm.raise(vm.types().value_error, "slice step cannot be zero");
    if (step < -INT64_MAX) step = -INT64_MAX;
  }
  int64_t start, stop;
  if (s->start.is_none()) start = step < 0 ? INT64_MAX : 0;
  else if (!slice_part(vm, s->start, start)) return false;
  if (s->stop.is_none()) stop = step < 0 ? INT64_MIN : INT64_MAX;
  else if (!slice_part(vm, s->stop, stop)) return false;
  if (start < 0) {
    start = start < -length ? (step < 0 ? -1 : 0) : start + length;
  } else if (start >= length) start = step < 0 ? length - 1 : length;
  if (stop < 0) {
    stop = stop < -length ? (step < 0 ? -1 : 0) : stop + length;
  } else if (stop >= length) stop = step < 0 ? length - 1 : length;
  int64_t n = 0;
  if (step < 0) {
    if (stop < start) n = (start - stop - 1) / (-step) + 1;
  } else if (start < stop) n = (stop - start - 1) / step + 1;
  r = {start, stop, step, n};
  return true;
}

}  // namespace lib

namespace {

bool norm_index(int64_t& i, int64_t n) {
  if (i < 0) i += n;
  return i >= 0 && i < n;
}

// str_codepoints() gives the byte offset of each code point, plus the end offset.
std::vector<uint32_t> str_offsets(const Str* s) {
  std::vector<uint32_t> offs;
  offs.reserve(s->s.size() + 1);
  for (size_t i = 0; i < s->s.size(); ++i)
    if ((static_cast<unsigned char>(s->s[i]) & 0xC0) != 0x80) offs.push_back(static_cast<uint32_t>(i));
  offs.push_back(static_cast<uint32_t>(s->s.size()));
  return offs;
}

int64_t str_len(const Str* s) { return s->ascii ? static_cast<int64_t>(s->s.size()) : static_cast<int64_t>(s->length); }

}  // namespace

bool VM::get_item(Value c, Value key, Value& out) {
  if (!c.is_obj()) return raise(types().type_error, "'" + type_name(c) + "' object is not subscriptable");
  if (c.o->sub && sub_hook(*this)) return sub_get_item(*this, c, key, out);
  switch (c.o->kind) {
    case ObjKind::Bytes: return bytes_get_item(*this, static_cast<Bytes*>(c.o), key, out);
    case ObjKind::List:
    case ObjKind::Tuple: {
      bool is_list = c.o->kind == ObjKind::List;
      const auto& items = is_list ? static_cast<List*>(c.o)->items : static_cast<Tuple*>(c.o)->items;
      if (is_intlike(key)) {
        int64_t i = int_of(key);
        if (!norm_index(i, static_cast<int64_t>(items.size())))
          return raise(types().index_error, is_list ? "list index out of range" : "tuple index out of range");
        out = items[static_cast<size_t>(i)];
        return true;
      }
      if (is_kind(key, ObjKind::Slice)) {
        SliceIndices r;
        if (!resolve_slice(*this, static_cast<Slice*>(key.o), static_cast<int64_t>(items.size()), r)) return false;
        ValueVec res;
        res.reserve(static_cast<size_t>(r.length));
        for (int64_t k = 0, i = r.start; k < r.length; ++k, i += r.step) res.push_back(items[static_cast<size_t>(i)]);
        if (is_list) out = Value::object(new_list(std::move(res)));
        else if (r.step == 1 && r.length == static_cast<int64_t>(items.size())) out = c;
        else out = Value::object(new_tuple(std::move(res)));
        return true;
      }
      if (as_instance(key)) {
        int64_t i;
        if (!to_index(*this, key, i)) return false;
        return get_item(c, Value::integer(i), out);
      }
      return raise(types().type_error, std::string(is_list ? "list" : "tuple") +
                                           " indices must be integers or slices, not " + type_name(key));
    }
    case ObjKind::Str: {
      Str* s = static_cast<Str*>(c.o);
      int64_t n = str_len(s);
      if (is_intlike(key) || as_instance(key)) {
        int64_t i;
        if (!to_index(*this, key, i)) return false;
        if (!norm_index(i, n)) return raise(types().index_error, "string index out of range");
        if (s->ascii) {
          out = make_str(*this, std::string_view(&s->s[static_cast<size_t>(i)], 1));
          return true;
        }
        size_t p = utf8_offset(s, i), q = p;
        utf8_decode(s->s, q);
        out = make_str(*this, std::string_view(s->s).substr(p, q - p));
        return true;
      }
      if (is_kind(key, ObjKind::Slice)) {
        SliceIndices r;
        if (!resolve_slice(*this, static_cast<Slice*>(key.o), n, r)) return false;
        if (r.step == 1 && r.length == n) {
          out = c;
          return true;
        }
        std::string res;
        if (s->ascii) {
          if (r.step == 1) res.assign(s->s, static_cast<size_t>(r.start), static_cast<size_t>(r.length));
          else
            for (int64_t k = 0, i = r.start; k < r.length; ++k, i += r.step)
              res.push_back(s->s[static_cast<size_t>(i)]);
        } else {
          std::vector<uint32_t> offs = str_offsets(s);
          for (int64_t k = 0, i = r.start; k < r.length; ++k, i += r.step)
            res.append(s->s, offs[static_cast<size_t>(i)],
                       offs[static_cast<size_t>(i) + 1] - offs[static_cast<size_t>(i)]);
        }
        out = make_str(*this, res);
        return true;
      }
      return raise(types().type_error, "string indices must be integers, not '" + type_name(key) + "'");
    }
    case ObjKind::Dict: {
      bool found;
      if (!dict_get(static_cast<Dict*>(c.o), key, out, found)) return false;
      if (!found && c.o->sub) {
        if (!sub_missing(*this, c, key, out, found)) return false;
      }
      if (!found) return raise_key_error(*this, key);
      return true;
    }
    case ObjKind::Range: {
      Range* r = static_cast<Range*>(c.o);
      int64_t n = range_len(r);
      if (is_kind(key, ObjKind::Slice)) {
        SliceIndices si;
        if (!resolve_slice(*this, static_cast<Slice*>(key.o), n, si)) return false;
        Range* res = alloc<Range>();
        __int128 start = static_cast<__int128>(r->start) + static_cast<__int128>(si.start) * r->step;
        __int128 step = static_cast<__int128>(r->step) * si.step;
        __int128 stop = start + static_cast<__int128>(si.length) * step;
        if (start > INT64_MAX || start < INT64_MIN || step > INT64_MAX || step < INT64_MIN) return overflow(*this);
        if (stop > INT64_MAX) stop = INT64_MAX;
        if (stop < INT64_MIN) stop = INT64_MIN;
        res->start = static_cast<int64_t>(start);
        res->step = static_cast<int64_t>(step);
        res->stop = static_cast<int64_t>(stop);
        out = Value::object(res);
        return true;
      }
      int64_t i;
      if (!is_intlike(key) && !as_instance(key))
        return raise(types().type_error, "range indices must be integers or slices, not " + type_name(key));
      if (!to_index(*this, key, i)) return false;
      if (!norm_index(i, n)) return raise(types().index_error, "range object index out of range");
      out = Value::integer(r->start + i * r->step);
      return true;
    }
    case ObjKind::Instance: {
      bool found;
      if (!call_dunder(*this, c, Name::getitem, {key}, out, found)) return false;
      if (found) return true;
      break;
    }
    case ObjKind::Class: {
      Value fn;
      Str* cg = intern("__class_getitem__");
      if (static_cast<Class*>(c.o)->meta) {
        // get_item: a metaclass's __getitem__ (Color['RED']) comes before __class_getitem__.
        bool found;
        if (!call_dunder(*this, c, Name::getitem, {key}, out, found)) return false;
        if (found) return true;
      }
      if (lookup_type_attr(static_cast<Class*>(c.o), cg, fn)) {
        if (is_kind(fn, ObjKind::ClassMethod)) fn = static_cast<ClassMethod*>(fn.o)->func;
        return call(fn, {c, key}, out);
      }
      if (static_cast<Class*>(c.o)->builtin) {
        Class* k = static_cast<Class*>(c.o);
        const Types& ty = types();
        // list[int] and its kin are types.GenericAlias objects, as in CPython.
        if (k == ty.list || k == ty.dict || k == ty.tuple || k == ty.set || k == ty.frozenset || k == ty.type) {
          Value mod, ga;
          if (!import_module("types", mod) || !get_attr(mod, intern("GenericAlias"), ga)) return false;
          return call(ga, {c, key}, out);
        }
        out = c;
        return true;
      }
      return raise(types().type_error, "type '" + class_name(static_cast<Class*>(c.o)) + "' is not subscriptable");
    }
    default: break;
  }
  return raise(types().type_error, "'" + type_name(c) + "' object is not subscriptable");
}

bool VM::set_item(Value c, Value key, Value v) {
  if (is_sub(c) && sub_hook(*this)) return sub_set_item(*this, c, key, v);
  if (List* l = as_list(c)) {
    if (is_intlike(key) || as_instance(key)) {
      int64_t i;
      if (!to_index(*this, key, i)) return false;
      if (!norm_index(i, static_cast<int64_t>(l->items.size())))
        return raise(types().index_error, "list assignment index out of range");
      l->items[static_cast<size_t>(i)] = v;
      return true;
    }
    if (is_kind(key, ObjKind::Slice)) {
      ValueVec seq;
      if (!collect(*this, v, seq)) {
        if (isinstance(pending_exception(), types().type_error) && !v.is_obj()) {
          clear_exception();
          return raise(types().type_error, "can only assign an iterable");
        }
        return false;
      }
      SliceIndices r;
      if (!resolve_slice(*this, static_cast<Slice*>(key.o), static_cast<int64_t>(l->items.size()), r)) return false;
      if (r.step == 1) {
        int64_t stop = r.stop < r.start ? r.start : r.stop;
        l->items.erase(l->items.begin() + r.start, l->items.begin() + stop);
        l->items.insert(l->items.begin() + r.start, seq.begin(), seq.end());
        return true;
      }
      if (static_cast<int64_t>(seq.size()) != r.length)
        return raise_fmt(*this, types().value_error,
                         "attempt to assign sequence of size %zu to extended slice of size %lld", seq.size(),
                         static_cast<long long>(r.length));
      for (int64_t k = 0, i = r.start; k < r.length; ++k, i += r.step)
        l->items[static_cast<size_t>(i)] = seq[static_cast<size_t>(k)];
      return true;
    }
    return raise(types().type_error, "list indices must be integers or slices, not " + type_name(key));
  }
  if (Dict* d = as_dict(c)) return dict_set(d, key, v);
  if (Bytes* b = as_bytes(c)) return bytes_set_item(*this, b, key, v);
  if (as_instance(c)) {
    Value r;
    bool found;
    if (!call_dunder(*this, c, Name::setitem, {key, v}, r, found)) return false;
    if (found) return true;
  }
  return raise(types().type_error, "'" + type_name(c) + "' object does not support item assignment");
}

bool VM::del_item(Value c, Value key) {
  if (is_sub(c) && sub_hook(*this)) return sub_del_item(*this, c, key);
  if (List* l = as_list(c)) {
    if (is_intlike(key) || as_instance(key)) {
      int64_t i;
      if (!to_index(*this, key, i)) return false;
      if (!norm_index(i, static_cast<int64_t>(l->items.size())))
        return raise(types().index_error, "list assignment index out of range");
      l->items.erase(l->items.begin() + i);
      return true;
    }
    if (is_kind(key, ObjKind::Slice)) {
      SliceIndices r;
      if (!resolve_slice(*this, static_cast<Slice*>(key.o), static_cast<int64_t>(l->items.size()), r)) return false;
      if (r.length == 0) return true;
      if (r.step == 1) {
        l->items.erase(l->items.begin() + r.start, l->items.begin() + r.start + r.length);
        return true;
      }
      std::vector<bool> drop(l->items.size(), false);
      for (int64_t k = 0, i = r.start; k < r.length; ++k, i += r.step) drop[static_cast<size_t>(i)] = true;
      ValueVec kept;
      kept.reserve(l->items.size() - static_cast<size_t>(r.length));
      for (size_t i = 0; i < l->items.size(); ++i)
        if (!drop[i]) kept.push_back(l->items[i]);
      l->items = std::move(kept);
      return true;
    }
    return raise(types().type_error, "list indices must be integers or slices, not " + type_name(key));
  }
  if (Dict* d = as_dict(c)) {
    bool found;
    if (!dict_del(d, key, found)) return false;
    if (!found) return raise_key_error(*this, key);
    return true;
  }
  if (Bytes* b = as_bytes(c)) return bytes_del_item(*this, b, key);
  if (as_instance(c)) {
    Value r;
    bool found;
    if (!call_dunder(*this, c, Name::delitem, {key}, r, found)) return false;
    if (found) return true;
  }
  return raise(types().type_error, "'" + type_name(c) + "' object doesn't support item deletion");
}

bool VM::contains(Value c, Value item, bool& out) {
  if (is_sub(c) && sub_hook(*this)) return sub_contains(*this, c, item, out);
  if (c.is_obj()) {
    switch (c.o->kind) {
      case ObjKind::Bytes: return bytes_contains(*this, static_cast<Bytes*>(c.o), item, out);
      case ObjKind::Str: {
        Str* needle = as_str(item);
        if (!needle)
          return raise(types().type_error, "'in <string>' requires string as left operand, not " + type_name(item));
        out = static_cast<Str*>(c.o)->s.find(needle->s) != std::string::npos;
        return true;
      }
      case ObjKind::List:
      case ObjKind::Tuple: {
        bool is_list = c.o->kind == ObjKind::List;
        for (size_t i = 0;; ++i) {
          const auto& items = is_list ? static_cast<List*>(c.o)->items : static_cast<Tuple*>(c.o)->items;
          if (i >= items.size()) break;
          Value x = items[i];
          if (x.is_same(item)) {
            out = true;
            return true;
          }
          if (x.tag == Tag::Int && item.tag == Tag::Int) continue;  // two small ints: is_same decided
          bool eq;
          if (!equals(x, item, eq)) return false;
          if (eq) {
            out = true;
            return true;
          }
        }
        out = false;
        return true;
      }
      case ObjKind::Dict: {
        Value v;
        return dict_get(static_cast<Dict*>(c.o), item, v, out);
      }
      case ObjKind::Set: return set_contains(*this, static_cast<Set*>(c.o), item, out);
      case ObjKind::Range: {
        Range* r = static_cast<Range*>(c.o);
        if (is_intlike(item)) {
          int64_t x = int_of(item);
          if (r->step > 0) out = x >= r->start && x < r->stop;
          else out = x <= r->start && x > r->stop;
          if (out) out = ((static_cast<__int128>(x) - r->start) % r->step) == 0;
          return true;
        }
        break;
      }
      case ObjKind::Class:
        if (!static_cast<Class*>(c.o)->meta) break;
        [[fallthrough]];
      case ObjKind::Instance: {
        int which;
        if (Dict* d = view_dict(*this, c, which)) {
          if (which == 0) {
            Value v;
            return dict_get(d, item, v, out);
          }
          if (which == 2) {
            Tuple* t = as_tuple(item);
            if (!t || t->items.size() != 2) {
              out = false;
              return true;
            }
            Value v;
            bool found;
            if (!dict_get(d, t->items[0], v, found)) return false;
            if (!found) {
              out = false;
              return true;
            }
            return equals(v, t->items[1], out);
          }
          break;
        }
        Value r;
        bool found;
        if (!call_dunder(*this, c, Name::contains, {item}, r, found)) return false;
        if (found) return truthy(r, out);
        Value probe;
        if (!lookup_type_attr(type_of(c), name(*this, Name::iter), probe) &&
            !lookup_type_attr(type_of(c), name(*this, Name::getitem), probe))
          return raise(types().type_error, "argument of type '" + type_name(c) + "' is not iterable");
        break;
      }
      case ObjKind::Iterator:
      case ObjKind::Generator: break;
      default: return raise(types().type_error, "argument of type '" + type_name(c) + "' is not iterable");
    }
  } else {
    return raise(types().type_error, "argument of type '" + type_name(c) + "' is not iterable");
  }
  out = false;
  return iterate(*this, c, [&](Value x, bool& stop) {
    if (x.is_same(item)) {
      out = true;
      stop = true;
      return true;
    }
    bool eq;
    if (!equals(x, item, eq)) return false;
    if (eq) {
      out = true;
      stop = true;
    }
    return true;
  });
}

bool VM::length(Value v, int64_t& out) {
  if (is_sub(v) && sub_hook(*this)) return sub_length(*this, v, out);
  if (v.is_obj()) {
    switch (v.o->kind) {
      case ObjKind::Str: out = str_len(static_cast<Str*>(v.o)); return true;
      case ObjKind::Bytes: out = static_cast<int64_t>(static_cast<Bytes*>(v.o)->data.size()); return true;
      case ObjKind::List: out = static_cast<int64_t>(static_cast<List*>(v.o)->items.size()); return true;
      case ObjKind::Tuple: out = static_cast<int64_t>(static_cast<Tuple*>(v.o)->items.size()); return true;
      case ObjKind::Dict: out = static_cast<Dict*>(v.o)->count; return true;
      case ObjKind::Set: {
        Set* s = static_cast<Set*>(v.o);
        out = s->table ? s->table->count : 0;
        return true;
      }
      case ObjKind::Range: out = range_len(static_cast<Range*>(v.o)); return true;
      case ObjKind::Class:
        if (!static_cast<Class*>(v.o)->meta) break;
        [[fallthrough]];
      case ObjKind::Instance: {
        int which;
        if (Dict* d = view_dict(*this, v, which)) {
          out = d->count;
          return true;
        }
        Value r;
        bool found;
        if (!call_dunder(*this, v, Name::len, {}, r, found)) return false;
        if (!found) break;
        if (!is_intlike(r) && !as_instance(r))
          return raise(types().type_error, "'" + type_name(r) + "' object cannot be interpreted as an integer");
        if (!to_index(*this, r, out)) return false;
        if (out < 0) return raise(types().value_error, "__len__() should return >= 0");
        return true;
      }
      default: break;
    }
  }
  return raise(types().type_error, "object of type '" + type_name(v) + "' has no len()");
}

// ==================================================================== dict table

namespace {

constexpr int32_t kEmpty = -1;
constexpr int32_t kDummy = -2;

// fast_key_equal() decides equality without running Python code when it can.
inline bool fast_key_equal(Value a, Value b, bool& eq) {
  if (a.tag == Tag::Obj && b.tag == Tag::Obj) {
    if (a.o == b.o) {
      eq = true;
      return true;
    }
    if (a.o->kind == ObjKind::Str && b.o->kind == ObjKind::Str) {
      eq = static_cast<Str*>(a.o)->s == static_cast<Str*>(b.o)->s;
      return true;
    }
    if (a.o->kind == ObjKind::Instance || b.o->kind == ObjKind::Instance) return false;
    if (a.o->kind != b.o->kind && !(a.o->kind == ObjKind::Set || b.o->kind == ObjKind::Set)) {
      eq = false;
      return true;
    }
    return false;
  }
  if (a.tag == Tag::Obj || b.tag == Tag::Obj) {
    if ((a.tag == Tag::Obj && a.o->kind == ObjKind::Instance) || (b.tag == Tag::Obj && b.o->kind == ObjKind::Instance))
      return false;
    eq = false;
    return true;
  }
  if (a.tag == b.tag) {
    if (a.tag == Tag::Float) eq = a.f == b.f;
    else if (a.tag == Tag::Bool) eq = a.b == b.b;
    else eq = a.i == b.i;
    return true;
  }
  if (a.tag == Tag::None || b.tag == Tag::None) {
    eq = false;
    return true;
  }
  eq = num_compare(CmpOpKind::Eq, a, b);
  return true;
}

// dict_lookup() finds key: pos is its entry (or -1) and slot its index slot, or the
// slot where it would be inserted.
bool dict_lookup(VM& vm, Dict* d, Value key, uint64_t h, int32_t& pos, size_t& slot) {
restart:
  pos = -1;
  if (d->index.empty()) {
    slot = 0;
    return true;
  }
  size_t mask = d->index.size() - 1;
  size_t i = h & mask;
  uint64_t perturb = h;
  size_t free_slot = SIZE_MAX;
  for (;;) {
    int32_t ix = d->index[i];
    if (ix == kEmpty) {
      slot = free_slot != SIZE_MAX ? free_slot : i;
      return true;
    }
    if (ix == kDummy) {
      if (free_slot == SIZE_MAX) free_slot = i;
    } else {
      const Dict::Entry& e = d->entries[static_cast<size_t>(ix)];
      if (e.hash == h) {
        bool eq;
        if (!fast_key_equal(e.key, key, eq)) {
          Value ek = e.key;
          size_t isz = d->index.size();
          if (!vm.equals(ek, key, eq)) return false;
          if (d->index.size() != isz || d->index[i] != ix || static_cast<size_t>(ix) >= d->entries.size() ||
              !d->entries[static_cast<size_t>(ix)].key.is_same(ek))
            goto restart;
        }
        if (eq) {
          pos = ix;
          slot = i;
          return true;
        }
      }
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

void dict_rebuild(Dict* d, size_t min_size) {
  ++d->keys;
  size_t live = d->count;
  size_t size = 8;
  while (size * 2 < (live + 1) * 3 || size < min_size) size <<= 1;
  Dict::Entries entries;
  entries.reserve(size * 2 / 3 + 1);
  for (auto& e : d->entries)
    if (e.live) entries.push_back(e);
  d->entries = std::move(entries);
  d->index.assign(size, kEmpty);
  size_t mask = size - 1;
  for (size_t k = 0; k < d->entries.size(); ++k) {
    uint64_t h = d->entries[k].hash;
    size_t i = h & mask;
    uint64_t perturb = h;
    while (d->index[i] != kEmpty) {
      perturb >>= 5;
      i = (i * 5 + perturb + 1) & mask;
    }
    d->index[i] = static_cast<int32_t>(k);
  }
}

// is_set_table() tells a set's table (CPython set layout) from a dict's.
inline bool is_set_table(const Dict* d) { return d->index.size() == 2; }

}  // namespace

bool VM::dict_get(Dict* d, Value key, Value& out, bool& found) {
  uint64_t h;
  if (Str* ks = as_str(key)) h = str_hash(ks);
  else if (!hash(key, h)) return false;
  if (is_set_table(d)) {
    out = Value();
    return set_lookup(*this, d, key, h, found);
  }
  int32_t pos;
  size_t slot;
  if (!dict_lookup(*this, d, key, h, pos, slot)) return false;
  found = pos >= 0;
  if (found) out = d->entries[static_cast<size_t>(pos)].value;
  return true;
}

bool VM::dict_set(Dict* d, Value key, Value v) {
  uint64_t h;
  if (Str* ks = as_str(key)) h = str_hash(ks);
  else if (!hash(key, h)) return false;
  if (is_set_table(d)) {
    return set_add_hashed(*this, d, key, h);
  }
  int32_t pos;
  size_t slot;
  if (!dict_lookup(*this, d, key, h, pos, slot)) return false;
  if (pos >= 0) {
    d->entries[static_cast<size_t>(pos)].value = v;
    return true;
  }
  if (d->index.empty() || d->entries.size() + 1 > d->index.size() * 2 / 3) {
    size_t before = d->size();
    if (before > 65536 && !reserve(before)) return false;
    dict_rebuild(d, d->index.empty() ? 8 : 0);
    if (d->size() > before) bytes_ += d->size() - before;
    if (!dict_lookup(*this, d, key, h, pos, slot)) return false;
  }
  d->index[slot] = static_cast<int32_t>(d->entries.size());
  d->entries.push_back(Dict::Entry{key, v, h, true});
  ++d->count;
  ++d->keys;
  d->keymask |= uint64_t{1} << (h & 63);
  return true;
}

int32_t VM::add_absent_name(Dict* d, Str* name, Value v) {
  uint64_t h = str_hash(name);
  if (d->index.empty() || d->entries.size() + 1 > d->index.size() * 2 / 3) {
    size_t before = d->size();
    if (before > 65536 || is_set_table(d)) {
      store_name_in(d, name, v);  // dict_set's memory check
      return -1;
    }
    dict_rebuild(d, d->index.empty() ? 8 : 0);
    if (d->size() > before) bytes_ += d->size() - before;
  }
  // The slot dict_lookup would pick for an absent key: the probe's first deleted slot, else its empty one.
  size_t mask = d->index.size() - 1;
  size_t i = h & mask;
  uint64_t perturb = h;
  while (d->index[i] >= 0) {
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
  int32_t pos = static_cast<int32_t>(d->entries.size());
  d->index[i] = pos;
  d->entries.push_back(Dict::Entry{Value::object(name), v, h, true});
  ++d->count;
  ++d->keys;
  d->keymask |= uint64_t{1} << (h & 63);
  return pos;
}

bool VM::dict_del(Dict* d, Value key, bool& found) {
  uint64_t h;
  if (Str* ks = as_str(key)) h = str_hash(ks);
  else if (!hash(key, h)) return false;
  if (is_set_table(d)) {
    return set_discard_hashed(*this, d, key, h, found);
  }
  int32_t pos;
  size_t slot;
  if (!dict_lookup(*this, d, key, h, pos, slot)) return false;
  found = pos >= 0;
  if (!found) return true;
  Dict::Entry& e = d->entries[static_cast<size_t>(pos)];
  ++d->keys;
  e.live = false;
  e.key = Value();
  e.value = Value();
  d->index[slot] = kDummy;
  --d->count;
  if (d->count == 0) {
    d->entries.clear();
    d->keymask = 0;
    d->index.assign(d->index.size(), kEmpty);
  }
  return true;
}

}  // namespace interleave
