// Subclasses of built-in types, descriptors and __slots__. An instance of `class Stack(list)`
// is a List itself with Obj::sub set; its class and __dict__ live in VM::subclassed_, so every
// native that takes a list takes it unchanged and only the protocol operations (ops.cpp) ask
// here for a dunder the subclass overrides. Instances of int and float subclasses are
// Instances whose native payload is the number; the dunders installed on int and float
// (int.__add__, float.__repr__, ...) unwrap it. Plain built-in objects never come here.
#include "vm/bytes.h"
#include "vm/library.h"

namespace interleave {

using ast::BinOpKind;
using ast::CmpOpKind;
using namespace lib;

Class* VM::subclass_of(const Obj* o) const {
  const SubclassInfo* info = subclassed_.find(o);
  return info == nullptr ? types_.object : info->cls;
}

Value VM::number_payload(Value v) const {
  if (!v.is_obj() || v.o->kind != ObjKind::Instance) return v;
  const Instance* in = static_cast<const Instance*>(v.o);
  if (in->cls->builtin || !is_number(in->native)) return v;
  return is_subclass(in->cls, types_.int_) || is_subclass(in->cls, types_.float_) ? in->native : v;
}

void VM::adopt(Obj* o, Class* cls) {
  o->sub = 1;
  subclassed_[o] = SubclassInfo{cls, nullptr};
}

namespace {

// in_dict is a plain lookup of an interned name in a class dict.
bool in_dict(VM& vm, Dict* d, Str* name, Value& out) {
  bool found = false;
  return vm.dict_get(d, Value::object(name), out, found) && found;
}

// find_override looks for name in the classes above obj's built-in base: what the user wrote.
bool find_override(VM& vm, const Obj* o, Str* name, Value& fn) {
  Class* cls = vm.subclass_of(o);
  for (Class* c : cls->mro) {
    if (c->builtin) return false;
    if (in_dict(vm, c->dict, name, fn)) return true;
  }
  return false;
}

bool call_override(VM& vm, Value fn, Value self, std::initializer_list<Value> args, Value& out) {
  Value argv[4];
  uint32_t k = 0;
  argv[k++] = self;
  for (const Value& a : args) argv[k++] = a;
  CallArgs ca;
  ca.args = argv;
  ca.nargs = k;
  return vm.call(fn, ca, out);
}

// native_again runs op on v with the built-in behaviour: the next hook on v is skipped.
template <class F>
bool native_again(VM& vm, F&& op) {
  state(vm).skip_override = true;
  bool ok = op();
  state(vm).skip_override = false;
  return ok;
}

bool try_override(VM& vm, Value self, const char* dunder, std::initializer_list<Value> args, Value& out, bool& found) {
  Value fn;
  found = find_override(vm, self.o, vm.intern(dunder), fn);
  if (!found) return true;
  return call_override(vm, fn, self, args, out);
}

}  // namespace

namespace lib {

bool sub_hook(VM& vm) {
  State& st = state(vm);
  if (!st.skip_override) return true;
  st.skip_override = false;
  return false;
}

bool sub_op(VM& vm, Value self, Name n, std::initializer_list<Value> args, Value& out, bool& handled) {
  handled = false;
  if (!sub_hook(vm)) return true;
  Value fn;
  if (!find_override(vm, self.o, name(vm, n), fn)) return true;
  handled = true;
  if (fn.is_none() && n == Name::hash) {
    out = fn;
    return true;
  }
  return call_override(vm, fn, self, args, out);
}

bool sub_get_item(VM& vm, Value c, Value key, Value& out) {
  bool found;
  if (!try_override(vm, c, "__getitem__", {key}, out, found)) return false;
  if (found) return true;
  return native_again(vm, [&] { return vm.get_item(c, key, out); });
}

bool sub_missing(VM& vm, Value d, Value key, Value& out, bool& found) {
  return try_override(vm, d, "__missing__", {key}, out, found);
}

bool sub_set_item(VM& vm, Value c, Value key, Value v) {
  bool found;
  Value ignored;
  if (!try_override(vm, c, "__setitem__", {key, v}, ignored, found)) return false;
  if (found) return true;
  return native_again(vm, [&] { return vm.set_item(c, key, v); });
}

bool sub_del_item(VM& vm, Value c, Value key) {
  bool found;
  Value ignored;
  if (!try_override(vm, c, "__delitem__", {key}, ignored, found)) return false;
  if (found) return true;
  return native_again(vm, [&] { return vm.del_item(c, key); });
}

bool sub_contains(VM& vm, Value c, Value item, bool& out) {
  bool found;
  Value r;
  if (!try_override(vm, c, "__contains__", {item}, r, found)) return false;
  if (found) return vm.truthy(r, out);
  return native_again(vm, [&] { return vm.contains(c, item, out); });
}

bool sub_length(VM& vm, Value v, int64_t& out) {
  bool found;
  Value r;
  if (!try_override(vm, v, "__len__", {}, r, found)) return false;
  if (found) {
    if (!is_intlike(r))
      return vm.raise(vm.types().type_error, "'" + vm.type_name(r) + "' object cannot be interpreted as an integer");
    out = int_of(r);
    if (out < 0) return vm.raise(vm.types().value_error, "__len__() should return >= 0");
    return true;
  }
  return native_again(vm, [&] { return vm.length(v, out); });
}

bool sub_get_iter(VM& vm, Value v, Value& out) {
  bool found;
  if (!try_override(vm, v, "__iter__", {}, out, found)) return false;
  if (found) return true;
  return native_again(vm, [&] { return vm.get_iter(v, out); });
}

bool sub_repr(VM& vm, Value v, std::string& out) {
  bool found;
  Value r;
  if (!try_override(vm, v, "__repr__", {}, r, found)) return false;
  if (found) {
    Str* s = as_str(r);
    if (!s) return vm.raise(vm.types().type_error, "__repr__ returned non-string (type " + vm.type_name(r) + ")");
    out += s->s;
    return true;
  }
  return native_again(vm, [&] { return repr_into(vm, v, out); });
}

bool sub_str(VM& vm, Value v, std::string& out) {
  bool found;
  Value r;
  if (!try_override(vm, v, "__str__", {}, r, found)) return false;
  if (found) {
    Str* s = as_str(r);
    if (!s) return vm.raise(vm.types().type_error, "__str__ returned non-string (type " + vm.type_name(r) + ")");
    out += s->s;
    return true;
  }
  // sub_str: str has its own __str__; other built-ins print through repr (object.__str__), so an overridden __repr__ shows.
  if (v.o->kind == ObjKind::Str) return native_again(vm, [&] { return str_into(vm, v, out); });
  return sub_repr(vm, v, out);
}

bool sub_hash(VM& vm, Value v, uint64_t& out) {
  Value fn;
  if (find_override(vm, v.o, vm.intern("__hash__"), fn)) {
    if (fn.is_none()) return vm.raise(vm.types().type_error, "unhashable type: '" + vm.type_name(v) + "'");
    Value r;
    if (!call_override(vm, fn, v, {}, r)) return false;
    if (!is_intlike(r)) return vm.raise(vm.types().type_error, "__hash__ method should return an integer");
    out = int_hash(int_of(r));
    return true;
  }
  if (v.o->kind == ObjKind::List || v.o->kind == ObjKind::Dict ||
      (v.o->kind == ObjKind::Set && !static_cast<Set*>(v.o)->frozen) ||
      (v.o->kind == ObjKind::Bytes && static_cast<Bytes*>(v.o)->mutable_))
    return vm.raise(vm.types().type_error, "unhashable type: '" + vm.type_name(v) + "'");
  return native_again(vm, [&] { return vm.hash(v, out); });
}

bool sub_truthy(VM& vm, Value v, bool& out) {
  bool found;
  Value r;
  if (!try_override(vm, v, "__bool__", {}, r, found)) return false;
  if (found) {
    if (!r.is_bool())
      return vm.raise(vm.types().type_error, "__bool__ should return bool, returned " + vm.type_name(r));
    out = r.b;
    return true;
  }
  Value fn;
  if (find_override(vm, v.o, vm.intern("__len__"), fn)) {
    int64_t n;
    if (!sub_length(vm, v, n)) return false;
    out = n != 0;
    return true;
  }
  return native_again(vm, [&] { return vm.truthy(v, out); });
}

}  // namespace lib

// ---- attributes of subclass instances ----

bool VM::sub_get_attr(Value obj, Str* name, Value& out) {
  SubclassInfo& info = subclassed_[obj.o];
  Class* cls = info.cls;
  Value d;
  bool has_d = lookup_type_attr(cls, name, d);
  bool prop;
  if (has_d && data_descriptor(d)) {
    if (is_kind(d, ObjKind::Property)) return bind_descriptor(d, obj, cls, out, prop);
    bool h;
    return descriptor_get(d, obj, cls, out, h);
  }
  if (info.attrs && lookup_name_in(info.attrs, name, out)) return true;
  if (name == names_.class_) {
    out = Value::object(cls);
    return true;
  }
  if (name == names_.dict && !cls->no_dict) {
    if (!info.attrs) info.attrs = new_dict();
    out = Value::object(info.attrs);
    return true;
  }
  if (has_d) return bind_descriptor(d, obj, cls, out, prop);
  Value ga;
  if (lookup_type_attr(cls, names_.getattr, ga) &&
      (is_kind(ga, ObjKind::Function) || is_kind(ga, ObjKind::NativeFunction)))
    return call(ga, {obj, Value::object(name)}, out);
  return raise(types_.attribute_error, "'" + cls->name->s + "' object has no attribute '" + name->s + "'");
}

bool VM::sub_set_attr(Value obj, Str* name, Value v) {
  Class* cls = subclass_of(obj.o);
  Value d;
  if (lookup_type_attr(cls, name, d)) {
    if (is_kind(d, ObjKind::Property)) {
      Property* p = static_cast<Property*>(d.o);
      if (p->fset.is_none())
        return raise(types_.attribute_error,
                     "property '" + name->s + "' of '" + cls->name->s + "' object has no setter");
      Value ignored;
      return call(p->fset, {obj, v}, ignored);
    }
    bool h;
    if (!descriptor_set(d, obj, v, h)) return false;
    if (h) return true;
  }
  if (cls->no_dict)
    return raise(types_.attribute_error, "'" + cls->name->s + "' object has no attribute '" + name->s + "'");
  Dict*& attrs = subclassed_[obj.o].attrs;
  if (!attrs) attrs = new_dict();
  return dict_set(attrs, Value::object(name), v);
}

bool VM::sub_del_attr(Value obj, Str* name) {
  Class* cls = subclass_of(obj.o);
  Value d;
  if (lookup_type_attr(cls, name, d)) {
    bool h;
    if (!descriptor_delete(d, obj, h)) return false;
    if (h) return true;
  }
  Dict* attrs = subclassed_[obj.o].attrs;
  if (attrs && delete_name_in(attrs, name)) return true;
  return raise(types_.attribute_error, "'" + cls->name->s + "' object has no attribute '" + name->s + "'");
}

// ---- descriptors ----

namespace {

// slot_storage is where slot values live: a Dict in an Instance's native payload, apart
// from its __dict__ (an int/float subclass keeps them in __dict__; a built-in subclass too).
Dict* slot_storage(VM& vm, Value obj, bool create) {
  Dict** place = nullptr;
  if (Instance* in = as_instance(obj)) {
    if (is_kind(in->native, ObjKind::Dict)) return static_cast<Dict*>(in->native.o);
    if (!in->native.is_obj() && !is_number(in->native)) {
      if (!create) return nullptr;
      Dict* d = vm.new_dict();
      in->native = Value::object(d);
      return d;
    }
    place = &in->attrs;
  } else if (is_sub(obj)) {
    place = &vm.subclass_attrs(obj.o);
  }
  if (!place) return nullptr;
  if (!*place && create) *place = vm.new_dict();
  return *place;
}

Str* member_name(Value d) {
  return static_cast<Str*>(static_cast<Tuple*>(static_cast<Instance*>(d.o)->native.o)->items[0].o);
}
Class* member_owner(Value d) {
  return static_cast<Class*>(static_cast<Tuple*>(static_cast<Instance*>(d.o)->native.o)->items[1].o);
}

}  // namespace

bool VM::data_descriptor(Value d) {
  if (!d.is_obj()) return false;
  if (d.o->kind == ObjKind::Property) return true;
  if (d.o->kind != ObjKind::Instance) return false;
  Class* c = static_cast<Instance*>(d.o)->cls;
  if (c == member_descriptor_) return true;
  Value f;
  return lookup_type_attr(c, names_.set_, f) || lookup_type_attr(c, names_.delete_, f);
}

bool VM::descriptor_get(Value d, Value obj, Class* cls, Value& out, bool& handled) {
  handled = false;
  if (!is_kind(d, ObjKind::Instance)) return true;
  Instance* di = static_cast<Instance*>(d.o);
  if (di->cls == member_descriptor_) {
    handled = true;
    if (obj.is_none()) {
      out = d;
      return true;
    }
    Dict* attrs = slot_storage(*this, obj, false);
    Str* n = member_name(d);
    if (attrs && lookup_name_in(attrs, n, out)) return true;
    return raise(types_.attribute_error, "'" + type_of(obj)->name->s + "' object has no attribute '" + n->s + "'");
  }
  Value g;
  if (!lookup_type_attr(di->cls, names_.get_, g)) return true;
  handled = true;
  return call(g, {d, obj, Value::object(cls)}, out);
}

bool VM::descriptor_set(Value d, Value obj, Value v, bool& handled) {
  handled = false;
  if (!is_kind(d, ObjKind::Instance)) return true;
  Instance* di = static_cast<Instance*>(d.o);
  if (di->cls == member_descriptor_) {
    handled = true;
    Dict* attrs = slot_storage(*this, obj, true);
    if (!attrs) return raise(types_.type_error, "descriptor doesn't apply to a '" + type_name(obj) + "' object");
    return dict_set(attrs, Value::object(member_name(d)), v);
  }
  Value s, ignored;
  if (lookup_type_attr(di->cls, names_.set_, s)) {
    handled = true;
    return call(s, {d, obj, v}, ignored);
  }
  if (lookup_type_attr(di->cls, names_.delete_, s)) {
    handled = true;
    return raise(types_.attribute_error, "__set__");
  }
  return true;
}

bool VM::descriptor_delete(Value d, Value obj, bool& handled) {
  handled = false;
  if (!is_kind(d, ObjKind::Instance)) return true;
  Instance* di = static_cast<Instance*>(d.o);
  if (di->cls == member_descriptor_) {
    handled = true;
    Dict* attrs = slot_storage(*this, obj, false);
    Str* n = member_name(d);
    if (attrs && delete_name_in(attrs, n)) return true;
    return raise(types_.attribute_error, n->s);
  }
  Value s, ignored;
  if (lookup_type_attr(di->cls, names_.delete_, s)) {
    handled = true;
    return call(s, {d, obj}, ignored);
  }
  if (lookup_type_attr(di->cls, names_.set_, s)) {
    handled = true;
    return raise(types_.attribute_error, "__delete__");
  }
  return true;
}

bool VM::make_slots(Class* cls) {
  Value slots;
  if (!lookup_name_in(cls->dict, intern("__slots__"), slots)) return true;
  ValueVec names;
  if (is_kind(slots, ObjKind::Str)) names.push_back(slots);
  else if (!collect(*this, slots, names)) return false;
  bool has_dict = false;
  for (Value n : names) {
    Str* s = as_str(n);
    if (!s) return raise(types_.type_error, "__slots__ items must be strings, not '" + type_name(n) + "'");
    Str* name = intern(s->s);
    if (name == names_.dict) {
      has_dict = true;
      continue;
    }
    if (name->s == "__weakref__") continue;
    Value existing;
    if (lookup_name_in(cls->dict, name, existing)) {
      if (is_kind(existing, ObjKind::Instance) && static_cast<Instance*>(existing.o)->cls == member_descriptor_)
        continue;
      return raise(types_.value_error, "'" + name->s + "' in __slots__ conflicts with class variable");
    }
    Instance* m = alloc<Instance>();
    m->cls = member_descriptor_;
    m->native = Value::object(new_tuple({Value::object(name), Value::object(cls)}));
    store_name_in(cls->dict, name, Value::object(m));
  }
  bool no_dict = !has_dict && !cls->is_exception;
  for (Class* b : cls->bases) no_dict = no_dict && (b->builtin ? !b->is_exception : b->no_dict);
  cls->no_dict = no_dict;
  return true;
}

// ---- creating subclass instances: the __new__ of each built-in base ----

namespace {

enum Base { kList, kTuple, kDict, kSet, kFrozenset, kStr, kBytes, kBytearray, kInt, kFloat, kBaseCount };

struct BaseNews {
  Class** cls;
  NativeFn* orig;
};
BaseNews bases_of(VM& vm) { return BaseNews{state(vm).base_cls, state(vm).base_new}; }

bool subclass_new(VM& vm, int which, const CallArgs& a, Value& out) {
  BaseNews b = bases_of(vm);
  Class* base = b.cls[which];
  Class* cls = a.nargs ? as_class(a.args[0]) : nullptr;
  if (!cls) return vm.raise(vm.types().type_error, base->name->s + ".__new__(X): X is not a type object");
  if (!vm.is_subclass(cls, base))
    return vm.raise(vm.types().type_error, base->name->s + ".__new__(" + cls->name->s + "): " + cls->name->s +
                                               " is not a subtype of " + base->name->s);
  switch (which) {
    case kList: {
      List* l = vm.new_list();
      vm.adopt(l, cls);
      out = Value::object(l);
      return true;
    }
    case kDict: {
      Dict* d = vm.new_dict();
      vm.adopt(d, cls);
      out = Value::object(d);
      return true;
    }
    case kSet: {
      Set* s = vm.new_set(false);
      vm.adopt(s, cls);
      out = Value::object(s);
      return true;
    }
    case kBytearray: {
      Bytes* x = new_bytes(vm, "", true);
      vm.adopt(x, cls);
      out = Value::object(x);
      return true;
    }
    default: break;
  }
  ValueVec args(a.args, a.args + a.nargs + a.nkw);
  args[0] = Value::object(base);
  CallArgs ca{args.data(), a.nargs, a.kwnames, args.data() + a.nargs, a.nkw};
  Value v;
  if (!b.orig[which](vm, ca, v)) return false;
  Obj* fresh = nullptr;
  switch (which) {
    case kTuple: fresh = vm.new_tuple(as_tuple(v)->items); break;
    case kStr: fresh = vm.new_str(as_str(v)->s); break;
    case kBytes: fresh = new_bytes(vm, static_cast<Bytes*>(v.o)->data, false); break;
    case kFrozenset: {
      Set* s = vm.new_set(true);
      if (!set_merge(vm, s, as_set(v))) return false;
      fresh = s;
      break;
    }
    default: {
      Instance* in = vm.alloc<Instance>();
      in->cls = cls;
      in->native = v;
      out = Value::object(in);
      return true;
    }
  }
  vm.adopt(fresh, cls);
  out = Value::object(fresh);
  return true;
}

bool plain_copy(VM& vm, Value v, Value& out) {
  switch (v.o->kind) {
    case ObjKind::Str: out = Value::object(vm.new_str(static_cast<Str*>(v.o)->s)); return true;
    case ObjKind::Tuple: out = Value::object(vm.new_tuple(static_cast<Tuple*>(v.o)->items)); return true;
    case ObjKind::Bytes: out = Value::object(new_bytes(vm, static_cast<Bytes*>(v.o)->data, false)); return true;
    case ObjKind::Set: {
      Set* s = vm.new_set(true);
      if (!set_merge(vm, s, static_cast<Set*>(v.o))) return false;
      out = Value::object(s);
      return true;
    }
    default: out = v; return true;
  }
}

template <int I>
bool base_new(VM& vm, const CallArgs& a, Value& out) {
  State& st = state(vm);
  BaseNews b{st.base_cls, st.base_new};
  if (a.nargs && a.args[0].is_obj() && a.args[0].o == b.cls[I]) {
    if (!b.orig[I](vm, a, out)) return false;
    // base_new: str(s) or tuple(t) of a subclass instance is a plain copy, not the instance itself.
    if (is_sub(out)) return plain_copy(vm, out, out);
    return true;
  }
  return subclass_new(vm, I, a, out);
}

// ---- the built-in types' own dunders, fetchable as methods (list.__getitem__, int.__add__) ----

// payload is the number behind an int or float subclass instance, else v.
Value payload(Value v) {
  Instance* in = as_instance(v);
  if (in && !in->cls->builtin && is_number(in->native)) return in->native;
  return v;
}

bool need_args(VM& vm, const CallArgs& a, uint32_t n, const char* what) {
  if (a.nargs == n && a.nkw == 0) return true;
  if (a.nargs == 0) return vm.raise(vm.types().type_error, std::string("descriptor '") + what + "' needs an argument");
  return raise_fmt(vm, vm.types().type_error, "expected %u argument%s, got %u", n - 1, n == 2 ? "" : "s", a.nargs - 1);
}

// self_op runs op on self with the built-in behaviour (the subclass's override not called again).
template <class F>
bool self_op(VM& vm, Value self, F&& op) {
  if (!is_sub(self)) return op();
  return native_again(vm, op);
}

bool d_getitem(VM& vm, const CallArgs& a, Value& out) {
  if (!need_args(vm, a, 2, "__getitem__")) return false;
  Value self = payload(a.args[0]);
  return self_op(vm, self, [&] { return vm.get_item(self, a.args[1], out); });
}
bool d_setitem(VM& vm, const CallArgs& a, Value& out) {
  if (!need_args(vm, a, 3, "__setitem__")) return false;
  out = Value::none();
  return self_op(vm, a.args[0], [&] { return vm.set_item(a.args[0], a.args[1], a.args[2]); });
}
bool d_delitem(VM& vm, const CallArgs& a, Value& out) {
  if (!need_args(vm, a, 2, "__delitem__")) return false;
  out = Value::none();
  return self_op(vm, a.args[0], [&] { return vm.del_item(a.args[0], a.args[1]); });
}
bool d_len(VM& vm, const CallArgs& a, Value& out) {
  if (!need_args(vm, a, 1, "__len__")) return false;
  int64_t n;
  if (!self_op(vm, a.args[0], [&] { return vm.length(a.args[0], n); })) return false;
  out = Value::integer(n);
  return true;
}
bool d_contains(VM& vm, const CallArgs& a, Value& out) {
  if (!need_args(vm, a, 2, "__contains__")) return false;
  bool r;
  if (!self_op(vm, a.args[0], [&] { return vm.contains(a.args[0], a.args[1], r); })) return false;
  out = Value::boolean(r);
  return true;
}
bool d_iter(VM& vm, const CallArgs& a, Value& out) {
  if (!need_args(vm, a, 1, "__iter__")) return false;
  return self_op(vm, a.args[0], [&] { return vm.get_iter(a.args[0], out); });
}
bool d_next(VM& vm, const CallArgs& a, Value& out) {
  if (!need_args(vm, a, 1, "__next__")) return false;
  bool done;
  if (!vm.next(a.args[0], out, done)) return false;
  if (done) return vm.raise(vm.types().stop_iteration, "");
  return true;
}
bool d_iter_self(VM& vm, const CallArgs& a, Value& out) {
  if (!need_args(vm, a, 1, "__iter__")) return false;
  out = a.args[0];
  return true;
}
bool d_repr(VM& vm, const CallArgs& a, Value& out) {
  if (!need_args(vm, a, 1, "__repr__")) return false;
  Value self = payload(a.args[0]);
  std::string s;
  if (!self_op(vm, self, [&] { return repr_into(vm, self, s); })) return false;
  out = make_str(vm, s);
  return true;
}
bool d_str(VM& vm, const CallArgs& a, Value& out) {
  if (!need_args(vm, a, 1, "__str__")) return false;
  Value self = payload(a.args[0]);
  std::string s;
  if (!self_op(vm, self, [&] { return str_into(vm, self, s); })) return false;
  out = make_str(vm, s);
  return true;
}
bool d_hash(VM& vm, const CallArgs& a, Value& out) {
  if (!need_args(vm, a, 1, "__hash__")) return false;
  Value self = payload(a.args[0]);
  uint64_t h;
  if (!self_op(vm, self, [&] { return vm.hash(self, h); })) return false;
  out = Value::integer(static_cast<int64_t>(h));
  return true;
}
bool d_format(VM& vm, const CallArgs& a, Value& out) {
  if (!need_args(vm, a, 2, "__format__")) return false;
  Str* spec = as_str(a.args[1]);
  if (!spec)
    return vm.raise(vm.types().type_error, "__format__() argument must be str, not " + vm.type_name(a.args[1]));
  std::string s;
  if (spec->s.empty() && !a.args[0].is_same(payload(a.args[0]))) {
    if (!str_into(vm, a.args[0], s)) return false;
  } else if (!vm.format(payload(a.args[0]), spec->s, s)) {
    return false;
  }
  out = make_str(vm, s);
  return true;
}

bool d_int(VM& vm, const CallArgs& a, Value& out) {
  if (!need_args(vm, a, 1, "__int__")) return false;
  Value v = payload(a.args[0]);
  if (v.is_float()) return vm.call(Value::object(vm.types().int_), {v}, out);
  out = v.is_bool() ? Value::integer(v.b) : v;
  return true;
}
bool d_float(VM& vm, const CallArgs& a, Value& out) {
  if (!need_args(vm, a, 1, "__float__")) return false;
  double d;
  if (!to_double(vm, payload(a.args[0]), d, nullptr)) return false;
  out = Value::number(d);
  return true;
}
bool d_round(VM& vm, const CallArgs& a, Value& out) {
  if (a.nargs < 1 || a.nargs > 2) return need_args(vm, a, 2, "__round__");
  Value fn;
  if (!in_dict(vm, vm.builtins(), vm.intern("round"), fn)) return vm.raise(vm.types().name_error, "round");
  if (a.nargs == 1) return vm.call(fn, {payload(a.args[0])}, out);
  return vm.call(fn, {payload(a.args[0]), a.args[1]}, out);
}

bool d_bool(VM& vm, const CallArgs& a, Value& out) {
  if (!need_args(vm, a, 1, "__bool__")) return false;
  bool b;
  if (!vm.truthy(payload(a.args[0]), b)) return false;
  out = Value::boolean(b);
  return true;
}

bool same_family(Value a, Value b) {
  if (is_number(a) || is_number(b)) return is_number(a) && is_number(b);
  if (!a.is_obj() || !b.is_obj()) return false;
  return a.o->kind == b.o->kind;
}

template <BinOpKind Op, bool Reflected>
bool d_binop(VM& vm, const CallArgs& a, Value& out) {
  if (!need_args(vm, a, 2, "__op__")) return false;
  Value self = payload(a.args[0]), other = payload(a.args[1]);
  bool seq_repeat = Op == BinOpKind::Mult && !is_number(self) && is_intlike(other);
  if (!same_family(self, other) && !seq_repeat) {
    out = not_implemented(vm);
    return true;
  }
  if (Reflected) return vm.binary_op(Op, other, self, out);
  return self_op(vm, self, [&] { return vm.binary_op(Op, self, other, out); });
}

template <CmpOpKind Op>
bool d_compare(VM& vm, const CallArgs& a, Value& out) {
  if (!need_args(vm, a, 2, "__cmp__")) return false;
  Value self = payload(a.args[0]), other = payload(a.args[1]);
  if (!same_family(self, other)) {
    out = not_implemented(vm);
    return true;
  }
  return self_op(vm, self, [&] { return vm.compare(Op, self, other, out); });
}

template <ast::UnaryOpKind Op>
bool d_unary(VM& vm, const CallArgs& a, Value& out) {
  if (!need_args(vm, a, 1, "__op__")) return false;
  return vm.unary_op(Op, payload(a.args[0]), out);
}

bool list_init(VM& vm, const CallArgs& a, Value& out) {
  List* l = a.nargs ? as_list(a.args[0]) : nullptr;
  if (!l) return vm.raise(vm.types().type_error, "descriptor '__init__' requires a 'list' object");
  if (!no_kwargs(vm, a, "list")) return false;
  if (a.nargs > 2) return raise_fmt(vm, vm.types().type_error, "list expected at most 1argument, got %u", a.nargs - 1);
  l->items.clear();
  out = Value::none();
  return a.nargs < 2 || list_extend(vm, l, a.args[1]);
}

bool dict_init(VM& vm, const CallArgs& a, Value& out) {
  Dict* d = a.nargs ? as_dict(a.args[0]) : nullptr;
  if (!d) return vm.raise(vm.types().type_error, "descriptor '__init__' requires a 'dict' object");
  if (a.nargs > 2) return raise_fmt(vm, vm.types().type_error, "dict expected at most 1 argument, got %u", a.nargs - 1);
  out = Value::none();
  if (a.nargs == 2 && !dict_update(vm, d, a.args[1])) return false;
  for (uint32_t k = 0; k < a.nkw; ++k)
    if (!vm.dict_set(d, Value::object(const_cast<Str*>(a.kwnames[k])), a.kwvalues[k])) return false;
  return true;
}

bool set_init(VM& vm, const CallArgs& a, Value& out) {
  Set* s = a.nargs ? as_set(a.args[0]) : nullptr;
  if (!s || s->frozen) return vm.raise(vm.types().type_error, "descriptor '__init__' requires a 'set' object");
  if (!no_kwargs(vm, a, "set")) return false;
  if (a.nargs > 2) return raise_fmt(vm, vm.types().type_error, "set expected at most 1 argument, got %u", a.nargs - 1);
  set_clear(s);
  out = Value::none();
  return a.nargs < 2 || set_update(vm, s, a.args[1]);
}

bool o_setattr(VM& vm, const CallArgs& a, Value& out) {
  if (!need_args(vm, a, 3, "__setattr__")) return false;
  Str* n = as_str(a.args[1]);
  if (!n)
    return vm.raise(vm.types().type_error, "attribute name must be string, not '" + vm.type_name(a.args[1]) + "'");
  out = Value::none();
  return vm.set_attr(a.args[0], n, a.args[2]);
}
bool o_delattr(VM& vm, const CallArgs& a, Value& out) {
  if (!need_args(vm, a, 2, "__delattr__")) return false;
  Str* n = as_str(a.args[1]);
  if (!n)
    return vm.raise(vm.types().type_error, "attribute name must be string, not '" + vm.type_name(a.args[1]) + "'");
  out = Value::none();
  return vm.del_attr(a.args[0], n);
}
bool o_getattribute(VM& vm, const CallArgs& a, Value& out) {
  if (!need_args(vm, a, 2, "__getattribute__")) return false;
  Str* n = as_str(a.args[1]);
  if (!n)
    return vm.raise(vm.types().type_error, "attribute name must be string, not '" + vm.type_name(a.args[1]) + "'");
  return vm.get_attr(a.args[0], n, out);
}

bool member_repr(VM& vm, const CallArgs& a, Value& out) {
  out = make_str(vm,
                 "<member '" + member_name(a.args[0])->s + "' of '" + member_owner(a.args[0])->name->s + "' objects>");
  return true;
}
bool member_get(VM& vm, const CallArgs& a, Value& out) {
  if (a.nargs < 2) return vm.raise(vm.types().type_error, "expected at least 1 argument, got 0");
  bool h;
  return vm.descriptor_get(a.args[0], a.args[1], vm.type_of(a.args[1]), out, h);
}
bool member_set(VM& vm, const CallArgs& a, Value& out) {
  if (!need_args(vm, a, 3, "__set__")) return false;
  bool h;
  out = Value::none();
  return vm.descriptor_set(a.args[0], a.args[1], a.args[2], h);
}
bool member_delete(VM& vm, const CallArgs& a, Value& out) {
  if (!need_args(vm, a, 2, "__delete__")) return false;
  bool h;
  out = Value::none();
  return vm.descriptor_delete(a.args[0], a.args[1], h);
}

void define_if_absent(VM& vm, Class* c, const char* name, NativeFn fn) {
  Value existing;
  if (in_dict(vm, c->dict, vm.intern(name), existing)) return;
  vm.define_method(c, name, fn);
}

}  // namespace

namespace lib {

void install_subclassing(VM& vm) {
  const Types& t = vm.types();
  BaseNews b = bases_of(vm);
  Class* classes[kBaseCount] = {t.list, t.tuple, t.dict,      t.set,  t.frozenset,
                                t.str,  t.bytes, t.bytearray, t.int_, t.float_};
  NativeFn wrappers[kBaseCount] = {base_new<0>, base_new<1>, base_new<2>, base_new<3>, base_new<4>,
                                   base_new<5>, base_new<6>, base_new<7>, base_new<8>, base_new<9>};
  for (int i = 0; i < kBaseCount; ++i) {
    Value f;
    b.cls[i] = classes[i];
    if (!in_dict(vm, classes[i]->dict, vm.intern("__new__"), f) || !is_kind(f, ObjKind::NativeFunction)) continue;
    b.orig[i] = static_cast<NativeFunction*>(f.o)->fn;
    vm.define_method(classes[i], "__new__", wrappers[i]);
  }
  define_if_absent(vm, t.list, "__init__", list_init);
  define_if_absent(vm, t.dict, "__init__", dict_init);
  define_if_absent(vm, t.set, "__init__", set_init);

  for (Class* c : {t.list, t.tuple, t.dict, t.str, t.bytes, t.bytearray, t.range})
    define_if_absent(vm, c, "__getitem__", d_getitem);
  for (Class* c : {t.list, t.dict, t.bytearray}) {
    define_if_absent(vm, c, "__setitem__", d_setitem);
    define_if_absent(vm, c, "__delitem__", d_delitem);
  }
  for (Class* c : {t.list, t.tuple, t.dict, t.set, t.frozenset, t.str, t.bytes, t.bytearray, t.range}) {
    define_if_absent(vm, c, "__len__", d_len);
    define_if_absent(vm, c, "__contains__", d_contains);
    define_if_absent(vm, c, "__iter__", d_iter);
  }
  for (Class* c :
       {t.list, t.tuple, t.dict, t.set, t.frozenset, t.str, t.bytes, t.bytearray, t.int_, t.float_, t.range}) {
    define_if_absent(vm, c, "__repr__", d_repr);
    define_if_absent(vm, c, "__eq__", d_compare<CmpOpKind::Eq>);
    define_if_absent(vm, c, "__ne__", d_compare<CmpOpKind::NotEq>);
  }
  for (Class* c : {t.list, t.tuple, t.set, t.frozenset, t.str, t.bytes, t.bytearray, t.int_, t.float_}) {
    define_if_absent(vm, c, "__lt__", d_compare<CmpOpKind::Lt>);
    define_if_absent(vm, c, "__le__", d_compare<CmpOpKind::LtE>);
    define_if_absent(vm, c, "__gt__", d_compare<CmpOpKind::Gt>);
    define_if_absent(vm, c, "__ge__", d_compare<CmpOpKind::GtE>);
  }
  for (Class* c : {t.tuple, t.frozenset, t.str, t.bytes, t.int_, t.float_}) define_if_absent(vm, c, "__hash__", d_hash);
  define_if_absent(vm, t.str, "__str__", d_str);
  for (Class* c : {t.list, t.tuple, t.str, t.bytes, t.bytearray}) {
    define_if_absent(vm, c, "__add__", d_binop<BinOpKind::Add, false>);
    define_if_absent(vm, c, "__mul__", d_binop<BinOpKind::Mult, false>);
    define_if_absent(vm, c, "__rmul__", d_binop<BinOpKind::Mult, true>);
  }
  define_if_absent(vm, t.str, "__mod__", d_binop<BinOpKind::Mod, false>);
  for (Class* c : {t.set, t.frozenset, t.dict}) {
    define_if_absent(vm, c, "__or__", d_binop<BinOpKind::BitOr, false>);
  }
  for (Class* c : {t.set, t.frozenset}) {
    define_if_absent(vm, c, "__and__", d_binop<BinOpKind::BitAnd, false>);
    define_if_absent(vm, c, "__sub__", d_binop<BinOpKind::Sub, false>);
    define_if_absent(vm, c, "__xor__", d_binop<BinOpKind::BitXor, false>);
  }
  for (Class* c : {t.int_, t.float_}) {
#define INTERLEAVE_NUM_OP(NAME, OP)                                       \
  define_if_absent(vm, c, "__" NAME "__", d_binop<BinOpKind::OP, false>); \
  define_if_absent(vm, c, "__r" NAME "__", d_binop<BinOpKind::OP, true>);
    INTERLEAVE_NUM_OP("add", Add)
    INTERLEAVE_NUM_OP("sub", Sub)
    INTERLEAVE_NUM_OP("mul", Mult)
    INTERLEAVE_NUM_OP("truediv", Div)
    INTERLEAVE_NUM_OP("floordiv", FloorDiv)
    INTERLEAVE_NUM_OP("mod", Mod)
    INTERLEAVE_NUM_OP("pow", Pow)
#undef INTERLEAVE_NUM_OP
    define_if_absent(vm, c, "__neg__", d_unary<ast::UnaryOpKind::USub>);
    define_if_absent(vm, c, "__pos__", d_unary<ast::UnaryOpKind::UAdd>);
    define_if_absent(vm, c, "__abs__", [](VM& vm, const CallArgs& a, Value& out) {
      if (!need_args(vm, a, 1, "__abs__")) return false;
      Value v = payload(a.args[0]), neg;
      if (v.is_float()) {
        out = Value::number(v.f < 0 ? -v.f : v.f);
        return true;
      }
      if (!vm.compare(CmpOpKind::Lt, v, Value::integer(0), neg)) return false;
      if (neg.is_bool() && neg.b) return vm.unary_op(ast::UnaryOpKind::USub, v, out);
      out = v.is_bool() ? Value::integer(v.b) : v;
      return true;
    });
    define_if_absent(vm, c, "__bool__", d_bool);
    define_if_absent(vm, c, "__round__", d_round);
    define_if_absent(vm, c, "__int__", d_int);
    define_if_absent(vm, c, "__float__", d_float);
    define_if_absent(vm, c, "__format__", d_format);
  }
#define INTERLEAVE_INT_OP(NAME, OP)                                            \
  define_if_absent(vm, t.int_, "__" NAME "__", d_binop<BinOpKind::OP, false>); \
  define_if_absent(vm, t.int_, "__r" NAME "__", d_binop<BinOpKind::OP, true>);
  INTERLEAVE_INT_OP("lshift", LShift)
  INTERLEAVE_INT_OP("rshift", RShift)
  INTERLEAVE_INT_OP("and", BitAnd)
  INTERLEAVE_INT_OP("or", BitOr)
  INTERLEAVE_INT_OP("xor", BitXor)
#undef INTERLEAVE_INT_OP
  define_if_absent(vm, t.int_, "__invert__", d_unary<ast::UnaryOpKind::Invert>);
  define_if_absent(vm, t.int_, "__index__", d_int);
  define_if_absent(vm, t.iterator, "__next__", d_next);
  define_if_absent(vm, t.iterator, "__iter__", d_iter_self);
  define_if_absent(vm, t.object, "__setattr__", o_setattr);
  define_if_absent(vm, t.object, "__delattr__", o_delattr);
  define_if_absent(vm, t.object, "__getattribute__", o_getattribute);

  Class* member = vm.new_class("member_descriptor", {t.object}, true);
  vm.define_method(member, "__repr__", member_repr);
  vm.define_method(member, "__get__", member_get);
  vm.define_method(member, "__set__", member_set);
  vm.define_method(member, "__delete__", member_delete);
  vm.set_member_descriptor(member);
  vm.add_root(Value::object(member));
}

}  // namespace lib
}  // namespace interleave
