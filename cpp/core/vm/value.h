#pragma once
// Value is the VM's 16-byte tagged value: small scalars inline, everything else a
// pointer to a garbage-collected Obj. Copying a Value never allocates.
#include <cstdint>

namespace interleave {

struct Obj;

enum class Tag : uint8_t { None, Bool, Int, Float, Obj };

struct Value {
  Tag tag = Tag::None;
  union {
    bool b;
    int64_t i;
    double f;
    Obj* o;
  };
  Value() : i(0) {}
  static Value none() { return Value(); }
  static Value boolean(bool v) { Value r; r.tag = Tag::Bool; r.i = 0; r.b = v; return r; }
  static Value integer(int64_t v) { Value r; r.tag = Tag::Int; r.i = v; return r; }
  static Value number(double v) { Value r; r.tag = Tag::Float; r.f = v; return r; }
  static Value object(Obj* p) { Value r; r.tag = Tag::Obj; r.o = p; return r; }
  // null() marks an unbound local or an empty stack slot; it never reaches Python code.
  static Value null() { Value r; r.tag = Tag::Obj; r.o = nullptr; return r; }
  bool is_null() const { return tag == Tag::Obj && o == nullptr; }

  bool is_none() const { return tag == Tag::None; }
  bool is_bool() const { return tag == Tag::Bool; }
  bool is_int() const { return tag == Tag::Int; }
  bool is_float() const { return tag == Tag::Float; }
  bool is_obj() const { return tag == Tag::Obj; }
  // is_same() is Python's `is`: identity for objects, equality of payload for scalars.
  bool is_same(const Value& other) const;
};

}  // namespace interleave
