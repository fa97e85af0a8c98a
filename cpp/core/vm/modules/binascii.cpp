// The binascii module: hexlify/unhexlify (b2a_hex/a2b_hex), b2a_base64/a2b_base64 with
// CPython 3.11's lenient and strict decoding rules, crc32 and crc_hqx, and binascii.Error.
// base64 (cpp/core/stdlib/base64.py) is written on top of it, as in CPython.
#include "vm/bytes.h"

namespace interleave {
namespace lib {
namespace {

bool binascii_error(VM& vm, const std::string& msg) {
  Value mod, cls, exc;
  if (!vm.import_module("binascii", mod) || !vm.get_attr(mod, vm.intern("Error"), cls)) return false;
  if (!vm.call(cls, {vm.str_value(msg)}, exc)) return false;
  return vm.raise_value(exc);
}

// ascii_arg() accepts bytes-like data or an ASCII str (a2b_* functions).
bool ascii_arg(VM& vm, Value v, std::string& out) {
  std::string_view d;
  if (buffer_view(vm, v, d)) {
    out.assign(d);
    return true;
  }
  if (Str* s = as_str(v)) {
    if (!s->ascii) return vm.raise(vm.types().value_error, "string argument should contain only ASCII characters");
    out = s->s;
    return true;
  }
  return vm.raise(vm.types().type_error,
                  "argument should be bytes, buffer or ASCII string, not '" + vm.type_name(v) + "'");
}

bool b_hexlify(VM& vm, const CallArgs& a, Value& out) {
  Value p[3] = {Value::null(), Value(), Value::integer(1)};
  uint32_t given;
  if (!bind(vm, a, Params{"hexlify", {"data", "sep", "bytes_per_sep"}, 1}, p, given)) return false;
  std::string_view d;
  if (!need_buffer(vm, p[0], d)) return false;
  static const char* hex = "0123456789abcdef";
  std::string sep;
  if (!p[1].is_none()) {
    if (Str* s = as_str(p[1])) sep = s->s;
    else if (Bytes* b = as_bytes(p[1])) sep = b->data;
    else return vm.raise(vm.types().type_error, "sep must be str or bytes.");
    if (sep.size() != 1) return vm.raise(vm.types().value_error, "sep must be length 1.");
  }
  int64_t per;
  if (!to_index(vm, p[2], per)) return false;
  int64_t group = per < 0 ? -per : per;
  std::string r;
  for (size_t i = 0; i < d.size(); ++i) {
    if (i && !sep.empty() && group > 0) {
      bool boundary = per > 0 ? (d.size() - i) % static_cast<size_t>(group) == 0 : i % static_cast<size_t>(group) == 0;
      if (boundary) r += sep;
    }
    unsigned char c = static_cast<unsigned char>(d[i]);
    r += hex[c >> 4];
    r += hex[c & 15];
  }
  out = bytes_value(vm, std::move(r));
  return true;
}

int hex_digit(char c) {
  return c >= '0' && c <= '9'   ? c - '0'
         : c >= 'a' && c <= 'f' ? c - 'a' + 10
         : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                : -1;
}

bool b_unhexlify(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "unhexlify") || !arg_count(vm, a, "unhexlify", 1, 1)) return false;
  std::string d;
  if (!ascii_arg(vm, a.args[0], d)) return false;
  if (d.size() % 2) return binascii_error(vm, "Odd-length string");
  std::string r;
  for (size_t i = 0; i < d.size(); i += 2) {
    int h = hex_digit(d[i]), l = hex_digit(d[i + 1]);
    if (h < 0 || l < 0) return binascii_error(vm, "Non-hexadecimal digit found");
    r.push_back(static_cast<char>(h * 16 + l));
  }
  out = bytes_value(vm, std::move(r));
  return true;
}

const char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

bool b_b2a_base64(VM& vm, const CallArgs& a, Value& out) {
  Value p[2] = {Value::null(), Value::boolean(true)};
  uint32_t given;
  if (!bind(vm, a, Params{"b2a_base64", {"data", "newline"}, 1}, p, given)) return false;
  std::string_view d;
  if (!need_buffer(vm, p[0], d)) return false;
  bool newline;
  if (!vm.truthy(p[1], newline)) return false;
  std::string r;
  size_t i = 0;
  for (; i + 3 <= d.size(); i += 3) {
    uint32_t v = (uint32_t{static_cast<unsigned char>(d[i])} << 16) |
                 (uint32_t{static_cast<unsigned char>(d[i + 1])} << 8) | static_cast<unsigned char>(d[i + 2]);
    r += kB64[v >> 18];
    r += kB64[(v >> 12) & 63];
    r += kB64[(v >> 6) & 63];
    r += kB64[v & 63];
  }
  if (d.size() - i == 1) {
    uint32_t v = uint32_t{static_cast<unsigned char>(d[i])} << 16;
    r += kB64[v >> 18];
    r += kB64[(v >> 12) & 63];
    r += "==";
  } else if (d.size() - i == 2) {
    uint32_t v =
        (uint32_t{static_cast<unsigned char>(d[i])} << 16) | (uint32_t{static_cast<unsigned char>(d[i + 1])} << 8);
    r += kB64[v >> 18];
    r += kB64[(v >> 12) & 63];
    r += kB64[(v >> 6) & 63];
    r += '=';
  }
  if (newline) r += '\n';
  out = bytes_value(vm, std::move(r));
  return true;
}

int b64_value(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

// b_a2b_base64 follows binascii_a2b_base64_impl of CPython 3.11 step for step.
bool b_a2b_base64(VM& vm, const CallArgs& a, Value& out) {
  Value p[2] = {Value::null(), Value::boolean(false)};
  uint32_t given;
  if (!bind(vm, a, Params{"a2b_base64", {"data", "strict_mode"}, 1}, p, given)) return false;
  std::string d;
  if (!ascii_arg(vm, p[0], d)) return false;
  bool strict;
  if (!vm.truthy(p[1], strict)) return false;
  std::string r;
  int quad_pos = 0, pads = 0;
  unsigned leftchar = 0;
  bool padding_started = false;
  if (strict && !d.empty() && d[0] == '=') return binascii_error(vm, "Leading padding not allowed");
  for (size_t i = 0; i < d.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(d[i]);
    if (c == '=') {
      padding_started = true;
      if (quad_pos >= 2 && quad_pos + ++pads >= 4) {
        if (strict && i + 1 < d.size()) return binascii_error(vm, "Excess data after padding");
        out = bytes_value(vm, std::move(r));
        return true;
      }
      continue;
    }
    int v = b64_value(c);
    if (v < 0) {
      if (strict) return binascii_error(vm, "Only base64 data is allowed");
      continue;
    }
    if (strict && padding_started) return binascii_error(vm, "Discontinuous padding not allowed");
    pads = 0;
    switch (quad_pos) {
      case 0:
        quad_pos = 1;
        leftchar = static_cast<unsigned>(v);
        break;
      case 1:
        quad_pos = 2;
        r.push_back(static_cast<char>((leftchar << 2) | (static_cast<unsigned>(v) >> 4)));
        leftchar = static_cast<unsigned>(v) & 0x0f;
        break;
      case 2:
        quad_pos = 3;
        r.push_back(static_cast<char>((leftchar << 4) | (static_cast<unsigned>(v) >> 2)));
        leftchar = static_cast<unsigned>(v) & 0x03;
        break;
      default:
        quad_pos = 0;
        r.push_back(static_cast<char>((leftchar << 6) | static_cast<unsigned>(v)));
        leftchar = 0;
        break;
    }
  }
  if (quad_pos != 0) {
    if (quad_pos == 1)
      return binascii_error(vm, "Invalid base64-encoded string: number of data characters (" +
                                    std::to_string(r.size() / 3 * 4 + 1) + ") cannot be 1 more than a multiple of 4");
    return binascii_error(vm, "Incorrect padding");
  }
  out = bytes_value(vm, std::move(r));
  return true;
}

uint32_t crc32_update(uint32_t crc, std::string_view d) {
  crc = ~crc;
  for (char ch : d) {
    crc ^= static_cast<unsigned char>(ch);
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
  }
  return ~crc;
}

bool b_crc32(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "crc32") || !arg_count(vm, a, "crc32", 1, 2)) return false;
  std::string_view d;
  if (!need_buffer(vm, a.args[0], d)) return false;
  int64_t start = 0;
  if (a.nargs == 2 && !to_index(vm, a.args[1], start)) return false;
  out = Value::integer(crc32_update(static_cast<uint32_t>(start), d));
  return true;
}

bool b_crc_hqx(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "crc_hqx") || !arg_count(vm, a, "crc_hqx", 2, 2)) return false;
  std::string_view d;
  int64_t start;
  if (!need_buffer(vm, a.args[0], d) || !to_index(vm, a.args[1], start)) return false;
  uint32_t crc = static_cast<uint32_t>(start) & 0xffff;
  for (char ch : d) {
    crc ^= static_cast<uint32_t>(static_cast<unsigned char>(ch)) << 8;
    for (int k = 0; k < 8; ++k) crc = (crc & 0x8000) ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  out = Value::integer(crc);
  return true;
}

}  // namespace

bool make_binascii_module(VM& vm, Module* m) {
  Class* error = vm.new_class("Error", {vm.types().value_error}, false);
  error->module = m;
  vm.dict_set(error->dict, Value::object(vm.intern("__module__")), vm.str_value("binascii"));
  define_value(vm, m, "Error", Value::object(error));
  Class* incomplete = vm.new_class("Incomplete", {vm.types().exception}, false);
  incomplete->module = m;
  vm.dict_set(incomplete->dict, Value::object(vm.intern("__module__")), vm.str_value("binascii"));
  define_value(vm, m, "Incomplete", Value::object(incomplete));
  define(vm, m, "hexlify", b_hexlify);
  define(vm, m, "b2a_hex", b_hexlify);
  define(vm, m, "unhexlify", b_unhexlify);
  define(vm, m, "a2b_hex", b_unhexlify);
  define(vm, m, "b2a_base64", b_b2a_base64);
  define(vm, m, "a2b_base64", b_a2b_base64);
  define(vm, m, "crc32", b_crc32);
  define(vm, m, "crc_hqx", b_crc_hqx);
  return true;
}

}  // namespace lib
}  // namespace interleave
