#pragma once
// VM::take_frame() is acquire_frame() for a code already prepared, inline: the run loop's
// call of a Python function takes its frame from the pool without a call (the call's
// register saves and restores were a third of acquire_frame's time).
#include "vm/code_runtime.h"
#include "vm/frame.h"
#include "vm/vm.h"

namespace interleave {

__attribute__((always_inline)) inline Frame* VM::take_frame(const Code* code, CodeRuntime* rt) {
  Frame* f = __builtin_expect(frame_pool_size_ > 0, 1) ? frame_pool_[--frame_pool_size_] : new Frame;
  if (__builtin_expect(f->capacity < rt->frame_size, 0)) grow_frame(f, rt->frame_size);
  f->code = code;
  f->rt = rt;
  Value* slots = f->storage.get();
  f->slots = slots;
  f->ip = code->code.data();
  uint32_t nslots = rt->nlocals + rt->ncells;
  for (uint32_t i = 0; i < nslots; ++i) slots[i] = Value::null();
  f->stack_base = slots + nslots;
  f->sp = slots + nslots;
  f->blocks.clear();
  f->func = nullptr;
  f->globals = nullptr;
  f->locals_dict = nullptr;
  f->gen = nullptr;
  f->init_self = Value();
  f->is_init = false;
  f->entry = false;
  return f;
}

__attribute__((always_inline)) inline void VM::give_frame(Frame* f) {
  if (__builtin_expect(frame_pool_size_ < kFramePoolMax, 1)) {
    f->gen = nullptr;
    frame_pool_[frame_pool_size_++] = f;
  } else {
    delete f;
  }
}

}  // namespace interleave
