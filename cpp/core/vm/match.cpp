// Pattern matching and exception group helpers, following CPython 3.11's ceval.c
// (match_class, match_keys) and Objects/exceptions.c (split, _PyExc_PrepReraiseStar).
#include "vm/match.h"

#include <set>
#include <string>
#include <vector>

#include "vm/library.h"

namespace interleave {

using lib::as_class;
using lib::as_dict;
using lib::as_instance;
using lib::as_list;
using lib::as_str;
using lib::as_tuple;
using lib::is_kind;

namespace {

constexpr int64_t kTpflagsSequence = 1 << 5;
constexpr int64_t kTpflagsMapping = 1 << 6;

int64_t abc_tpflags(VM& vm, Value v) {
  Value flags;
  if (!vm.lookup_type_attr(vm.type_of(v), vm.intern("__abc_tpflags__"), flags) || !flags.is_int()) return 0;
  return flags.i;
}

// get_attr_or_missing reads obj.name; an AttributeError becomes found=false.
bool get_attr_or_missing(VM& vm, Value obj, Str* name, Value& out, bool& found) {
  found = true;
  if (vm.get_attr(obj, name, out)) return true;
  if (vm.isinstance(vm.pending_exception(), vm.types().attribute_error)) {
    vm.clear_exception();
    found = false;
    return true;
  }
  return false;
}

}  // namespace

bool match_is_mapping(VM& vm, Value v) {
  if (!v.is_obj()) return false;
  if (v.o->kind == ObjKind::Dict) return true;
  if (v.o->kind != ObjKind::Instance) return false;
  return (abc_tpflags(vm, v) & kTpflagsMapping) != 0;
}

bool match_is_sequence(VM& vm, Value v) {
  if (!v.is_obj()) return false;
  switch (v.o->kind) {
    case ObjKind::List:
    case ObjKind::Tuple:
    case ObjKind::Range: return true;
    case ObjKind::Instance: return (abc_tpflags(vm, v) & kTpflagsSequence) != 0;
    default: return false;
  }
}

bool match_keys(VM& vm, Value subject, Value keys, Value& out) {
  const ValueVec& ks = as_tuple(keys)->items;
  if (ks.empty()) {
    out = Value::object(vm.new_tuple());
    return true;
  }
  Dict* d = as_dict(subject);
  Value get;
  Value dummy = Value::object(vm.new_list());
  if (!d && !vm.get_attr(subject, vm.intern("get"), get)) return false;
  ValueVec values;
  for (size_t i = 0; i < ks.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      bool same = false;
      if (!vm.equals(ks[j], ks[i], same)) return false;
      if (same) {
        std::string r;
        if (!vm.to_repr(ks[i], r)) return false;
        return vm.raise(vm.types().value_error, "mapping pattern checks duplicate key (" + r + ")");
      }
    }
    Value v;
    bool found = false;
    if (d) {
      if (!vm.dict_get(d, ks[i], v, found)) return false;
    } else {
      if (!vm.call(get, {ks[i], dummy}, v)) return false;
      found = !v.is_same(dummy);
    }
    if (!found) {
      out = Value::none();
      return true;
    }
    values.push_back(v);
  }
  out = Value::object(vm.new_tuple(std::move(values)));
  return true;
}

bool match_class(VM& vm, Value subject, Value cls_value, Value names, uint32_t nargs, Value& out) {
  const Types& t = vm.types();
  Class* cls = as_class(cls_value);
  if (!cls) return vm.raise(t.type_error, "called match pattern must be a type");
  out = Value::none();
  if (!vm.isinstance(subject, cls)) return true;
  ValueVec attrs;
  std::vector<Str*> seen;
  auto take = [&](Str* name, bool& missing) {
    for (Str* s : seen) {
      if (s->s == name->s) {
        return vm.raise(t.type_error, cls->name->s + "() got multiple sub-patterns for attribute '" + name->s + "'");
      }
    }
    seen.push_back(name);
    Value v;
    bool found = false;
    if (!get_attr_or_missing(vm, subject, name->interned ? name : vm.intern(name->s), v, found)) return false;
    missing = !found;
    if (found) attrs.push_back(v);
    return true;
  };
  if (nargs) {
    Value match_args;
    bool match_self = false;
    const ValueVec* margs = nullptr;
    if (vm.lookup_type_attr(cls, vm.intern("__match_args__"), match_args)) {
      if (!as_tuple(match_args)) {
        return vm.raise(t.type_error,
                        cls->name->s + ".__match_args__ must be a tuple (got " + vm.type_name(match_args) + ")");
      }
      margs = &as_tuple(match_args)->items;
    } else {
      for (Class* c :
           {t.bool_, t.bytearray, t.bytes, t.dict, t.float_, t.frozenset, t.int_, t.list, t.set, t.str, t.tuple}) {
        if (c && vm.is_subclass(cls, c)) match_self = true;
      }
    }
    size_t allowed = match_self ? 1 : margs ? margs->size() : 0;
    if (allowed < nargs) {
      return vm.raise(t.type_error, cls->name->s + "() accepts " + std::to_string(allowed) + " positional sub-pattern" +
                                        (allowed == 1 ? "" : "s") + " (" + std::to_string(nargs) + " given)");
    }
    if (match_self) {
      attrs.push_back(subject);
    } else {
      for (uint32_t i = 0; i < nargs; ++i) {
        Str* name = as_str((*margs)[i]);
        if (!name) {
          return vm.raise(t.type_error,
                          "__match_args__ elements must be strings (got " + vm.type_name((*margs)[i]) + ")");
        }
        bool missing = false;
        if (!take(name, missing)) return false;
        if (missing) return true;
      }
    }
  }
  for (Value n : as_tuple(names)->items) {
    bool missing = false;
    if (!take(as_str(n), missing)) return false;
    if (missing) return true;
  }
  out = Value::object(vm.new_tuple(std::move(attrs)));
  return true;
}

// ---- exception groups ----

namespace {

Class* builtin_class(VM& vm, const char* name) {
  Value v;
  bool found = false;
  if (!vm.dict_get(vm.builtins(), Value::object(vm.intern(name)), v, found) || !found) {
    vm.clear_exception();
    return nullptr;
  }
  return as_class(v);
}

bool is_group(VM& vm, Value v) {
  Class* bg = builtin_class(vm, "BaseExceptionGroup");
  return bg && vm.isinstance(v, bg);
}

const ValueVec* group_items(VM& vm, Value eg) {
  Value excs;
  Instance* in = as_instance(eg);
  bool found = false;
  if (!in || !in->attrs || !vm.dict_get(in->attrs, Value::object(vm.intern("exceptions")), excs, found) || !found) {
    vm.clear_exception();
    return nullptr;
  }
  Tuple* tup = as_tuple(excs);
  return tup ? &tup->items : nullptr;
}

// Matcher says what split() selects: exceptions of types, those a predicate accepts,
// or the given leaf instances (for except*'s re-raise projection).
struct Matcher {
  enum Kind { Types, Predicate, Instances } kind;
  Value value;
  std::set<const Obj*> ids;
};

bool matches(VM& vm, const Matcher& m, Value exc, bool& out) {
  switch (m.kind) {
    case Matcher::Types: {
      if (Class* c = as_class(m.value)) {
        out = vm.isinstance(exc, c);
        return true;
      }
      out = false;
      for (Value c : as_tuple(m.value)->items) {
        if (as_class(c) && vm.isinstance(exc, as_class(c))) out = true;
      }
      return true;
    }
    case Matcher::Predicate: {
      Value r;
      return vm.call(m.value, {exc}, r) && vm.truthy(r, out);
    }
    case Matcher::Instances: out = exc.is_obj() && m.ids.count(exc.o); return true;
  }
  return true;
}

bool make_matcher(VM& vm, Value v, Matcher& m) {
  auto is_exc_class = [&](Value c) { return as_class(c) && as_class(c)->is_exception; };
  m.value = v;
  if (is_exc_class(v)) {
    m.kind = Matcher::Types;
    return true;
  }
  if (as_tuple(v)) {
    bool all = true;
    for (Value c : as_tuple(v)->items) all &= is_exc_class(c);
    if (all) {
      m.kind = Matcher::Types;
      return true;
    }
  }
  Value call;
  bool callable = is_kind(v, ObjKind::Function) || is_kind(v, ObjKind::NativeFunction) ||
                  is_kind(v, ObjKind::BoundMethod) ||
                  (as_instance(v) && vm.lookup_type_attr(vm.type_of(v), vm.names().call, call));
  if (callable) {
    m.kind = Matcher::Predicate;
    return true;
  }
  return vm.raise(vm.types().type_error, "expected a function, exception type or tuple of exception types");
}

// copy_metadata gives a derived group the original's traceback, cause, context and notes.
bool copy_metadata(VM& vm, Value orig, Value eg) {
  ExceptionData* from = vm.exception_data(orig);
  ExceptionData* to = vm.exception_data(eg);
  if (from && to) {
    to->traceback_innermost_first = from->traceback_innermost_first;
    to->cause = from->cause;
    to->context = from->context;
    to->suppress_context = from->suppress_context;
  }
  Instance* o = as_instance(orig);
  Instance* e = as_instance(eg);
  Value notes;
  bool found = false;
  if (o && o->attrs && e && vm.dict_get(o->attrs, Value::object(vm.intern("__notes__")), notes, found) && found) {
    if (List* l = as_list(notes)) notes = Value::object(vm.new_list(l->items));
    if (!e->attrs) e->attrs = vm.new_dict();
    return vm.dict_set(e->attrs, Value::object(vm.intern("__notes__")), notes);
  }
  return true;
}

bool derive_and_copy(VM& vm, Value orig, ValueVec excs, Value& out) {
  bool found = false;
  if (!vm.call_method(orig, vm.intern("derive"), {Value::object(vm.new_list(std::move(excs)))}, out, found))
    return false;
  if (!found) return vm.raise(vm.types().type_error, "derive missing");
  if (!is_group(vm, out)) {
    return vm.raise(vm.types().type_error, "derive must return an instance of BaseExceptionGroup");
  }
  return copy_metadata(vm, orig, out);
}

// split_group is exceptions.c's exceptiongroup_split_recursive; absent parts are None.
bool split_group(VM& vm, Value exc, const Matcher& m, bool construct_rest, Value& match, Value& rest) {
  match = Value::none();
  rest = Value::none();
  bool whole = false;
  if (!matches(vm, m, exc, whole)) return false;
  if (whole) {
    match = exc;
    return true;
  }
  const ValueVec* items = is_group(vm, exc) ? group_items(vm, exc) : nullptr;
  if (!items) {
    if (construct_rest) rest = exc;
    return true;
  }
  ValueVec items_copy = *items;
  ValueVec ms, rs;
  for (Value e : items_copy) {
    Value mm, rr;
    if (!split_group(vm, e, m, construct_rest, mm, rr)) return false;
    if (!mm.is_none()) ms.push_back(mm);
    if (!rr.is_none()) rs.push_back(rr);
  }
  if (!ms.empty() && !derive_and_copy(vm, exc, std::move(ms), match)) return false;
  if (construct_rest && !rs.empty() && !derive_and_copy(vm, exc, std::move(rs), rest)) return false;
  return true;
}

void collect_leaves(VM& vm, Value exc, std::set<const Obj*>& ids) {
  if (exc.is_none()) return;
  const ValueVec* items = is_group(vm, exc) ? group_items(vm, exc) : nullptr;
  if (!items) {
    if (exc.is_obj()) ids.insert(exc.o);
    return;
  }
  for (Value e : *items) collect_leaves(vm, e, ids);
}

bool make_group(VM& vm, Value message, ValueVec excs, bool as_tuple_arg, Value& out) {
  Class* bg = builtin_class(vm, "BaseExceptionGroup");
  Value seq = as_tuple_arg ? Value::object(vm.new_tuple(std::move(excs))) : Value::object(vm.new_list(std::move(excs)));
  return vm.call(Value::object(bg), {message, seq}, out);
}

bool same_metadata(VM& vm, Value a, Value b) {
  ExceptionData* x = vm.exception_data(a);
  ExceptionData* y = vm.exception_data(b);
  if (!x || !y) return false;
  bool same_tb = x->traceback_innermost_first.size() == y->traceback_innermost_first.size();
  for (size_t i = 0; same_tb && i < x->traceback_innermost_first.size(); ++i) {
    same_tb = x->traceback_innermost_first[i].line == y->traceback_innermost_first[i].line &&
              x->traceback_innermost_first[i].function == y->traceback_innermost_first[i].function;
  }
  return same_tb && x->cause.is_same(y->cause) && x->context.is_same(y->context);
}

bool group_self(VM& vm, const CallArgs& a, const char* meth, Value& self) {
  if (a.nargs < 1 || !is_group(vm, a.args[0])) {
    return vm.raise(vm.types().type_error,
                    std::string("descriptor '") + meth + "' requires a 'BaseExceptionGroup' object");
  }
  self = a.args[0];
  return true;
}

bool eg_split(VM& vm, const CallArgs& a, Value& out) {
  Value self;
  if (!group_self(vm, a, "split", self)) return false;
  if (a.nargs != 2)
    return vm.raise(vm.types().type_error, "BaseExceptionGroup.split() takes exactly one argument (" +
                                               std::to_string(a.nargs - 1) + " given)");
  Matcher m;
  if (!make_matcher(vm, a.args[1], m)) return false;
  Value match, rest;
  if (!split_group(vm, self, m, true, match, rest)) return false;
  out = Value::object(vm.new_tuple({match, rest}));
  return true;
}

bool eg_subgroup(VM& vm, const CallArgs& a, Value& out) {
  Value self;
  if (!group_self(vm, a, "subgroup", self)) return false;
  if (a.nargs != 2)
    return vm.raise(vm.types().type_error, "BaseExceptionGroup.subgroup() takes exactly one argument (" +
                                               std::to_string(a.nargs - 1) + " given)");
  Matcher m;
  if (!make_matcher(vm, a.args[1], m)) return false;
  Value rest;
  return split_group(vm, self, m, false, out, rest);
}

bool eg_derive(VM& vm, const CallArgs& a, Value& out) {
  Value self;
  if (!group_self(vm, a, "derive", self)) return false;
  if (a.nargs != 2)
    return vm.raise(vm.types().type_error, "BaseExceptionGroup.derive() takes exactly one argument (" +
                                               std::to_string(a.nargs - 1) + " given)");
  Value msg;
  if (!vm.get_attr(self, vm.intern("message"), msg)) return false;
  Class* bg = builtin_class(vm, "BaseExceptionGroup");
  return vm.call(Value::object(bg), {msg, a.args[1]}, out);
}

bool exc_add_note(VM& vm, const CallArgs& a, Value& out) {
  Instance* in = a.nargs ? as_instance(a.args[0]) : nullptr;
  if (!in || !vm.isinstance(a.args[0], vm.types().base_exception)) {
    return vm.raise(vm.types().type_error, "descriptor 'add_note' requires a 'BaseException' object");
  }
  if (a.nargs != 2) {
    return vm.raise(vm.types().type_error,
                    "BaseException.add_note() takes exactly one argument (" + std::to_string(a.nargs - 1) + " given)");
  }
  if (!as_str(a.args[1]))
    return vm.raise(vm.types().type_error, "note must be a str, not '" + vm.type_name(a.args[1]) + "'");
  if (!in->attrs) in->attrs = vm.new_dict();
  Str* key = vm.intern("__notes__");
  Value notes;
  bool found = false;
  if (!vm.dict_get(in->attrs, Value::object(key), notes, found)) return false;
  if (!found) {
    notes = Value::object(vm.new_list());
    if (!vm.dict_set(in->attrs, Value::object(key), notes)) return false;
  }
  List* l = as_list(notes);
  if (!l) return vm.raise(vm.types().type_error, "Cannot add note: __notes__ is not a list");
  l->items.push_back(a.args[1]);
  out = Value::none();
  return true;
}

}  // namespace

bool exception_group_match(VM& vm, Value exc, Value type, Value& match, Value& rest) {
  const Types& t = vm.types();
  auto check = [&](Value c) {
    Class* cls = as_class(c);
    if (!cls || !cls->is_exception) {
      return vm.raise(t.type_error, "catching classes that do not inherit from BaseException is not allowed");
    }
    Class* bg = builtin_class(vm, "BaseExceptionGroup");
    if (bg && vm.is_subclass(cls, bg)) {
      return vm.raise(t.type_error, "catching ExceptionGroup with except* is not allowed. Use except instead.");
    }
    return true;
  };
  if (as_tuple(type)) {
    for (Value c : as_tuple(type)->items) {
      if (!check(c)) return false;
    }
  } else if (!check(type)) {
    return false;
  }
  match = Value::none();
  rest = Value::none();
  if (exc.is_none()) return true;
  Matcher m;
  m.kind = Matcher::Types;
  m.value = type;
  bool whole = false;
  if (!matches(vm, m, exc, whole)) return false;
  if (whole) {
    if (is_group(vm, exc)) {
      match = exc;
      return true;
    }
    if (!make_group(vm, vm.str_value(""), {exc}, true, match)) return false;
    ExceptionData* from = vm.exception_data(exc);
    ExceptionData* to = vm.exception_data(match);
    if (from && to) to->traceback_innermost_first = from->traceback_innermost_first;
    return true;
  }
  if (is_group(vm, exc)) return split_group(vm, exc, m, true, match, rest);
  rest = exc;
  return true;
}

bool prep_reraise_star(VM& vm, Value orig, Value raised, Value& out) {
  const ValueVec& excs = as_list(raised)->items;
  out = Value::none();
  if (excs.empty()) return true;
  if (!is_group(vm, orig)) {
    out = excs[0];
    return true;
  }
  ValueVec raised_list, reraised_list;
  for (Value e : excs) {
    if (e.is_none()) continue;
    (same_metadata(vm, e, orig) ? reraised_list : raised_list).push_back(e);
  }
  Value reraised_eg = Value::none();
  if (!reraised_list.empty()) {
    Matcher m;
    m.kind = Matcher::Instances;
    for (Value e : reraised_list) collect_leaves(vm, e, m.ids);
    Value rest;
    if (!split_group(vm, orig, m, false, reraised_eg, rest)) return false;
  }
  if (raised_list.empty()) {
    out = reraised_eg;
    return true;
  }
  if (!reraised_eg.is_none()) raised_list.push_back(reraised_eg);
  if (raised_list.size() == 1) {
    out = raised_list[0];
    return true;
  }
  return make_group(vm, vm.str_value(""), std::move(raised_list), false, out);
}

void install_exception_group_methods(VM& vm, Class* base_group) {
  vm.define_method(base_group, "split", eg_split);
  vm.define_method(base_group, "subgroup", eg_subgroup);
  vm.define_method(base_group, "derive", eg_derive);
  vm.define_method(vm.types().base_exception, "add_note", exc_add_note);
}

}  // namespace interleave
