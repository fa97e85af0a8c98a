// The VM's bookkeeping: allocation, interned strings, modules, tasks and the per-code
// caches (construction and the built-in types are in vm_init.cpp).
#include "vm/vm.h"

#include "vm/frozen.h"

#include <algorithm>
#include <cstring>

#include "vm/bigint.h"
#include "vm/code_runtime.h"
#include "vm/frame.h"
#include "vm/frame_pool.h"
#include "vm/library.h"
#include "vm/task.h"

namespace interleave {

VM::~VM() {
  for (Task* t : tasks_) {
    for (Frame* f : t->frames) {
      if (!f->gen) delete f;
    }
    delete t;
  }
  delete idle_task_;
  for (uint32_t i = 0; i < frame_pool_size_; ++i) delete frame_pool_[i];
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
  r->interned = true;
  interned_.emplace(std::string_view(r->s), r);
  interned_list_.push_back(r);
  return r;
}

List* VM::new_list(ValueVec items) {
  List* l = alloc<List>();
  l->items = std::move(items);
  bytes_ += l->items.capacity() * sizeof(Value);
  return l;
}

Tuple* VM::new_tuple(ValueVec items) {
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
  if (making_exception_) return true;  // making_exception_: the MemoryError being made needs a few bytes itself
  if (bytes > config_.memory_limit || bytes_ + bytes > config_.memory_limit) {
    return raise(types_.memory_error,
                 "the playground's memory limit (" + std::to_string(config_.memory_limit >> 20) + " MB) was exceeded");
  }
  return true;
}

bool VM::grow(size_t bytes) {
  if (!reserve(bytes)) return false;
  bytes_ += bytes;
  if (bytes_ > gc_threshold_) gc_requested_ = true;
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
// compute_mro: one base needs no merge, and the merge walks each list by a head index, so a
// deep single-inheritance chain costs its length, not its cube.
bool VM::compute_mro(Class* cls) {
  if (cls->bases.size() == 1) {
    const std::vector<Class*>& base = cls->bases[0]->mro;
    std::vector<Class*> out;
    out.reserve(base.size() + 1);
    out.push_back(cls);
    out.insert(out.end(), base.begin(), base.end());
    cls->mro = std::move(out);
    return true;
  }
  std::vector<const std::vector<Class*>*> seqs;
  for (Class* b : cls->bases) seqs.push_back(&b->mro);
  seqs.push_back(&cls->bases);
  std::vector<size_t> head(seqs.size(), 0);
  std::vector<Class*> out{cls};
  for (;;) {
    bool any = false;
    Class* pick = nullptr;
    for (size_t i = 0; i < seqs.size() && !pick; ++i) {
      if (head[i] >= seqs[i]->size()) continue;
      any = true;
      Class* h = (*seqs[i])[head[i]];
      bool in_tail = false;
      for (size_t j = 0; j < seqs.size() && !in_tail; ++j) {
        const auto& other = *seqs[j];
        if (head[j] + 1 < other.size()) in_tail = std::find(other.begin() + head[j] + 1, other.end(), h) != other.end();
      }
      if (!in_tail) pick = h;
    }
    if (!any) break;
    if (!pick) {
      cls->mro.clear();
      return false;
    }
    out.push_back(pick);
    for (size_t i = 0; i < seqs.size(); ++i) {
      if (head[i] < seqs[i]->size() && (*seqs[i])[head[i]] == pick) ++head[i];
    }
  }
  cls->mro = std::move(out);
  return true;
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
  if (o->sub) return subclass_of(o);
  switch (o->kind) {
    case ObjKind::Str: return types_.str;
    case ObjKind::Bytes: return static_cast<const Bytes*>(o)->mutable_ ? types_.bytearray : types_.bytes;
    case ObjKind::BigInt: return types_.int_;
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
      if (bm->func.is_obj() && bm->func.o && bm->func.o->kind == ObjKind::NativeFunction)
        return types_.builtin_function;
      return types_.method;
    }
    case ObjKind::Class: return static_cast<const Class*>(o)->meta ? static_cast<const Class*>(o)->meta : types_.type;
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
        case ConstValue::Kind::Int: return c.s.empty() ? Value::integer(c.i) : lib::big_literal(vm, c.s);
        case ConstValue::Kind::Float: return Value::number(c.f);
        case ConstValue::Kind::Str: return Value::object(vm.intern(c.s));
        case ConstValue::Kind::Bytes: {
          Bytes* b = vm.alloc<Bytes>();
          b->data = c.s;
          return Value::object(b);
        }
        case ConstValue::Kind::Ellipsis: return vm.ellipsis_value();
        case ConstValue::Kind::Code: {
          CodeObj* co = vm.alloc<CodeObj>();
          co->code = c.code;
          return Value::object(co);
        }
        case ConstValue::Kind::Tuple: {
          ValueVec items;
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
  rt->simple_args = !code->varargs && !code->varkw && code->kwonlyargcount == 0 && code->cellvars.empty() &&
                    !code->is_generator_like();
  CodeRuntime* raw = rt.get();
  code->runtime = raw;
  code->runtime_owner = this;
  code_runtimes_.push_back(std::move(rt));
  return raw;
}

Value VM::ellipsis_value() { return ellipsis(*this); }

Frame* VM::acquire_frame(const Code* code) { return take_frame(code, prepare(code)); }

void VM::grow_frame(Frame* f, uint32_t size) {
  f->storage.reset(new Value[size]);
  f->capacity = size;
}

void VM::release_frame(Frame* f) { give_frame(f); }

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

bool VM::run_main_as(std::string_view name, Value& out) {
  if (!program_) return raise(types_.runtime_error, "no program is loaded");
  Module* m = new_module(name);
  modules_.emplace_back(std::string(name), m);
  modules_.emplace_back("__main__", m);
  main_module_ = m;
  Function* fn = alloc<Function>();
  fn->code = program_->main;
  fn->name = intern("<module>");
  fn->qualname = fn->name;
  fn->globals = m->dict;
  fn->module = m;
  out = Value::object(m);
  Value ignored;
  return call(Value::object(fn), CallArgs{}, ignored);
}

Task* VM::spawn_task(std::string name, Value callable, ValueVec args, uint32_t parent) {
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
  took_break_ = false;
  if (t->state == TaskState::Finished) return t->exception.is_none() ? RunStatus::Finished : RunStatus::Error;
  Task* prev = current_;
  current_ = t;
  t->state = TaskState::Runnable;
  if (!t->started) {
    t->started = true;
    ValueVec buf(t->start_args.size() + 1);
    std::copy(t->start_args.begin(), t->start_args.end(), buf.begin() + 1);
    Value out;
    Invoke r = invoke(t->start_callable, buf.data() + 1, static_cast<uint32_t>(t->start_args.size()), nullptr, 0, out);
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

bool VM::import_submodule(Module* package, Str* name, Value& out) {
  out = Value::null();
  std::string full = package->name->s + "." + name->s;
  // Only a submodule that exists is imported, so an error raised inside it propagates.
  if (!find_frozen(full) && !is_library_module(full)) return true;
  return do_import(intern(full), out);
}

bool VM::import_statement(Str* name, const std::string& filename, Value& out) {
  if (name->s == "_interleave" && filename.rfind("<frozen ", 0) != 0) {
    return raise(types_.module_not_found_error, "no module named '_interleave' in the playground");
  }
  return do_import(name, out);
}

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
  // A dotted name imports its packages outermost first, each becoming an attribute of the
  // one before; a loop, so `import a.a.a...` of any length stops at its first missing name.
  Module* parent = nullptr;
  for (size_t start = 0;;) {
    size_t dot = name->s.find('.', start);
    Str* part = dot == std::string::npos ? name : intern(std::string_view(name->s).substr(0, dot));
    Module* m = nullptr;
    for (const auto& [n, mod] : modules_) {
      if (n == part->s) {
        m = mod;
        break;
      }
    }
    if (!m) {
      if ((make_native_module(*this, part->s, m) || ctx_.make_module(*this, part->s, m)) && m) {
        modules_.emplace_back(part->s, m);
      } else {
        if (has_exception()) return false;
        bool found = false;
        Value fm;
        if (!import_frozen(part, fm, found)) return false;
        if (!found && is_library_module(part->s)) {
          return raise(types_.module_not_found_error,
                       "module '" + part->s +
                           "' is in the playground's library, which this host has not loaded "
                           "(import it with an import statement, or load the library first)");
        }
        if (!found) return raise(types_.module_not_found_error, "no module named '" + part->s + "' in the playground");
        m = static_cast<Module*>(fm.o);
      }
      if (parent) store_name_in(parent->dict, intern(std::string_view(part->s).substr(start)), Value::object(m));
    }
    if (dot == std::string::npos) {
      out = Value::object(m);
      return true;
    }
    parent = m;
    start = dot + 1;
  }
}

}  // namespace interleave
