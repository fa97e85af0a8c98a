#include "runtime/sequential.h"

#include "vm/task.h"
#include "vm/vm.h"

namespace interleave {

SequentialRuntime::SequentialRuntime(const CostModel& costs, uint64_t seed, bool trace_lines, EventLog& log)
    : costs_(costs), trace_lines_(trace_lines), log_(log) {
  random_.seed_unsigned(seed);
}

void SequentialRuntime::start_clock() {
  waited_ = 0.0;
  if (!vm_) return;
  base_steps_ = vm_->steps();
  base_calls_ = vm_->python_calls();
  base_natives_ = vm_->native_calls();
  base_allocs_ = vm_->allocations();
}

double SequentialRuntime::now() const {
  if (!vm_) return waited_;
  return waited_ + static_cast<double>(vm_->steps() - base_steps_) * costs_.instruction +
         static_cast<double>(vm_->python_calls() - base_calls_) * costs_.call +
         static_cast<double>(vm_->native_calls() - base_natives_) * costs_.native_call +
         static_cast<double>(vm_->allocations() - base_allocs_) * costs_.alloc;
}

void SequentialRuntime::write(Task* task, std::string_view text, uint32_t line) {
  output_.append(text.data(), text.size());
  log_.emit(EventKind::Print, now(), task ? task->id : 0, line, 0.0, 0, log_.intern(text));
}

void SequentialRuntime::sleep(Task* task, double seconds, uint32_t line) {
  uint32_t id = task ? task->id : 0;
  if (seconds < 0) seconds = 0;
  log_.emit(EventKind::Sleep, now(), id, line, seconds);
  waited_ += seconds;
  log_.emit(EventKind::Wake, now(), id, line);
}

void SequentialRuntime::cpu(Task* task, double seconds, uint32_t line) {
  if (seconds < 0) seconds = 0;
  log_.emit(EventKind::Cpu, now(), task ? task->id : 0, line, seconds);
  waited_ += seconds;
}

void SequentialRuntime::line(Task* task, uint32_t line) {
  if (trace_lines_) log_.emit(EventKind::Line, now(), task->id, line);
}

}  // namespace interleave
