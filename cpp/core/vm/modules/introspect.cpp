// The `_introspect` module: what inspect.signature and inspect.iscoroutinefunction need to
// know about a Python function's code (parameter names and kinds, generator/coroutine flags),
// since the engine's functions have no __code__ object.

#include "lang/bytecode.h"
#include "vm/library.h"

namespace interleave {
namespace lib {
namespace {

// code_info(f) is (argcount, posonlyargcount, kwonlyargcount, varargs, varkw, kind, names, kwdefaults):
// kind is 'function', 'generator', 'coroutine' or 'async_generator'; names are the parameters in order.
bool i_code_info(VM& vm, const CallArgs& a, Value& out) {
  if (a.nargs != 1 || !is_kind(a.args[0], ObjKind::Function)) {
    return vm.raise(vm.types().type_error, "code_info() expects a Python function");
  }
  const Function* fn = static_cast<const Function*>(a.args[0].o);
  const Code* c = fn->code;
  uint32_t nparams = c->argcount + c->kwonlyargcount + (c->varargs ? 1 : 0) + (c->varkw ? 1 : 0);
  std::vector<Value> names;
  for (uint32_t i = 0; i < nparams && i < c->varnames.size(); ++i) names.push_back(vm.str_value(c->varnames[i]));
  const char* kind = "function";
  if (c->flags & kCodeAsyncGenerator) kind = "async_generator";
  else if (c->flags & kCodeCoroutine) kind = "coroutine";
  else if (c->flags & kCodeGenerator) kind = "generator";
  out = Value::object(vm.new_tuple({Value::integer(c->argcount), Value::integer(c->posonlyargcount),
                                    Value::integer(c->kwonlyargcount), Value::boolean(c->varargs),
                                    Value::boolean(c->varkw), vm.str_value(kind),
                                    Value::object(vm.new_tuple(std::move(names))),
                                    fn->kwdefaults ? Value::object(fn->kwdefaults) : Value::none()}));
  return true;
}

}  // namespace

bool make_introspect_module(VM& vm, Module* m) {
  define(vm, m, "code_info", i_code_info);
  return true;
}

}  // namespace lib
}  // namespace interleave
