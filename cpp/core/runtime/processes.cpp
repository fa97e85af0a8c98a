// Simulated processes for multiprocessing: each process has its own module table (so its
// own __main__, globals and imported modules) and its own GIL, on the one heap and clock.
// Values cross between processes only as the process-neutral trees multiprocessing's
// Python half builds (pickle semantics), so no object of one process is reachable from
// another's modules. docs/RUNTIME.md describes the model.
#include "runtime/kernel_io.h"
#include "runtime/scheduler.h"
#include "vm/library.h"
#include "vm/vm.h"

namespace interleave {

namespace {
// kMainPid is os.getpid() of the main program; process k has kMainPid + k.
constexpr int64_t kMainPid = 4242;
}  // namespace

uint32_t Scheduler::new_process(std::string name) {
  uint32_t index = static_cast<uint32_t>(procs_.size());
  procs_.emplace_back();
  Proc& p = procs_.back();
  p.name = std::move(name);
  p.parent = threads_.empty() ? -1 : static_cast<int32_t>(threads_[current()].process);
  return index;
}

void Scheduler::install_process(uint32_t process) {
  if (process == installed_) return;
  vm_->swap_modules(procs_[installed_].modules);
  vm_->swap_modules(procs_[process].modules);
  installed_ = process;
}

void Scheduler::set_process_main(uint32_t process, uint32_t thread) {
  procs_[process].main_thread = static_cast<int32_t>(thread);
}

namespace {

Scheduler& sched_of(VM& vm) { return static_cast<Scheduler&>(vm.ctx()); }

uint32_t caller_process(VM& vm) {
  Scheduler& s = sched_of(vm);
  return s.thread_count() == 0 ? 0 : s.process_of(s.current());
}

// process_start(name, entry, payload) creates an empty process and its first thread,
// which calls entry(payload) there: entry imports multiprocessing afresh in the child.
bool k_process_start(VM& vm, const CallArgs& a, Value& out) {
  if (!lib::arg_count(vm, a, "process_start", 3, 3)) return false;
  Str* name = lib::as_str(a.args[0]);
  if (!name) return vm.raise(vm.types().type_error, "process name must be a str");
  Scheduler& s = sched_of(vm);
  uint32_t p = s.new_process(name->s);
  s.spawn(a.args[1], {a.args[2]}, name->s, true, static_cast<int32_t>(p));
  out = Value::integer(p);
  return true;
}

// process_main() runs the program's top level as __mp_main__ in the calling process.
bool k_process_main(VM& vm, const CallArgs& a, Value& out) {
  if (!lib::arg_count(vm, a, "process_main", 0, 0)) return false;
  return vm.run_main_as("__mp_main__", out);
}

bool k_process_id(VM& vm, const CallArgs& a, Value& out) {
  if (!lib::arg_count(vm, a, "process_id", 0, 0)) return false;
  out = Value::integer(caller_process(vm));
  return true;
}

// getpid() and getppid() are os.getpid()/os.getppid() of the calling process.
bool k_getpid(VM& vm, const CallArgs& a, Value& out) {
  if (!lib::arg_count(vm, a, "getpid", 0, 0)) return false;
  out = Value::integer(kMainPid + caller_process(vm));
  return true;
}

bool k_getppid(VM& vm, const CallArgs& a, Value& out) {
  if (!lib::arg_count(vm, a, "getppid", 0, 0)) return false;
  int32_t parent = sched_of(vm).process_parent(caller_process(vm));
  out = Value::integer(parent < 0 ? kMainPid - 1 : kMainPid + parent);
  return true;
}

}  // namespace

void add_process_natives(VM& vm, Module* m) {
  lib::define(vm, m, "process_start", k_process_start);
  lib::define(vm, m, "process_main", k_process_main);
  lib::define(vm, m, "process_id", k_process_id);
  lib::define(vm, m, "getpid", k_getpid);
  lib::define(vm, m, "getppid", k_getppid);
}

}  // namespace interleave
