// Attribute access: instance dicts, class attributes along the MRO, descriptors
// (functions bind to methods, staticmethod, classmethod, property), super() and the
// cached type lookups every method call goes through.
#include <string>

#include "vm/code_runtime.h"
#include "vm/frame.h"
#include "vm/library.h"
#include "vm/task.h"
#include "vm/vm.h"

#define LIKELY_FOUND(x) __builtin_expect(!!(x), 1)

namespace interleave {

namespace {
bool is_kind(Value v, ObjKind k) { return v.tag == Tag::Obj && v.o && v.o->kind == k; }
}  // namespace

// ---- dict helpers keyed by strings ----

// find_str probes d's index (the library's CPython-style layout) for a string key:
// the entry position, -1 when absent, -2 when only a full lookup can tell.
static inline int32_t find_str(const Dict* d, Str* key) {
  size_t size = d->index.size();
  if (size == 0) return -1;
  if (size == 2) return -2;
  uint64_t h = key->hash ? key->hash : lib::str_hash(key);
  size_t mask = size - 1;
  size_t i = h & mask;
  uint64_t perturb = h;
  for (;;) {
    int32_t ix = d->index[i];
    if (ix == -1) return -1;
    if (ix >= 0) {
      const Dict::Entry& e = d->entries[static_cast<size_t>(ix)];
      if (e.hash == h) {
        if (e.key.tag != Tag::Obj) return -2;
        if (e.key.o == key) return ix;
        if (e.key.o->kind != ObjKind::Str) return -2;
        if (static_cast<Str*>(e.key.o)->s == key->s) return ix;
      }
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

bool VM::lookup_name_in(Dict* d, Str* name, Value& out) {
  if (d->count == 0) return false;
  int32_t ix = find_str(d, name);
  if (LIKELY_FOUND(ix >= 0)) {
    out = d->entries[static_cast<size_t>(ix)].value;
    return true;
  }
  if (ix == -1) return false;
  bool found = false;
  Value saved = pending_;
  if (!dict_get(d, Value::object(name), out, found)) {
    pending_ = saved;
    return false;
  }
  return found;
}

int32_t VM::name_slot(const Dict* d, Str* name) const { return find_str(d, name); }

void VM::store_name_in(Dict* d, Str* name, Value v) {
  int32_t ix = find_str(d, name);
  if (ix >= 0) {
    d->entries[static_cast<size_t>(ix)].value = v;
    return;
  }
  Value saved = pending_;
  if (!dict_set(d, Value::object(name), v)) pending_ = saved;
}

bool VM::delete_name_in(Dict* d, Str* name) {
  bool found = false;
  Value saved = pending_;
  if (!dict_del(d, Value::object(name), found)) {
    pending_ = saved;
    return false;
  }
  return found;
}

bool VM::raise_name_error(Str* name) { return raise(types_.name_error, "name '" + name->s + "' is not defined"); }

// ---- type lookups ----

bool VM::lookup_type_attr_slow(Class* cls, Str* name, Value& out) const {
  VM* self = const_cast<VM*>(this);
  MethodCacheEntry& e = self->method_cache_[method_cache_index(cls, name)];
  bool found = false;
  Value v;
  for (Class* c : cls->mro) {
    if (self->lookup_name_in(c->dict, name, v)) {
      found = true;
      break;
    }
  }
  e.cls_uid = cls->uid;
  e.name_uid = name->uid;
  e.epoch = class_epoch_;
  e.value = found ? v : Value();
  e.found = found;
  out = v;
  return found;
}

// bind_descriptor turns a class attribute found for self into what attribute access yields.
bool VM::bind_descriptor(Value d, Value self, Class* cls, Value& out, bool& is_property) {
  is_property = false;
  if (d.tag != Tag::Obj || !d.o) {
    out = d;
    return true;
  }
  switch (d.o->kind) {
    case ObjKind::Function:
    case ObjKind::NativeFunction: {
      if (d.o->kind == ObjKind::NativeFunction && static_cast<NativeFunction*>(d.o)->has_self) {
        out = d;
        return true;
      }
      BoundMethod* bm = alloc<BoundMethod>();
      bm->self = d.o->kind == ObjKind::NativeFunction ? number_payload(self) : self;
      bm->func = d;
      out = Value::object(bm);
      return true;
    }
    case ObjKind::StaticMethod: out = static_cast<StaticMethod*>(d.o)->func; return true;
    case ObjKind::ClassMethod: {
      BoundMethod* bm = alloc<BoundMethod>();
      bm->self = Value::object(cls);
      bm->func = static_cast<ClassMethod*>(d.o)->func;
      out = Value::object(bm);
      return true;
    }
    case ObjKind::Property: {
      is_property = true;
      Property* p = static_cast<Property*>(d.o);
      if (p->fget.is_none()) return raise(types_.attribute_error, "property object has no getter");
      return call(p->fget, {self}, out);
    }
    case ObjKind::Instance: {
      bool handled;
      if (!descriptor_get(d, self, cls, out, handled)) return false;
      if (!handled) out = d;
      return true;
    }
    default: out = d; return true;
  }
}

bool VM::special_attr(Value obj, Str* name, Value& out, bool& found) {
  found = true;
  Obj* o = obj.o;
  switch (o->kind) {
    case ObjKind::Function: {
      Function* fn = static_cast<Function*>(o);
      if (name == names_.name) {
        out = Value::object(fn->name);
        return true;
      }
      if (name == names_.qualname) {
        out = Value::object(fn->qualname);
        return true;
      }
      if (name == names_.doc) {
        out = fn->doc;
        return true;
      }
      if (name == names_.module) {
        out = fn->module ? Value::object(fn->module->name) : Value::object(names_.main);
        return true;
      }
      if (name == names_.defaults) {
        out = fn->defaults.empty() ? Value::none() : Value::object(new_tuple(fn->defaults));
        return true;
      }
      if (name == names_.dict) {
        if (!fn->attrs) fn->attrs = new_dict();
        out = Value::object(fn->attrs);
        return true;
      }
      if (fn->attrs && lookup_name_in(fn->attrs, name, out)) return true;
      if (name->s == "__annotations__") {
        if (!fn->attrs) fn->attrs = new_dict();
        out = Value::object(new_dict());
        store_name_in(fn->attrs, name, out);
        return true;
      }
      break;
    }
    case ObjKind::NativeFunction: {
      NativeFunction* nf = static_cast<NativeFunction*>(o);
      if (name == names_.name || name == names_.qualname) {
        out = Value::object(nf->name);
        return true;
      }
      if (name == names_.doc) {
        out = Value::none();
        return true;
      }
      if (name == names_.self && nf->has_self) {
        out = nf->self;
        return true;
      }
      break;
    }
    case ObjKind::BoundMethod: {
      BoundMethod* bm = static_cast<BoundMethod*>(o);
      if (name == names_.self) {
        out = bm->self;
        return true;
      }
      if (name == names_.func) {
        out = bm->func;
        return true;
      }
      if (name == names_.name || name == names_.qualname || name == names_.doc || name == names_.module) {
        return get_attr(bm->func, name, out);
      }
      break;
    }
    case ObjKind::Generator: {
      Generator* g = static_cast<Generator*>(o);
      if (name == names_.name || name == names_.qualname) {
        out = g->name ? Value::object(g->name) : Value::none();
        return true;
      }
      break;
    }
    case ObjKind::Property: {
      Property* p = static_cast<Property*>(o);
      if (name->s == "fget") {
        out = p->fget;
        return true;
      }
      if (name->s == "fset") {
        out = p->fset;
        return true;
      }
      if (name->s == "fdel") {
        out = p->fdel;
        return true;
      }
      if (name == names_.doc) {
        out = p->doc;
        return true;
      }
      break;
    }
    case ObjKind::StaticMethod:
    case ObjKind::ClassMethod: {
      Value fn =
          o->kind == ObjKind::StaticMethod ? static_cast<StaticMethod*>(o)->func : static_cast<ClassMethod*>(o)->func;
      if (name == names_.func) {
        out = fn;
        return true;
      }
      break;
    }
    default: break;
  }
  found = false;
  return true;
}

bool VM::get_attr(Value obj, Str* name, Value& out) {
  if (obj.tag == Tag::Obj && obj.o) {
    Obj* o = obj.o;
    switch (o->kind) {
      case ObjKind::Instance: {
        Instance* inst = static_cast<Instance*>(o);
        Class* cls = inst->cls;
        Value d;
        bool has_d = lookup_type_attr(cls, name, d);
        if (has_d && d.is_obj() &&
            (d.o->kind == ObjKind::Property || (d.o->kind == ObjKind::Instance && data_descriptor(d)))) {
          bool prop;
          if (d.o->kind == ObjKind::Property) return bind_descriptor(d, obj, cls, out, prop);
          return descriptor_get(d, obj, cls, out, prop);
        }
        if (inst->attrs && lookup_name_in(inst->attrs, name, out)) return true;
        if (inst->exc) {
          ExceptionData* x = inst->exc;
          if (name == names_.cause) {
            out = x->cause;
            return true;
          }
          if (name == names_.context) {
            out = x->context;
            return true;
          }
          if (name == names_.suppress_context) {
            out = Value::boolean(x->suppress_context);
            return true;
          }
          if (name == names_.traceback) {
            out = Value::none();
            return true;
          }
        }
        if (name == names_.class_) {
          out = Value::object(cls);
          return true;
        }
        if (name == names_.dict && !cls->no_dict) {
          if (!inst->attrs) inst->attrs = new_dict();
          out = Value::object(inst->attrs);
          return true;
        }
        if (has_d) {
          bool prop;
          return bind_descriptor(d, obj, cls, out, prop);
        }
        Value ga;
        if (lookup_type_attr(cls, names_.getattr, ga)) {
          if (is_kind(ga, ObjKind::Function) || is_kind(ga, ObjKind::NativeFunction)) {
            return call(ga, {obj, Value::object(name)}, out);
          }
        }
        return raise(types_.attribute_error, "'" + cls->name->s + "' object has no attribute '" + name->s + "'");
      }
      case ObjKind::Class: {
        Class* cls = static_cast<Class*>(o);
        if (name == names_.name) {
          out = Value::object(cls->name);
          return true;
        }
        if (name == names_.mro) {
          ValueVec items;
          for (Class* c : cls->mro) items.push_back(Value::object(c));
          out = Value::object(new_tuple(std::move(items)));
          return true;
        }
        if (name == names_.bases) {
          ValueVec items;
          for (Class* c : cls->bases) items.push_back(Value::object(c));
          out = Value::object(new_tuple(std::move(items)));
          return true;
        }
        if (name == names_.dict) {
          out = Value::object(cls->dict);
          return true;
        }
        if (name == names_.class_) {
          out = Value::object(cls->meta ? cls->meta : types_.type);
          return true;
        }
        Value d;
        if (lookup_type_attr(cls, name, d)) {
          if (is_kind(d, ObjKind::StaticMethod)) {
            out = static_cast<StaticMethod*>(d.o)->func;
          } else if (is_kind(d, ObjKind::ClassMethod)) {
            BoundMethod* bm = alloc<BoundMethod>();
            bm->self = obj;
            bm->func = static_cast<ClassMethod*>(d.o)->func;
            out = Value::object(bm);
          } else if (is_kind(d, ObjKind::Instance)) {
            bool handled;
            if (!descriptor_get(d, Value::none(), cls, out, handled)) return false;
            if (!handled) out = d;
          } else {
            out = d;
          }
          return true;
        }
        if (name == names_.qualname) {
          out = Value::object(cls->name);
          return true;
        }
        if (name == names_.doc) {
          out = Value::none();
          return true;
        }
        if (name == names_.module) {
          out = cls->builtin ? Value::object(intern("builtins")) : Value::object(names_.main);
          return true;
        }
        if (lookup_type_attr(cls->meta ? cls->meta : types_.type, name, d)) {
          bool prop;
          return bind_descriptor(d, obj, cls->meta ? cls->meta : types_.type, out, prop);
        }
        return raise(types_.attribute_error, "type object '" + cls->name->s + "' has no attribute '" + name->s + "'");
      }
      case ObjKind::Module: {
        Module* m = static_cast<Module*>(o);
        if (lookup_name_in(m->dict, name, out)) return true;
        if (name == names_.dict) {
          out = Value::object(m->dict);
          return true;
        }
        Value ga;
        if (lookup_name_in(m->dict, names_.getattr, ga)) return call(ga, {Value::object(name)}, out);  // PEP 562
        return raise(types_.attribute_error, "module '" + m->name->s + "' has no attribute '" + name->s + "'");
      }
      case ObjKind::Super: return super_lookup(static_cast<Super*>(o), name, out);
      default: {
        bool found;
        if (!special_attr(obj, name, out, found)) return false;
        if (found) return true;
        break;
      }
    }
  }
  if (obj.is_obj() && obj.o->sub) return sub_get_attr(obj, name, out);
  Class* t = type_of(obj);
  if (name == names_.class_) {
    out = Value::object(t);
    return true;
  }
  Value d;
  if (lookup_type_attr(t, name, d)) {
    bool prop;
    return bind_descriptor(d, obj, t, out, prop);
  }
  return raise(types_.attribute_error, "'" + type_name(obj) + "' object has no attribute '" + name->s + "'");
}

bool VM::set_attr(Value obj, Str* name, Value v) {
  if (!name->interned) name = intern(name->s);
  if (obj.tag == Tag::Obj && obj.o) {
    Obj* o = obj.o;
    switch (o->kind) {
      case ObjKind::Instance: {
        Instance* inst = static_cast<Instance*>(o);
        Value d;
        bool has_d = lookup_type_attr(inst->cls, name, d);
        if (has_d && is_kind(d, ObjKind::Property)) {
          Property* p = static_cast<Property*>(d.o);
          if (p->fset.is_none()) {
            return raise(types_.attribute_error,
                         "property '" + name->s + "' of '" + inst->cls->name->s + "' object has no setter");
          }
          Value ignored;
          return call(p->fset, {obj, v}, ignored);
        }
        if (has_d && is_kind(d, ObjKind::Instance)) {
          bool handled;
          if (!descriptor_set(d, obj, v, handled)) return false;
          if (handled) return true;
        }
        if (inst->cls->no_dict)
          return raise(types_.attribute_error,
                       "'" + inst->cls->name->s + "' object has no attribute '" + name->s + "'");
        if (inst->exc) {
          ExceptionData* x = inst->exc;
          if (name == names_.cause) {
            x->cause = v;
            x->suppress_context = true;
            return true;
          }
          if (name == names_.context) {
            x->context = v;
            return true;
          }
          if (name == names_.suppress_context) {
            bool b;
            if (!truthy(v, b)) return false;
            x->suppress_context = b;
            return true;
          }
          if (name == names_.traceback) return true;
        }
        if (name == names_.dict) {
          // obj.__dict__ = d makes d the instance's namespace (a dict or a dict subclass).
          if (!is_kind(v, ObjKind::Dict))
            return raise(types_.type_error,
                         "__dict__ must be set to a dictionary, not a '" + type_of(v)->name->s + "'");
          inst->attrs = static_cast<Dict*>(v.o);
          return true;
        }
        if (!inst->attrs) inst->attrs = new_dict();
        return dict_set(inst->attrs, Value::object(name), v);
      }
      case ObjKind::Class: {
        Class* cls = static_cast<Class*>(o);
        if (cls->builtin) {
          return raise(types_.type_error,
                       "cannot set '" + name->s + "' attribute of immutable type '" + cls->name->s + "'");
        }
        ++class_epoch_;
        if (name == names_.name && v.tag == Tag::Obj && v.o && v.o->kind == ObjKind::Str) {
          cls->name = intern(static_cast<Str*>(v.o)->s);
          return true;
        }
        return dict_set(cls->dict, Value::object(name), v);
      }
      case ObjKind::Module: return dict_set(static_cast<Module*>(o)->dict, Value::object(name), v);
      case ObjKind::Function: {
        Function* fn = static_cast<Function*>(o);
        bool is_str = v.tag == Tag::Obj && v.o && v.o->kind == ObjKind::Str;
        if (name == names_.name && is_str) {
          fn->name = static_cast<Str*>(v.o);
          return true;
        }
        if (name == names_.qualname && is_str) {
          fn->qualname = static_cast<Str*>(v.o);
          return true;
        }
        if (name == names_.doc) {
          fn->doc = v;
          return true;
        }
        if (!fn->attrs) fn->attrs = new_dict();
        return dict_set(fn->attrs, Value::object(name), v);
      }
      default:
        if (o->sub) return sub_set_attr(obj, name, v);
        break;
    }
  }
  return raise(types_.attribute_error, "'" + type_name(obj) + "' object has no attribute '" + name->s + "'");
}

bool VM::del_attr(Value obj, Str* name) {
  if (!name->interned) name = intern(name->s);
  if (obj.tag == Tag::Obj && obj.o) {
    Obj* o = obj.o;
    Dict* d = nullptr;
    switch (o->kind) {
      case ObjKind::Instance: {
        Instance* inst = static_cast<Instance*>(o);
        Value desc;
        if (lookup_type_attr(inst->cls, name, desc) && is_kind(desc, ObjKind::Property)) {
          Property* p = static_cast<Property*>(desc.o);
          if (p->fdel.is_none()) {
            return raise(types_.attribute_error,
                         "property '" + name->s + "' of '" + inst->cls->name->s + "' object has no deleter");
          }
          Value ignored;
          return call(p->fdel, {obj}, ignored);
        }
        if (is_kind(desc, ObjKind::Instance)) {
          bool handled;
          if (!descriptor_delete(desc, obj, handled)) return false;
          if (handled) return true;
        }
        d = inst->attrs;
        break;
      }
      case ObjKind::Class:
        if (static_cast<Class*>(o)->builtin) {
          return raise(types_.type_error, "cannot delete '" + name->s + "' attribute of immutable type '" +
                                              static_cast<Class*>(o)->name->s + "'");
        }
        ++class_epoch_;
        d = static_cast<Class*>(o)->dict;
        break;
      case ObjKind::Module: d = static_cast<Module*>(o)->dict; break;
      case ObjKind::Function: d = static_cast<Function*>(o)->attrs; break;
      default:
        if (o->sub) return sub_del_attr(obj, name);
        break;
    }
    if (d && delete_name_in(d, name)) return true;
    if (has_exception()) return false;
  }
  return raise(types_.attribute_error, "'" + type_name(obj) + "' object has no attribute '" + name->s + "'");
}

bool VM::has_attr(Value obj, Str* name, bool& out) {
  Value ignored;
  if (get_attr(obj, name, ignored)) {
    out = true;
    return true;
  }
  if (isinstance(pending_, types_.attribute_error)) {
    clear_exception();
    out = false;
    return true;
  }
  return false;
}

bool VM::super_lookup(Super* sup, Str* name, Value& out) {
  Value self = sup->self;
  Class* owner = nullptr;
  if (is_kind(self, ObjKind::Class) && is_subclass(static_cast<Class*>(self.o), sup->start)) {
    owner = static_cast<Class*>(self.o);
  } else {
    owner = type_of(self);
  }
  const auto& mro = owner->mro;
  size_t i = 0;
  while (i < mro.size() && mro[i] != sup->start) ++i;
  for (++i; i < mro.size(); ++i) {
    Value d;
    if (!lookup_name_in(mro[i]->dict, name, d)) continue;
    if (name == names_.new_) {
      out = is_kind(d, ObjKind::StaticMethod) ? static_cast<StaticMethod*>(d.o)->func : d;
      return true;
    }
    if ((is_kind(d, ObjKind::Function) || is_kind(d, ObjKind::NativeFunction)) && self.is_obj() && self.o == owner) {
      out = d;
      return true;
    }
    bool prop;
    return bind_descriptor(d, self, owner, out, prop);
  }
  return raise(types_.attribute_error, "'super' object has no attribute '" + name->s + "'");
}

// load_method finds obj.name for an immediate call: a plain function found on the type
// comes back unbound with self set, so the call needs no bound-method object.
bool VM::load_method(Value obj, Str* name, Value& meth, Value& self) {
  if (obj.tag == Tag::Obj && obj.o) {
    Obj* o = obj.o;
    if (o->kind == ObjKind::Instance) {
      Instance* inst = static_cast<Instance*>(o);
      Value d;
      if (lookup_type_attr(inst->cls, name, d) &&
          (is_kind(d, ObjKind::Function) || is_kind(d, ObjKind::NativeFunction))) {
        if (inst->attrs && lookup_name_in(inst->attrs, name, meth)) {
          self = Value::null();
          return true;
        }
        meth = d;
        self = d.o->kind == ObjKind::NativeFunction ? number_payload(obj) : obj;
        return true;
      }
      self = Value::null();
      return get_attr(obj, name, meth);
    }
    if (o->kind == ObjKind::Super) {
      Super* sup = static_cast<Super*>(o);
      Class* owner = is_kind(sup->self, ObjKind::Class) && is_subclass(static_cast<Class*>(sup->self.o), sup->start)
                         ? static_cast<Class*>(sup->self.o)
                         : type_of(sup->self);
      if (owner != sup->self.o) {
        const auto& mro = owner->mro;
        size_t i = 0;
        while (i < mro.size() && mro[i] != sup->start) ++i;
        for (++i; i < mro.size(); ++i) {
          Value d;
          if (!lookup_name_in(mro[i]->dict, name, d)) continue;
          if (name != names_.new_ && (is_kind(d, ObjKind::Function) || is_kind(d, ObjKind::NativeFunction))) {
            meth = d;
            self = sup->self;
            return true;
          }
          break;
        }
      }
      self = Value::null();
      return get_attr(obj, name, meth);
    }
    if (o->sub && name != names_.class_ && name != names_.dict) {
      // A built-in object of a user class (class OrderedCollection(list)): its class's method
      // is called with the object as self, as sub_get_attr would bind it, without the bound
      // method; an entry of the object's own dict of that name wins, as there.
      SubclassInfo* info = subclassed_.find(o);
      Value d;
      if (info && lookup_type_attr(info->cls, name, d) &&
          (is_kind(d, ObjKind::Function) ||
           (is_kind(d, ObjKind::NativeFunction) && !static_cast<NativeFunction*>(d.o)->has_self))) {
        if (info->attrs && lookup_name_in(info->attrs, name, meth)) {
          self = Value::null();
          return true;
        }
        meth = d;
        self = obj;
        ++allocations_;  // the simulated clock charges the bound method as before (CostModel::alloc)
        return true;
      }
    }
    if (o->kind == ObjKind::Class || o->kind == ObjKind::Module || o->kind == ObjKind::Function || o->sub) {
      self = Value::null();
      return get_attr(obj, name, meth);
    }
  }
  Class* t = type_of(obj);
  Value d;
  if (lookup_type_attr(t, name, d) &&
      (is_kind(d, ObjKind::Function) ||
       (is_kind(d, ObjKind::NativeFunction) && !static_cast<NativeFunction*>(d.o)->has_self))) {
    meth = d;
    self = obj;
    return true;
  }
  self = Value::null();
  return get_attr(obj, name, meth);
}

bool VM::call_method(Value self, Str* name, std::initializer_list<Value> args, Value& out, bool& found) {
  Class* cls = type_of(self);
  Value d;
  if (!lookup_type_attr(cls, name, d) || d.is_none()) {
    found = false;
    return true;
  }
  found = true;
  Value buf[8];
  ValueVec big;
  Value* base = buf;
  size_t n = args.size();
  if (n + 2 > 8) {
    big.resize(n + 2);
    base = big.data();
  }
  size_t k = 1;
  if (is_kind(d, ObjKind::StaticMethod)) {
    d = static_cast<StaticMethod*>(d.o)->func;
  } else if (is_kind(d, ObjKind::ClassMethod)) {
    d = static_cast<ClassMethod*>(d.o)->func;
    base[k++] = Value::object(cls);
  } else if (is_kind(d, ObjKind::Function) ||
             (is_kind(d, ObjKind::NativeFunction) && !static_cast<NativeFunction*>(d.o)->has_self)) {
    base[k++] = self;
  } else {
    bool prop;
    if (!bind_descriptor(d, self, cls, d, prop)) return false;
    if (prop) {
      out = d;
      return true;
    }
  }
  for (const Value& v : args) base[k++] = v;
  CallArgs ca;
  ca.args = base + 1;
  ca.nargs = static_cast<uint32_t>(k - 1);
  return call(d, ca, out);
}

}  // namespace interleave
