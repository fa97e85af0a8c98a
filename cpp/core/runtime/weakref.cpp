// Weak references for the weakref module. A slot names a referent the collector does not
// trace; when a collection finds the referent unmarked the slot goes empty and its weakref
// object is queued for its callback. weak_sync() asks for a collection before a weakref is
// read (when anything was allocated since the last one), so `del obj; r()` gives None as in
// CPython, where reference counting frees the object at once.
#include "runtime/kernel_io.h"
#include "runtime/scheduler.h"
#include "vm/library.h"
#include "vm/vm.h"

namespace interleave {

void Scheduler::sweep_weakrefs() {
  for (size_t i = 0; i < weak_slots_.size(); ++i) {
    WeakSlot& s = weak_slots_[i];
    if (!s.holder) continue;
    if (!s.holder->marked) {
      s = WeakSlot{};
      free_weak_slots_.push_back(static_cast<uint32_t>(i));
      continue;
    }
    if (s.referent && !s.referent->marked) {
      s.referent = nullptr;
      weak_dead_.push_back(Value::object(s.holder));
    }
  }
  weak_last_gc_ = vm().allocations();
}

namespace {

Scheduler& sched_of(VM& vm) { return static_cast<Scheduler&>(vm.ctx()); }

// weak_referenceable is CPython's rule in brief: instances of classes, classes, functions, sets, generators, modules.
bool weak_referenceable(VM& vm, Value v) {
  if (!v.is_obj() || !v.o) return false;
  switch (v.o->kind) {
    case ObjKind::Instance:
      return !static_cast<Instance*>(v.o)->cls->builtin || static_cast<Instance*>(v.o)->cls->is_exception;
    case ObjKind::Class:
    case ObjKind::Function:
    case ObjKind::BoundMethod:
    case ObjKind::Set:
    case ObjKind::Generator:
    case ObjKind::Module: return true;
    default: (void)vm; return false;
  }
}

bool w_new(VM& vm, const CallArgs& a, Value& out) {
  if (!lib::arg_count(vm, a, "weak_new", 2, 2)) return false;
  if (!a.args[0].is_obj() || !weak_referenceable(vm, a.args[1])) {
    return vm.raise(vm.types().type_error, "cannot create weak reference to '" + vm.type_name(a.args[1]) + "' object");
  }
  Scheduler& s = sched_of(vm);
  uint32_t slot;
  if (!s.free_weak_slots_.empty()) {
    slot = s.free_weak_slots_.back();
    s.free_weak_slots_.pop_back();
  } else {
    slot = static_cast<uint32_t>(s.weak_slots_.size());
    s.weak_slots_.emplace_back();
  }
  s.weak_slots_[slot] = Scheduler::WeakSlot{a.args[1].o, a.args[0].o};
  out = Value::integer(slot);
  return true;
}

bool w_get(VM& vm, const CallArgs& a, Value& out) {
  if (!lib::arg_count(vm, a, "weak_get", 1, 1) || !a.args[0].is_int()) {
    if (!vm.has_exception()) vm.raise(vm.types().type_error, "weak_get() needs a slot");
    return false;
  }
  Scheduler& s = sched_of(vm);
  int64_t slot = a.args[0].i;
  if (slot < 0 || static_cast<size_t>(slot) >= s.weak_slots_.size() || !s.weak_slots_[slot].referent) {
    out = Value::none();
  } else {
    out = Value::object(s.weak_slots_[slot].referent);
  }
  return true;
}

bool w_sync(VM& vm, const CallArgs&, Value& out) {
  if (vm.allocations() != sched_of(vm).weak_last_gc_) vm.request_gc();
  out = Value::none();
  return true;
}

bool w_dead(VM& vm, const CallArgs&, Value& out) {
  Scheduler& s = sched_of(vm);
  out = Value::object(vm.new_list(std::move(s.weak_dead_)));
  s.weak_dead_.clear();
  return true;
}

}  // namespace

void add_weakref_natives(VM& vm, Module* m) {
  lib::define(vm, m, "weak_new", w_new);
  lib::define(vm, m, "weak_get", w_get);
  lib::define(vm, m, "weak_sync", w_sync);
  lib::define(vm, m, "weak_dead", w_dead);
}

}  // namespace interleave
