// BaseException's methods: args storage, str() and repr() as CPython prints them, and
// the few subclasses whose str or attributes differ (KeyError, StopIteration, SystemExit).
#include "vm/library.h"

namespace interleave {
namespace lib {
namespace {

Instance* exc_self(VM& vm, const CallArgs& a, const char* meth) {
  if (a.nargs == 0 || !as_instance(a.args[0]) || !vm.isinstance(a.args[0], vm.types().base_exception)) {
    raise_fmt(vm, vm.types().type_error, "descriptor '%s' requires a 'BaseException' object", meth);
    return nullptr;
  }
  return static_cast<Instance*>(a.args[0].o);
}

// exc_args() is the exception's args tuple (empty if it was never set).
Tuple* exc_args(VM& vm, Instance* in) {
  Value v;
  bool found = false;
  if (in->attrs && !vm.dict_get(in->attrs, Value::object(vm.names().args), v, found)) {
    vm.clear_exception();
    found = false;
  }
  if (found && as_tuple(v)) return as_tuple(v);
  return nullptr;
}

bool store_args(VM& vm, Instance* in, const CallArgs& a) {
  ValueVec args(a.args + 1, a.args + a.nargs);
  if (!in->attrs) in->attrs = vm.new_dict();
  return vm.dict_set(in->attrs, Value::object(vm.names().args), Value::object(vm.new_tuple(std::move(args))));
}

bool exc_new(VM& vm, const CallArgs& a, Value& out) {
  Class* cls = a.nargs ? as_class(a.args[0]) : nullptr;
  if (!cls || !vm.is_subclass(cls, vm.types().base_exception))
    return vm.raise(vm.types().type_error, "BaseException.__new__(X): X is not a subtype of BaseException");
  Instance* in = vm.alloc<Instance>();
  in->cls = cls;
  in->exc = new ExceptionData();
  in->attrs = vm.new_dict();
  if (!store_args(vm, in, a)) return false;
  out = Value::object(in);
  return true;
}

bool exc_init(VM& vm, const CallArgs& a, Value& out) {
  Instance* in = exc_self(vm, a, "__init__");
  if (!in) return false;
  if (a.nkw)
    return raise_fmt(vm, vm.types().type_error, "%s() takes no keyword arguments", class_name(in->cls).c_str());
  if (!store_args(vm, in, a)) return false;
  out = Value();
  return true;
}

bool exc_str(VM& vm, const CallArgs& a, Value& out) {
  Instance* in = exc_self(vm, a, "__str__");
  if (!in) return false;
  Tuple* args = exc_args(vm, in);
  std::string s;
  if (!args || args->items.empty()) {
    out = make_str(vm, "");
    return true;
  }
  if (args->items.size() == 1) {
    if (!str_into(vm, args->items[0], s)) return false;
  } else if (!repr_into(vm, Value::object(args), s)) {
    return false;
  }
  out = make_str(vm, s);
  return true;
}

bool exc_repr(VM& vm, const CallArgs& a, Value& out) {
  Instance* in = exc_self(vm, a, "__repr__");
  if (!in) return false;
  Tuple* args = exc_args(vm, in);
  std::string s = class_name(in->cls);
  if (!args || args->items.empty()) {
    s += "()";
  } else if (args->items.size() == 1) {
    s.push_back('(');
    if (!repr_into(vm, args->items[0], s)) return false;
    s.push_back(')');
  } else if (!repr_into(vm, Value::object(args), s)) {
    return false;
  }
  out = make_str(vm, s);
  return true;
}

bool exc_with_traceback(VM& vm, const CallArgs& a, Value& out) {
  if (!exc_self(vm, a, "with_traceback")) return false;
  out = a.args[0];
  return true;
}

bool key_error_str(VM& vm, const CallArgs& a, Value& out) {
  Instance* in = exc_self(vm, a, "__str__");
  if (!in) return false;
  Tuple* args = exc_args(vm, in);
  if (args && args->items.size() == 1) {
    std::string s;
    if (!repr_into(vm, args->items[0], s)) return false;
    out = make_str(vm, s);
    return true;
  }
  return exc_str(vm, a, out);
}

bool stop_iteration_init(VM& vm, const CallArgs& a, Value& out) {
  Instance* in = exc_self(vm, a, "__init__");
  if (!in) return false;
  if (!exc_init(vm, a, out)) return false;
  Value value = a.nargs > 1 ? a.args[1] : Value();
  return vm.dict_set(in->attrs, Value::object(vm.names().value), value);
}

// system_exit_init sets SystemExit.code: None without arguments, the argument, or the args tuple.
bool system_exit_init(VM& vm, const CallArgs& a, Value& out) {
  Instance* in = exc_self(vm, a, "__init__");
  if (!in) return false;
  if (!exc_init(vm, a, out)) return false;
  Value code = a.nargs == 2 ? a.args[1] : a.nargs > 2 ? Value::object(exc_args(vm, in)) : Value();
  return vm.dict_set(in->attrs, Value::object(vm.intern("code")), code);
}

}  // namespace

void install_exceptions(VM& vm) {
  const Types& t = vm.types();
  vm.define_method(t.base_exception, "__new__", exc_new);
  vm.define_method(t.base_exception, "__init__", exc_init);
  vm.define_method(t.base_exception, "__str__", exc_str);
  vm.define_method(t.base_exception, "__repr__", exc_repr);
  vm.define_method(t.base_exception, "with_traceback", exc_with_traceback);
  vm.define_method(t.key_error, "__str__", key_error_str);
  vm.define_method(t.stop_iteration, "__init__", stop_iteration_init);
  vm.define_method(t.system_exit, "__init__", system_exit_init);
}

}  // namespace lib
}  // namespace interleave
