#include "runtime/kernel_io.h"

#include <cmath>
#include <string>

#include "lang/bytecode.h"
#include "runtime/scheduler.h"
#include "vm/library.h"
#include "vm/vm.h"

namespace interleave {
namespace {

using lib::as_list;

// TimerHeap is the loop's timers as two parallel lists: the handles and their due times.
// The order is CPython's heapq on TimerHandle._when (ties keep heapq's order); keeping the
// times beside the handles spares a dictionary lookup per comparison.
struct TimerHeap {
  ValueVec& handles;
  ValueVec& whens;
  // at() reads a due time; lists filled by user code may hold other values, ordered last.
  double at(size_t i) const { return whens[i].is_float() ? whens[i].f : HUGE_VAL; }
  void move(size_t to, size_t from) {
    handles[to] = handles[from];
    whens[to] = whens[from];
  }
};

// sift_down is heapq's _siftdown: move entry pos up towards startpos while it is earlier.
void sift_down(TimerHeap& h, size_t startpos, size_t pos) {
  Value handle = h.handles[pos];
  Value when = h.whens[pos];
  double due = h.at(pos);
  while (pos > startpos) {
    size_t parentpos = (pos - 1) >> 1;
    if (!(due < h.at(parentpos))) break;
    h.move(pos, parentpos);
    pos = parentpos;
  }
  h.handles[pos] = handle;
  h.whens[pos] = when;
}

// sift_up is heapq's _siftup: bubble the earlier child up to a leaf, then sift_down.
void sift_up(TimerHeap& h, size_t pos) {
  size_t endpos = h.handles.size();
  size_t startpos = pos;
  Value handle = h.handles[pos];
  Value when = h.whens[pos];
  size_t childpos = 2 * pos + 1;
  while (childpos < endpos) {
    size_t rightpos = childpos + 1;
    if (rightpos < endpos && !(h.at(childpos) < h.at(rightpos))) childpos = rightpos;
    h.move(pos, childpos);
    pos = childpos;
    childpos = 2 * pos + 1;
  }
  h.handles[pos] = handle;
  h.whens[pos] = when;
  sift_down(h, startpos, pos);
}

// heap_args checks (handles, whens, ...): two lists of equal length.
bool heap_args(VM& vm, const CallArgs& a, const char* fn, uint32_t nargs, List*& handles, List*& whens) {
  if (!lib::no_kwargs(vm, a, fn) || !lib::arg_count(vm, a, fn, nargs, nargs)) return false;
  handles = as_list(a.args[0]);
  whens = as_list(a.args[1]);
  if (!handles || !whens || handles == whens || handles->items.size() != whens->items.size()) {
    return vm.raise(vm.types().type_error, std::string(fn) + "() needs two distinct lists of equal length");
  }
  return true;
}

// timer_push(handles, whens, handle, when) is heapq.heappush ordered by when.
bool k_timer_push(VM& vm, const CallArgs& a, Value& out) {
  List *handles, *whens;
  if (!heap_args(vm, a, "timer_push", 4, handles, whens)) return false;
  double when;
  if (!lib::to_double(vm, a.args[3], when, "when")) return false;
  handles->items.push_back(a.args[2]);
  whens->items.push_back(Value::number(when));
  TimerHeap h{handles->items, whens->items};
  sift_down(h, 0, handles->items.size() - 1);
  out = Value();
  return true;
}

// timer_pop(handles, whens) is heapq.heappop: the earliest handle.
bool k_timer_pop(VM& vm, const CallArgs& a, Value& out) {
  List *handles, *whens;
  if (!heap_args(vm, a, "timer_pop", 2, handles, whens)) return false;
  ValueVec& items = handles->items;
  if (items.empty()) return vm.raise(vm.types().index_error, "index out of range");
  Value last = items.back();
  Value last_when = whens->items.back();
  items.pop_back();
  whens->items.pop_back();
  if (items.empty()) {
    out = last;
    return true;
  }
  out = items[0];
  items[0] = last;
  whens->items[0] = last_when;
  TimerHeap h{items, whens->items};
  sift_up(h, 0);
  return true;
}

// timer_heapify(handles, whens) is heapq.heapify ordered by when.
bool k_timer_heapify(VM& vm, const CallArgs& a, Value& out) {
  List *handles, *whens;
  if (!heap_args(vm, a, "timer_heapify", 2, handles, whens)) return false;
  for (Value& w : whens->items) {
    double d;
    if (!lib::to_double(vm, w, d, "when")) return false;
    w = Value::number(d);
  }
  TimerHeap h{handles->items, whens->items};
  for (size_t i = handles->items.size() / 2; i-- > 0;) sift_up(h, i);
  out = Value();
  return true;
}

// kReadyIdsShown caps how many task ids one LoopIteration event lists.
constexpr size_t kReadyIdsShown = 64;

// attr_of reads an instance attribute straight from its __dict__ (no descriptors).
bool attr_of(VM& vm, Value obj, Str* name, Value& out) {
  Instance* in = lib::as_instance(obj);
  if (!in || !in->attrs) return false;
  bool found = false;
  if (!vm.dict_get(in->attrs, Value::object(name), out, found)) {
    vm.clear_exception();
    return false;
  }
  return found;
}

// ready_ids(handles) is "3,5,8": the task ids whose step or wakeup a ready queue holds. An
// entry is a Handle (its _callback) or a (callback, arg) tuple.
bool k_ready_ids(VM& vm, const CallArgs& a, Value& out) {
  if (!lib::no_kwargs(vm, a, "ready_ids") || !lib::arg_count(vm, a, "ready_ids", 1, 1)) return false;
  List* ready = as_list(a.args[0]);
  if (!ready) return vm.raise(vm.types().type_error, "ready_ids() needs a list");
  Str* callback_name = vm.intern("_callback");
  Str* kid_name = vm.intern("_kid");
  // task_of is the task id whose step or wakeup a ready entry is, or -1.
  auto task_of = [&](Value handle) -> int64_t {
    Value cb, kid;
    if (Tuple* entry = lib::as_tuple(handle)) {
      if (entry->items.empty()) return -1;
      cb = entry->items[0];
    } else if (!attr_of(vm, handle, callback_name, cb)) {
      return -1;
    }
    if (!lib::is_kind(cb, ObjKind::BoundMethod)) return -1;
    if (!attr_of(vm, static_cast<BoundMethod*>(cb.o)->self, kid_name, kid) || !kid.is_int()) return -1;
    return kid.i;
  };
  Scheduler& s = static_cast<Scheduler&>(vm.ctx());
  if (ChoiceHook* hook = s.settings().hook; hook && ready->items.size() > 1) {
    // The explorer orders the batch: the loop runs it in the list's order (docs/RUNTIME.md).
    std::vector<uint32_t> tasks, order;
    for (Value handle : ready->items) {
      int64_t kid = task_of(handle);
      tasks.push_back(kid < 0 ? 0 : static_cast<uint32_t>(kid));
      order.push_back(static_cast<uint32_t>(order.size()));
    }
    hook->order_ready(s, tasks, order);
    ValueVec items;
    for (uint32_t i : order) items.push_back(ready->items[i]);
    ready->items = std::move(items);
  }
  std::string text;
  size_t shown = 0;
  for (Value handle : ready->items) {
    int64_t kid = task_of(handle);
    if (kid < 0) continue;
    if (shown == kReadyIdsShown) {
      text += ",...";
      break;
    }
    if (!text.empty()) text += ',';
    text += std::to_string(kid);
    ++shown;
  }
  out = lib::make_str(vm, text);
  return true;
}

// is_coroutine_function(f) says whether f (or the function a bound method wraps) is an async def.
bool k_is_coroutine_function(VM& vm, const CallArgs& a, Value& out) {
  if (!lib::no_kwargs(vm, a, "is_coroutine_function") || !lib::arg_count(vm, a, "is_coroutine_function", 1, 1)) {
    return false;
  }
  Value f = a.args[0];
  if (lib::is_kind(f, ObjKind::BoundMethod)) f = static_cast<BoundMethod*>(f.o)->func;
  bool coroutine = lib::is_kind(f, ObjKind::Function) && (static_cast<Function*>(f.o)->code->flags & kCodeCoroutine);
  out = Value::boolean(coroutine);
  return true;
}

}  // namespace

void add_asyncio_natives(VM& vm, Module* m) {
  lib::define(vm, m, "timer_push", k_timer_push);
  lib::define(vm, m, "timer_pop", k_timer_pop);
  lib::define(vm, m, "timer_heapify", k_timer_heapify);
  lib::define(vm, m, "ready_ids", k_ready_ids);
  lib::define(vm, m, "is_coroutine_function", k_is_coroutine_function);
}

}  // namespace interleave
