// The time module on the simulated clock: sleep() hands the task to the runtime, and the
// clocks read simulated seconds. time.time() is a fixed epoch (2024-01-01 00:00:00 UTC)
// plus simulated seconds, so timestamps look real but every run prints the same ones.
// The calendar half (struct_time, strftime, gmtime, ...) is Python (stdlib/_pytime.py),
// imported by the module's __getattr__ on first use so `import time` stays free.
#include <cmath>

#include "vm/bigint.h"
#include "vm/library.h"

namespace interleave {
namespace lib {
namespace {

constexpr double kEpochBase = 1'704'067'200.0;

bool seconds_arg(VM& vm, const CallArgs& a, const char* fn, double& out) {
  if (!no_kwargs(vm, a, fn)) return false;
  if (a.nargs != 1)
    return raise_fmt(vm, vm.types().type_error, "%s() takes exactly one argument (%u given)", fn, a.nargs);
  Value v = a.args[0];
  if (v.is_float()) {
    out = v.f;
    if (std::fabs(out) > kMaxTimeSeconds)
      return vm.raise(vm.types().overflow_error, "timestamp out of range for platform time_t");
  } else if (is_anyint(v)) {
    if (!is_intlike(v)) return vm.raise(vm.types().overflow_error, "timestamp too large to convert to C _PyTime_t");
    out = static_cast<double>(int_of(v));
    if (std::fabs(out) > kMaxTimeSeconds)
      return vm.raise(vm.types().overflow_error, "timestamp too large to convert to C _PyTime_t");
  } else if (as_instance(v)) {
    if (!to_double(vm, v, out, nullptr)) return false;
  } else {
    return vm.raise(vm.types().type_error, "'" + vm.type_name(v) + "' object cannot be interpreted as an integer");
  }
  if (std::isnan(out)) return vm.raise(vm.types().value_error, "Invalid value NaN (not a number)");
  return true;
}

bool t_sleep(VM& vm, const CallArgs& a, Value& out) {
  double s;
  if (!seconds_arg(vm, a, "sleep", s)) return false;
  if (s < 0) return vm.raise(vm.types().value_error, "sleep length must be non-negative");
  vm.ctx().sleep(vm.current_task(), s, vm.current_line());
  out = Value();
  return !vm.has_exception();
}

bool no_args(VM& vm, const CallArgs& a, const char* fn) {
  if (!no_kwargs(vm, a, fn)) return false;
  if (a.nargs) return raise_fmt(vm, vm.types().type_error, "time.%s() takes no arguments (%u given)", fn, a.nargs);
  return true;
}

bool t_time(VM& vm, const CallArgs& a, Value& out) {
  if (!no_args(vm, a, "time")) return false;
  out = Value::number(kEpochBase + vm.ctx().now());
  return true;
}

bool t_clock(VM& vm, const CallArgs& a, Value& out) {
  if (!no_args(vm, a, "perf_counter")) return false;
  out = Value::number(vm.ctx().now());
  return true;
}

bool t_time_ns(VM& vm, const CallArgs& a, Value& out) {
  if (!no_args(vm, a, "time_ns")) return false;
  out = Value::integer(static_cast<int64_t>(kEpochBase) * 1'000'000'000 +
                       static_cast<int64_t>(std::llround(vm.ctx().now() * 1e9)));
  return true;
}

bool t_clock_ns(VM& vm, const CallArgs& a, Value& out) {
  if (!no_args(vm, a, "perf_counter_ns")) return false;
  out = Value::integer(static_cast<int64_t>(std::llround(vm.ctx().now() * 1e9)));
  return true;
}

// t_getattr is the module's __getattr__: names of the calendar half come from _pytime.
bool t_getattr(VM& vm, const CallArgs& a, Value& out) {
  Str* name = a.nargs == 1 ? as_str(a.args[0]) : nullptr;
  if (!name) return vm.raise(vm.types().type_error, "__getattr__() takes exactly one argument");
  Value py;
  if (name->s.empty() || name->s[0] != '_' || name->s == "__doc__") {
    if (!vm.import_module("_pytime", py)) return false;
    Module* m = static_cast<Module*>(py.o);
    bool found = false;
    if (!vm.dict_get(m->dict, a.args[0], out, found)) return false;
    if (found) return true;
  }
  return raise_fmt(vm, vm.types().attribute_error, "module 'time' has no attribute '%s'", name->s.c_str());
}

bool t_utcoffset(VM&, const CallArgs&, Value& out) {
  out = Value::integer(0);
  return true;
}

}  // namespace

bool make_time_module(VM& vm, Module* m) {
  define(vm, m, "sleep", t_sleep);
  define(vm, m, "time", t_time);
  define(vm, m, "time_ns", t_time_ns);
  define(vm, m, "__getattr__", t_getattr);
  define(vm, m, "_utcoffset", t_utcoffset);
  for (const char* n : {"perf_counter", "monotonic", "process_time", "thread_time"}) define(vm, m, n, t_clock);
  for (const char* n : {"perf_counter_ns", "monotonic_ns", "process_time_ns", "thread_time_ns"})
    define(vm, m, n, t_clock_ns);
  return true;
}

}  // namespace lib
}  // namespace interleave
