// Kernel locks. A release wakes the longest waiter, which retries the lock a moment
// later (the wake-up latency of a futex): if the releasing thread took the lock back
// first, the waiter goes back to waiting, as with CPython's locks.
#include <algorithm>

#include "runtime/scheduler.h"
#include "vm/object.h"
#include "vm/vm.h"

namespace interleave {

namespace {
// kWakeLatency is how long a woken lock waiter takes to retry the lock.
constexpr double kWakeLatency = 10e-6;
}  // namespace

uint32_t Scheduler::new_lock(Instance* obj, uint16_t reason, Value label) {
  uint32_t id;
  if (!free_locks_.empty()) {
    id = free_locks_.back();
    free_locks_.pop_back();
  } else {
    id = static_cast<uint32_t>(locks_.size());
    locks_.emplace_back();
  }
  Lock& lock = locks_[id];
  lock = Lock{};
  lock.obj = obj;
  lock.live = true;
  lock.reason = reason;
  lock.label = label;
  return id;
}

bool Scheduler::lock_acquire(uint32_t id, bool blocking, double timeout, Value& out) {
  Lock& lock = locks_[id];
  uint32_t t = current();
  if (!lock.locked) {
    lock.locked = true;
    lock.owner = static_cast<int32_t>(t);
    out = Value::boolean(true);
    return true;
  }
  if (!blocking || timeout == 0) {
    out = Value::boolean(false);
    return true;
  }
  Thread& th = threads_[t];
  th.wait = WaitKind::Lock;
  th.wait_lock = id;
  th.deadline = timeout < 0 ? -1.0 : now() + timeout;
  th.result_bool = false;
  return suspend(t, out);
}

bool Scheduler::lock_release(uint32_t id) {
  if (!locks_[id].locked) return false;
  release_lock_at(id, now());
  return true;
}

void Scheduler::release_lock_at(uint32_t id, double time) {
  Lock& lock = locks_[id];
  lock.locked = false;
  lock.owner = -1;
  if (lock.waiters.empty()) return;
  uint32_t w = lock.waiters.front();
  lock.waiters.pop_front();
  add_timer(time + kWakeLatency, TimerKind::LockRetry, w, threads_[w].wait_gen);
  // The running thread's quantum ends at the retry, so the two interleave in time order.
  if (active_ >= 0) vm_->request_block();
}

void Scheduler::switch_locals(uint32_t t) {
  Value key = Value::integer(static_cast<int64_t>(t));
  for (Instance* obj : locals_) {
    if (!obj->native.is_obj() || !obj->native.o || obj->native.o->kind != ObjKind::Dict) continue;
    Dict* per = static_cast<Dict*>(obj->native.o);
    Value d;
    bool found = false;
    if (!vm_->dict_get(per, key, d, found)) {
      vm_->clear_exception();
      continue;
    }
    if (!found) {
      d = Value::object(vm_->new_dict());
      if (!vm_->dict_set(per, key, d)) {
        vm_->clear_exception();
        continue;
      }
    }
    obj->attrs = static_cast<Dict*>(d.o);
  }
  locals_thread_ = static_cast<int32_t>(t);
}

void Scheduler::register_local(Instance* obj) {
  Dict* per = vm_->new_dict();
  if (!obj->attrs) obj->attrs = vm_->new_dict();
  uint32_t t = current();
  if (!vm_->dict_set(per, Value::integer(static_cast<int64_t>(t)), Value::object(obj->attrs))) vm_->clear_exception();
  obj->native = Value::object(per);
  locals_.push_back(obj);
  locals_thread_ = -1;
  switch_locals(t);
}

}  // namespace interleave
