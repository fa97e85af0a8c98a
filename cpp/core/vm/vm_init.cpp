// The VM's construction: built-in names, types, core methods and the library. Built for
// size in the wasm module (CMakeLists.txt): it runs once per run, not per instruction.
#include "vm/vm.h"

#include <string>
#include <vector>

#include "vm/code_runtime.h"
#include "vm/frame.h"
#include "vm/library.h"
#include "vm/match.h"
#include "vm/task.h"

namespace interleave {

namespace {
constexpr size_t kMethodCacheSize = 4096;

bool is_class(Value v) { return v.is_obj() && v.o && v.o->kind == ObjKind::Class; }

// eg_new is BaseExceptionGroup.__new__(cls, message, exceptions): a group of only
// Exceptions created through BaseExceptionGroup becomes an ExceptionGroup, as in CPython.
bool eg_new(VM& vm, const CallArgs& a, Value& out) {
  const Types& t = vm.types();
  if (a.nargs != 3 || a.nkw)
    return vm.raise(t.type_error, "BaseExceptionGroup.__new__() takes exactly 2 arguments (" +
                                      std::to_string(a.nargs - 1) + " given)");
  Class* cls = static_cast<Class*>(a.args[0].o);
  Value msg = a.args[1];
  if (!msg.is_obj() || msg.o->kind != ObjKind::Str) {
    return vm.raise(t.type_error, "BaseExceptionGroup.__new__() argument 1 must be str, not " + vm.type_name(msg));
  }
  ValueVec items;
  Value seq = a.args[2];
  if (seq.is_obj() && seq.o->kind == ObjKind::List) items = static_cast<List*>(seq.o)->items;
  else if (seq.is_obj() && seq.o->kind == ObjKind::Tuple) items = static_cast<Tuple*>(seq.o)->items;
  else return vm.raise(t.type_error, "second argument (exceptions) must be a sequence");
  if (items.empty()) return vm.raise(t.value_error, "second argument (exceptions) must be a non-empty sequence");
  bool all_exceptions = true;
  for (size_t i = 0; i < items.size(); ++i) {
    Value e = items[i];
    if (!vm.isinstance(e, t.base_exception)) {
      return vm.raise(t.value_error,
                      "Item " + std::to_string(i) + " of second argument (exceptions) is not an exception");
    }
    all_exceptions &= vm.isinstance(e, t.exception);
  }
  bool base = cls->name->s == "BaseExceptionGroup" && cls->builtin;
  if (base && all_exceptions) {
    Value eg;
    bool has = false;
    if (vm.dict_get(vm.builtins(), Value::object(vm.intern("ExceptionGroup")), eg, has) && has && is_class(eg) &&
        vm.is_subclass(static_cast<Class*>(eg.o), cls)) {
      cls = static_cast<Class*>(eg.o);
    }
  } else if (!all_exceptions && vm.is_subclass(cls, t.exception)) {
    if (cls->builtin) return vm.raise(t.type_error, "Cannot nest BaseExceptions in an ExceptionGroup");
    return vm.raise(t.type_error, "Cannot nest BaseExceptions in '" + cls->name->s + "'");
  }
  Instance* in = vm.alloc<Instance>();
  in->cls = cls;
  in->exc = new ExceptionData;
  in->attrs = vm.new_dict();
  vm.dict_set(in->attrs, Value::object(vm.names().args), Value::object(vm.new_tuple({msg, seq})));
  vm.dict_set(in->attrs, Value::object(vm.intern("message")), msg);
  vm.dict_set(in->attrs, Value::object(vm.intern("exceptions")), Value::object(vm.new_tuple(items)));
  out = Value::object(in);
  return true;
}

// eg_init is BaseException.__init__: args become every argument of the call (a subclass
// taking more parameters shows them in its repr, as in CPython).
bool eg_init(VM& vm, const CallArgs& a, Value& out) {
  out = Value::none();
  if (a.nargs < 1 || !a.args[0].is_obj() || a.args[0].o->kind != ObjKind::Instance) return true;
  Instance* in = static_cast<Instance*>(a.args[0].o);
  if (!in->attrs) in->attrs = vm.new_dict();
  ValueVec args(a.args + 1, a.args + a.nargs);
  return vm.dict_set(in->attrs, Value::object(vm.names().args), Value::object(vm.new_tuple(std::move(args))));
}

bool eg_str(VM& vm, const CallArgs& a, Value& out) {
  Value msg, excs;
  if (a.nargs < 1 || !vm.get_attr(a.args[0], vm.intern("message"), msg) ||
      !vm.get_attr(a.args[0], vm.intern("exceptions"), excs)) {
    return false;
  }
  size_t n = excs.is_obj() && excs.o->kind == ObjKind::Tuple ? static_cast<Tuple*>(excs.o)->items.size() : 0;
  std::string m = msg.is_obj() && msg.o->kind == ObjKind::Str ? static_cast<Str*>(msg.o)->s : std::string();
  out = vm.str_value(m + " (" + std::to_string(n) + " sub-exception" + (n == 1 ? "" : "s") + ")");
  return true;
}
}  // namespace

VM::VM(SimContext& ctx) : ctx_(ctx) {
  method_cache_.assign(kMethodCacheSize, MethodCacheEntry{0, 0, 0, Value(), false});
  init_names();
  init_types();
  builtins_ = new_dict();
  init_core_methods();
  install_library(*this);
}

void VM::init_names() {
  Names& n = names_;
  n.init = intern("__init__");
  n.new_ = intern("__new__");
  n.call = intern("__call__");
  n.enter = intern("__enter__");
  n.exit = intern("__exit__");
  n.aenter = intern("__aenter__");
  n.aexit = intern("__aexit__");
  n.getattr = intern("__getattr__");
  n.class_ = intern("__class__");
  n.name = intern("__name__");
  n.qualname = intern("__qualname__");
  n.module = intern("__module__");
  n.doc = intern("__doc__");
  n.dict = intern("__dict__");
  n.classcell = intern("__classcell__");
  n.iter = intern("__iter__");
  n.next = intern("__next__");
  n.await = intern("__await__");
  n.aiter = intern("__aiter__");
  n.anext = intern("__anext__");
  n.str = intern("__str__");
  n.repr = intern("__repr__");
  n.cause = intern("__cause__");
  n.context = intern("__context__");
  n.traceback = intern("__traceback__");
  n.suppress_context = intern("__suppress_context__");
  n.main = intern("__main__");
  n.args = intern("args");
  n.send = intern("send");
  n.throw_ = intern("throw");
  n.close = intern("close");
  n.mro = intern("__mro__");
  n.bases = intern("__bases__");
  n.self = intern("__self__");
  n.func = intern("__func__");
  n.defaults = intern("__defaults__");
  n.value = intern("value");
  n.hash = intern("__hash__");
  n.eq = intern("__eq__");
  n.len = intern("__len__");
  n.bool_ = intern("__bool__");
  n.contains = intern("__contains__");
  n.getitem = intern("__getitem__");
  n.setitem = intern("__setitem__");
  n.delitem = intern("__delitem__");
  n.builtins = intern("__builtins__");
  n.property = intern("property");
  n.setter = intern("setter");
  n.getter = intern("getter");
  n.deleter = intern("deleter");
  n.get_ = intern("__get__");
  n.set_ = intern("__set__");
  n.delete_ = intern("__delete__");
}

void VM::init_types() {
  Types& t = types_;
  t.object = new_class_raw("object", {}, true);
  auto mk = [&](const char* name, Class* base) { return new_class_raw(name, {base ? base : t.object}, true); };
  t.type = mk("type", nullptr);
  t.none_type = mk("NoneType", nullptr);
  t.int_ = mk("int", nullptr);
  t.bool_ = mk("bool", t.int_);
  t.float_ = mk("float", nullptr);
  t.str = mk("str", nullptr);
  t.list = mk("list", nullptr);
  t.bytes = mk("bytes", nullptr);
  t.bytearray = mk("bytearray", nullptr);
  t.tuple = mk("tuple", nullptr);
  t.dict = mk("dict", nullptr);
  t.set = mk("set", nullptr);
  t.frozenset = mk("frozenset", nullptr);
  t.range = mk("range", nullptr);
  t.slice = mk("slice", nullptr);
  t.function = mk("function", nullptr);
  t.builtin_function = mk("builtin_function_or_method", nullptr);
  t.method = mk("method", nullptr);
  t.module = mk("module", nullptr);
  t.generator = mk("generator", nullptr);
  t.coroutine = mk("coroutine", nullptr);
  t.async_generator = mk("async_generator", nullptr);
  t.cell = mk("cell", nullptr);
  t.code = mk("code", nullptr);
  t.iterator = mk("iterator", nullptr);
  t.property = mk("property", nullptr);
  t.staticmethod = mk("staticmethod", nullptr);
  t.classmethod = mk("classmethod", nullptr);
  t.super_ = mk("super", nullptr);

  auto ex = [&](const char* name, Class* base) {
    Class* c = new_class_raw(name, {base ? base : t.object}, true);
    c->is_exception = true;
    return c;
  };
  t.base_exception = ex("BaseException", nullptr);
  t.system_exit = ex("SystemExit", t.base_exception);
  t.keyboard_interrupt = ex("KeyboardInterrupt", t.base_exception);
  t.generator_exit = ex("GeneratorExit", t.base_exception);
  t.exception = ex("Exception", t.base_exception);
  t.stop_iteration = ex("StopIteration", t.exception);
  t.stop_async_iteration = ex("StopAsyncIteration", t.exception);
  t.arithmetic_error = ex("ArithmeticError", t.exception);
  t.zero_division_error = ex("ZeroDivisionError", t.arithmetic_error);
  t.overflow_error = ex("OverflowError", t.arithmetic_error);
  t.assertion_error = ex("AssertionError", t.exception);
  t.attribute_error = ex("AttributeError", t.exception);
  t.lookup_error = ex("LookupError", t.exception);
  t.index_error = ex("IndexError", t.lookup_error);
  t.key_error = ex("KeyError", t.lookup_error);
  t.name_error = ex("NameError", t.exception);
  t.unbound_local_error = ex("UnboundLocalError", t.name_error);
  t.type_error = ex("TypeError", t.exception);
  t.value_error = ex("ValueError", t.exception);
  t.unicode_error = ex("UnicodeError", t.value_error);
  t.unicode_decode_error = ex("UnicodeDecodeError", t.unicode_error);
  t.unicode_encode_error = ex("UnicodeEncodeError", t.unicode_error);
  t.runtime_error = ex("RuntimeError", t.exception);
  t.recursion_error = ex("RecursionError", t.runtime_error);
  t.not_implemented_error = ex("NotImplementedError", t.runtime_error);
  t.memory_error = ex("MemoryError", t.exception);
  t.import_error = ex("ImportError", t.exception);
  t.module_not_found_error = ex("ModuleNotFoundError", t.import_error);
  t.os_error = ex("OSError", t.exception);
  t.timeout_error = ex("TimeoutError", t.os_error);
  t.cancelled_error = ex("CancelledError", t.base_exception);
  t.step_limit_error = ex("StepLimitError", t.base_exception);
}

NativeFunction* VM::define_method(Class* cls, std::string_view name, NativeFn fn) {
  NativeFunction* nf = new_native(name, fn);
  store_name_in(cls->dict, nf->name, Value::object(nf));
  ++class_epoch_;
  return nf;
}

void VM::define_global(std::string_view name, Value v) { store_name_in(builtins_, intern(name), v); }

void VM::init_core_methods() {
  Types& t = types_;
  object_new_ = new_native("__new__", &VM::n_object_new);
  object_init_ = new_native("__init__", &VM::n_object_init);
  store_name_in(t.object->dict, names_.new_, Value::object(object_new_));
  store_name_in(t.object->dict, names_.init, Value::object(object_init_));
  ClassMethod* init_subclass = alloc<ClassMethod>();
  init_subclass->func = Value::object(new_native("__init_subclass__", &VM::n_object_init_subclass));
  store_name_in(t.object->dict, intern("__init_subclass__"), Value::object(init_subclass));
  define_method(t.type, "__new__", &VM::n_type_new);
  define_method(t.type, "__call__", &VM::n_type_call);
  define_method(t.type, "__instancecheck__", &VM::n_type_instancecheck);
  define_method(t.type, "__subclasscheck__", &VM::n_type_subclasscheck);
  define_method(t.super_, "__new__", &VM::n_super_new);
  define_method(t.staticmethod, "__new__", &VM::n_staticmethod_new);
  define_method(t.classmethod, "__new__", &VM::n_classmethod_new);
  define_method(t.property, "__new__", &VM::n_property_new);
  define_method(t.property, "setter", &VM::n_property_setter);
  define_method(t.property, "getter", &VM::n_property_getter);
  define_method(t.property, "deleter", &VM::n_property_deleter);
  for (Class* g : {t.generator, t.coroutine}) {
    define_method(g, "send", &VM::n_gen_send);
    define_method(g, "throw", &VM::n_gen_throw);
    define_method(g, "close", &VM::n_gen_close);
  }
  define_method(t.generator, "__next__", &VM::n_gen_next);
  define_method(t.generator, "__iter__", &VM::n_gen_iter);
  define_method(t.coroutine, "__await__", &VM::n_gen_iter);
  define_method(t.async_generator, "__aiter__", &VM::n_agen_aiter);
  define_method(t.async_generator, "__anext__", &VM::n_agen_anext);
  define_method(t.async_generator, "asend", &VM::n_agen_asend);
  define_method(t.async_generator, "athrow", &VM::n_agen_athrow);
  define_method(t.async_generator, "aclose", &VM::n_agen_aclose);
  agen_wrapped_cls_ = new_class("async_generator_wrapped_value", {t.object}, true);
  agen_asend_cls_ = new_class("async_generator_asend", {t.object}, true);
  define_method(agen_asend_cls_, "send", &VM::n_asend_send);
  define_method(agen_asend_cls_, "throw", &VM::n_asend_throw);
  define_method(agen_asend_cls_, "close", &VM::n_asend_close);
  define_method(agen_asend_cls_, "__next__", &VM::n_asend_next);
  define_method(agen_asend_cls_, "__iter__", &VM::n_gen_iter);
  define_method(agen_asend_cls_, "__await__", &VM::n_gen_iter);
  add_root(Value::object(agen_wrapped_cls_));
  add_root(Value::object(agen_asend_cls_));

  const Class* const globals[] = {
      t.object,
      t.type,
      t.bool_,
      t.int_,
      t.float_,
      t.str,
      t.list,
      t.tuple,
      t.dict,
      t.set,
      t.frozenset,
      t.range,
      t.slice,
      t.property,
      t.staticmethod,
      t.classmethod,
      t.super_,
      t.base_exception,
      t.system_exit,
      t.keyboard_interrupt,
      t.generator_exit,
      t.exception,
      t.stop_iteration,
      t.stop_async_iteration,
      t.arithmetic_error,
      t.zero_division_error,
      t.overflow_error,
      t.assertion_error,
      t.attribute_error,
      t.lookup_error,
      t.index_error,
      t.key_error,
      t.name_error,
      t.unbound_local_error,
      t.type_error,
      t.value_error,
      t.unicode_error,
      t.unicode_decode_error,
      t.unicode_encode_error,
      t.bytes,
      t.bytearray,
      t.runtime_error,
      t.recursion_error,
      t.not_implemented_error,
      t.memory_error,
      t.import_error,
      t.module_not_found_error,
      t.os_error,
      t.timeout_error,
  };
  for (const Class* c : globals) store_name_in(builtins_, c->name, Value::object(const_cast<Class*>(c)));

  // The rest of CPython's built-in exception tree: no extra behaviour, just the classes.
  struct Extra {
    const char* name;
    const char* base;
  };
  static const Extra kExtra[] = {
      {"ConnectionError", "OSError"},
      {"BrokenPipeError", "ConnectionError"},
      {"ConnectionAbortedError", "ConnectionError"},
      {"ConnectionRefusedError", "ConnectionError"},
      {"ConnectionResetError", "ConnectionError"},
      {"BlockingIOError", "OSError"},
      {"ChildProcessError", "OSError"},
      {"FileExistsError", "OSError"},
      {"FileNotFoundError", "OSError"},
      {"InterruptedError", "OSError"},
      {"IsADirectoryError", "OSError"},
      {"NotADirectoryError", "OSError"},
      {"PermissionError", "OSError"},
      {"ProcessLookupError", "OSError"},
      {"EOFError", "Exception"},
      {"FloatingPointError", "ArithmeticError"},
      {"BufferError", "Exception"},
      {"ReferenceError", "Exception"},
      {"UnicodeTranslateError", "UnicodeError"},
      {"Warning", "Exception"},
      {"UserWarning", "Warning"},
      {"DeprecationWarning", "Warning"},
      {"PendingDeprecationWarning", "Warning"},
      {"SyntaxWarning", "Warning"},
      {"RuntimeWarning", "Warning"},
      {"FutureWarning", "Warning"},
      {"ImportWarning", "Warning"},
      {"UnicodeWarning", "Warning"},
      {"BytesWarning", "Warning"},
      {"ResourceWarning", "Warning"},
      {"EncodingWarning", "Warning"},
  };
  for (const Extra& x : kExtra) {
    Value base;
    if (!lookup_name_in(builtins_, intern(x.base), base) || !base.is_obj() || base.o->kind != ObjKind::Class) continue;
    Class* c = new_class_raw(x.name, {static_cast<Class*>(base.o)}, true);
    c->is_exception = true;
    store_name_in(builtins_, c->name, Value::object(c));
  }
  Class* base_group = new_class_raw("BaseExceptionGroup", {t.base_exception}, true);
  base_group->is_exception = true;
  Class* group = new_class_raw("ExceptionGroup", {base_group, t.exception}, true);
  group->is_exception = true;
  store_name_in(builtins_, base_group->name, Value::object(base_group));
  store_name_in(builtins_, group->name, Value::object(group));
  define_method(base_group, "__new__", eg_new);
  define_method(base_group, "__init__", eg_init);
  define_method(base_group, "__str__", eg_str);
  install_exception_group_methods(*this, base_group);
  store_name_in(builtins_, intern("EnvironmentError"), Value::object(t.os_error));
  store_name_in(builtins_, intern("IOError"), Value::object(t.os_error));
}

}  // namespace interleave
