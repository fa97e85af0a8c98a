// The sys module: the GIL's switch interval, version facts, stdout and stderr objects,
// exit(), exc_info(), the recursion limit, the int <-> str digit limit, modules and the private _stack() that logging,
// warnings and traceback read the caller's file, line and function from. The named tuples
// (version_info, implementation) are Python (stdlib/_pysys.py), loaded on first use.
#include <algorithm>
#include <cmath>

#include "runtime/kernel.h"
#include "runtime/scheduler.h"
#include "vm/bigint.h"
#include "vm/frame.h"
#include "vm/library.h"
#include "vm/task.h"
#include "vm/vm.h"

namespace interleave {

using namespace lib;

namespace {

Scheduler& sched(VM& vm) { return static_cast<Scheduler&>(vm.ctx()); }

bool s_setswitchinterval(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "setswitchinterval") || !arg_count(vm, a, "setswitchinterval", 1, 1)) return false;
  Value v = a.args[0];
  double d;
  if (v.is_float()) d = v.f;
  else if (is_intlike(v)) d = static_cast<double>(int_of(v));
  else return raise_fmt(vm, vm.types().type_error, "must be real number, not %s", vm.type_name(v).c_str());
  if (!(d > 0)) return vm.raise(vm.types().value_error, "switch interval must be strictly positive");
  sched(vm).set_switch_interval(d);
  out = Value::none();
  return true;
}

bool s_getswitchinterval(VM& vm, const CallArgs& a, Value& out) {
  if (!arg_count(vm, a, "getswitchinterval", 0, 0)) return false;
  out = Value::number(sched(vm).switch_interval());
  return true;
}

bool s_exit(VM& vm, const CallArgs& a, Value&) {
  if (!arg_count(vm, a, "exit", 0, 1)) return false;
  Value exc;
  CallArgs ca;
  ca.args = a.args;
  ca.nargs = a.nargs;
  if (!vm.call(Value::object(vm.types().system_exit), ca, exc)) return false;
  return vm.raise_value(exc);
}

bool s_exc_info(VM& vm, const CallArgs& a, Value& out) {
  if (!arg_count(vm, a, "exc_info", 0, 0)) return false;
  Task* t = vm.current_task();
  Value exc = t ? t->exc_info : Value();
  if (exc.is_none() || exc.is_null()) {
    out = Value::object(vm.new_tuple({Value(), Value(), Value()}));
  } else {
    out = Value::object(vm.new_tuple({Value::object(vm.type_of(exc)), exc, Value()}));
  }
  return true;
}

bool s_getrecursionlimit(VM& vm, const CallArgs& a, Value& out) {
  if (!arg_count(vm, a, "getrecursionlimit", 0, 0)) return false;
  out = Value::integer(vm.config().recursion_limit);
  return true;
}

bool s_setrecursionlimit(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "setrecursionlimit") || !arg_count(vm, a, "setrecursionlimit", 1, 1)) return false;
  Value v = a.args[0];
  if (!is_intlike(v))
    return raise_fmt(vm, vm.types().type_error, "'%s' object cannot be interpreted as an integer",
                     vm.type_name(v).c_str());
  int64_t n = int_of(v);
  if (n < 1) return vm.raise(vm.types().value_error, "recursion limit must be greater or equal than 1");
  Task* t = vm.current_task();
  if (t && static_cast<int64_t>(t->frames.size()) >= n) {
    return raise_fmt(vm, vm.types().recursion_error,
                     "cannot set the recursion limit to %lld at the recursion depth %zu: the limit is too low",
                     static_cast<long long>(n), t->frames.size());
  }
  VmConfig c = vm.config();
  c.recursion_limit = static_cast<uint32_t>(std::min<int64_t>(n, INT32_MAX));
  vm.configure(c);
  out = Value::none();
  return true;
}

// s_set_int_max_str_digits keeps the limit in sys's dict, where int <-> str conversions read it.
bool s_set_int_max_str_digits(VM& vm, const CallArgs& a, Value& out) {
  bool found = false;
  Value v = kwarg(a, "maxdigits", found);
  if (!found) {
    if (a.nargs != 1 || a.nkw)
      return vm.raise(vm.types().type_error, "set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)");
    v = a.args[0];
  } else if (a.nargs || a.nkw != 1) {
    return vm.raise(vm.types().type_error, "set_int_max_str_digits() takes at most 1 argument");
  }
  if (!is_intlike(v))
    return raise_fmt(vm, vm.types().type_error, "'%s' object cannot be interpreted as an integer",
                     vm.type_name(v).c_str());
  int64_t n = int_of(v);
  if (n != 0 && n < static_cast<int64_t>(kStrDigitsThreshold))
    return vm.raise(vm.types().value_error, "maxdigits must be 0 or larger than 640");
  Value sys;
  if (!vm.import_module("sys", sys) || !is_kind(sys, ObjKind::Module)) return false;
  define_value(vm, static_cast<Module*>(sys.o), "_int_max_str_digits", Value::integer(n));
  out = Value::none();
  return true;
}

bool s_get_int_max_str_digits(VM& vm, const CallArgs& a, Value& out) {
  if (!arg_count(vm, a, "get_int_max_str_digits", 0, 0)) return false;
  out = Value::integer(static_cast<int64_t>(int_max_str_digits(vm)));
  return true;
}

// s_stack is [(filename, lineno, function, source line), ...] for the calling task,
// outermost first; frozen modules ("<frozen logging>") have no source line.
bool s_stack(VM& vm, const CallArgs& a, Value& out) {
  if (!arg_count(vm, a, "_stack", 0, 0)) return false;
  const std::vector<std::string>* lines = sched(vm).source_lines();
  ValueVec items;
  if (Task* t = vm.current_task()) {
    for (Frame* f : t->frames) {
      const std::string& file = f->code->filename;
      uint32_t line = f->line();
      std::string text;
      if (lines && (file.empty() || file[0] != '<') && line >= 1 && line <= lines->size()) {
        const std::string& src = (*lines)[line - 1];
        size_t b = src.find_first_not_of(" \t\r\n\f");
        size_t e = src.find_last_not_of(" \t\r\n\f");
        if (b != std::string::npos) text = src.substr(b, e - b + 1);
      }
      items.push_back(Value::object(
          vm.new_tuple({vm.str_value(file), Value::integer(line), vm.str_value(f->code->name), vm.str_value(text)})));
    }
  }
  out = Value::object(vm.new_list(std::move(items)));
  return true;
}

// s_getattr is the module's __getattr__: a fresh sys.modules, else a name from _pysys.
bool s_getattr(VM& vm, const CallArgs& a, Value& out) {
  Str* name = a.nargs == 1 ? as_str(a.args[0]) : nullptr;
  if (!name) return vm.raise(vm.types().type_error, "__getattr__() takes exactly one argument");
  if (name->s == "modules") {
    Dict* d = vm.new_dict();
    for (const auto& [n, m] : vm.modules()) {
      if (!n.empty() && n[0] == '_' && n != "__main__") continue;
      if (!vm.dict_set(d, vm.str_value(n), Value::object(m))) return false;
    }
    out = Value::object(d);
    return true;
  }
  if (name->s.size() < 2 || name->s[0] != '_' || name->s[1] != '_') {
    Value py;
    if (!vm.import_module("_pysys", py)) return false;
    bool found = false;
    if (!vm.dict_get(static_cast<Module*>(py.o)->dict, a.args[0], out, found)) return false;
    if (found) return true;
  }
  return raise_fmt(vm, vm.types().attribute_error, "module 'sys' has no attribute '%s'", name->s.c_str());
}

bool s_intern(VM& vm, const CallArgs& a, Value& out) {
  if (!arg_count(vm, a, "intern", 1, 1)) return false;
  if (!as_str(a.args[0]))
    return raise_fmt(vm, vm.types().type_error, "intern() argument must be str, not %s",
                     vm.type_name(a.args[0]).c_str());
  out = a.args[0];
  return true;
}

// The stream objects: instances of a built-in TextIOWrapper class; native 1 is stdout, 2 stderr.
bool io_write(VM& vm, const CallArgs& a, Value& out) {
  if (a.nargs != 2) return vm.raise(vm.types().type_error, "write() takes exactly one argument");
  Instance* self = as_instance(a.args[0]);
  Str* s = as_str(a.args[1]);
  if (!s)
    return raise_fmt(vm, vm.types().type_error, "write() argument must be str, not %s",
                     vm.type_name(a.args[1]).c_str());
  if (self && self->native.is_int() && self->native.i == 2) {
    sched(vm).write_error(s->s);
  } else {
    vm.ctx().write(vm.current_task(), s->s, vm.current_line());
  }
  out = Value::integer(s->length);
  return !vm.aborting();
}

bool io_flush(VM&, const CallArgs&, Value& out) {
  out = Value::none();
  return true;
}

bool io_isatty(VM&, const CallArgs&, Value& out) {
  out = Value::boolean(false);
  return true;
}

}  // namespace

bool system_exit_code(VM& vm, Value exc, Value& code) {
  if (!vm.isinstance(exc, vm.types().system_exit)) return false;
  if (!vm.get_attr(exc, vm.intern("code"), code)) {
    vm.clear_exception();
    code = Value::none();
  }
  return true;
}

bool exit_is_clean(VM& vm, Value exc) {
  Value code;
  if (!system_exit_code(vm, exc, code)) return false;
  return code.is_none() || (is_intlike(code) && int_of(code) == 0);
}

bool make_sys_module(Scheduler&, VM& vm, Module*& out) {
  Module* m = vm.new_module("sys");
  define(vm, m, "setswitchinterval", s_setswitchinterval);
  define(vm, m, "getswitchinterval", s_getswitchinterval);
  define(vm, m, "exit", s_exit);
  define(vm, m, "exc_info", s_exc_info);
  define(vm, m, "getrecursionlimit", s_getrecursionlimit);
  define(vm, m, "setrecursionlimit", s_setrecursionlimit);
  define(vm, m, "_stack", s_stack);
  define(vm, m, "set_int_max_str_digits", s_set_int_max_str_digits);
  define(vm, m, "get_int_max_str_digits", s_get_int_max_str_digits);
  define(vm, m, "__getattr__", s_getattr);
  define(vm, m, "intern", s_intern);
  define_value(vm, m, "version", vm.str_value("3.11.4 (interleave playground)"));
  define_value(vm, m, "hexversion", Value::integer(0x030B04F0));
  define_value(vm, m, "platform", vm.str_value("interleave"));  // the simulated machine, the same natively and in wasm
  define_value(vm, m, "byteorder", vm.str_value("little"));
  define_value(vm, m, "maxsize", Value::integer(INT64_MAX));
  define_value(vm, m, "executable", vm.str_value(""));
  define_value(vm, m, "argv", Value::object(vm.new_list({vm.str_value("main.py")})));
  Class* io = vm.new_class("TextIOWrapper", {}, true);
  vm.define_method(io, "write", io_write);
  vm.define_method(io, "flush", io_flush);
  vm.define_method(io, "isatty", io_isatty);
  const char* names[] = {"stdout", "stderr"};
  for (int i = 0; i < 2; ++i) {
    Instance* stream = vm.alloc<Instance>();
    stream->cls = io;
    stream->native = Value::integer(i + 1);
    define_value(vm, m, names[i], Value::object(stream));
    define_value(vm, m, i == 0 ? "__stdout__" : "__stderr__", Value::object(stream));
  }
  out = m;
  return true;
}

}  // namespace interleave
