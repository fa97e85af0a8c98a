#pragma once
// PtrMap is a hash map from an object's address to a small value: one flat array with
// linear probing and backward-shift deletion, so inserting and erasing allocate nothing
// per entry. It holds the class and __dict__ of built-in objects of user subclasses
// (VM::subclassed_), where std::unordered_map's node per entry was a malloc and a free for
// every namedtuple or list subclass created and collected. References to values stay
// valid until the next insertion.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace interleave {

template <class K, class V>
class PtrMap {
 public:
  // find() is the value stored for key, or null.
  V* find(const K* key) {
    if (slots_.empty()) return nullptr;
    for (size_t i = home(key);; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.key == key) return &s.value;
      if (s.key == nullptr) return nullptr;
    }
  }
  const V* find(const K* key) const { return const_cast<PtrMap*>(this)->find(key); }

  // operator[] is the value for key, value-initialised if key was absent.
  V& operator[](const K* key) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    size_t i = home(key);
    while (slots_[i].key != nullptr) {
      if (slots_[i].key == key) return slots_[i].value;
      i = (i + 1) & mask_;
    }
    slots_[i].key = key;
    slots_[i].value = V{};
    ++size_;
    return slots_[i].value;
  }

  // erase() removes key if present; later entries of its probe run move back to fill the gap.
  void erase(const K* key) {
    if (slots_.empty()) return;
    size_t i = home(key);
    while (slots_[i].key != key) {
      if (slots_[i].key == nullptr) return;
      i = (i + 1) & mask_;
    }
    for (size_t j = (i + 1) & mask_; slots_[j].key != nullptr; j = (j + 1) & mask_) {
      // The entry at j may fill the gap at i unless its home lies after i on the way to j.
      size_t h = home(slots_[j].key);
      if (((j - h) & mask_) >= ((j - i) & mask_)) {
        slots_[i] = slots_[j];
        i = j;
      }
    }
    slots_[i].key = nullptr;
    --size_;
  }

  size_t size() const { return size_; }

 private:
  struct Slot {
    const K* key = nullptr;
    V value{};
  };

  size_t home(const K* key) const {
    uint64_t h = static_cast<uint64_t>(reinterpret_cast<uintptr_t>(key)) * 0x9E3779B97F4A7C15ull;
    return static_cast<size_t>(h >> 32) & mask_;
  }

  void grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
    mask_ = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.key == nullptr) continue;
      size_t i = home(s.key);
      while (slots_[i].key != nullptr) i = (i + 1) & mask_;
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

}  // namespace interleave
