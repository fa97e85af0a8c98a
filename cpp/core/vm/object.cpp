// The collector's view of each object: what it references (trace) and what a
// generator owns (its suspended frame).
#include "vm/object.h"

#include "vm/frame.h"
#include "vm/vm.h"

namespace interleave {

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
