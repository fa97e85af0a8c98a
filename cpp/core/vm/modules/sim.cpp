// The sim module: knobs of the simulation that plain Python has no words for.
// cpu(seconds) is CPU-bound work that advances the simulated clock while the task keeps
// the CPU; network(latency, capacity) configures the simulated network, whose settings
// stay readable as sim.network_latency and sim.network_capacity and from sim.settings().
#include <cmath>

#include "vm/library.h"

namespace interleave {
namespace lib {
namespace {

bool number_arg(VM& vm, Value v, const char* what, double& out) {
  if (v.is_float()) out = v.f;
  else if (is_intlike(v)) out = static_cast<double>(int_of(v));
  else return raise_fmt(vm, vm.types().type_error, "%s must be a number, not %s", what, vm.type_name(v).c_str());
  if (!std::isfinite(out)) return raise_fmt(vm, vm.types().value_error, "%s must be finite", what);
  if (out < 0) return raise_fmt(vm, vm.types().value_error, "%s must be non-negative", what);
  return true;
}

bool s_cpu(VM& vm, const CallArgs& a, Value& out) {
  Value p[1];
  uint32_t given;
  if (!bind(vm, a, Params{"cpu", {"seconds"}, 1}, p, given)) return false;
  double s = 0;
  if (!number_arg(vm, p[0], "seconds", s)) return false;
  vm.ctx().cpu(vm.current_task(), s, vm.current_line());
  out = Value();
  return !vm.has_exception();
}

bool s_now(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "now") || !arg_count(vm, a, "now", 0, 0)) return false;
  out = Value::number(vm.ctx().now());
  return true;
}

bool s_network(VM& vm, const CallArgs& a, Value& out) {
  Value p[2] = {Value::number(0.25), Value()};
  uint32_t given;
  if (!bind(vm, a, Params{"network", {"latency", "capacity"}, 0}, p, given)) return false;
  double latency = 0;
  if (!number_arg(vm, p[0], "latency", latency)) return false;
  if (!p[1].is_none()) {
    if (!is_intlike(p[1]))
      return raise_fmt(vm, vm.types().type_error, "capacity must be None or an int, not %s",
                       vm.type_name(p[1]).c_str());
    if (int_of(p[1]) <= 0) return vm.raise(vm.types().value_error, "capacity must be positive");
  }
  Value mod;
  if (!vm.import_module("sim", mod)) return false;
  Module* m = static_cast<Module*>(mod.o);
  define_value(vm, m, "network_latency", Value::number(latency));
  define_value(vm, m, "network_capacity", is_intlike(p[1]) ? Value::integer(int_of(p[1])) : Value());
  vm.ctx().set_network(latency, is_intlike(p[1]) ? int_of(p[1]) : -1);
  out = Value();
  return true;
}

// s_settings is sim.settings(): the network settings as {"latency": s, "capacity": n or None}.
bool s_settings(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "settings") || !arg_count(vm, a, "settings", 0, 0)) return false;
  Dict* d = vm.new_dict();
  int64_t capacity = vm.ctx().network_capacity();
  if (!vm.dict_set(d, vm.str_value("latency"), Value::number(vm.ctx().network_latency())) ||
      !vm.dict_set(d, vm.str_value("capacity"), capacity < 0 ? Value() : Value::integer(capacity))) {
    return false;
  }
  out = Value::object(d);
  return true;
}

}  // namespace

bool make_sim_module(VM& vm, Module* m) {
  define(vm, m, "cpu", s_cpu);
  define(vm, m, "now", s_now);
  define(vm, m, "network", s_network);
  define(vm, m, "settings", s_settings);
  int64_t capacity = vm.ctx().network_capacity();
  define_value(vm, m, "network_latency", Value::number(vm.ctx().network_latency()));
  define_value(vm, m, "network_capacity", capacity < 0 ? Value() : Value::integer(capacity));
  return true;
}

}  // namespace lib
}  // namespace interleave
