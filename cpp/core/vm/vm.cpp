// The VM's setup and bookkeeping: built-in types, allocation, interned strings,
// modules, tasks and the per-code caches.
#include "vm/vm.h"

#include <algorithm>
#include <cstring>

#include "vm/code_runtime.h"
#include "vm/frame.h"
#include "vm/library.h"
#include "vm/task.h"

namespace interleave {

namespace {
constexpr size_t kFramePoolMax = 256;

bool is_class(Value v) { return v.is_obj() && v.o && v.o->kind == ObjKind::Class; }

// eg_new is BaseExceptionGroup.__new__(cls, message, exceptions): a group of only
// Exceptions created through BaseExceptionGroup becomes an ExceptionGroup, as in CPython.
bool eg_new(VM& vm, const CallArgs& a, Value& out) {
  const Types& t = vm.types();
  if (a.nargs != 3 || a.nkw) return vm.raise(t.type_error, "BaseExceptionGroup.__new__() takes exactly 2 arguments");
  Class* cls = static_cast<Class*>(a.args[0].o);
  Value msg = a.args[1];
  if (!msg.is_obj() || msg.o->kind != ObjKind::Str) {
    return vm.raise(t.type_error, "argument 1 must be str, not " + vm.type_name(msg));
  }
  std::vector<Value> items;
  Value seq = a.args[2];
  if (seq.is_obj() && seq.o->kind == ObjKind::List) items = static_cast<List*>(seq.o)->items;
  else if (seq.is_obj() && seq.o->kind == ObjKind::Tuple) items = static_cast<Tuple*>(seq.o)->items;
  else return vm.raise(t.type_error, "second argument (exceptions) must be a sequence");
  if (items.empty()) return vm.raise(t.value_error, "second argument (exceptions) must be a non-empty sequence");
  bool all_exceptions = true;
  for (Value e : items) {
    if (!vm.isinstance(e, t.base_exception)) {
      return vm.raise(t.value_error, "Item 0 of second argument (exceptions) is not an exception");
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
    return vm.raise(t.type_error, "Cannot nest BaseExceptions in an ExceptionGroup");
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

bool eg_init(VM& vm, const CallArgs& a, Value& out) {
  (void)vm;
  (void)a;
  out = Value::none();
  return true;
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
constexpr size_t kMinGcThreshold = 8u << 20;
constexpr size_t kMethodCacheSize = 4096;
}  // namespace

bool Value::is_same(const Value& other) const {
  if (tag != other.tag) return false;
  switch (tag) {
    case Tag::None: return true;
    case Tag::Bool: return b == other.b;
    case Tag::Int: return i == other.i;
    case Tag::Float: return i == other.i;
    case Tag::Obj: return o == other.o;
  }
  return false;
}

VM::VM(SimContext& ctx) : ctx_(ctx) {
  method_cache_.assign(kMethodCacheSize, MethodCacheEntry{0, 0, 0, Value(), false});
  init_names();
  init_types();
  builtins_ = new_dict();
  init_core_methods();
  install_library(*this);
}

VM::~VM() {
  for (Task* t : tasks_) {
    for (Frame* f : t->frames) {
      if (!f->gen) delete f;
    }
    delete t;
  }
  delete idle_task_;
  for (Frame* f : frame_pool_) delete f;
  Obj* o = objects_;
  while (o) {
    Obj* next = o->next_obj;
    delete o;
    o = next;
  }
  for (auto& rt : code_runtimes_) {
    if (rt->code && rt->code->runtime_owner == this) {
      rt->code->runtime = nullptr;
      rt->code->runtime_owner = nullptr;
    }
  }
}

void VM::configure(const VmConfig& config) {
  config_ = config;
  gc_threshold_ = std::min<size_t>(std::max<size_t>(kMinGcThreshold, bytes_ * 2), config_.memory_limit);
}

// ---- allocation ----

void VM::register_object(Obj* o) {
  o->uid = ++next_uid_;
  o->next_obj = objects_;
  objects_ = o;
  bytes_ += o->size();
  ++allocations_;
  if (bytes_ > gc_threshold_) gc_requested_ = true;
}

Str* VM::new_str(std::string_view s) {
  Str* r = alloc<Str>();
  bytes_ -= r->size();
  r->s.assign(s.data(), s.size());
  bytes_ += r->size();
  bool ascii = true;
  uint32_t n = 0;
  for (unsigned char c : s) {
    if (c >= 0x80) ascii = false;
    if ((c & 0xC0) != 0x80) ++n;
  }
  r->ascii = ascii;
  r->length = n;
  if (bytes_ > gc_threshold_) gc_requested_ = true;
  return r;
}

Str* VM::intern(std::string_view s) {
  auto it = interned_.find(s);
  if (it != interned_.end()) return it->second;
  Str* r = new_str(s);
  interned_.emplace(std::string_view(r->s), r);
  interned_list_.push_back(r);
  return r;
}

List* VM::new_list(std::vector<Value> items) {
  List* l = alloc<List>();
  l->items = std::move(items);
  bytes_ += l->items.capacity() * sizeof(Value);
  return l;
}

Tuple* VM::new_tuple(std::vector<Value> items) {
  Tuple* t = alloc<Tuple>();
  t->items = std::move(items);
  bytes_ += t->items.capacity() * sizeof(Value);
  return t;
}

Dict* VM::new_dict() { return alloc<Dict>(); }

Set* VM::new_set(bool frozen) {
  Set* s = alloc<Set>();
  s->frozen = frozen;
  s->table = new_dict();
  return s;
}

NativeFunction* VM::new_native(std::string_view name, NativeFn fn) {
  NativeFunction* n = alloc<NativeFunction>();
  n->fn = fn;
  n->name = intern(name);
  return n;
}

Module* VM::new_module(std::string_view name) {
  Module* m = alloc<Module>();
  m->name = intern(name);
  m->dict = new_dict();
  store_name_in(m->dict, names_.name, Value::object(m->name));
  return m;
}

bool VM::reserve(size_t bytes) {
  if (bytes > config_.memory_limit || bytes_ + bytes > config_.memory_limit) {
    return raise(types_.memory_error, "the playground's memory limit (" +
                                          std::to_string(config_.memory_limit >> 20) +
                                          " MB) was exceeded");
  }
  return true;
}

// ---- types ----

Class* VM::new_class_raw(std::string_view name, std::vector<Class*> bases, bool builtin) {
  Class* c = alloc<Class>();
  c->name = intern(name);
  c->bases = std::move(bases);
  c->dict = new_dict();
  c->builtin = builtin;
  for (Class* b : c->bases) c->is_exception |= b->is_exception;
  compute_mro(c);
  return c;
}

Class* VM::new_class(std::string_view name, std::vector<Class*> bases, bool builtin) {
  if (bases.empty() && types_.object) bases.push_back(types_.object);
  Class* c = new_class_raw(name, std::move(bases), builtin);
  ++class_epoch_;
  return c;
}

// compute_mro is C3 linearisation; false (mro left empty) when no consistent order exists.
bool VM::compute_mro(Class* cls) {
  std::vector<std::vector<Class*>> seqs;
  for (Class* b : cls->bases) seqs.push_back(b->mro);
  seqs.push_back(cls->bases);
  std::vector<Class*> out{cls};
  for (;;) {
    seqs.erase(std::remove_if(seqs.begin(), seqs.end(), [](const auto& s) { return s.empty(); }), seqs.end());
    if (seqs.empty()) break;
    Class* pick = nullptr;
    for (const auto& s : seqs) {
      Class* head = s.front();
      bool in_tail = false;
      for (const auto& other : seqs) {
        if (std::find(other.begin() + 1, other.end(), head) != other.end()) {
          in_tail = true;
          break;
        }
      }
      if (!in_tail) {
        pick = head;
        break;
      }
    }
    if (!pick) {
      cls->mro.clear();
      return false;
    }
    out.push_back(pick);
    for (auto& s : seqs) {
      if (!s.empty() && s.front() == pick) s.erase(s.begin());
    }
  }
  cls->mro = std::move(out);
  return true;
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

void VM::define_method(Class* cls, std::string_view name, NativeFn fn) {
  NativeFunction* nf = new_native(name, fn);
  store_name_in(cls->dict, nf->name, Value::object(nf));
  ++class_epoch_;
}

void VM::define_global(std::string_view name, Value v) { store_name_in(builtins_, intern(name), v); }

void VM::init_core_methods() {
  Types& t = types_;
  object_new_ = new_native("__new__", &VM::n_object_new);
  object_init_ = new_native("__init__", &VM::n_object_init);
  store_name_in(t.object->dict, names_.new_, Value::object(object_new_));
  store_name_in(t.object->dict, names_.init, Value::object(object_init_));
  define_method(t.type, "__new__", &VM::n_type_new);
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
      t.object, t.type, t.bool_, t.int_, t.float_, t.str, t.list, t.tuple, t.dict, t.set,
      t.frozenset, t.range, t.slice, t.property, t.staticmethod, t.classmethod, t.super_,
      t.base_exception, t.system_exit, t.keyboard_interrupt, t.generator_exit, t.exception,
      t.stop_iteration, t.stop_async_iteration, t.arithmetic_error, t.zero_division_error,
      t.overflow_error, t.assertion_error, t.attribute_error, t.lookup_error, t.index_error,
      t.key_error, t.name_error, t.unbound_local_error, t.type_error, t.value_error,
      t.unicode_error, t.runtime_error, t.recursion_error, t.not_implemented_error,
      t.memory_error, t.import_error, t.module_not_found_error, t.os_error, t.timeout_error,
  };
  for (const Class* c : globals) store_name_in(builtins_, c->name, Value::object(const_cast<Class*>(c)));

  // The rest of CPython's built-in exception tree: no extra behaviour, just the classes.
  struct Extra {
    const char* name;
    const char* base;
  };
  static const Extra kExtra[] = {
      {"ConnectionError", "OSError"}, {"BrokenPipeError", "ConnectionError"},
      {"ConnectionAbortedError", "ConnectionError"}, {"ConnectionRefusedError", "ConnectionError"},
      {"ConnectionResetError", "ConnectionError"}, {"BlockingIOError", "OSError"},
      {"ChildProcessError", "OSError"}, {"FileExistsError", "OSError"}, {"FileNotFoundError", "OSError"},
      {"InterruptedError", "OSError"}, {"IsADirectoryError", "OSError"}, {"NotADirectoryError", "OSError"},
      {"PermissionError", "OSError"}, {"ProcessLookupError", "OSError"}, {"EOFError", "Exception"},
      {"FloatingPointError", "ArithmeticError"}, {"BufferError", "Exception"}, {"ReferenceError", "Exception"},
      {"UnicodeDecodeError", "UnicodeError"}, {"UnicodeEncodeError", "UnicodeError"},
      {"UnicodeTranslateError", "UnicodeError"}, {"Warning", "Exception"}, {"UserWarning", "Warning"},
      {"DeprecationWarning", "Warning"}, {"PendingDeprecationWarning", "Warning"},
      {"SyntaxWarning", "Warning"}, {"RuntimeWarning", "Warning"}, {"FutureWarning", "Warning"},
      {"ImportWarning", "Warning"}, {"UnicodeWarning", "Warning"}, {"BytesWarning", "Warning"},
      {"ResourceWarning", "Warning"}, {"EncodingWarning", "Warning"},
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
  store_name_in(builtins_, intern("EnvironmentError"), Value::object(t.os_error));
  store_name_in(builtins_, intern("IOError"), Value::object(t.os_error));
}

Class* VM::type_of(Value v) const {
  switch (v.tag) {
    case Tag::None: return types_.none_type;
    case Tag::Bool: return types_.bool_;
    case Tag::Int: return types_.int_;
    case Tag::Float: return types_.float_;
    case Tag::Obj: break;
  }
  const Obj* o = v.o;
  switch (o->kind) {
    case ObjKind::Str: return types_.str;
    case ObjKind::List: return types_.list;
    case ObjKind::Tuple: return types_.tuple;
    case ObjKind::Dict: return types_.dict;
    case ObjKind::Set: return static_cast<const Set*>(o)->frozen ? types_.frozenset : types_.set;
    case ObjKind::Range: return types_.range;
    case ObjKind::Slice: return types_.slice;
    case ObjKind::Function: return types_.function;
    case ObjKind::NativeFunction: return types_.builtin_function;
    case ObjKind::BoundMethod: {
      const BoundMethod* bm = static_cast<const BoundMethod*>(o);
      if (bm->func.is_obj() && bm->func.o && bm->func.o->kind == ObjKind::NativeFunction) return types_.builtin_function;
      return types_.method;
    }
    case ObjKind::Class: return types_.type;
    case ObjKind::Instance: return static_cast<const Instance*>(o)->cls;
    case ObjKind::Module: return types_.module;
    case ObjKind::Cell: return types_.cell;
    case ObjKind::Generator: {
      switch (static_cast<const Generator*>(o)->gkind) {
        case GenKind::Generator: return types_.generator;
        case GenKind::Coroutine: return types_.coroutine;
        case GenKind::AsyncGenerator: return types_.async_generator;
      }
      return types_.generator;
    }
    case ObjKind::Iterator: return types_.iterator;
    case ObjKind::CodeObj: return types_.code;
    case ObjKind::StaticMethod: return types_.staticmethod;
    case ObjKind::ClassMethod: return types_.classmethod;
    case ObjKind::Property: return types_.property;
    case ObjKind::Super: return types_.super_;
  }
  return types_.object;
}

bool VM::is_subclass(Class* sub, Class* base) const {
  if (sub == base) return true;
  for (Class* c : sub->mro) {
    if (c == base) return true;
  }
  return false;
}

bool VM::isinstance(Value v, Class* cls) const { return is_subclass(type_of(v), cls); }

// ---- per-code caches ----

CodeRuntime* VM::prepare(const Code* code) {
  if (code->runtime_owner == this) return static_cast<CodeRuntime*>(code->runtime);
  auto rt = std::make_unique<CodeRuntime>();
  rt->code = code;
  rt->attr_cache.resize(code->code.size());
  struct Materialize {
    VM& vm;
    Value operator()(const ConstValue& c) {
      switch (c.kind) {
        case ConstValue::Kind::None: return Value::none();
        case ConstValue::Kind::True: return Value::boolean(true);
        case ConstValue::Kind::False: return Value::boolean(false);
        case ConstValue::Kind::Int: return Value::integer(c.i);
        case ConstValue::Kind::Float: return Value::number(c.f);
        case ConstValue::Kind::Str: return Value::object(vm.intern(c.s));
        case ConstValue::Kind::Ellipsis: return vm.ellipsis_value();
        case ConstValue::Kind::Code: {
          CodeObj* co = vm.alloc<CodeObj>();
          co->code = c.code;
          return Value::object(co);
        }
        case ConstValue::Kind::Tuple: {
          std::vector<Value> items;
          items.reserve(c.items.size());
          for (const auto& it : c.items) items.push_back((*this)(it));
          return Value::object(vm.new_tuple(std::move(items)));
        }
      }
      return Value::none();
    }
  };
  Materialize mat{*this};
  rt->consts.reserve(code->consts.size());
  rt->kwnames.resize(code->consts.size());
  for (size_t i = 0; i < code->consts.size(); ++i) {
    const ConstValue& c = code->consts[i];
    rt->consts.push_back(mat(c));
    if (c.kind == ConstValue::Kind::Tuple) {
      bool all_str = true;
      for (const auto& it : c.items) all_str &= it.kind == ConstValue::Kind::Str;
      if (all_str) {
        for (const auto& it : c.items) rt->kwnames[i].push_back(intern(it.s));
      }
    }
  }
  for (const auto& n : code->names) rt->names.push_back(intern(n));
  for (const auto& n : code->varnames) rt->varnames.push_back(intern(n));
  for (const auto& n : code->cellvars) rt->cellnames.push_back(intern(n));
  for (const auto& n : code->freevars) rt->cellnames.push_back(intern(n));
  rt->name = intern(code->name);
  rt->qualname = intern(code->qualname);
  rt->doc = code->docstring.empty() ? Value::none() : Value::object(intern(code->docstring));
  rt->nlocals = code->nlocals();
  rt->ncells = code->ncells();
  rt->frame_size = rt->nlocals + rt->ncells + code->max_stack + 8;
  rt->simple_args = !code->varargs && !code->varkw && code->kwonlyargcount == 0 &&
                    code->cellvars.empty() && !code->is_generator_like();
  CodeRuntime* raw = rt.get();
  code->runtime = raw;
  code->runtime_owner = this;
  code_runtimes_.push_back(std::move(rt));
  return raw;
}

Value VM::ellipsis_value() { return ellipsis(*this); }

Frame* VM::acquire_frame(const Code* code) {
  CodeRuntime* rt = prepare(code);
  Frame* f;
  if (!frame_pool_.empty()) {
    f = frame_pool_.back();
    frame_pool_.pop_back();
  } else {
    f = new Frame;
  }
  if (f->capacity < rt->frame_size) {
    f->storage.reset(new Value[rt->frame_size]);
    f->capacity = rt->frame_size;
  }
  f->code = code;
  f->rt = rt;
  f->slots = f->storage.get();
  f->ip = code->code.data();
  uint32_t nslots = rt->nlocals + rt->ncells;
  for (uint32_t i = 0; i < nslots; ++i) f->slots[i] = Value::null();
  f->stack_base = f->slots + nslots;
  f->sp = f->stack_base;
  f->blocks.clear();
  f->func = nullptr;
  f->globals = nullptr;
  f->locals_dict = nullptr;
  f->gen = nullptr;
  f->init_self = Value();
  f->is_init = false;
  f->entry = false;
  return f;
}

void VM::release_frame(Frame* f) {
  if (frame_pool_.size() < kFramePoolMax) {
    f->gen = nullptr;
    frame_pool_.push_back(f);
  } else {
    delete f;
  }
}

// ---- tasks ----

Task* VM::start_main(const Program& program) {
  program_ = &program;
  main_module_ = new_module("__main__");
  modules_.emplace_back("__main__", main_module_);
  Task* t = new Task;
  t->id = static_cast<uint32_t>(tasks_.size());
  t->name = "MainThread";
  t->started = true;
  tasks_.push_back(t);
  Frame* f = acquire_frame(program.main);
  f->globals = main_module_->dict;
  t->frames.push_back(f);
  return t;
}

Task* VM::spawn_task(std::string name, Value callable, std::vector<Value> args, uint32_t parent) {
  Task* t = new Task;
  t->id = static_cast<uint32_t>(tasks_.size());
  t->name = std::move(name);
  t->parent = parent;
  t->start_callable = callable;
  t->start_args = std::move(args);
  tasks_.push_back(t);
  return t;
}

RunStatus VM::run_task(Task* t, uint64_t budget) {
  if (t->state == TaskState::Finished) return t->exception.is_none() ? RunStatus::Finished : RunStatus::Error;
  Task* prev = current_;
  current_ = t;
  t->state = TaskState::Runnable;
  if (!t->started) {
    t->started = true;
    std::vector<Value> buf(t->start_args.size() + 1);
    std::copy(t->start_args.begin(), t->start_args.end(), buf.begin() + 1);
    Value out;
    Invoke r = invoke(t->start_callable, buf.data() + 1, static_cast<uint32_t>(t->start_args.size()),
                      nullptr, 0, out);
    t->start_callable = Value();
    t->start_args.clear();
    if (r != Invoke::Frame) {
      current_ = prev;
      t->state = TaskState::Finished;
      if (r == Invoke::Done) {
        t->result = out;
        return RunStatus::Finished;
      }
      t->exception = pending_;
      pending_ = Value::null();
      return RunStatus::Error;
    }
  }
  if (t->frames.empty()) {
    current_ = prev;
    t->state = TaskState::Finished;
    return RunStatus::Finished;
  }
  uint64_t cap = std::min<uint64_t>(budget, static_cast<uint64_t>(INT64_MAX));
  RunStatus s = execute(t, static_cast<int64_t>(cap), false, nullptr, false);
  if (s == RunStatus::Finished || s == RunStatus::Error) t->state = TaskState::Finished;
  if (s == RunStatus::Blocked) t->state = TaskState::Blocked;
  current_ = prev;
  return s;
}

uint32_t VM::current_line() const {
  if (!current_ || current_->frames.empty()) return 0;
  return current_->frames.back()->line();
}

Dict* VM::current_globals() const {
  if (!current_ || current_->frames.empty()) return main_module_ ? main_module_->dict : nullptr;
  return current_->frames.back()->globals;
}

bool VM::current_locals(Value& out) {
  if (!current_ || current_->frames.empty()) {
    out = main_module_ ? Value::object(main_module_->dict) : Value::none();
    return true;
  }
  Frame* f = current_->frames.back();
  if (f->locals_dict) {
    out = Value::object(f->locals_dict);
    return true;
  }
  if (f->code->flags & kCodeModule) {
    out = Value::object(f->globals);
    return true;
  }
  Dict* d = new_dict();
  for (uint32_t i = 0; i < f->rt->nlocals; ++i) {
    if (!f->slots[i].is_null()) store_name_in(d, f->rt->varnames[i], f->slots[i]);
  }
  for (uint32_t i = 0; i < f->rt->ncells; ++i) {
    Value c = f->cells()[i];
    if (c.is_obj() && c.o && !static_cast<Cell*>(c.o)->empty) {
      store_name_in(d, f->rt->cellnames[i], static_cast<Cell*>(c.o)->value);
    }
  }
  out = Value::object(d);
  return true;
}

// ---- modules ----

bool VM::import_module(std::string_view name, Value& out) { return do_import(intern(name), out); }

bool VM::do_import(Str* name, Value& out) {
  for (const auto& [n, m] : modules_) {
    if (n == name->s) {
      out = Value::object(m);
      return true;
    }
  }
  if (!name->s.empty() && name->s[0] == '.') {
    return raise(types_.import_error, "attempted relative import with no known parent package");
  }
  // A dotted name imports its package first and becomes an attribute of it.
  Module* parent = nullptr;
  size_t dot = name->s.rfind('.');
  if (dot != std::string::npos) {
    Value p;
    if (!do_import(intern(std::string_view(name->s).substr(0, dot)), p)) return false;
    parent = static_cast<Module*>(p.o);
    for (const auto& [n, m] : modules_) {
      if (n == name->s) {
        out = Value::object(m);
        return true;
      }
    }
  }
  Module* m = nullptr;
  if ((make_native_module(*this, name->s, m) || ctx_.make_module(*this, name->s, m)) && m) {
    modules_.emplace_back(name->s, m);
  } else {
    if (has_exception()) return false;
    bool found = false;
    Value fm;
    if (!import_frozen(name, fm, found)) return false;
    if (!found) return raise(types_.module_not_found_error, "no module named '" + name->s + "' in the playground");
    m = static_cast<Module*>(fm.o);
  }
  if (parent) store_name_in(parent->dict, intern(std::string_view(name->s).substr(dot + 1)), Value::object(m));
  out = Value::object(m);
  return true;
}

}  // namespace interleave
