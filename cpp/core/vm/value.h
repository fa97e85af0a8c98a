#pragma once
// Value is the VM's 16-byte tagged value: small scalars inline, everything else a
// pointer to a garbage-collected Obj. Copying a Value never allocates.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace interleave {

struct Obj;

enum class Tag : uint8_t { None, Bool, Int, Float, Obj };

// The tag is written as a whole 8-byte word and a Value is copied as two 8-byte words, never
// as one 16-byte move: a 16-byte load of a value just built from a 1-byte and an 8-byte store
// cannot be forwarded from the store buffer and stalls (a third of `nbody`'s native time
// before; wasm engines copy 8 bytes at a time, where a 1-byte tag store stalls the same way).
struct Value {
  union {
    Tag tag;
    uint64_t tag_word_;
  };
  union {
    bool b;
    int64_t i;
    double f;
    Obj* o;
  };
  Value() : tag_word_(0), i(0) {}
  Value(const Value& v) : tag_word_(v.tag_word_), i(v.i) {}
  Value& operator=(const Value& v) {
    tag_word_ = v.tag_word_;
    i = v.i;
    return *this;
  }
  static Value none() { return Value(); }
  static Value boolean(bool v) { return Value(Tag::Bool, v ? 1 : 0); }
  static Value integer(int64_t v) { return Value(Tag::Int, v); }
  static Value number(double v) { return Value(Tag::Float, __builtin_bit_cast(int64_t, v)); }
  static Value object(Obj* p) { return Value(Tag::Obj, static_cast<int64_t>(reinterpret_cast<intptr_t>(p))); }
  // null() marks an unbound local or an empty stack slot; it never reaches Python code.
  static Value null() { return Value(Tag::Obj, 0); }
  bool is_null() const { return tag == Tag::Obj && o == nullptr; }

  bool is_none() const { return tag == Tag::None; }
  bool is_bool() const { return tag == Tag::Bool; }
  bool is_int() const { return tag == Tag::Int; }
  bool is_float() const { return tag == Tag::Float; }
  bool is_obj() const { return tag == Tag::Obj; }
  // is_same() is Python's `is`: identity for objects, equality of payload for scalars.
  bool is_same(const Value& other) const {
    if (tag != other.tag) return false;
    switch (tag) {
      case Tag::None: return true;
      case Tag::Bool: return b == other.b;
      case Tag::Obj: return o == other.o;
      default: return i == other.i;  // Int, and Float by its bits
    }
  }

 private:
  Value(Tag t, int64_t payload) : tag_word_(static_cast<uint64_t>(t)), i(payload) {}
};

// ObjPool serves the memory of every object: size classes of 16 bytes up to 512, carved
// from 64 KB blocks, with one free list per class. Programs allocate and free objects at
// a high rate, and malloc plus free were a third of the time of allocation-heavy runs.
// Blocks are kept for reuse (by this run and later ones); larger objects use malloc.
namespace obj_pool {
void* allocate(std::size_t bytes);
void release(void* p, std::size_t bytes);
}  // namespace obj_pool

// PoolAllocator puts a container's storage in the same pool: a dict's table and index are
// allocated with every instance (its attributes), and malloc plus free of those small
// arrays were a quarter of the time of object-heavy programs (raytrace, chaos).
template <class T>
struct PoolAllocator {
  using value_type = T;
  PoolAllocator() = default;
  template <class U>
  PoolAllocator(const PoolAllocator<U>&) {}  // NOLINT: containers rebind allocators implicitly
  T* allocate(std::size_t n) {
    void* p = obj_pool::allocate(n * sizeof(T));
    if (p == nullptr) __builtin_trap();  // as std::allocator does without exceptions
    return static_cast<T*>(p);
  }
  void deallocate(T* p, std::size_t n) { obj_pool::release(p, n * sizeof(T)); }
  friend bool operator==(const PoolAllocator&, const PoolAllocator&) { return true; }
  friend bool operator!=(const PoolAllocator&, const PoolAllocator&) { return false; }
};

// ValueVec is the VM's vector of values (list and tuple items, arguments, stacks): its
// storage comes from the pool too, so slicing and building lists does not go to malloc.
using ValueVec = std::vector<Value, PoolAllocator<Value>>;

}  // namespace interleave
