#pragma once
// bytes and bytearray: the protocol hooks ops.cpp calls for Bytes objects (operators,
// comparison, hashing, repr, subscripts, containment), the codecs behind str.encode and
// bytes.decode, and the makers of the binary modules (struct, hashlib, binascii, base64
// helpers, _bytesio) in vm/modules/.
#include <string>
#include <string_view>

#include "vm/library.h"

namespace interleave {
namespace lib {

inline Bytes* as_bytes(Value v) { return is_kind(v, ObjKind::Bytes) ? static_cast<Bytes*>(v.o) : nullptr; }
Bytes* new_bytes(VM& vm, std::string data, bool is_mutable = false);
inline Value bytes_value(VM& vm, std::string data, bool is_mutable = false) {
  return Value::object(new_bytes(vm, std::move(data), is_mutable));
}

// hash_bytes() is the hash of a byte string, shared by str and bytes so that equal ASCII
// str and bytes hash alike, as in CPython.
uint64_t hash_bytes(const unsigned char* p, size_t n);
bool bytes_hash(VM& vm, Bytes* b, uint64_t& out);
void bytes_repr(const Bytes* b, std::string& out);

// Operator hooks: handled=false leaves the operator to the generic protocol.
bool bytes_binop(VM& vm, ast::BinOpKind op, Value a, Value b, Value& out, bool& handled);
bool bytes_inplace(VM& vm, ast::BinOpKind op, Value a, Value b, Value& out, bool& handled);
bool bytes_compare(VM& vm, ast::CmpOpKind op, Bytes* a, Bytes* b, Value& out);
bool bytes_get_item(VM& vm, Bytes* b, Value key, Value& out);
bool bytes_set_item(VM& vm, Bytes* b, Value key, Value v);
bool bytes_del_item(VM& vm, Bytes* b, Value key);
bool bytes_contains(VM& vm, Bytes* b, Value item, bool& out);
// bytes_next() advances a bytes/bytearray iterator.
void bytes_next(Iterator* it, Value& out, bool& done);

// buffer_view() is the contents of a bytes-like object (bytes, bytearray, array.array);
// false (nothing raised) if v is not one.
bool buffer_view(VM& vm, Value v, std::string_view& out);
// need_buffer() is buffer_view() raising CPython's "a bytes-like object is required, not 'T'".
bool need_buffer(VM& vm, Value v, std::string_view& out);
// bytes_from_iterable() collects ints in range(256) (bytes(iterable), bytearray.extend).
bool bytes_from_iterable(VM& vm, Value iterable, std::string& out);

// Codecs: encode a str, decode bytes, with CPython's names, handlers and messages.
bool encode_text(VM& vm, const Str* s, std::string_view encoding, std::string_view errors, std::string& out);
bool decode_bytes(VM& vm, std::string_view data, std::string_view encoding, std::string_view errors, std::string& out);

// int_to_bytes()/int_from_bytes() convert between an int and its two's-complement bytes;
// they take the int as its little-endian bytes so wider ints can use them unchanged.
bool int_to_bytes(VM& vm, std::string_view le_value, bool negative, int64_t length, bool little, bool is_signed,
                  std::string& out);
void int_from_bytes(std::string_view data, bool little, bool is_signed, std::string& le_value, bool& negative);

void install_bytes(VM& vm);

using ModuleMaker = bool (*)(VM&, Module*);
// bytes_module_maker() is the maker of a native module built on bytes, null if name is not one.
ModuleMaker bytes_module_maker(std::string_view name);
bool make_struct_module(VM& vm, Module* m);
bool make_hashlib_module(VM& vm, Module* m);
bool make_binascii_module(VM& vm, Module* m);
bool make_bytesio_module(VM& vm, Module* m);

}  // namespace lib
}  // namespace interleave
