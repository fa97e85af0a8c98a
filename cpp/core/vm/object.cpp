// The collector's view of each object: what it references (trace) and what a
// generator owns (its suspended frame).
#include "vm/object.h"

#include <cstdlib>

#include "vm/frame.h"
#include "vm/vm.h"

namespace interleave {

namespace obj_pool {
namespace {

constexpr std::size_t kGrain = 16;
constexpr std::size_t kClasses = 32;  // 16, 32, ... 512 bytes
constexpr std::size_t kBlock = 64 * 1024;

struct FreeNode {
  FreeNode* next;
};

FreeNode* free_lists[kClasses] = {};
char* block_next = nullptr;
char* block_end = nullptr;

std::size_t class_of(std::size_t bytes) { return (bytes + kGrain - 1) / kGrain - 1; }

}  // namespace

// kPooled is off under AddressSanitizer, so it still sees every object's use after free.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kPooled = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kPooled = false;
#else
constexpr bool kPooled = true;
#endif
#else
constexpr bool kPooled = true;
#endif

void* allocate(std::size_t bytes) {
  if (!kPooled || bytes == 0 || bytes > kGrain * kClasses) return std::malloc(bytes);
  std::size_t c = class_of(bytes);
  if (FreeNode* node = free_lists[c]) {
    free_lists[c] = node->next;
    // The next allocation of this size reads the next node's link: start fetching it now
    // (after a sweep the free list runs through memory the cache has long dropped).
    if (node->next != nullptr) __builtin_prefetch(node->next, 1);
    return node;
  }
  std::size_t rounded = (c + 1) * kGrain;
  if (block_next == nullptr || static_cast<std::size_t>(block_end - block_next) < rounded) {
    // The tail of the old block goes to the free lists it fits, so nothing is lost.
    while (block_next != nullptr && static_cast<std::size_t>(block_end - block_next) >= kGrain) {
      std::size_t tail = class_of(static_cast<std::size_t>(block_end - block_next) & ~(kGrain - 1));
      if (tail >= kClasses) tail = kClasses - 1;
      auto* node = reinterpret_cast<FreeNode*>(block_next);
      node->next = free_lists[tail];
      free_lists[tail] = node;
      block_next += (tail + 1) * kGrain;
    }
    block_next = static_cast<char*>(std::malloc(kBlock));
    if (block_next == nullptr) return nullptr;
    block_end = block_next + kBlock;
  }
  void* p = block_next;
  block_next += rounded;
  return p;
}

void release(void* p, std::size_t bytes) {
  if (p == nullptr) return;
  if (!kPooled || bytes == 0 || bytes > kGrain * kClasses) {
    std::free(p);
    return;
  }
  std::size_t c = class_of(bytes);
  auto* node = static_cast<FreeNode*>(p);
  node->next = free_lists[c];
  free_lists[c] = node;
}

}  // namespace obj_pool

void List::trace(VM& vm) {
  for (const Value& v : items) vm.mark(v);
}

void Tuple::trace(VM& vm) {
  for (const Value& v : items) vm.mark(v);
}

void Dict::trace(VM& vm) {
  for (const Entry& e : entries) {
    if (!e.live) continue;
    vm.mark(e.key);
    vm.mark(e.value);
  }
}

void Set::trace(VM& vm) { vm.mark(table); }

void Slice::trace(VM& vm) {
  vm.mark(start);
  vm.mark(stop);
  vm.mark(step);
}

void Cell::trace(VM& vm) { vm.mark(value); }

void Function::trace(VM& vm) {
  vm.mark(name);
  vm.mark(qualname);
  vm.mark(globals);
  vm.mark(module);
  for (const Value& v : defaults) vm.mark(v);
  vm.mark(kwdefaults);
  for (Cell* c : closure) vm.mark(c);
  vm.mark(attrs);
  vm.mark(doc);
}

void NativeFunction::trace(VM& vm) {
  vm.mark(name);
  vm.mark(self);
  vm.mark(data);
}

void BoundMethod::trace(VM& vm) {
  vm.mark(self);
  vm.mark(func);
}

void Class::trace(VM& vm) {
  vm.mark(name);
  for (Class* c : bases) vm.mark(c);
  for (Class* c : mro) vm.mark(c);
  vm.mark(dict);
  vm.mark(module);
  vm.mark(meta);
}

void Instance::trace(VM& vm) {
  vm.mark(cls);
  vm.mark(attrs);
  vm.mark(native);
  if (exc) {
    vm.mark(exc->cause);
    vm.mark(exc->context);
  }
}

void Module::trace(VM& vm) {
  vm.mark(name);
  vm.mark(dict);
}

void StaticMethod::trace(VM& vm) { vm.mark(func); }
void ClassMethod::trace(VM& vm) { vm.mark(func); }

void Property::trace(VM& vm) {
  vm.mark(fget);
  vm.mark(fset);
  vm.mark(fdel);
  vm.mark(doc);
}

void Super::trace(VM& vm) {
  vm.mark(start);
  vm.mark(self);
}

void Iterator::trace(VM& vm) {
  vm.mark(source);
  for (const Value& v : sources) vm.mark(v);
  vm.mark(func);
}

Generator::~Generator() { delete frame; }

void Generator::trace(VM& vm) {
  vm.mark(name);
  if (frame) vm.mark_frame(frame);
}

size_t Generator::size() const {
  return sizeof(Generator) + (frame ? sizeof(Frame) + frame->capacity * sizeof(Value) : 0);
}

}  // namespace interleave
