// Coroutine tasks: the asyncio layer reports its tasks and its loop's iterations so the
// events show each coroutine's state on the thread that runs its loop.
#include <charconv>

#include "runtime/scheduler.h"
#include "vm/vm.h"

namespace interleave {

uint32_t Scheduler::task_new(std::string name, int64_t parent, bool machinery) {
  uint32_t t = current();
  Thread& th = threads_[t];
  uint32_t index = static_cast<uint32_t>(logicals_.size());
  logicals_.emplace_back();
  Logical& lg = logicals_.back();
  lg.name = std::move(name);
  lg.thread = t;
  lg.root = th.logical < 0;
  lg.id = new_id(true, index);
  uint32_t from = parent >= 0 ? static_cast<uint32_t>(parent) : event_task(t);
  emit(EventKind::TaskCreated, now(), lg.id, thread_line(t), static_cast<double>(from), machinery ? 3 : 1,
       log_.intern(lg.name));
  return lg.id;
}

int64_t Scheduler::current_logical() const { return threads_[current()].logical; }

void Scheduler::task_enter(uint32_t id) {
  if (id >= ids_.size() || !ids_[id].logical) return;
  uint32_t t = current();
  Thread& th = threads_[t];
  Logical& lg = logicals_[ids_[id].index];
  lg.thread = t;
  lg.state = LogicalState::Running;
  th.logical = id;
  double time = now();
  uint32_t line = thread_line(t);
  if (!lg.started) {
    lg.started = true;
    emit(EventKind::TaskStart, time, id, line);
  }
  emit(EventKind::Running, time, id, line, 0.0, static_cast<uint16_t>(th.core < 0 ? 0 : th.core));
}

void Scheduler::task_leave() {
  uint32_t t = current();
  Thread& th = threads_[t];
  if (th.logical < 0) return;
  Logical& lg = logicals_[ids_[th.logical].index];
  if (lg.state == LogicalState::Running) {
    lg.state = LogicalState::Ready;
    emit(EventKind::Preempted, now(), lg.id, thread_line(t), 0.0, static_cast<uint16_t>(th.core < 0 ? 0 : th.core));
  }
  th.logical = -1;
}

void Scheduler::task_blocked(uint32_t id, uint16_t reason, std::string description, double deadline) {
  if (id >= ids_.size() || !ids_[id].logical) return;
  Logical& lg = logicals_[ids_[id].index];
  lg.state = LogicalState::Blocked;
  lg.waits_for = description;
  emit(EventKind::Blocked, now(), id, thread_line(current()), deadline, reason, log_.intern(description));
}

void Scheduler::task_end(uint32_t id, uint16_t status, std::string text) {
  if (id >= ids_.size() || !ids_[id].logical) return;
  Logical& lg = logicals_[ids_[id].index];
  lg.state = LogicalState::Done;
  uint32_t t = current();
  if (threads_[t].logical == static_cast<int64_t>(id)) threads_[t].logical = -1;
  emit(EventKind::TaskEnd, now(), id, thread_line(t), 0.0, status, log_.intern(text));
}

void Scheduler::task_cancelled(uint32_t target) {
  uint32_t t = current();
  emit(EventKind::TaskCancelled, now(), event_task(t), thread_line(t), static_cast<double>(target));
}

void Scheduler::loop_iteration(std::string_view ready, double n) {
  uint32_t t = current();
  double time = now();
  emit(EventKind::LoopIteration, time, threads_[t].id, thread_line(t), n, 0, log_.intern(ready));
  size_t pos = 0;
  while (pos < ready.size()) {
    size_t comma = ready.find(',', pos);
    if (comma == std::string_view::npos) comma = ready.size();
    uint32_t id = 0;
    auto [end, ec] = std::from_chars(ready.data() + pos, ready.data() + comma, id);
    (void)end;
    if (ec == std::errc() && id < ids_.size() && ids_[id].logical) {
      Logical& lg = logicals_[ids_[id].index];
      if (lg.state == LogicalState::Blocked) {
        lg.state = LogicalState::Ready;
        emit(EventKind::Wake, time, id, 0);
      }
    }
    pos = comma + 1;
  }
}

void Scheduler::loop_enter() { threads_[current()].loop = true; }

void Scheduler::loop_exit() { threads_[current()].loop = false; }

}  // namespace interleave
