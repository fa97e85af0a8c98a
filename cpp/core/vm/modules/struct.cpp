// The struct module: pack, unpack, calcsize, iter_unpack, pack_into, unpack_from and the
// Struct class, with CPython's format grammar (byte order prefixes, native alignment, repeat
// counts) and its struct.error messages.
#include <cmath>
#include <cstring>

#include "vm/bytes.h"

namespace interleave {
namespace lib {
namespace {

// Item is one format code with its repeat count (the length for 's' and 'p').
struct Item {
  char code;
  int64_t count;
  size_t size;
  size_t offset;
};
struct Layout {
  std::vector<Item> items;
  size_t size = 0;
  size_t nvalues = 0;
  bool little = true;
  bool native = true;
};

bool struct_error(VM& vm, const std::string& msg) {
  Value mod, cls;
  if (!vm.import_module("struct", mod)) return false;
  if (!vm.get_attr(mod, vm.intern("error"), cls)) return false;
  Value exc;
  if (!vm.call(cls, {vm.str_value(msg)}, exc)) return false;
  return vm.raise_value(exc);
}

size_t code_size(char c, bool native) {
  switch (c) {
    case 'x':
    case 'c':
    case 'b':
    case 'B':
    case '?':
    case 's':
    case 'p': return 1;
    case 'h':
    case 'H':
    case 'e': return 2;
    case 'i':
    case 'I':
    case 'f': return 4;
    case 'l':
    case 'L': return native ? 8 : 4;
    case 'q':
    case 'Q':
    case 'd': return 8;
    case 'n':
    case 'N':
    case 'P': return native ? 8 : 0;
    default: return 0;
  }
}

bool parse_format(VM& vm, std::string_view f, Layout& out) {
  size_t i = 0;
  out = Layout{};
  if (!f.empty()) {
    switch (f[0]) {
      case '@': i = 1; break;
      case '=':
      case '<':
        out.native = false;
        i = 1;
        break;
      case '>':
      case '!':
        out.native = false;
        out.little = false;
        i = 1;
        break;
      default: break;
    }
  }
  size_t pos = 0;
  while (i < f.size()) {
    char c = f[i];
    if (c == ' ' || (c >= 9 && c <= 13)) {
      ++i;
      continue;
    }
    int64_t count = 1;
    bool has_count = false;
    if (c >= '0' && c <= '9') {
      count = 0;
      while (i < f.size() && f[i] >= '0' && f[i] <= '9') {
        count = count * 10 + (f[i] - '0');
        if (count > (int64_t{1} << 40)) return struct_error(vm, "total struct size too long");
        ++i;
      }
      has_count = true;
      if (i >= f.size()) return struct_error(vm, "repeat count given without format specifier");
      c = f[i];
    }
    (void)has_count;
    size_t sz = code_size(c, out.native);
    if (sz == 0) return struct_error(vm, "bad char in struct format");
    if (out.native && sz > 1 && c != 's' && c != 'p') pos = (pos + sz - 1) / sz * sz;
    if (c == 's' || c == 'p') {
      out.items.push_back({c, count, static_cast<size_t>(count), pos});
      pos += static_cast<size_t>(count);
      ++out.nvalues;
    } else if (c == 'x') {
      pos += static_cast<size_t>(count);
    } else {
      for (int64_t k = 0; k < count; ++k) {
        out.items.push_back({c, 1, sz, pos});
        pos += sz;
        ++out.nvalues;
      }
    }
    ++i;
  }
  out.size = pos;
  return true;
}

bool format_arg(VM& vm, Value v, std::string& out) {
  if (Str* s = as_str(v)) {
    out = s->s;
    return true;
  }
  if (Bytes* b = as_bytes(v)) {
    out = b->data;
    return true;
  }
  return vm.raise(vm.types().type_error, "Struct() argument 1 must be a str or bytes object, not " + vm.type_name(v));
}

void put_uint(char* p, uint64_t v, size_t n, bool little) {
  for (size_t k = 0; k < n; ++k) p[little ? k : n - 1 - k] = static_cast<char>((v >> (8 * k)) & 0xff);
}

uint64_t get_uint(const char* p, size_t n, bool little) {
  uint64_t v = 0;
  for (size_t k = 0; k < n; ++k)
    v |= static_cast<uint64_t>(static_cast<unsigned char>(p[little ? k : n - 1 - k])) << (8 * k);
  return v;
}

// half_bits() is PyFloat_Pack2's IEEE 754 binary16 encoding, rounding half to even.
bool half_bits(VM& vm, double x, uint16_t& out) {
  uint16_t sign = std::signbit(x) ? 0x8000 : 0;
  if (std::isnan(x)) {
    out = sign | 0x7e00;
    return true;
  }
  double a = std::fabs(x);
  if (std::isinf(a)) {
    out = sign | 0x7c00;
    return true;
  }
  if (a == 0) {
    out = sign;
    return true;
  }
  int e;
  double m = std::frexp(a, &e);  // a = m * 2^e, 0.5 <= m < 1
  if (e > 16) return vm.raise(vm.types().overflow_error, "float too large to pack with e format");
  uint32_t bits;
  if (e < -13) {
    double r = std::nearbyint(std::ldexp(a, 24));
    bits = static_cast<uint32_t>(r);
  } else {
    double r = std::nearbyint(std::ldexp(m, 11));  // 1024..2048
    uint32_t mant = static_cast<uint32_t>(r);
    int exp = e - 1 + 15;
    if (mant == 2048) {
      mant = 1024;
      ++exp;
    }
    if (exp >= 31) return vm.raise(vm.types().overflow_error, "float too large to pack with e format");
    bits = (static_cast<uint32_t>(exp) << 10) | (mant - 1024);
  }
  out = static_cast<uint16_t>(sign | bits);
  return true;
}

double half_value(uint16_t h) {
  int exp = (h >> 10) & 0x1f;
  int mant = h & 0x3ff;
  double v;
  if (exp == 0) v = std::ldexp(mant, -24);
  else if (exp == 31) v = mant ? NAN : INFINITY;
  else v = std::ldexp(mant + 1024, exp - 25);
  return (h & 0x8000) ? -v : v;
}

bool int_arg(VM& vm, Value v, int64_t& out) {
  if (is_intlike(v)) {
    out = int_of(v);
    return true;
  }
  if (as_instance(v)) {
    Value probe;
    if (vm.lookup_type_attr(vm.type_of(v), name(vm, Name::index), probe)) return to_index(vm, v, out);
  }
  return struct_error(vm, "required argument is not an integer");
}

// range_error() is CPython's message, which depends on whether the code has the native
// packer (native mode, and little-endian codes of native size) or the portable one.
bool range_error(VM& vm, const Layout& l, char c, size_t size, bool is_signed, bool negative) {
  bool native_packer = l.native || size == 1 || (l.little && c != 'l' && c != 'L');
  if (!l.little && c == 'Q' && negative) return struct_error(vm, "int too large to convert");
  if (size == 8 || (!is_signed && negative && (size == 4 || !native_packer)))
    return struct_error(vm, "argument out of range");
  if (native_packer && size == 1)
    return struct_error(
        vm, is_signed ? "byte format requires -128 <= number <= 127" : "ubyte format requires 0 <= number <= 255");
  if (native_packer && size == 2)
    return struct_error(vm, is_signed ? "short format requires -32768 <= number <= 32767"
                                      : "ushort format requires 0 <= number <= 65535");
  uint64_t span = uint64_t{1} << (8 * size);
  std::string range =
      is_signed ? std::to_string(-static_cast<int64_t>(span / 2)) + " <= number <= " + std::to_string(span / 2 - 1)
                : "0 <= number <= " + std::to_string(span - 1);
  return struct_error(vm, std::string("'") + c + "' format requires " + range);
}

bool pack_values(VM& vm, const Layout& l, const Value* vals, size_t n, char* dst) {
  for (size_t k = 0; k < n; ++k) {
    const Item& it = l.items[k];
    Value v = vals[k];
    char* p = dst + it.offset;
    switch (it.code) {
      case 'c': {
        Bytes* b = as_bytes(v);
        if (!b || b->data.size() != 1) return struct_error(vm, "char format requires a bytes object of length 1");
        *p = b->data[0];
        break;
      }
      case 's':
      case 'p': {
        std::string_view d;
        if (!buffer_view(vm, v, d))
          return struct_error(vm, std::string("argument for '") + it.code + "' must be a bytes object");
        size_t cap = it.size;
        if (it.code == 'p') {
          if (cap == 0) break;
          size_t m = std::min(d.size(), std::min<size_t>(cap - 1, 255));
          p[0] = static_cast<char>(m);
          std::memcpy(p + 1, d.data(), m);
        } else {
          std::memcpy(p, d.data(), std::min(d.size(), cap));
        }
        break;
      }
      case '?': {
        bool t;
        if (!vm.truthy(v, t)) return false;
        *p = t ? 1 : 0;
        break;
      }
      case 'e':
      case 'f':
      case 'd': {
        if (!is_number(v) && !as_instance(v)) return struct_error(vm, "required argument is not a float");
        double x;
        if (!to_double(vm, v, x, "must be real number")) {
          vm.clear_exception();
          return struct_error(vm, "required argument is not a float");
        }
        if (it.code == 'd') {
          uint64_t bits;
          std::memcpy(&bits, &x, 8);
          put_uint(p, bits, 8, l.little);
        } else if (it.code == 'f') {
          if (!l.native && std::isfinite(x) && std::fabs(x) > 3.4028235677973366e38)
            return vm.raise(vm.types().overflow_error, "float too large to pack with f format");
          float f = static_cast<float>(x);
          uint32_t bits;
          std::memcpy(&bits, &f, 4);
          put_uint(p, bits, 4, l.little);
        } else {
          uint16_t h = 0;
          if (!half_bits(vm, x, h)) return false;
          put_uint(p, h, 2, l.little);
        }
        break;
      }
      default: {
        int64_t x;
        if (!int_arg(vm, v, x)) return false;
        bool is_signed =
            it.code == 'b' || it.code == 'h' || it.code == 'i' || it.code == 'l' || it.code == 'q' || it.code == 'n';
        size_t sz = it.size;
        if (is_signed) {
          if (sz < 8) {
            int64_t lim = int64_t{1} << (8 * sz - 1);
            if (x < -lim || x >= lim) return range_error(vm, l, it.code, sz, true, x < 0);
          }
        } else {
          if (x < 0) return range_error(vm, l, it.code, sz, false, true);
          if (sz < 8 && static_cast<uint64_t>(x) >= (uint64_t{1} << (8 * sz)))
            return range_error(vm, l, it.code, sz, false, false);
        }
        put_uint(p, static_cast<uint64_t>(x), sz, l.little);
      }
    }
  }
  return true;
}

bool unpack_values(VM& vm, const Layout& l, const char* src, Value& out) {
  ValueVec r;
  r.reserve(l.items.size());
  for (const Item& it : l.items) {
    const char* p = src + it.offset;
    switch (it.code) {
      case 'c': r.push_back(bytes_value(vm, std::string(1, *p))); break;
      case 's': r.push_back(bytes_value(vm, std::string(p, it.size))); break;
      case 'p': {
        size_t m = it.size ? std::min<size_t>(static_cast<unsigned char>(p[0]), it.size - 1) : 0;
        r.push_back(bytes_value(vm, it.size ? std::string(p + 1, m) : std::string()));
        break;
      }
      case '?': r.push_back(Value::boolean(*p != 0)); break;
      case 'e': r.push_back(Value::number(half_value(static_cast<uint16_t>(get_uint(p, 2, l.little))))); break;
      case 'f': {
        uint32_t bits = static_cast<uint32_t>(get_uint(p, 4, l.little));
        float f;
        std::memcpy(&f, &bits, 4);
        r.push_back(Value::number(f));
        break;
      }
      case 'd': {
        uint64_t bits = get_uint(p, 8, l.little);
        double d;
        std::memcpy(&d, &bits, 8);
        r.push_back(Value::number(d));
        break;
      }
      default: {
        bool is_signed =
            it.code == 'b' || it.code == 'h' || it.code == 'i' || it.code == 'l' || it.code == 'q' || it.code == 'n';
        uint64_t u = get_uint(p, it.size, l.little);
        if (is_signed && it.size < 8 && (u >> (8 * it.size - 1))) u |= ~uint64_t{0} << (8 * it.size);
        if (!is_signed && (u >> 63)) return overflow(vm);
        r.push_back(Value::integer(static_cast<int64_t>(u)));
      }
    }
  }
  out = Value::object(vm.new_tuple(std::move(r)));
  return true;
}

bool do_pack(VM& vm, const std::string& fmt, const Value* vals, size_t n, Value& out) {
  Layout l;
  if (!parse_format(vm, fmt, l)) return false;
  if (n != l.nvalues)
    return struct_error(
        vm, "pack expected " + std::to_string(l.nvalues) + " items for packing (got " + std::to_string(n) + ")");
  std::string buf(l.size, '\0');
  if (!pack_values(vm, l, vals, n, buf.data())) return false;
  out = bytes_value(vm, std::move(buf));
  return true;
}

bool do_unpack(VM& vm, const std::string& fmt, Value buffer, Value& out) {
  Layout l;
  if (!parse_format(vm, fmt, l)) return false;
  std::string_view d;
  if (!need_buffer(vm, buffer, d)) return false;
  if (d.size() != l.size) return struct_error(vm, "unpack requires a buffer of " + std::to_string(l.size) + " bytes");
  return unpack_values(vm, l, d.data(), out);
}

bool do_unpack_from(VM& vm, const std::string& fmt, const CallArgs& a, uint32_t first, Value& out) {
  Value p[2] = {Value::null(), Value::integer(0)};
  uint32_t given;
  if (!bind(vm, a, Params{"unpack_from", {"buffer", "offset"}, 1}, p, given, first)) return false;
  Layout l;
  if (!parse_format(vm, fmt, l)) return false;
  std::string_view d;
  if (!need_buffer(vm, p[0], d)) return false;
  int64_t off;
  if (!to_index(vm, p[1], off)) return false;
  int64_t n = static_cast<int64_t>(d.size());
  if (off < 0) {
    if (off + n < 0)
      return struct_error(vm,
                          "offset " + std::to_string(off) + " out of range for " + std::to_string(n) + "-byte buffer");
    off += n;
  }
  if (n - off < static_cast<int64_t>(l.size)) {
    if (off > n)
      return struct_error(vm,
                          "offset " + std::to_string(off) + " out of range for " + std::to_string(n) + "-byte buffer");
    return struct_error(vm, "unpack_from requires a buffer of at least " +
                                std::to_string(l.size + static_cast<size_t>(off)) + " bytes for unpacking " +
                                std::to_string(l.size) + " bytes at offset " + std::to_string(off) +
                                " (actual buffer size is " + std::to_string(n) + ")");
  }
  return unpack_values(vm, l, d.data() + off, out);
}

bool do_pack_into(VM& vm, const std::string& fmt, const Value* args, size_t nargs, Value& out) {
  if (nargs < 2) return raise_fmt(vm, vm.types().type_error, "pack_into expected buffer argument");
  Layout l;
  if (!parse_format(vm, fmt, l)) return false;
  Bytes* b = as_bytes(args[0]);
  if (!b || !b->mutable_)
    return vm.raise(vm.types().type_error,
                    "argument must be read-write bytes-like object, not " + vm.type_name(args[0]));
  int64_t off;
  if (!to_index(vm, args[1], off)) return false;
  size_t n = nargs - 2;
  if (n != l.nvalues)
    return struct_error(
        vm, "pack_into expected " + std::to_string(l.nvalues) + " items for packing (got " + std::to_string(n) + ")");
  int64_t size = static_cast<int64_t>(b->data.size());
  if (off < 0) {
    if (off + size < 0)
      return struct_error(
          vm, "offset " + std::to_string(off) + " out of range for " + std::to_string(size) + "-byte buffer");
    off += size;
  }
  if (size - off < static_cast<int64_t>(l.size)) {
    if (off > size)
      return struct_error(
          vm, "offset " + std::to_string(off) + " out of range for " + std::to_string(size) + "-byte buffer");
    return struct_error(vm, "pack_into requires a buffer of at least " +
                                std::to_string(l.size + static_cast<size_t>(off)) + " bytes for packing " +
                                std::to_string(l.size) + " bytes at offset " + std::to_string(off) +
                                " (actual buffer size is " + std::to_string(size) + ")");
  }
  std::string tmp(l.size, '\0');
  if (!pack_values(vm, l, args + 2, n, tmp.data())) return false;
  b->data.replace(static_cast<size_t>(off), l.size, tmp);
  out = Value();
  return true;
}

bool do_iter_unpack(VM& vm, const std::string& fmt, Value buffer, Value& out) {
  Layout l;
  if (!parse_format(vm, fmt, l)) return false;
  std::string_view d;
  if (!need_buffer(vm, buffer, d)) return false;
  if (l.size == 0) return struct_error(vm, "cannot iteratively unpack with a struct of length 0");
  if (d.size() % l.size)
    return struct_error(vm,
                        "iterative unpacking requires a buffer of a multiple of " + std::to_string(l.size) + " bytes");
  ValueVec rows;
  for (size_t off = 0; off < d.size(); off += l.size) {
    Value row;
    if (!unpack_values(vm, l, d.data() + off, row)) return false;
    rows.push_back(row);
  }
  return vm.get_iter(Value::object(vm.new_list(std::move(rows))), out);
}

bool s_pack(VM& vm, const CallArgs& a, Value& out) {
  std::string fmt;
  if (!no_kwargs(vm, a, "pack")) return false;
  if (a.nargs == 0) return vm.raise(vm.types().type_error, "pack expected at least 1 argument, got 0");
  return format_arg(vm, a.args[0], fmt) && do_pack(vm, fmt, a.args + 1, a.nargs - 1, out);
}

bool s_unpack(VM& vm, const CallArgs& a, Value& out) {
  std::string fmt;
  if (!no_kwargs(vm, a, "unpack")) return false;
  if (a.nargs != 2) return raise_fmt(vm, vm.types().type_error, "unpack expected 2 arguments, got %u", a.nargs);
  return format_arg(vm, a.args[0], fmt) && do_unpack(vm, fmt, a.args[1], out);
}

bool s_iter_unpack(VM& vm, const CallArgs& a, Value& out) {
  std::string fmt;
  if (!no_kwargs(vm, a, "iter_unpack")) return false;
  if (a.nargs != 2) return raise_fmt(vm, vm.types().type_error, "iter_unpack expected 2 arguments, got %u", a.nargs);
  return format_arg(vm, a.args[0], fmt) && do_iter_unpack(vm, fmt, a.args[1], out);
}

bool s_unpack_from(VM& vm, const CallArgs& a, Value& out) {
  std::string fmt;
  if (a.nargs == 0) return vm.raise(vm.types().type_error, "unpack_from() missing required argument 'format' (pos 1)");
  return format_arg(vm, a.args[0], fmt) && do_unpack_from(vm, fmt, a, 1, out);
}

bool s_pack_into(VM& vm, const CallArgs& a, Value& out) {
  std::string fmt;
  if (!no_kwargs(vm, a, "pack_into")) return false;
  if (a.nargs < 3)
    return raise_fmt(vm, vm.types().type_error, "pack_into expected at least 3 arguments, got %u", a.nargs);
  return format_arg(vm, a.args[0], fmt) && do_pack_into(vm, fmt, a.args + 1, a.nargs - 1, out);
}

bool s_calcsize(VM& vm, const CallArgs& a, Value& out) {
  std::string fmt;
  if (!no_kwargs(vm, a, "calcsize") || !arg_count(vm, a, "calcsize", 1, 1) || !format_arg(vm, a.args[0], fmt))
    return false;
  Layout l;
  if (!parse_format(vm, fmt, l)) return false;
  out = Value::integer(static_cast<int64_t>(l.size));
  return true;
}

// ---- Struct: an Instance whose native payload is the format string ----

bool struct_fmt(VM& vm, Value self, std::string& fmt) {
  Instance* in = as_instance(self);
  Str* s = in ? as_str(in->native) : nullptr;
  if (!s) return vm.raise(vm.types().type_error, "descriptor requires a 'Struct' object");
  fmt = s->s;
  return true;
}

bool st_new(VM& vm, const CallArgs& a, Value& out) {
  Value p[1] = {Value::null()};
  uint32_t given;
  if (!bind(vm, a, Params{"Struct", {"format"}, 1}, p, given, 1)) return false;
  std::string fmt;
  if (!format_arg(vm, p[0], fmt)) return false;
  Layout l;
  if (!parse_format(vm, fmt, l)) return false;
  Instance* in = vm.alloc<Instance>();
  in->cls = as_class(a.args[0]);
  in->native = vm.str_value(fmt);
  out = Value::object(in);
  return true;
}

bool st_init(VM&, const CallArgs&, Value& out) {
  out = Value();
  return true;
}

bool st_pack(VM& vm, const CallArgs& a, Value& out) {
  std::string fmt;
  return a.nargs > 0 && no_kwargs(vm, a, "pack") && struct_fmt(vm, a.args[0], fmt) &&
         do_pack(vm, fmt, a.args + 1, a.nargs - 1, out);
}

bool st_unpack(VM& vm, const CallArgs& a, Value& out) {
  std::string fmt;
  if (a.nargs == 0 || !struct_fmt(vm, a.args[0], fmt) || !no_kwargs(vm, a, "unpack")) return false;
  if (a.nargs != 2)
    return raise_fmt(vm, vm.types().type_error, "unpack() takes exactly one argument (%u given)", a.nargs - 1);
  return do_unpack(vm, fmt, a.args[1], out);
}

bool st_iter_unpack(VM& vm, const CallArgs& a, Value& out) {
  std::string fmt;
  if (a.nargs == 0 || !struct_fmt(vm, a.args[0], fmt) || !no_kwargs(vm, a, "iter_unpack")) return false;
  if (a.nargs != 2)
    return raise_fmt(vm, vm.types().type_error, "iter_unpack() takes exactly one argument (%u given)", a.nargs - 1);
  return do_iter_unpack(vm, fmt, a.args[1], out);
}

bool st_unpack_from(VM& vm, const CallArgs& a, Value& out) {
  std::string fmt;
  return a.nargs > 0 && struct_fmt(vm, a.args[0], fmt) && do_unpack_from(vm, fmt, a, 1, out);
}

bool st_pack_into(VM& vm, const CallArgs& a, Value& out) {
  std::string fmt;
  if (a.nargs == 0 || !struct_fmt(vm, a.args[0], fmt) || !no_kwargs(vm, a, "pack_into")) return false;
  return do_pack_into(vm, fmt, a.args + 1, a.nargs - 1, out);
}

bool st_format(VM& vm, const CallArgs& a, Value& out) {
  std::string fmt;
  if (a.nargs == 0 || !struct_fmt(vm, a.args[0], fmt)) return false;
  out = vm.str_value(fmt);
  return true;
}

bool st_size(VM& vm, const CallArgs& a, Value& out) {
  std::string fmt;
  Layout l;
  if (a.nargs == 0 || !struct_fmt(vm, a.args[0], fmt) || !parse_format(vm, fmt, l)) return false;
  out = Value::integer(static_cast<int64_t>(l.size));
  return true;
}

bool st_repr(VM& vm, const CallArgs& a, Value& out) {
  std::string fmt;
  if (a.nargs == 0 || !struct_fmt(vm, a.args[0], fmt)) return false;
  std::string r = "Struct(";
  repr_into(vm, vm.str_value(fmt), r);
  out = vm.str_value(r + ")");
  return true;
}

}  // namespace

bool make_struct_module(VM& vm, Module* m) {
  const Types& t = vm.types();
  Class* error = vm.new_class("error", {t.exception}, false);
  error->module = m;
  vm.dict_set(error->dict, Value::object(vm.intern("__module__")), vm.str_value("struct"));
  define_value(vm, m, "error", Value::object(error));
  Class* st = vm.new_class("Struct", {t.object}, true);
  st->module = m;
  vm.define_method(st, "__new__", st_new);
  vm.define_method(st, "__init__", st_init);
  vm.define_method(st, "__repr__", st_repr);
  vm.define_method(st, "pack", st_pack);
  vm.define_method(st, "unpack", st_unpack);
  vm.define_method(st, "iter_unpack", st_iter_unpack);
  vm.define_method(st, "unpack_from", st_unpack_from);
  vm.define_method(st, "pack_into", st_pack_into);
  define_property(vm, st, "format", st_format);
  define_property(vm, st, "size", st_size);
  define_value(vm, m, "Struct", Value::object(st));
  define(vm, m, "pack", s_pack);
  define(vm, m, "unpack", s_unpack);
  define(vm, m, "iter_unpack", s_iter_unpack);
  define(vm, m, "unpack_from", s_unpack_from);
  define(vm, m, "pack_into", s_pack_into);
  define(vm, m, "calcsize", s_calcsize);
  return true;
}

}  // namespace lib
}  // namespace interleave
