// The natives of `_interleave` (the API is listed in runtime/kernel.h) and its lock type.
#include "runtime/kernel.h"

#include <cmath>

#include "runtime/kernel_io.h"
#include "runtime/scheduler.h"
#include "vm/bigint.h"
#include "vm/library.h"
#include "vm/task.h"
#include "vm/vm.h"

namespace interleave {

using namespace lib;

namespace {

Scheduler& sched(VM& vm) { return static_cast<Scheduler&>(vm.ctx()); }

// run_ended is the exception a waiting native raises when the run ends under it: it only
// unwinds a task whose events and output no longer count.
bool run_ended(VM& vm) { return vm.raise(vm.types().step_limit_error, "the run has ended"); }

bool number(VM& vm, Value v, const char* what, double& out) {
  if (v.is_float()) out = v.f;
  else if (is_intlike(v)) out = static_cast<double>(int_of(v));
  else if (is_anyint(v)) return vm.raise(vm.types().overflow_error, "timestamp too large to convert to C _PyTime_t");
  else return raise_fmt(vm, vm.types().type_error, "%s must be a number, not %s", what, vm.type_name(v).c_str());
  if (std::isnan(out)) return vm.raise(vm.types().value_error, "Invalid value NaN (not a number)");
  return true;
}

bool text(VM& vm, Value v, const char* what, std::string& out) {
  Str* s = as_str(v);
  if (!s) return raise_fmt(vm, vm.types().type_error, "%s must be a str, not %s", what, vm.type_name(v).c_str());
  out = s->s;
  return true;
}

bool integer(VM& vm, Value v, const char* what, int64_t& out) {
  if (!is_intlike(v))
    return raise_fmt(vm, vm.types().type_error, "%s must be an int, not %s", what, vm.type_name(v).c_str());
  out = int_of(v);
  return true;
}

// ---- the lock type ----

bool lock_of(VM& vm, Value self, uint32_t& id) {
  Instance* in = as_instance(self);
  if (!in || in->cls != sched(vm).lock_class() || !in->native.is_int()) {
    return vm.raise(vm.types().type_error, "descriptor requires a '_thread.lock' object");
  }
  id = static_cast<uint32_t>(in->native.i);
  return true;
}

bool acquire_with(VM& vm, uint32_t id, bool blocking, double timeout, Value& out) {
  if (!sched(vm).lock_acquire(id, blocking, timeout, out)) return run_ended(vm);
  return true;
}

bool l_acquire(VM& vm, const CallArgs& a, Value& out) {
  uint32_t id = 0;
  if (a.nargs < 1 || !lock_of(vm, a.args[0], id))
    return a.nargs < 1 ? vm.raise(vm.types().type_error, "acquire() needs a lock") : false;
  Value p[2];
  uint32_t given = 0;
  if (!bind(vm, a, Params{"acquire", {"blocking", "timeout"}, 0}, p, given, 1)) return false;
  bool blocking = true;
  if ((given & 1) && !vm.truthy(p[0], blocking)) return false;
  double timeout = -1;
  if ((given & 2) && !p[1].is_none() && !number(vm, p[1], "timeout", timeout)) return false;
  // timeout: CPython converts it to int64 nanoseconds first, refusing what does not fit.
  if (std::fabs(timeout) > kMaxTimeSeconds) {
    return vm.raise(vm.types().overflow_error, "timestamp out of range for platform time_t");
  }
  if (!blocking && timeout != -1)
    return vm.raise(vm.types().value_error, "can't specify a timeout for a non-blocking call");
  if (timeout < 0 && timeout != -1)
    return vm.raise(vm.types().value_error, "timeout value must be a non-negative number");
  return acquire_with(vm, id, blocking, timeout, out);
}

bool l_enter(VM& vm, const CallArgs& a, Value& out) {
  uint32_t id = 0;
  if (a.nargs < 1 || !lock_of(vm, a.args[0], id)) return false;
  return acquire_with(vm, id, true, -1, out);
}

bool l_release(VM& vm, const CallArgs& a, Value& out) {
  uint32_t id = 0;
  if (a.nargs < 1 || !lock_of(vm, a.args[0], id)) return false;
  if (!sched(vm).lock_release(id)) return vm.raise(vm.types().runtime_error, "release unlocked lock");
  out = Value::none();
  return true;
}

bool l_locked(VM& vm, const CallArgs& a, Value& out) {
  uint32_t id = 0;
  if (a.nargs < 1 || !lock_of(vm, a.args[0], id)) return false;
  out = Value::boolean(sched(vm).lock_locked(id));
  return true;
}

bool l_repr(VM& vm, const CallArgs& a, Value& out) {
  uint32_t id = 0;
  if (a.nargs < 1 || !lock_of(vm, a.args[0], id)) return false;
  std::string s = std::string("<") + (sched(vm).lock_locked(id) ? "locked" : "unlocked") + " _thread.lock object at " +
                  address(vm, a.args[0].o) + ">";
  out = vm.str_value(s);
  return true;
}

Value new_lock(VM& vm, uint16_t reason, Value label) {
  Instance* in = vm.alloc<Instance>();
  in->cls = sched(vm).lock_class();
  uint32_t id = sched(vm).new_lock(in, reason, label);
  in->native = Value::integer(id);
  return Value::object(in);
}

// ---- module functions ----

bool k_now(VM& vm, const CallArgs& a, Value& out) {
  if (!arg_count(vm, a, "now", 0, 0)) return false;
  out = Value::number(sched(vm).now());
  return true;
}

bool k_settings(VM& vm, const CallArgs& a, Value& out) {
  if (!arg_count(vm, a, "settings", 0, 0)) return false;
  const RuntimeSettings& s = sched(vm).settings();
  Dict* d = vm.new_dict();
  auto put = [&](const char* k, Value v) { return vm.dict_set(d, vm.str_value(k), v); };
  bool ok = put("gil", Value::boolean(s.gil)) && put("cores", Value::integer(s.cores)) &&
            put("switch_interval", Value::number(sched(vm).switch_interval())) &&
            put("time_slice", Value::number(s.time_slice)) && put("sequential", Value::boolean(s.sequential)) &&
            put("seed", Value::integer(static_cast<int64_t>(s.seed))) &&
            put("network_latency", Value::number(s.network_latency)) &&
            put("network_capacity", s.network_capacity < 0 ? Value() : Value::integer(s.network_capacity));
  if (!ok) return false;
  out = Value::object(d);
  return true;
}

bool k_cpu_count(VM& vm, const CallArgs& a, Value& out) {
  if (!arg_count(vm, a, "cpu_count", 0, 0)) return false;
  out = Value::integer(sched(vm).settings().cores);
  return true;
}

bool k_start_thread(VM& vm, const CallArgs& a, Value& out) {
  Value p[5] = {Value(), Value(), Value(), Value(), Value::boolean(false)};
  uint32_t given = 0;
  if (!bind(vm, a, Params{"start_thread", {"fn", "args", "kwargs", "name", "daemon"}, 1}, p, given)) return false;
  Scheduler& s = sched(vm);
  ValueVec args;
  if ((given & 2) && !p[1].is_none() && !collect(vm, p[1], args)) return false;
  Value fn = p[0];
  Dict* kwargs = as_dict(p[2]);
  if (kwargs && kwargs->count > 0) {
    // Keyword arguments go through threading._call(fn, args, kwargs), a Python frame.
    Value threading, call;
    if (!vm.import_module("threading", threading) || !vm.get_attr(threading, vm.intern("_call"), call)) return false;
    Value tuple = Value::object(vm.new_tuple(std::move(args)));
    args = {fn, tuple, p[2]};
    fn = call;
  }
  std::string name;
  if ((given & 8) && !p[3].is_none()) {
    if (!text(vm, p[3], "name", name)) return false;
  } else {
    name = "Thread-" + std::to_string(s.thread_count());
  }
  bool daemon = false;
  if (!vm.truthy(p[4], daemon)) return false;
  uint32_t t = s.spawn(fn, std::move(args), std::move(name), daemon);
  out = Value::integer(static_cast<int64_t>(s.ident_of(t)));
  return true;
}

bool k_get_ident(VM& vm, const CallArgs& a, Value& out) {
  if (!arg_count(vm, a, "get_ident", 0, 0)) return false;
  out = Value::integer(static_cast<int64_t>(sched(vm).ident_of(sched(vm).current())));
  return true;
}

bool k_main_ident(VM& vm, const CallArgs& a, Value& out) {
  if (!arg_count(vm, a, "main_ident", 0, 0)) return false;
  Scheduler& s = sched(vm);
  int32_t main = s.process_main_thread(s.process_of(s.current()));
  out = Value::integer(static_cast<int64_t>(s.ident_of(main < 0 ? 0 : static_cast<uint32_t>(main))));
  return true;
}

bool thread_arg(VM& vm, Value v, int64_t& thread) {
  Scheduler& s = sched(vm);
  if (v.is_none()) {
    thread = s.current();
    return true;
  }
  int64_t ident = 0;
  if (!integer(vm, v, "ident", ident)) return false;
  thread = s.thread_of_ident(static_cast<uint64_t>(ident));
  if (thread < 0) return vm.raise(vm.types().value_error, "no thread with ident " + std::to_string(ident));
  return true;
}

bool k_native_id(VM& vm, const CallArgs& a, Value& out) {
  Value p[1];
  uint32_t given = 0;
  if (!bind(vm, a, Params{"native_id", {"ident"}, 0}, p, given)) return false;
  int64_t t = 0;
  if (!thread_arg(vm, p[0], t)) return false;
  out = Value::integer(1000 + t);
  return true;
}

bool k_set_name(VM& vm, const CallArgs& a, Value& out) {
  Value p[2];
  uint32_t given = 0;
  if (!bind(vm, a, Params{"set_name", {"ident", "name"}, 2}, p, given)) return false;
  int64_t t = 0;
  std::string name;
  if (!thread_arg(vm, p[0], t) || !text(vm, p[1], "name", name)) return false;
  sched(vm).set_thread_name(static_cast<uint32_t>(t), std::move(name));
  out = Value::none();
  return true;
}

bool k_allocate_lock(VM& vm, const CallArgs& a, Value& out) {
  Value p[2] = {Value::integer(1), Value()};
  uint32_t given = 0;
  if (!bind(vm, a, Params{"allocate_lock", {"reason", "label"}, 0}, p, given)) return false;
  int64_t reason = 0;
  if (!integer(vm, p[0], "reason", reason)) return false;
  out = new_lock(vm, static_cast<uint16_t>(reason), p[1]);
  return true;
}

bool k_sentinel(VM& vm, const CallArgs& a, Value& out) {
  Value p[1];
  uint32_t given = 0;
  if (!bind(vm, a, Params{"sentinel", {"label"}, 0}, p, given)) return false;
  Scheduler& s = sched(vm);
  out = new_lock(vm, static_cast<uint16_t>(BlockReason::Join), p[0]);
  uint32_t id = static_cast<uint32_t>(static_cast<Instance*>(out.o)->native.i);
  Value ignored;
  if (!s.lock_acquire(id, false, -1, ignored)) return run_ended(vm);
  s.add_sentinel(s.current(), id);
  return true;
}

bool k_at_shutdown(VM& vm, const CallArgs& a, Value& out) {
  if (!arg_count(vm, a, "at_shutdown", 1, 1)) return false;
  // A child process's bootstrap shuts its threads down itself (multiprocessing._child_main).
  if (sched(vm).process_of(sched(vm).current()) == 0) sched(vm).add_shutdown(a.args[0]);
  out = Value::none();
  return true;
}

bool k_task_failed(VM& vm, const CallArgs& a, Value& out) {
  if (!arg_count(vm, a, "task_failed", 1, 1)) return false;
  std::string t;
  if (!text(vm, a.args[0], "text", t)) return false;
  sched(vm).mark_failed(sched(vm).current(), std::move(t));
  out = Value::none();
  return true;
}

bool k_local_register(VM& vm, const CallArgs& a, Value& out) {
  if (!arg_count(vm, a, "local_register", 1, 1)) return false;
  Instance* in = as_instance(a.args[0]);
  if (!in) return vm.raise(vm.types().type_error, "local_register() needs an instance");
  sched(vm).register_local(in);
  out = Value::none();
  return true;
}

bool k_label(VM& vm, const CallArgs& a, Value& out) {
  if (!arg_count(vm, a, "label", 1, 1)) return false;
  out = vm.str_value(sched(vm).describe(a.args[0]));
  return true;
}

bool k_format_exception(VM& vm, const CallArgs& a, Value& out) {
  if (!arg_count(vm, a, "format_exception", 1, 1)) return false;
  if (!vm.exception_data(a.args[0])) return vm.raise(vm.types().type_error, "format_exception() needs an exception");
  out = vm.str_value(sched(vm).format_exception(a.args[0]));
  return true;
}

bool k_write_stderr(VM& vm, const CallArgs& a, Value& out) {
  if (!arg_count(vm, a, "write_stderr", 1, 1)) return false;
  std::string t;
  if (!text(vm, a.args[0], "text", t)) return false;
  sched(vm).write_error(t);
  out = Value::none();
  return !vm.aborting();
}

bool request_args(VM& vm, const CallArgs& a, const char* fn, std::string& method, std::string& url) {
  Value p[3];
  uint32_t given = 0;
  if (!bind(vm, a, Params{fn, {"method", "url", "body"}, 2}, p, given)) return false;
  return text(vm, p[0], "method", method) && text(vm, p[1], "url", url);
}

bool k_io_request(VM& vm, const CallArgs& a, Value& out) {
  std::string method, url;
  if (!request_args(vm, a, "io_request", method, url)) return false;
  out = Value::integer(sched(vm).io_request(std::move(method), std::move(url)));
  return true;
}

bool k_request(VM& vm, const CallArgs& a, Value& out) {
  std::string method, url;
  if (!request_args(vm, a, "request", method, url)) return false;
  if (!sched(vm).io_call(std::move(method), std::move(url), out)) return run_ended(vm);
  return true;
}

bool k_io_wait(VM& vm, const CallArgs& a, Value& out) {
  Value p[1];
  uint32_t given = 0;
  if (!bind(vm, a, Params{"io_wait", {"timeout"}, 0}, p, given)) return false;
  double timeout = -1;
  if (!p[0].is_none()) {
    if (!number(vm, p[0], "timeout", timeout)) return false;
    if (timeout < 0) timeout = 0;
  }
  if (!sched(vm).io_wait(timeout, out)) return run_ended(vm);
  return true;
}

bool k_io_wakeup(VM& vm, const CallArgs& a, Value& out) {
  Value p[1];
  uint32_t given = 0;
  if (!bind(vm, a, Params{"io_wakeup", {"ident"}, 0}, p, given)) return false;
  int64_t thread = -1;
  if (!p[0].is_none() && !thread_arg(vm, p[0], thread)) return false;
  sched(vm).io_wakeup(thread);
  out = Value::none();
  return true;
}

bool k_io_result(VM& vm, const CallArgs& a, Value& out) {
  if (!arg_count(vm, a, "io_result", 1, 1)) return false;
  int64_t token = 0;
  if (!integer(vm, a.args[0], "token", token)) return false;
  if (token <= 0 || !sched(vm).io_result(static_cast<uint32_t>(token), out)) {
    return vm.raise(vm.types().value_error, "no request with token " + std::to_string(token));
  }
  return true;
}

bool k_task_new(VM& vm, const CallArgs& a, Value& out) {
  Value p[3];
  uint32_t given = 0;
  if (!bind(vm, a, Params{"task_new", {"name", "parent_id", "machinery"}, 1}, p, given)) return false;
  std::string name;
  if (!text(vm, p[0], "name", name)) return false;
  int64_t parent = -1;
  if (!p[1].is_none() && !integer(vm, p[1], "parent_id", parent)) return false;
  bool machinery = false;
  if ((given & 4) && !vm.truthy(p[2], machinery)) return false;
  out = Value::integer(sched(vm).task_new(std::move(name), parent, machinery));
  return true;
}

bool task_id(VM& vm, Value v, uint32_t& id) {
  int64_t n = 0;
  if (!integer(vm, v, "id", n)) return false;
  if (n < 0) return vm.raise(vm.types().value_error, "task ids are non-negative");
  id = static_cast<uint32_t>(n);
  return true;
}

bool k_task_enter(VM& vm, const CallArgs& a, Value& out) {
  uint32_t id = 0;
  if (!arg_count(vm, a, "task_enter", 1, 1) || !task_id(vm, a.args[0], id)) return false;
  sched(vm).task_enter(id);
  out = Value::none();
  return true;
}

bool k_task_leave(VM& vm, const CallArgs& a, Value& out) {
  if (!arg_count(vm, a, "task_leave", 0, 0)) return false;
  sched(vm).task_leave();
  out = Value::none();
  return true;
}

bool k_task_blocked(VM& vm, const CallArgs& a, Value& out) {
  Value p[4];
  uint32_t given = 0;
  if (!bind(vm, a, Params{"task_blocked", {"id", "reason", "description", "deadline"}, 3}, p, given)) return false;
  uint32_t id = 0;
  int64_t reason = 0;
  if (!task_id(vm, p[0], id) || !integer(vm, p[1], "reason", reason)) return false;
  std::string description;
  if (as_str(p[2])) description = as_str(p[2])->s;
  else description = sched(vm).describe(p[2]);
  double deadline = -1;
  if (!p[3].is_none() && !number(vm, p[3], "deadline", deadline)) return false;
  sched(vm).task_blocked(id, static_cast<uint16_t>(reason), std::move(description), deadline);
  out = Value::none();
  return true;
}

bool k_task_end(VM& vm, const CallArgs& a, Value& out) {
  Value p[3] = {Value(), Value::integer(0), Value()};
  uint32_t given = 0;
  if (!bind(vm, a, Params{"task_end", {"id", "status", "text"}, 1}, p, given)) return false;
  uint32_t id = 0;
  int64_t status = 0;
  if (!task_id(vm, p[0], id) || !integer(vm, p[1], "status", status)) return false;
  std::string t;
  if ((given & 4) && !p[2].is_none() && !text(vm, p[2], "text", t)) return false;
  sched(vm).task_end(id, static_cast<uint16_t>(status), std::move(t));
  out = Value::none();
  return true;
}

bool k_task_cancelled(VM& vm, const CallArgs& a, Value& out) {
  uint32_t id = 0;
  if (!arg_count(vm, a, "task_cancelled", 1, 1) || !task_id(vm, a.args[0], id)) return false;
  sched(vm).task_cancelled(id);
  out = Value::none();
  return true;
}

bool k_loop_iteration(VM& vm, const CallArgs& a, Value& out) {
  Value p[2] = {Value(), Value::integer(0)};
  uint32_t given = 0;
  if (!bind(vm, a, Params{"loop_iteration", {"ready_ids", "n"}, 1}, p, given)) return false;
  std::string ready;
  if (!text(vm, p[0], "ready_ids", ready)) return false;
  double n = 0;
  if (!number(vm, p[1], "n", n)) return false;
  sched(vm).loop_iteration(ready, n);
  out = Value::none();
  return true;
}

bool k_loop_enter(VM& vm, const CallArgs& a, Value& out) {
  if (!arg_count(vm, a, "loop_enter", 0, 0)) return false;
  sched(vm).loop_enter();
  out = Value::none();
  return true;
}

bool k_loop_exit(VM& vm, const CallArgs& a, Value& out) {
  if (!arg_count(vm, a, "loop_exit", 0, 0)) return false;
  sched(vm).loop_exit();
  out = Value::none();
  return true;
}

bool k_current_task(VM& vm, const CallArgs& a, Value& out) {
  if (!arg_count(vm, a, "current_task", 0, 0)) return false;
  Scheduler& s = sched(vm);
  out = Value::integer(s.event_task(s.current()));
  return true;
}

}  // namespace

bool make_kernel_module(Scheduler& s, VM& vm, Module*& out) {
  Module* m = vm.new_module("_interleave");
  if (!s.lock_class()) {
    Class* lock = vm.new_class("lock", {}, true);
    vm.define_method(lock, "acquire", l_acquire);
    vm.define_method(lock, "acquire_lock", l_acquire);
    vm.define_method(lock, "__enter__", l_enter);
    vm.define_method(lock, "release", l_release);
    vm.define_method(lock, "release_lock", l_release);
    vm.define_method(lock, "__exit__", l_release);
    vm.define_method(lock, "locked", l_locked);
    vm.define_method(lock, "locked_lock", l_locked);
    vm.define_method(lock, "__repr__", l_repr);
    vm.add_root(Value::object(lock));
    s.set_lock_class(lock);
  }
  define_value(vm, m, "LockType", Value::object(s.lock_class()));
  struct Entry {
    const char* name;
    NativeFn fn;
  };
  static const Entry kFunctions[] = {
      {"now", k_now},
      {"settings", k_settings},
      {"cpu_count", k_cpu_count},
      {"start_thread", k_start_thread},
      {"get_ident", k_get_ident},
      {"main_ident", k_main_ident},
      {"native_id", k_native_id},
      {"set_name", k_set_name},
      {"allocate_lock", k_allocate_lock},
      {"sentinel", k_sentinel},
      {"at_shutdown", k_at_shutdown},
      {"task_failed", k_task_failed},
      {"local_register", k_local_register},
      {"label", k_label},
      {"format_exception", k_format_exception},
      {"write_stderr", k_write_stderr},
      {"io_request", k_io_request},
      {"io_wait", k_io_wait},
      {"io_wakeup", k_io_wakeup},
      {"io_result", k_io_result},
      {"request", k_request},
      {"task_new", k_task_new},
      {"task_enter", k_task_enter},
      {"task_leave", k_task_leave},
      {"task_blocked", k_task_blocked},
      {"task_end", k_task_end},
      {"task_cancelled", k_task_cancelled},
      {"loop_iteration", k_loop_iteration},
      {"loop_enter", k_loop_enter},
      {"loop_exit", k_loop_exit},
      {"current_task", k_current_task},
  };
  for (const Entry& e : kFunctions) define(vm, m, e.name, e.fn);
  add_asyncio_natives(vm, m);
  add_weakref_natives(vm, m);
  add_process_natives(vm, m);
  out = m;
  return true;
}

}  // namespace interleave
