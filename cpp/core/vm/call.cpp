// Calls: binding arguments into frames, calling built-ins, constructing instances,
// classes and the nested run loop that lets built-ins call back into Python.
#include <algorithm>
#include <string>

#include "lang/native_stack.h"
#include "vm/code_runtime.h"
#include "vm/frame.h"
#include "vm/frame_pool.h"
#include "vm/library.h"
#include "vm/task.h"
#include "vm/vm.h"

namespace interleave {

namespace {

constexpr uint32_t kMaxNativeDepth = 200;

bool is_kind(Value v, ObjKind k) { return v.tag == Tag::Obj && v.o && v.o->kind == k; }

std::string quoted_list(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
    out += "'" + names[i] + "'";
  }
  return out;
}

}  // namespace

// function_str names a callable in argument errors the way CPython does: "f()", "C.m()".
std::string VM::function_str(Value callable) {
  if (is_kind(callable, ObjKind::Function)) return static_cast<Function*>(callable.o)->qualname->s + "()";
  if (is_kind(callable, ObjKind::NativeFunction)) return static_cast<NativeFunction*>(callable.o)->name->s + "()";
  if (is_kind(callable, ObjKind::BoundMethod)) return function_str(static_cast<BoundMethod*>(callable.o)->func);
  if (is_kind(callable, ObjKind::Class)) return static_cast<Class*>(callable.o)->name->s + "()";
  return type_name(callable) + " object";
}

// ---- binding ----

bool VM::bind_arguments(Function* fn, Frame* f, Value* args, uint32_t nargs, const Str* const* kwnames, uint32_t nkw) {
  const Code* c = fn->code;
  CodeRuntime* rt = f->rt;
  Value* locals = f->slots;
  uint32_t npos = nargs - nkw;
  uint32_t argcount = c->argcount;
  uint32_t total = argcount + c->kwonlyargcount;
  const std::string& qn = fn->qualname->s;
  uint32_t n = std::min(npos, argcount);
  for (uint32_t i = 0; i < n; ++i) locals[i] = args[i];
  uint32_t slot = total;
  if (c->varargs) {
    ValueVec rest;
    if (npos > argcount) rest.assign(args + argcount, args + npos);
    locals[slot++] = Value::object(new_tuple(std::move(rest)));
  } else if (npos > argcount) {
    uint32_t ndef = static_cast<uint32_t>(fn->defaults.size());
    std::string takes;
    if (ndef > 0) {
      takes = "from " + std::to_string(argcount - ndef) + " to " + std::to_string(argcount) + " positional arguments";
    } else {
      takes = std::to_string(argcount) + (argcount == 1 ? " positional argument" : " positional arguments");
    }
    return raise(types_.type_error, qn + "() takes " + takes + " but " + std::to_string(npos) +
                                        (npos == 1 ? " was given" : " were given"));
  }
  Dict* kwdict = nullptr;
  if (c->varkw) {
    kwdict = new_dict();
    locals[slot] = Value::object(kwdict);
  }
  for (uint32_t k = 0; k < nkw; ++k) {
    const Str* name = kwnames[k];
    Value v = args[npos + k];
    uint32_t j = c->posonlyargcount;
    for (; j < total; ++j) {
      if (rt->varnames[j] == name || rt->varnames[j]->s == name->s) break;
    }
    if (j < total) {
      if (!locals[j].is_null()) {
        return raise(types_.type_error, qn + "() got multiple values for argument '" + name->s + "'");
      }
      locals[j] = v;
      continue;
    }
    if (kwdict) {
      if (!dict_set(kwdict, Value::object(const_cast<Str*>(name)), v)) return false;
      continue;
    }
    for (uint32_t p = 0; p < c->posonlyargcount; ++p) {
      if (rt->varnames[p]->s == name->s) {
        return raise(types_.type_error,
                     qn + "() got some positional-only arguments passed as keyword arguments: '" + name->s + "'");
      }
    }
    return raise(types_.type_error, qn + "() got an unexpected keyword argument '" + name->s + "'");
  }
  if (npos < argcount) {
    uint32_t ndef = static_cast<uint32_t>(fn->defaults.size());
    uint32_t first_default = argcount - ndef;
    std::vector<std::string> missing;
    for (uint32_t i = npos; i < argcount; ++i) {
      if (!locals[i].is_null()) continue;
      if (i >= first_default) {
        locals[i] = fn->defaults[i - first_default];
      } else {
        missing.push_back(rt->varnames[i]->s);
      }
    }
    if (!missing.empty()) {
      return raise(types_.type_error, qn + "() missing " + std::to_string(missing.size()) +
                                          " required positional argument" + (missing.size() == 1 ? "" : "s") + ": " +
                                          quoted_list(missing));
    }
  }
  if (c->kwonlyargcount) {
    std::vector<std::string> missing;
    for (uint32_t i = argcount; i < total; ++i) {
      if (!locals[i].is_null()) continue;
      if (fn->kwdefaults && lookup_name_in(fn->kwdefaults, rt->varnames[i], locals[i])) continue;
      missing.push_back(rt->varnames[i]->s);
    }
    if (!missing.empty()) {
      return raise(types_.type_error, qn + "() missing " + std::to_string(missing.size()) +
                                          " required keyword-only argument" + (missing.size() == 1 ? "" : "s") + ": " +
                                          quoted_list(missing));
    }
  }
  Value* cells = f->cells();
  size_t ncellvars = c->cellvars.size();
  for (size_t i = 0; i < ncellvars; ++i) {
    Cell* cell = alloc<Cell>();
    int32_t a = c->cell2arg[i];
    if (a >= 0 && !locals[a].is_null()) {
      cell->value = locals[a];
      cell->empty = false;
    }
    cells[i] = Value::object(cell);
  }
  for (size_t i = 0; i < c->freevars.size(); ++i) {
    cells[ncellvars + i] = i < fn->closure.size() ? Value::object(fn->closure[i]) : Value::null();
  }
  return true;
}

bool VM::push_function(Function* fn, Value* args, uint32_t nargs, const Str* const* kwnames, uint32_t nkw,
                       Value& generator_out, bool& pushed) {
  pushed = false;
  Task* t = current_;
  if (t->frames.size() >= config_.recursion_limit) {
    return raise(types_.recursion_error, "maximum recursion depth exceeded");
  }
  Frame* f = take_frame(fn->code, prepare(fn->code));
  f->func = fn;
  f->globals = fn->globals;
  CodeRuntime* rt = f->rt;
  if (rt->simple_args && nkw == 0 && nargs == fn->code->argcount) {
    for (uint32_t i = 0; i < nargs; ++i) f->slots[i] = args[i];
    Value* cells = f->cells();
    for (size_t i = 0; i < fn->closure.size(); ++i) cells[i] = Value::object(fn->closure[i]);
  } else if (!bind_arguments(fn, f, args, nargs, kwnames, nkw)) {
    release_frame(f);
    return false;
  }
  ++python_calls_;
  if (fn->code->is_generator_like()) {
    Generator* g = alloc<Generator>();
    g->gkind = (fn->code->flags & kCodeCoroutine)        ? GenKind::Coroutine
               : (fn->code->flags & kCodeAsyncGenerator) ? GenKind::AsyncGenerator
                                                         : GenKind::Generator;
    g->frame = f;
    g->name = fn->name;
    f->gen = g;
    generator_out = Value::object(g);
    return true;
  }
  t->frames.push_back(f);
  t->last_line = 0;
  pushed = true;
  return true;
}

bool VM::call_native(NativeFunction* nf, Value* args, uint32_t nargs, const Str* const* kwnames, uint32_t nkw,
                     Value& out) {
  CallArgs ca;
  if (nf->has_self) {
    args[-1] = nf->self;
    --args;
    ++nargs;
  }
  ca.args = args;
  ca.nargs = nargs - nkw;
  ca.kwnames = kwnames;
  ca.kwvalues = args + (nargs - nkw);
  ca.nkw = nkw;
  ++native_calls_;
  out = Value();
  return nf->fn(*this, ca, out);
}

// invoke calls callable with args[0..nargs) (the last nkw are keyword values); args[-1]
// must be writable scratch. A Python callee is pushed as a new frame (Invoke::Frame).
VM::Invoke VM::invoke(Value callable, Value* args, uint32_t nargs, const Str* const* kwnames, uint32_t nkw,
                      Value& out) {
  NativeCall counted(*this);
  if (callable.tag == Tag::Obj && callable.o) {
    Obj* o = callable.o;
    switch (o->kind) {
      case ObjKind::Function: {
        bool pushed;
        if (!push_function(static_cast<Function*>(o), args, nargs, kwnames, nkw, out, pushed)) return Invoke::Error;
        return pushed ? Invoke::Frame : Invoke::Done;
      }
      case ObjKind::NativeFunction:
        return call_native(static_cast<NativeFunction*>(o), args, nargs, kwnames, nkw, out) ? Invoke::Done
                                                                                            : Invoke::Error;
      case ObjKind::BoundMethod: {
        BoundMethod* bm = static_cast<BoundMethod*>(o);
        Value func = bm->func;
        if (is_kind(func, ObjKind::Function) ||
            (is_kind(func, ObjKind::NativeFunction) && !static_cast<NativeFunction*>(func.o)->has_self)) {
          args[-1] = bm->self;
          if (func.o->kind == ObjKind::Function) {
            bool pushed;
            if (!push_function(static_cast<Function*>(func.o), args - 1, nargs + 1, kwnames, nkw, out, pushed)) {
              return Invoke::Error;
            }
            return pushed ? Invoke::Frame : Invoke::Done;
          }
          CallArgs ca;
          ca.args = args - 1;
          ca.nargs = nargs + 1 - nkw;
          ca.kwnames = kwnames;
          ca.kwvalues = args + (nargs - nkw);
          ca.nkw = nkw;
          ++native_calls_;
          out = Value();
          return static_cast<NativeFunction*>(func.o)->fn(*this, ca, out) ? Invoke::Done : Invoke::Error;
        }
        ValueVec tmp(nargs + 2);
        tmp[1] = bm->self;
        std::copy(args, args + nargs, tmp.begin() + 2);
        return invoke(func, tmp.data() + 1, nargs + 1, kwnames, nkw, out);
      }
      case ObjKind::Class: return construct(static_cast<Class*>(o), args, nargs, kwnames, nkw, out);
      case ObjKind::Instance: {
        Instance* inst = static_cast<Instance*>(o);
        Value d;
        if (lookup_type_attr(inst->cls, names_.call, d)) {
          if (is_kind(d, ObjKind::Function)) {
            args[-1] = callable;
            bool pushed;
            if (!push_function(static_cast<Function*>(d.o), args - 1, nargs + 1, kwnames, nkw, out, pushed)) {
              return Invoke::Error;
            }
            return pushed ? Invoke::Frame : Invoke::Done;
          }
          Value bound;
          bool prop;
          if (!bind_descriptor(d, callable, inst->cls, bound, prop)) return Invoke::Error;
          ValueVec tmp(nargs + 1);
          std::copy(args, args + nargs, tmp.begin() + 1);
          return invoke(bound, tmp.data() + 1, nargs, kwnames, nkw, out);
        }
        break;
      }
      case ObjKind::StaticMethod: return invoke(static_cast<StaticMethod*>(o)->func, args, nargs, kwnames, nkw, out);
      default: break;
    }
  }
  raise(types_.type_error, "'" + type_name(callable) + "' object is not callable");
  return Invoke::Error;
}

VM::Invoke VM::construct(Class* cls, Value* args, uint32_t nargs, const Str* const* kwnames, uint32_t nkw, Value& out) {
  if (__builtin_expect(cls->meta != nullptr, 0)) {
    // construct: a metaclass's own __call__ (Singleton patterns) runs instead of type's.
    Value callf, abstracts;
    if (lookup_name_in(cls->dict, intern("__abstractmethods__"), abstracts) && !abstracts.is_none()) {
      // construct: an abstract class refuses instances with CPython's message (abc.ABCMeta's classes).
      ValueVec items;
      if (!collect(*this, abstracts, items)) return Invoke::Error;
      if (!items.empty()) {
        std::vector<std::string> names;
        for (Value v : items) names.push_back(is_kind(v, ObjKind::Str) ? static_cast<Str*>(v.o)->s : "?");
        std::sort(names.begin(), names.end());
        std::string msg = "Can't instantiate abstract class " + cls->name->s + " with abstract method" +
                          (names.size() > 1 ? "s " : " ");
        for (size_t i = 0; i < names.size(); ++i) msg += (i ? ", " : "") + names[i];
        raise(types_.type_error, msg);
        return Invoke::Error;
      }
    }
    if (meta_call_bypass_ == cls) {
      meta_call_bypass_ = nullptr;
    } else if (lookup_type_attr(cls->meta, intern("__call__"), callf) && is_kind(callf, ObjKind::Function)) {
      args[-1] = Value::object(cls);
      CallArgs ca{args - 1, nargs + 1 - nkw, kwnames, args + (nargs - nkw), nkw};
      return call(callf, ca, out) ? Invoke::Done : Invoke::Error;
    }
  }
  if (cls == types_.type && nargs == 1 && nkw == 0) {
    out = Value::object(type_of(args[0]));
    return Invoke::Done;
  }
  Value newf;
  lookup_type_attr(cls, names_.new_, newf);
  if (is_kind(newf, ObjKind::StaticMethod)) newf = static_cast<StaticMethod*>(newf.o)->func;
  bool default_new = newf.is_obj() && newf.o == object_new_;
  if (cls->builtin && !cls->is_exception && cls != types_.object) {
    if (default_new || newf.is_none()) {
      raise(types_.type_error, "cannot create '" + cls->name->s + "' instances");
      return Invoke::Error;
    }
    args[-1] = Value::object(cls);
    if (is_kind(newf, ObjKind::NativeFunction)) {
      return call_native(static_cast<NativeFunction*>(newf.o), args - 1, nargs + 1, kwnames, nkw, out) ? Invoke::Done
                                                                                                       : Invoke::Error;
    }
    CallArgs ca{args - 1, nargs + 1 - nkw, kwnames, args + (nargs - nkw), nkw};
    return call(newf, ca, out) ? Invoke::Done : Invoke::Error;
  }
  Value inst;
  if (default_new) {
    Instance* in = alloc<Instance>();
    in->cls = cls;
    if (cls->is_exception) in->exc = new ExceptionData;
    inst = Value::object(in);
  } else {
    args[-1] = Value::object(cls);
    CallArgs ca{args - 1, nargs + 1 - nkw, kwnames, args + (nargs - nkw), nkw};
    if (!call(newf, ca, inst)) return Invoke::Error;
    if (!isinstance(inst, cls)) {
      out = inst;
      return Invoke::Done;
    }
  }
  Value initf;
  lookup_type_attr(cls, names_.init, initf);
  if (initf.is_obj() && initf.o == object_init_) {
    if (nargs > 0 && default_new) {
      raise(types_.type_error, cls->name->s + "() takes no arguments");
      return Invoke::Error;
    }
    out = inst;
    return Invoke::Done;
  }
  args[-1] = inst;
  if (is_kind(initf, ObjKind::Function)) {
    Value gen;
    bool pushed;
    if (!push_function(static_cast<Function*>(initf.o), args - 1, nargs + 1, kwnames, nkw, gen, pushed)) {
      return Invoke::Error;
    }
    if (!pushed) {
      raise(types_.type_error, "__init__() should return None, not 'generator'");
      return Invoke::Error;
    }
    Frame* f = current_->frames.back();
    f->is_init = true;
    f->init_self = inst;
    return Invoke::Frame;
  }
  Value result;
  if (is_kind(initf, ObjKind::NativeFunction)) {
    if (!call_native(static_cast<NativeFunction*>(initf.o), args - 1, nargs + 1, kwnames, nkw, result)) {
      return Invoke::Error;
    }
  } else {
    CallArgs ca{args - 1, nargs + 1 - nkw, kwnames, args + (nargs - nkw), nkw};
    if (!call(initf, ca, result)) return Invoke::Error;
  }
  out = inst;
  return Invoke::Done;
}

// ---- calls from natives ----

bool VM::call(Value callable, const CallArgs& a, Value& out) {
  if (native_depth_ >= kMaxNativeDepth || native_stack_low())
    return raise(types_.recursion_error, "maximum recursion depth exceeded");
  NativeCall counted(*this);
  Task* t = current_;
  if (!t) {
    if (!idle_task_) {
      idle_task_ = new Task;
      idle_task_->id = 0xFFFFFFFFu;
      idle_task_->name = "idle";
      idle_task_->started = true;
    }
    current_ = idle_task_;
  }
  Value buf[10];
  ValueVec big;
  Value* base = buf;
  uint32_t n = a.nargs + a.nkw;
  if (n + 1 > 10) {
    big.resize(n + 1);
    base = big.data();
  }
  for (uint32_t i = 0; i < a.nargs; ++i) base[1 + i] = a.args[i];
  for (uint32_t i = 0; i < a.nkw; ++i) base[1 + a.nargs + i] = a.kwvalues[i];
  bool ok;
  Invoke r = invoke(callable, base + 1, n, a.kwnames, a.nkw, out);
  if (r == Invoke::Frame) {
    current_->frames.back()->entry = true;
    ok = run_nested(out);
  } else {
    ok = r == Invoke::Done;
  }
  if (!t) current_ = nullptr;
  return ok;
}

bool VM::call(Value callable, std::initializer_list<Value> args, Value& out) {
  CallArgs ca;
  ca.args = args.begin();
  ca.nargs = static_cast<uint32_t>(args.size());
  return call(callable, ca, out);
}

bool VM::run_nested(Value& out) {
  NestedState nest = enter_nested(nullptr);
  ++native_depth_;
  int64_t budget = config_.step_limit > steps_ ? static_cast<int64_t>(config_.step_limit - steps_) : 0;
  RunStatus s = execute(current_, budget, true, &out, false);
  --native_depth_;
  leave_nested(nest);
  return s == RunStatus::Finished;
}

// ---- generators from natives ----

bool VM::gen_resume_nested(Generator* g, Value value, bool throw_pending, Value& out, bool& done) {
  if (!g->frame) {
    if (throw_pending) return false;
    done = true;
    out = Value::none();
    return true;
  }
  if (g->running) {
    pending_ = Value::null();
    return raise(types_.value_error,
                 g->gkind == GenKind::Coroutine ? "coroutine already executing" : "generator already executing");
  }
  if (native_depth_ >= kMaxNativeDepth || native_stack_low())
    return raise(types_.recursion_error, "maximum recursion depth exceeded");
  Task* t = current_;
  if (!t) return raise(types_.runtime_error, "generator resumed outside a task");
  Frame* f = g->frame;
  if (!g->started) {
    if (!throw_pending && !value.is_none()) {
      return raise(types_.type_error, "can't send non-None value to a just-started generator");
    }
    g->started = true;
  } else if (!throw_pending) {
    *f->sp++ = value;
  }
  if (t->frames.size() >= config_.recursion_limit) {
    if (throw_pending) clear_exception();
    return raise(types_.recursion_error, "maximum recursion depth exceeded");
  }
  g->running = true;
  f->entry = true;
  t->frames.push_back(f);
  NestedState nest = enter_nested(g);
  ++native_depth_;
  int64_t budget = config_.step_limit > steps_ ? static_cast<int64_t>(config_.step_limit - steps_) : 0;
  nested_returned_ = false;
  RunStatus s = execute(t, budget, true, &out, throw_pending);
  --native_depth_;
  leave_nested(nest);
  if (s != RunStatus::Finished) return false;
  done = nested_returned_;
  return true;
}

bool VM::gen_send(Generator* gen, Value value, Value& out, bool& done) {
  return gen_resume_nested(gen, value, false, out, done);
}

bool VM::n_gen_send(VM& vm, const CallArgs& a, Value& out) {
  if (a.nargs != 2 || !is_kind(a.args[0], ObjKind::Generator)) {
    return vm.raise(vm.types_.type_error, "send() takes exactly one argument");
  }
  Generator* g = static_cast<Generator*>(a.args[0].o);
  bool done = false;
  Value v;
  if (!vm.gen_resume_nested(g, a.args[1], false, v, done)) return false;
  if (done) {
    Value exc;
    if (v.is_none()) {
      exc = vm.make_exception(vm.types_.stop_iteration, "");
    } else {
      Value args[] = {v};
      CallArgs ca{args, 1, nullptr, nullptr, 0};
      if (!vm.call(Value::object(vm.types_.stop_iteration), ca, exc)) return false;
      Instance* in = static_cast<Instance*>(exc.o);
      if (!in->attrs) in->attrs = vm.new_dict();
      vm.store_name_in(in->attrs, vm.names_.value, v);
    }
    return vm.raise_value(exc);
  }
  out = v;
  return true;
}

bool VM::n_gen_next(VM& vm, const CallArgs& a, Value& out) {
  if (a.nargs != 1 || !is_kind(a.args[0], ObjKind::Generator)) return vm.raise(vm.types_.type_error, "bad generator");
  Value args[] = {a.args[0], Value::none()};
  CallArgs ca{args, 2, nullptr, nullptr, 0};
  return n_gen_send(vm, ca, out);
}

bool VM::n_gen_iter(VM& vm, const CallArgs& a, Value& out) {
  (void)vm;
  out = a.args[0];
  return true;
}

bool VM::n_gen_throw(VM& vm, const CallArgs& a, Value& out) {
  if (a.nargs < 2 || !is_kind(a.args[0], ObjKind::Generator)) {
    return vm.raise(vm.types_.type_error, "throw expected at least 1 argument");
  }
  Generator* g = static_cast<Generator*>(a.args[0].o);
  Value exc = a.args[1];
  if (is_kind(exc, ObjKind::Class)) {
    if (!vm.call(exc, {}, exc)) return false;
  }
  if (!vm.isinstance(exc, vm.types_.base_exception)) {
    return vm.raise(vm.types_.type_error,
                    "exceptions must be classes or instances deriving from BaseException, not " + vm.type_name(exc));
  }
  if (!g->frame) return vm.raise_value(exc);
  vm.pending_ = exc;
  bool done = false;
  Value v;
  if (!vm.gen_resume_nested(g, Value::none(), true, v, done)) return false;
  if (done) return vm.raise(vm.types_.stop_iteration, "");
  out = v;
  return true;
}

bool VM::n_gen_close(VM& vm, const CallArgs& a, Value& out) {
  if (a.nargs != 1 || !is_kind(a.args[0], ObjKind::Generator)) return vm.raise(vm.types_.type_error, "bad generator");
  Generator* g = static_cast<Generator*>(a.args[0].o);
  out = Value::none();
  if (!g->frame) return true;
  if (!g->started) {
    vm.release_frame(g->frame);
    g->frame = nullptr;
    return true;
  }
  vm.pending_ = vm.make_exception(vm.types_.generator_exit, "");
  bool done = false;
  Value v;
  if (vm.gen_resume_nested(g, Value::none(), true, v, done)) {
    if (!done) return vm.raise(vm.types_.runtime_error, "generator ignored GeneratorExit");
    return true;
  }
  Value exc = vm.pending_exception();
  if (vm.isinstance(exc, vm.types_.generator_exit) || vm.isinstance(exc, vm.types_.stop_iteration)) {
    vm.clear_exception();
    return true;
  }
  return false;
}

// ---- async generators ----

Value VM::make_asend(Generator* gen, int mode, Value arg) {
  Instance* aw = alloc<Instance>();
  aw->cls = agen_asend_cls_;
  aw->native = Value::object(new_list({Value::object(gen), Value::integer(mode), arg, Value::integer(0)}));
  return Value::object(aw);
}

// asend_step resumes the async generator behind aw: a wrapped yield finishes the awaitable
// with StopIteration(value), any other yield is an await inside the generator and goes out.
bool VM::asend_step(Instance* aw, bool throwing, Value value, Value& out) {
  List* st = static_cast<List*>(aw->native.o);
  Generator* g = static_cast<Generator*>(st->items[0].o);
  int64_t mode = st->items[1].i;
  int64_t state = st->items[3].i;
  if (state == 2) return raise(types_.runtime_error, "cannot reuse already awaited __anext__()/asend()");
  bool do_throw = throwing;
  Value send = value;
  if (state == 0) {
    st->items[3] = Value::integer(1);
    if (mode == 0) {
      send = st->items[2];
    } else {
      do_throw = true;
      Value exc = mode == 1 ? st->items[2] : Value::object(types_.generator_exit);
      if (is_kind(exc, ObjKind::Class) && !call(exc, {}, exc)) return false;
      pending_ = exc;
    }
  } else if (throwing) {
    pending_ = value;
  }
  if (!g->frame) {
    if (do_throw) clear_exception();
    st->items[3] = Value::integer(2);
    if (mode == 2) return raise(types_.stop_iteration, "");
    return raise(types_.stop_async_iteration, "");
  }
  bool done = false;
  Value y;
  if (!gen_resume_nested(g, send, do_throw, y, done)) {
    st->items[3] = Value::integer(2);
    if (mode == 2 &&
        (isinstance(pending_, types_.generator_exit) || isinstance(pending_, types_.stop_async_iteration))) {
      clear_exception();
      return raise(types_.stop_iteration, "");
    }
    return false;
  }
  if (done) {
    st->items[3] = Value::integer(2);
    if (mode == 2) return raise(types_.stop_iteration, "");
    return raise(types_.stop_async_iteration, "");
  }
  if (is_kind(y, ObjKind::Instance) && static_cast<Instance*>(y.o)->cls == agen_wrapped_cls_) {
    st->items[3] = Value::integer(2);
    if (mode == 2) return raise(types_.runtime_error, "async generator ignored GeneratorExit");
    Value exc;
    if (!call(Value::object(types_.stop_iteration), {static_cast<Instance*>(y.o)->native}, exc)) return false;
    return raise_value(exc);
  }
  out = y;
  return true;
}

namespace {
bool agen_self(VM& vm, const CallArgs& a, const char* what) {
  if (a.nargs >= 1 && is_kind(a.args[0], ObjKind::Generator) &&
      static_cast<Generator*>(a.args[0].o)->gkind == GenKind::AsyncGenerator) {
    return true;
  }
  return vm.raise(vm.types().type_error, std::string("descriptor '") + what + "' requires an 'async_generator' object");
}
}  // namespace

bool VM::n_agen_aiter(VM& vm, const CallArgs& a, Value& out) {
  if (!agen_self(vm, a, "__aiter__")) return false;
  out = a.args[0];
  return true;
}

bool VM::n_agen_anext(VM& vm, const CallArgs& a, Value& out) {
  if (!agen_self(vm, a, "__anext__")) return false;
  out = vm.make_asend(static_cast<Generator*>(a.args[0].o), 0, Value::none());
  return true;
}

bool VM::n_agen_asend(VM& vm, const CallArgs& a, Value& out) {
  if (!agen_self(vm, a, "asend")) return false;
  if (a.nargs != 2) return vm.raise(vm.types_.type_error, "asend() takes exactly one argument");
  out = vm.make_asend(static_cast<Generator*>(a.args[0].o), 0, a.args[1]);
  return true;
}

bool VM::n_agen_athrow(VM& vm, const CallArgs& a, Value& out) {
  if (!agen_self(vm, a, "athrow")) return false;
  if (a.nargs < 2) return vm.raise(vm.types_.type_error, "athrow expected at least 1 argument");
  out = vm.make_asend(static_cast<Generator*>(a.args[0].o), 1, a.args[1]);
  return true;
}

bool VM::n_agen_aclose(VM& vm, const CallArgs& a, Value& out) {
  if (!agen_self(vm, a, "aclose")) return false;
  out = vm.make_asend(static_cast<Generator*>(a.args[0].o), 2, Value::none());
  return true;
}

namespace {
Instance* asend_self(VM& vm, const CallArgs& a, Class* cls) {
  if (a.nargs >= 1 && is_kind(a.args[0], ObjKind::Instance) && static_cast<Instance*>(a.args[0].o)->cls == cls) {
    return static_cast<Instance*>(a.args[0].o);
  }
  vm.raise(vm.types().type_error, "expected an async_generator_asend object");
  return nullptr;
}
}  // namespace

bool VM::n_asend_send(VM& vm, const CallArgs& a, Value& out) {
  Instance* aw = asend_self(vm, a, vm.agen_asend_cls_);
  if (!aw) return false;
  return vm.asend_step(aw, false, a.nargs > 1 ? a.args[1] : Value::none(), out);
}

bool VM::n_asend_next(VM& vm, const CallArgs& a, Value& out) {
  Instance* aw = asend_self(vm, a, vm.agen_asend_cls_);
  if (!aw) return false;
  return vm.asend_step(aw, false, Value::none(), out);
}

bool VM::n_asend_throw(VM& vm, const CallArgs& a, Value& out) {
  Instance* aw = asend_self(vm, a, vm.agen_asend_cls_);
  if (!aw) return false;
  if (a.nargs < 2) return vm.raise(vm.types_.type_error, "throw expected at least 1 argument");
  Value exc = a.args[1];
  if (is_kind(exc, ObjKind::Class) && !vm.call(exc, {}, exc)) return false;
  return vm.asend_step(aw, true, exc, out);
}

bool VM::n_asend_close(VM& vm, const CallArgs& a, Value& out) {
  Instance* aw = asend_self(vm, a, vm.agen_asend_cls_);
  if (!aw) return false;
  static_cast<List*>(aw->native.o)->items[3] = Value::integer(2);
  out = Value::none();
  return true;
}

// ---- classes ----

// resolve_mro_entries replaces each base that is not a class by its __mro_entries__(bases) (PEP 560,
// typing's Generic[T]) and keeps the bases as written in __orig_bases__.
static bool resolve_mro_entries(VM& vm, Value& bases, Dict* ns) {
  if (!is_kind(bases, ObjKind::Tuple)) return true;
  Tuple* orig = static_cast<Tuple*>(bases.o);
  bool any = false;
  for (Value b : orig->items) any |= !is_kind(b, ObjKind::Class);
  if (!any) return true;
  Str* entries = vm.intern("__mro_entries__");
  ValueVec resolved;
  bool changed = false;
  for (Value b : orig->items) {
    bool has = false;
    if (!is_kind(b, ObjKind::Class) && (!vm.has_attr(b, entries, has))) return false;
    if (!has) {
      resolved.push_back(b);
      continue;
    }
    Value fn, got;
    if (!vm.get_attr(b, entries, fn) || !vm.call(fn, {bases}, got)) return false;
    if (!is_kind(got, ObjKind::Tuple)) return vm.raise(vm.types().type_error, "__mro_entries__ must return a tuple");
    for (Value e : static_cast<Tuple*>(got.o)->items) resolved.push_back(e);
    changed = true;
  }
  if (!changed) return true;
  if (!vm.dict_set(ns, Value::object(vm.intern("__orig_bases__")), bases)) return false;
  bases = Value::object(vm.new_tuple(std::move(resolved)));
  return true;
}

bool VM::build_class(Value name, Value bases, Dict* ns, Value& out, Dict* kw) {
  if (!is_kind(name, ObjKind::Str)) return raise(types_.type_error, "class name must be a string");
  if (!resolve_mro_entries(*this, bases, ns)) return false;
  Value meta;
  bool explicit_meta = kw && lookup_name_in(kw, intern("metaclass"), meta);
  if (explicit_meta) delete_name_in(kw, intern("metaclass"));
  if (!explicit_meta && is_kind(bases, ObjKind::Tuple)) {
    // build_class: without metaclass=, the most derived metaclass of the bases makes the class.
    Class* winner = nullptr;
    for (Value b : static_cast<Tuple*>(bases.o)->items) {
      if (!is_kind(b, ObjKind::Class) || !static_cast<Class*>(b.o)->meta) continue;
      Class* m = static_cast<Class*>(b.o)->meta;
      if (!winner || is_subclass(m, winner)) winner = m;
    }
    if (winner) {
      meta = Value::object(winner);
      explicit_meta = true;
    }
  }
  if (explicit_meta) {
    if (!(is_kind(meta, ObjKind::Class) && static_cast<Class*>(meta.o) == types_.type)) {
      // build_class hands the class to its metaclass: Meta(name, bases, ns, **kw), as CPython.
      ValueVec args{name, bases, Value::object(ns)};
      std::vector<const Str*> kn;
      ValueVec kv;
      for (const auto& e : kw ? kw->entries : ns->entries) {
        if (!kw || !e.live) continue;
        kn.push_back(static_cast<Str*>(e.key.o));
        kv.push_back(e.value);
      }
      CallArgs ca;
      ca.args = args.data();
      ca.nargs = 3;
      ca.kwnames = kn.data();
      ca.kwvalues = kv.data();
      ca.nkw = static_cast<uint32_t>(kn.size());
      return call(meta, ca, out);
    }
  }
  return make_class(name, bases, ns, out, kw, nullptr);
}

// make_class is type.__new__: it builds the class whose metaclass is meta (null: type).
bool VM::make_class(Value name, Value bases, Dict* ns, Value& out, Dict* kw, Class* meta) {
  if (!is_kind(name, ObjKind::Str)) return raise(types_.type_error, "class name must be a string");
  if (!resolve_mro_entries(*this, bases, ns)) return false;
  std::vector<Class*> bs;
  if (is_kind(bases, ObjKind::Tuple)) {
    for (Value b : static_cast<Tuple*>(bases.o)->items) {
      if (!is_kind(b, ObjKind::Class)) {
        return raise(types_.type_error, "bases must be types");
      }
      Class* bc = static_cast<Class*>(b.o);
      if (bc == types_.bool_ || bc == types_.function || bc == types_.generator || bc == types_.none_type) {
        return raise(types_.type_error, "type '" + bc->name->s + "' is not an acceptable base type");
      }
      bs.push_back(bc);
    }
  }
  if (bs.empty()) bs.push_back(types_.object);
  Class* cls = alloc<Class>();
  cls->name = intern(static_cast<Str*>(name.o)->s);
  cls->bases = bs;
  cls->dict = ns;
  cls->module = main_module_;
  // cls->module is the module whose code runs the class statement, so typing.Generic prints as such.
  if (Task* t = current_task(); t && !t->frames.empty() && t->frames.back()->func && t->frames.back()->func->module) {
    cls->module = t->frames.back()->func->module;
  }
  cls->builtin = false;
  cls->meta = meta;
  for (Class* b : bs) {
    cls->is_exception |= b->is_exception;
    if (!cls->meta && b->meta) cls->meta = b->meta;
  }
  if (!compute_mro(cls)) {
    std::string names;
    for (size_t i = 0; i < bs.size(); ++i) names += (i ? ", " : "") + bs[i]->name->s;
    return raise(types_.type_error, "Cannot create a consistent method resolution\norder (MRO) for bases " + names);
  }
  // make_class charges the new class's MRO length in steps: copying it is work the loop does not see.
  if (!charge_steps(cls->mro.size())) return false;
  if (!make_slots(cls)) return false;
  Value cell;
  if (lookup_name_in(ns, names_.classcell, cell)) {
    if (is_kind(cell, ObjKind::Cell)) {
      static_cast<Cell*>(cell.o)->value = Value::object(cls);
      static_cast<Cell*>(cell.o)->empty = false;
    }
    delete_name_in(ns, names_.classcell);
  }
  Value nf;
  if (lookup_name_in(ns, names_.new_, nf) && is_kind(nf, ObjKind::Function)) {
    StaticMethod* sm = alloc<StaticMethod>();
    sm->func = nf;
    store_name_in(ns, names_.new_, Value::object(sm));
  }
  Value eq, h;
  if (lookup_name_in(ns, names_.eq, eq) && !lookup_name_in(ns, names_.hash, h)) {
    store_name_in(ns, names_.hash, Value::none());
  }
  for (const char* implicit : {"__init_subclass__", "__class_getitem__"}) {
    Str* n = intern(implicit);
    Value fn;
    if (lookup_name_in(ns, n, fn) && is_kind(fn, ObjKind::Function)) {
      ClassMethod* cm = alloc<ClassMethod>();
      cm->func = fn;
      store_name_in(ns, n, Value::object(cm));
    }
  }
  ++class_epoch_;
  out = Value::object(cls);
  return finish_class(cls, kw);
}

// finish_class calls __set_name__ on the new class's attributes, then the parent's
// __init_subclass__ with the class statement's keywords, as type.__new__ does.
bool VM::finish_class(Class* cls, Dict* kw) {
  Str* set_name = intern("__set_name__");
  std::vector<std::pair<Value, Value>> attrs;
  for (const auto& e : cls->dict->entries) {
    if (e.live && is_kind(e.value, ObjKind::Instance)) attrs.emplace_back(e.key, e.value);
  }
  for (const auto& [k, v] : attrs) {
    Value fn, ignored;
    if (!lookup_type_attr(type_of(v), set_name, fn)) continue;
    if (!call(fn, {v, Value::object(cls), k}, ignored)) return false;
  }
  Str* init_subclass = intern("__init_subclass__");
  Value hook;
  for (size_t i = 1; i < cls->mro.size(); ++i) {
    if (lookup_name_in(cls->mro[i]->dict, init_subclass, hook)) break;
  }
  std::vector<const Str*> kn;
  ValueVec kv;
  if (kw) {
    for (const auto& e : kw->entries) {
      if (!e.live) continue;
      kn.push_back(static_cast<Str*>(e.key.o));
      kv.push_back(e.value);
    }
  }
  if (!is_kind(hook, ObjKind::ClassMethod)) {
    if (!kn.empty()) return raise(types_.type_error, cls->name->s + ".__init_subclass__() takes no keyword arguments");
    return true;
  }
  Value self = Value::object(cls);
  CallArgs ca;
  ca.args = &self;
  ca.nargs = 1;
  ca.kwnames = kn.data();
  ca.kwvalues = kv.data();
  ca.nkw = static_cast<uint32_t>(kn.size());
  Value ignored;
  return call(static_cast<ClassMethod*>(hook.o)->func, ca, ignored);
}

bool VM::n_type_call(VM& vm, const CallArgs& a, Value& out) {
  if (a.nargs < 1 || !is_kind(a.args[0], ObjKind::Class))
    return vm.raise(vm.types_.type_error, "descriptor '__call__' requires a 'type' object");
  Class* cls = static_cast<Class*>(a.args[0].o);
  vm.meta_call_bypass_ = cls->meta ? cls : nullptr;
  CallArgs rest{a.args + 1, a.nargs - 1, a.kwnames, a.kwvalues, a.nkw};
  bool ok = vm.call(a.args[0], rest, out);
  vm.meta_call_bypass_ = nullptr;
  return ok;
}

// n_type_instancecheck and n_type_subclasscheck are type's plain checks, for metaclasses' super() calls.
bool VM::n_type_instancecheck(VM& vm, const CallArgs& a, Value& out) {
  if (a.nargs != 2 || !is_kind(a.args[0], ObjKind::Class))
    return vm.raise(vm.types_.type_error, "__instancecheck__ expected 1 argument");
  out = Value::boolean(vm.isinstance(a.args[1], static_cast<Class*>(a.args[0].o)));
  return true;
}

bool VM::n_type_subclasscheck(VM& vm, const CallArgs& a, Value& out) {
  if (a.nargs != 2 || !is_kind(a.args[0], ObjKind::Class))
    return vm.raise(vm.types_.type_error, "__subclasscheck__ expected 1 argument");
  if (!is_kind(a.args[1], ObjKind::Class)) return vm.raise(vm.types_.type_error, "issubclass() arg 1 must be a class");
  out = Value::boolean(vm.is_subclass(static_cast<Class*>(a.args[1].o), static_cast<Class*>(a.args[0].o)));
  return true;
}

bool VM::n_object_init_subclass(VM& vm, const CallArgs& a, Value& out) {
  if (a.nkw > 0) {
    std::string who =
        a.nargs >= 1 && is_kind(a.args[0], ObjKind::Class) ? static_cast<Class*>(a.args[0].o)->name->s : "object";
    return vm.raise(vm.types_.type_error, who + ".__init_subclass__() takes no keyword arguments");
  }
  out = Value::none();
  return true;
}

// ---- natives of the core types ----

bool VM::n_object_new(VM& vm, const CallArgs& a, Value& out) {
  if (a.nargs < 1 || !is_kind(a.args[0], ObjKind::Class)) {
    return vm.raise(vm.types_.type_error, "object.__new__(X): X is not a type object");
  }
  Class* cls = static_cast<Class*>(a.args[0].o);
  if (cls->builtin && !cls->is_exception && cls != vm.types_.object) {
    return vm.raise(vm.types_.type_error,
                    "object.__new__(" + cls->name->s + ") is not safe, use " + cls->name->s + ".__new__()");
  }
  Instance* in = vm.alloc<Instance>();
  in->cls = cls;
  if (cls->is_exception) in->exc = new ExceptionData;
  out = Value::object(in);
  return true;
}

bool VM::n_object_init(VM& vm, const CallArgs& a, Value& out) {
  (void)vm;
  (void)a;
  out = Value::none();
  return true;
}

bool VM::n_type_new(VM& vm, const CallArgs& a, Value& out) {
  if (a.nargs == 2 && a.nkw == 0) {
    out = Value::object(vm.type_of(a.args[1]));
    return true;
  }
  if (a.nargs == 4) {
    if (!is_kind(a.args[3], ObjKind::Dict)) return vm.raise(vm.types_.type_error, "type() argument 3 must be dict");
    Dict* src = static_cast<Dict*>(a.args[3].o);
    Dict* ns = vm.new_dict();
    for (const auto& e : src->entries) {
      if (e.live && !vm.dict_set(ns, e.key, e.value)) return false;
    }
    if (!is_kind(a.args[2], ObjKind::Tuple)) return vm.raise(vm.types_.type_error, "type() argument 2 must be tuple");
    Class* meta = is_kind(a.args[0], ObjKind::Class) && static_cast<Class*>(a.args[0].o) != vm.types_.type
                      ? static_cast<Class*>(a.args[0].o)
                      : nullptr;
    if (meta || a.nkw > 0) {
      Dict* kw = vm.new_dict();
      for (uint32_t i = 0; i < a.nkw; ++i) {
        if (!vm.dict_set(kw, Value::object(const_cast<Str*>(a.kwnames[i])), a.kwvalues[i])) return false;
      }
      return vm.make_class(a.args[1], a.args[2], ns, out, kw, meta);
    }
    return vm.build_class(a.args[1], a.args[2], ns, out);
  }
  return vm.raise(vm.types_.type_error, "type() takes 1 or 3 arguments");
}

bool VM::native_super(const CallArgs& a, Value& out) {
  Value start, self;
  if (a.nargs >= 3) {
    start = a.args[1];
    self = a.args[2];
  } else if (a.nargs == 2) {
    return raise(types_.runtime_error, "super(type) with one argument is not supported");
  } else {
    Task* t = current_;
    if (!t || t->frames.empty()) return raise(types_.runtime_error, "super(): no arguments");
    Frame* f = t->frames.back();
    const Code* c = f->code;
    if (c->argcount == 0 && !c->varargs) return raise(types_.runtime_error, "super(): no arguments");
    self = f->slots[0];
    for (size_t i = 0; i < c->cellvars.size(); ++i) {
      if (c->cell2arg[i] == 0) {
        Value cv = f->cells()[i];
        if (is_kind(cv, ObjKind::Cell)) self = static_cast<Cell*>(cv.o)->value;
      }
    }
    bool found = false;
    for (size_t i = 0; i < f->rt->cellnames.size(); ++i) {
      if (f->rt->cellnames[i] == names_.class_) {
        Value cv = f->cells()[i];
        if (is_kind(cv, ObjKind::Cell) && !static_cast<Cell*>(cv.o)->empty) {
          start = static_cast<Cell*>(cv.o)->value;
          found = true;
        }
      }
    }
    if (!found) return raise(types_.runtime_error, "super(): __class__ cell not found");
    if (self.is_null()) return raise(types_.runtime_error, "super(): arg[0] deleted");
  }
  if (!is_kind(start, ObjKind::Class)) return raise(types_.type_error, "super() argument 1 must be a type");
  Class* sc = static_cast<Class*>(start.o);
  bool ok = isinstance(self, sc) || (is_kind(self, ObjKind::Class) && is_subclass(static_cast<Class*>(self.o), sc));
  if (!ok) return raise(types_.type_error, "super(type, obj): obj must be an instance or subtype of type");
  Super* s = alloc<Super>();
  s->start = sc;
  s->self = self;
  out = Value::object(s);
  return true;
}

bool VM::n_super_new(VM& vm, const CallArgs& a, Value& out) { return vm.native_super(a, out); }

bool VM::n_staticmethod_new(VM& vm, const CallArgs& a, Value& out) {
  if (a.nargs != 2) return vm.raise(vm.types_.type_error, "staticmethod expected 1 argument");
  StaticMethod* s = vm.alloc<StaticMethod>();
  s->func = a.args[1];
  out = Value::object(s);
  return true;
}

bool VM::n_classmethod_new(VM& vm, const CallArgs& a, Value& out) {
  if (a.nargs != 2) return vm.raise(vm.types_.type_error, "classmethod expected 1 argument");
  ClassMethod* s = vm.alloc<ClassMethod>();
  s->func = a.args[1];
  out = Value::object(s);
  return true;
}

bool VM::n_property_new(VM& vm, const CallArgs& a, Value& out) {
  Property* p = vm.alloc<Property>();
  Value* fields[] = {&p->fget, &p->fset, &p->fdel, &p->doc};
  for (uint32_t i = 1; i < a.nargs && i <= 4; ++i) *fields[i - 1] = a.args[i];
  static const char* const kNames[] = {"fget", "fset", "fdel", "doc"};
  for (uint32_t k = 0; k < a.nkw; ++k) {
    bool matched = false;
    for (int i = 0; i < 4; ++i) {
      if (a.kwnames[k]->s == kNames[i]) {
        *fields[i] = a.kwvalues[k];
        matched = true;
      }
    }
    if (!matched) {
      return vm.raise(vm.types_.type_error, "property() got an unexpected keyword argument '" + a.kwnames[k]->s + "'");
    }
  }
  if (p->doc.is_none() && is_kind(p->fget, ObjKind::Function)) p->doc = static_cast<Function*>(p->fget.o)->doc;
  out = Value::object(p);
  return true;
}

namespace {
bool property_copy(VM& vm, const CallArgs& a, Value& out, int which) {
  if (a.nargs != 2 || !is_kind(a.args[0], ObjKind::Property)) {
    return vm.raise(vm.types().type_error, "property method expects one argument");
  }
  Property* src = static_cast<Property*>(a.args[0].o);
  Property* p = vm.alloc<Property>();
  p->fget = src->fget;
  p->fset = src->fset;
  p->fdel = src->fdel;
  p->doc = src->doc;
  if (which == 0) p->fget = a.args[1];
  if (which == 1) p->fset = a.args[1];
  if (which == 2) p->fdel = a.args[1];
  out = Value::object(p);
  return true;
}
}  // namespace

bool VM::n_property_getter(VM& vm, const CallArgs& a, Value& out) { return property_copy(vm, a, out, 0); }
bool VM::n_property_setter(VM& vm, const CallArgs& a, Value& out) { return property_copy(vm, a, out, 1); }
bool VM::n_property_deleter(VM& vm, const CallArgs& a, Value& out) { return property_copy(vm, a, out, 2); }

}  // namespace interleave
