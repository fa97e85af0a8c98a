// Exceptions: the pending exception natives set, traceback entries gathered while an
// exception unwinds, __context__/__cause__ chaining and CPython-style traceback text.
#include <set>
#include <string>

#include "vm/code_runtime.h"
#include "vm/frame.h"
#include "vm/task.h"
#include "vm/vm.h"

namespace interleave {

namespace {
bool is_kind(Value v, ObjKind k) { return v.tag == Tag::Obj && v.o && v.o->kind == k; }

std::string strip(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n\f\v");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n\f\v");
  return s.substr(b, e - b + 1);
}
}  // namespace

bool VM::raise(Class* type, std::string message) {
  pending_ = make_exception(type, std::move(message));
  return false;
}

bool VM::raise_value(Value exception) {
  if (is_kind(exception, ObjKind::Class) && static_cast<Class*>(exception.o)->is_exception) {
    Value inst;
    if (!call(exception, {}, inst)) return false;
    if (!isinstance(inst, types_.base_exception)) {
      return raise(types_.type_error, "calling " + static_cast<Class*>(exception.o)->name->s +
                                          " should have returned an instance of BaseException, not " + type_name(inst));
    }
    pending_ = inst;
    return false;
  }
  if (isinstance(exception, types_.base_exception) && exception_data(exception)) {
    pending_ = exception;
    return false;
  }
  return raise(types_.type_error, "exceptions must derive from BaseException");
}

bool VM::has_exception() const { return !pending_.is_null(); }

Value VM::pending_exception() const { return pending_.is_null() ? Value::none() : pending_; }

void VM::clear_exception() { pending_ = Value::null(); }

Value VM::make_exception_noinit(Class* type, std::string message) {
  Instance* in = alloc<Instance>();
  in->cls = type;
  in->exc = new ExceptionData;
  in->attrs = new_dict();
  ValueVec args;
  if (!message.empty()) args.push_back(str_value(message));
  store_name_in(in->attrs, names_.args, Value::object(new_tuple(std::move(args))));
  return Value::object(in);
}

Value VM::make_exception(Class* type, std::string message) {
  if (making_exception_ || native_depth_ + 2 >= 200) return make_exception_noinit(type, std::move(message));
  making_exception_ = true;
  Value saved = pending_;
  pending_ = Value::null();
  Value out;
  bool ok;
  if (message.empty()) {
    ok = call(Value::object(type), {}, out);
  } else {
    ok = call(Value::object(type), {str_value(message)}, out);
  }
  if (!ok || !exception_data(out)) {
    pending_ = Value::null();
    out = make_exception_noinit(type, std::move(message));
  }
  pending_ = saved;
  making_exception_ = false;
  return out;
}

ExceptionData* VM::exception_data(Value exc) const {
  if (!is_kind(exc, ObjKind::Instance)) return nullptr;
  return static_cast<Instance*>(exc.o)->exc;
}

bool VM::is_step_limit(Value exc) const {
  return is_kind(exc, ObjKind::Instance) && static_cast<Instance*>(exc.o)->cls == types_.step_limit_error;
}

Value VM::step_limit_exception() {
  return make_exception_noinit(types_.step_limit_error, "stopped after " + std::to_string(config_.step_limit) +
                                                            " steps (raise the limit with --step-limit)");
}

bool VM::charge_steps(uint64_t n) {
  steps_ += n;
  if (steps_ < config_.step_limit) return true;
  pending_ = step_limit_exception();
  abort_ = true;
  return false;
}

bool VM::stop_run() {
  pending_ = make_exception_noinit(types_.step_limit_error, "the run has ended");
  abort_ = true;
  return false;
}

void VM::add_traceback(Value exc, Frame* f) {
  ExceptionData* d = exception_data(exc);
  if (!d) return;
  d->traceback_innermost_first.push_back(TracebackEntry{f->code->name, f->line(), &f->code->filename});
}

// set_context chains exc to the exception being handled when it was raised (once).
void VM::set_context(Value exc, Task* t) {
  ExceptionData* d = exception_data(exc);
  if (!d || !d->context.is_none()) return;
  Value ctx = t->exc_info;
  if (ctx.is_none() || ctx.is_null() || ctx.is_same(exc)) return;
  Value cur = ctx;
  for (int guard = 0; guard < 1000; ++guard) {
    ExceptionData* cd = exception_data(cur);
    if (!cd || cd->context.is_none()) break;
    if (cd->context.is_same(exc)) {
      cd->context = Value::none();
      break;
    }
    cur = cd->context;
  }
  d->context = ctx;
}

std::string VM::exception_message(Value exc) {
  std::string s;
  Value saved = pending_;
  pending_ = Value::null();
  if (!to_str(exc, s)) {
    pending_ = Value::null();
    s = "<exception str() failed>";
  }
  pending_ = saved;
  return s;
}

std::string VM::exception_type_name(Value exc) {
  Class* cls = type_of(exc);
  Value mod;
  if (!cls->builtin && lookup_name_in(cls->dict, names_.module, mod) && is_kind(mod, ObjKind::Str)) {
    const std::string& m = static_cast<Str*>(mod.o)->s;
    if (m != "__main__" && m != "builtins") return m + "." + cls->name->s;
  }
  return cls->name->s;
}

// kMaxGroupWidth and kMaxGroupDepth are the limits of CPython's exception group printer.
constexpr size_t kMaxGroupWidth = 15;
constexpr size_t kMaxGroupDepth = 10;

std::string VM::format_exception(Value exc, const std::vector<std::string>& source_lines) {
  std::string filename = program_ && program_->main ? program_->main->filename : std::string("main.py");
  std::set<const Obj*> seen;
  std::string out;
  // Formatter follows CPython 3.11's traceback printer: an exception group is drawn as
  // a box, its sub-exceptions indented under numbered separators ("+-+---- 1 ----").
  struct Formatter {
    VM& vm;
    const std::vector<std::string>& lines;
    const std::string& filename;
    std::set<const Obj*>& seen;
    std::string& out;
    size_t depth = 0;
    bool need_close = false;

    std::string indent() const { return std::string(2 * depth, ' '); }
    void emit(const std::string& text, char margin = '|') {
      std::string pre = indent();
      if (depth) {
        pre += margin;
        pre += ' ';
      }
      size_t start = 0;
      while (start < text.size()) {
        size_t nl = text.find('\n', start);
        size_t stop = nl == std::string::npos ? text.size() : nl + 1;
        out += pre;
        out.append(text, start, stop - start);
        start = stop;
      }
    }
    std::string entry(const TracebackEntry& e) {
      // A frozen stdlib module ("<frozen threading>") shows no source line, as CPython does.
      bool frozen = e.file && !e.file->empty() && (*e.file)[0] == '<';
      std::string r = "  File \"" + (frozen ? *e.file : filename) + "\", line " + std::to_string(e.line) + ", in " +
                      e.function + "\n";
      if (!frozen && e.line >= 1 && e.line <= lines.size()) {
        std::string src = strip(lines[e.line - 1]);
        if (!src.empty()) r += "    " + src + "\n";
      }
      return r;
    }
    std::string stack(const ExceptionData* d) {
      std::string r;
      const TracebackEntry* last = nullptr;
      size_t count = 0;
      constexpr size_t kCutoff = 3;
      // stack prints the innermost kTracebackLimit frames, as CPython's sys.tracebacklimit default.
      constexpr size_t kTracebackLimit = 1000;
      const auto& tb = d->traceback_innermost_first;
      for (auto it = tb.rbegin() + (tb.size() > kTracebackLimit ? tb.size() - kTracebackLimit : 0); it != tb.rend();
           ++it) {
        const TracebackEntry& e = *it;
        if (!last || last->line != e.line || last->function != e.function) {
          if (count > kCutoff) {
            size_t more = count - kCutoff;
            r += "  [Previous line repeated " + std::to_string(more) + " more time" + (more > 1 ? "s" : "") + "]\n";
          }
          last = &e;
          count = 0;
        }
        ++count;
        if (count > kCutoff) continue;
        r += entry(e);
      }
      if (count > kCutoff) {
        size_t more = count - kCutoff;
        r += "  [Previous line repeated " + std::to_string(more) + " more time" + (more > 1 ? "s" : "") + "]\n";
      }
      return r;
    }
    // attr_of reads an attribute straight from an exception's __dict__ (no Python code runs).
    Value attr_of(Value exc, const char* name) {
      Value v;
      bool found = false;
      Instance* in = exc.is_obj() && exc.o->kind == ObjKind::Instance ? static_cast<Instance*>(exc.o) : nullptr;
      if (in && in->attrs && vm.dict_get(in->attrs, Value::object(vm.intern(name)), v, found) && found) return v;
      vm.clear_exception();
      return Value::null();
    }
    std::string only(Value exc) {
      std::string type = vm.exception_type_name(exc);
      std::string msg = vm.exception_message(exc);
      std::string r = type;
      if (!msg.empty()) r += ": " + msg;
      r += "\n";
      Value notes = attr_of(exc, "__notes__");
      if (notes.is_obj() && notes.o && (notes.o->kind == ObjKind::List || notes.o->kind == ObjKind::Tuple)) {
        const auto& items =
            notes.o->kind == ObjKind::List ? static_cast<List*>(notes.o)->items : static_cast<Tuple*>(notes.o)->items;
        for (Value n : items) {
          if (n.is_obj() && n.o->kind == ObjKind::Str) r += static_cast<Str*>(n.o)->s + "\n";
        }
      }
      return r;
    }
    const ValueVec* group_items(Value exc) {
      Class* cls = vm.type_of(exc);
      bool group = false;
      for (Class* c : cls->mro) group |= c->builtin && c->name->s == "BaseExceptionGroup";
      if (!group) return nullptr;
      Value v = attr_of(exc, "exceptions");
      return v.is_obj() && v.o && v.o->kind == ObjKind::Tuple ? &static_cast<Tuple*>(v.o)->items : nullptr;
    }
    // run prints exc after its causes and contexts, oldest first. The chain is walked with a
    // loop, not recursion: a program can make it as long as it likes (raise ... from in a loop).
    void run(Value exc) {
      std::vector<std::pair<Value, bool>> chain;  // each exception, and whether it caused the one before
      Value cur = exc;
      bool caused = false;
      while (true) {
        if (cur.is_obj() && cur.o) seen.insert(cur.o);
        chain.emplace_back(cur, caused);
        ExceptionData* d = vm.exception_data(cur);
        if (!d) break;
        if (!d->cause.is_none() && !(d->cause.is_obj() && seen.count(d->cause.o))) {
          cur = d->cause;
          caused = true;
        } else if (!d->context.is_none() && !d->suppress_context &&
                   !(d->context.is_obj() && seen.count(d->context.o))) {
          cur = d->context;
          caused = false;
        } else {
          break;
        }
      }
      // kMaxChain: CPython prints every link (and crashes on 100,000); past 1000 the oldest are left out.
      constexpr size_t kMaxChain = 1000;
      size_t first = chain.size();
      if (first > kMaxChain) {
        first = kMaxChain;
        emit("[" + std::to_string(chain.size() - kMaxChain) + " earlier exceptions of this chain are not shown]\n\n");
      }
      for (size_t k = first; k-- > 0;) {
        one(chain[k].first);
        if (k == 0) break;
        emit(chain[k].second ? "\nThe above exception was the direct cause of the following exception:\n\n"
                             : "\nDuring handling of the above exception, another exception occurred:\n\n");
      }
    }
    // one prints a single exception: its traceback and message, or an exception group's box.
    void one(Value exc) {
      ExceptionData* d = vm.exception_data(exc);
      const ValueVec* items = group_items(exc);
      if (!items) {
        if (d && !d->traceback_innermost_first.empty()) {
          emit("Traceback (most recent call last):\n");
          emit(stack(d));
        }
        emit(only(exc));
        return;
      }
      if (depth > kMaxGroupDepth) {
        emit("... (max_group_depth is " + std::to_string(kMaxGroupDepth) + ")\n");
        return;
      }
      ValueVec excs = *items;
      bool toplevel = depth == 0;
      if (toplevel) ++depth;
      if (d && !d->traceback_innermost_first.empty()) {
        emit("Exception Group Traceback (most recent call last):\n", toplevel ? '+' : '|');
        emit(stack(d));
      }
      emit(only(exc));
      size_t n = excs.size() <= kMaxGroupWidth ? excs.size() : kMaxGroupWidth + 1;
      need_close = false;
      for (size_t i = 0; i < n; ++i) {
        bool last = i == n - 1;
        if (last) need_close = true;
        bool truncated = i >= kMaxGroupWidth;
        std::string title = truncated ? "..." : std::to_string(i + 1);
        out += indent() + (i == 0 ? "+-" : "  ") + "+---------------- " + title + " ----------------\n";
        ++depth;
        if (!truncated) {
          run(excs[i]);
        } else {
          size_t remaining = excs.size() - kMaxGroupWidth;
          emit("and " + std::to_string(remaining) + " more exception" + (remaining > 1 ? "s" : "") + "\n");
        }
        if (last && need_close) {
          out += indent() + "+------------------------------------\n";
          need_close = false;
        }
        --depth;
      }
      if (toplevel) depth = 0;
    }
  };
  Formatter fmt{*this, source_lines, filename, seen, out, 0, false};
  fmt.run(exc);
  return out;
}

}  // namespace interleave
