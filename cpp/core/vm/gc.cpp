// Mark-and-sweep collection. It runs only between instructions of the outermost run
// loop, where every live value is reachable from a root, so natives never root temporaries.
#include <algorithm>

#include "vm/code_runtime.h"
#include "vm/frame.h"
#include "vm/task.h"
#include "vm/vm.h"

namespace interleave {

void VM::mark(Obj* o) {
  if (!o || o->marked) return;
  o->marked = true;
  gray_.push_back(o);
}

void VM::mark(Value v) {
  if (v.tag == Tag::Obj && v.o) mark(v.o);
}

void VM::mark_frame(Frame* f) {
  mark(f->func);
  mark(f->globals);
  mark(f->locals_dict);
  mark(f->gen);
  mark(f->init_self);
  for (Value* p = f->slots; p < f->sp; ++p) mark(*p);
  for (const Block& b : f->blocks) mark(b.saved_exc);
}

void VM::mark_roots() {
  Class* const* types = reinterpret_cast<Class* const*>(&types_);
  for (size_t i = 0; i < sizeof(Types) / sizeof(Class*); ++i) mark(types[i]);
  mark(builtins_);
  mark(main_module_);
  for (const auto& m : modules_) mark(m.second);
  for (Str* s : interned_list_) mark(s);
  for (const auto& rt : code_runtimes_) {
    for (const Value& v : rt->consts) mark(v);
  }
  auto mark_task = [&](Task* t) {
    for (Frame* f : t->frames) mark_frame(f);
    mark(t->result);
    mark(t->exception);
    mark(t->exc_info);
    mark(t->start_callable);
    for (const Value& v : t->start_args) mark(v);
  };
  for (Task* t : tasks_) mark_task(t);
  if (idle_task_) mark_task(idle_task_);
  mark(pending_);
  mark(object_new_);
  mark(object_init_);
  for (const Value& v : extra_roots_) mark(v);
  for (const Value& v : temp_roots_) mark(v);
  for (const ValueVec* items : temp_vectors_) {
    for (const Value& v : *items) mark(v);
  }
  ctx_.trace(*this);
}

void VM::collect_garbage() {
  gray_.clear();
  mark_roots();
  while (!gray_.empty()) {
    Obj* o = gray_.back();
    gray_.pop_back();
    o->trace(*this);
    if (o->sub) {
      const SubclassInfo& info = subclassed_[o];
      mark(info.cls);
      mark(info.attrs);
    }
  }
  ctx_.sweep_weak();
  size_t live = 0;
  size_t count = 0;
  Obj** link = &objects_;
  while (Obj* o = *link) {
    if (o->marked) {
      o->marked = false;
      live += o->size();
      ++count;
      link = &o->next_obj;
    } else {
      *link = o->next_obj;
      if (o->sub) subclassed_.erase(o);
      delete o;
    }
  }
  bytes_ = live;
  live_objects_ = count;
  ++class_epoch_;
  gc_requested_ = false;
  // gc_threshold_ leaves half the room under the limit free for the next instruction's allocations.
  size_t room = config_.memory_limit > live ? live + (config_.memory_limit - live) / 2 : config_.memory_limit;
  gc_threshold_ = std::min<size_t>(std::max<size_t>(kMinGcThreshold, live * 2), room);
  gc_countdown_ = std::max<uint64_t>(1u << 20, static_cast<uint64_t>(count) * 16);
}

VM::NestedCollect::NestedCollect(VM& vm, const ValueVec* items, Value iterable)
    : vm_(vm),
      saved_level_(vm.safe_level_),
      saved_gen_(vm.safe_gen_),
      // Only a native called straight from Python code (one call in progress at this depth)
      // holds nothing else: called from another native's C++, it would expose that one's temporaries.
      safe_(vm.natives_active_ == 1) {
  vm.temp_vectors_.push_back(items);
  vm.temp_roots_.push_back(iterable);
  vm.safe_level_ = -1;
  vm.safe_gen_ = nullptr;
}

VM::NestedCollect::~NestedCollect() {
  vm_.temp_vectors_.pop_back();
  vm_.temp_roots_.pop_back();
  vm_.safe_level_ = saved_level_;
  vm_.safe_gen_ = saved_gen_;
}

void VM::NestedCollect::gather(Generator* g) {
  if (!safe_) return;
  vm_.safe_level_ = static_cast<int64_t>(vm_.native_depth_);
  vm_.safe_gen_ = g;
}

VM::NestedState VM::enter_nested(const Generator* resumed) {
  bool safe = resumed && resumed == safe_gen_ && safe_level_ == static_cast<int64_t>(native_depth_);
  NestedState s{!safe, natives_active_};
  if (s.unsafe) ++unsafe_nests_;
  natives_active_ = 0;
  return s;
}

void VM::leave_nested(NestedState s) {
  if (s.unsafe) --unsafe_nests_;
  natives_active_ = s.natives;
}

// check_memory collects now and reports false with MemoryError pending when live
// objects still exceed the memory limit.
bool VM::check_memory() {
  if (gc_paused_) {
    gc_requested_ = false;
    return true;
  }
  collect_garbage();
  if (bytes_ > config_.memory_limit) {
    return raise(types_.memory_error,
                 "the playground's memory limit (" + std::to_string(config_.memory_limit >> 20) + " MB) was exceeded");
  }
  return true;
}

}  // namespace interleave
