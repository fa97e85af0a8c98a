// The `_introspect` module: what inspect.signature and inspect.iscoroutinefunction need to
// know about a Python function's code (parameter names and kinds, generator/coroutine flags),
// since the engine's functions have no __code__ object. Importing it (types does) also makes
// types.MethodType constructible and lets types.coroutine generators be awaited.

#include <string>

#include "lang/bytecode.h"
#include "vm/frame.h"
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
  ValueVec names;
  for (uint32_t i = 0; i < nparams && i < c->varnames.size(); ++i) names.push_back(vm.str_value(c->varnames[i]));
  const char* kind = "function";
  if (c->flags & kCodeAsyncGenerator) kind = "async_generator";
  else if (c->flags & kCodeCoroutine) kind = "coroutine";
  else if (c->flags & kCodeGenerator) kind = "generator";
  out = Value::object(vm.new_tuple(
      {Value::integer(c->argcount), Value::integer(c->posonlyargcount), Value::integer(c->kwonlyargcount),
       Value::boolean(c->varargs), Value::boolean(c->varkw), vm.str_value(kind),
       Value::object(vm.new_tuple(std::move(names))), fn->kwdefaults ? Value::object(fn->kwdefaults) : Value::none()}));
  return true;
}

// kIterableCoroutine marks a generator function's code as types.coroutine made it (CPython's
// CO_ITERABLE_COROUTINE): its generators may be awaited. A high bit, clear of the compiler's flags.
constexpr uint32_t kIterableCoroutine = 1u << 16;

// mark_iterable_coroutine(f) is types.coroutine's effect on a generator function f.
bool i_mark_iterable_coroutine(VM& vm, const CallArgs& a, Value& out) {
  if (a.nargs == 1 && is_kind(a.args[0], ObjKind::Function)) {
    Code* c = const_cast<Code*>(static_cast<Function*>(a.args[0].o)->code);
    if (c->flags & kCodeGenerator) c->flags |= kIterableCoroutine;
  }
  (void)vm;
  out = Value::none();
  return true;
}

// generator_await is generator.__await__: only a types.coroutine generator may be awaited.
bool i_generator_await(VM& vm, const CallArgs& a, Value& out) {
  if (a.nargs == 1 && is_kind(a.args[0], ObjKind::Generator)) {
    Generator* g = static_cast<Generator*>(a.args[0].o);
    if (g->gkind == GenKind::Generator && g->frame && g->frame->func &&
        (g->frame->func->code->flags & kIterableCoroutine)) {
      out = a.args[0];
      return true;
    }
  }
  return vm.raise(vm.types().type_error, "object " + vm.type_name(a.nargs ? a.args[0] : Value::none()) +
                                             " can't be used in 'await' expression");
}

// method_new is types.MethodType(func, obj): func bound to obj.
bool i_method_new(VM& vm, const CallArgs& a, Value& out) {
  if (a.nargs != 3 || a.nkw != 0) {
    return vm.raise(vm.types().type_error,
                    "method expected 2 arguments, got " + std::to_string(a.nargs > 0 ? a.nargs - 1 : 0));
  }
  if (a.args[2].is_none()) return vm.raise(vm.types().type_error, "instance must not be None");
  bool ok =
      a.args[1].is_obj() && (is_kind(a.args[1], ObjKind::Function) || is_kind(a.args[1], ObjKind::NativeFunction) ||
                             is_kind(a.args[1], ObjKind::BoundMethod) || is_kind(a.args[1], ObjKind::Instance));
  if (!ok) return vm.raise(vm.types().type_error, "first argument must be callable");
  BoundMethod* bm = vm.alloc<BoundMethod>();
  bm->func = a.args[1];
  bm->self = a.args[2];
  out = Value::object(bm);
  return true;
}

}  // namespace

bool make_introspect_module(VM& vm, Module* m) {
  define(vm, m, "code_info", i_code_info);
  // make_introspect_module lets types.MethodType(func, obj) build a bound method, as in CPython.
  vm.define_method(vm.types().method, "__new__", i_method_new);
  define(vm, m, "mark_iterable_coroutine", i_mark_iterable_coroutine);
  vm.define_method(vm.types().generator, "__await__", i_generator_await);
  return true;
}

}  // namespace lib
}  // namespace interleave
