#pragma once
// The library half of the VM: built-in functions, methods of built-in types, native
// modules and the container operations the interpreter needs. install_library() runs
// once per VM after the core has created every type object in Types.
#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "vm/vm.h"

namespace interleave {

// install_library() defines builtins, methods of built-in types, BaseException's
// methods and the __new__ natives that built-in classes are called through.
void install_library(VM& vm);
// make_native_module() builds "time", "math", "random" or "sim"; false if unknown.
bool make_native_module(VM& vm, std::string_view name, Module*& out);

// The NotImplemented and Ellipsis singletons (also builtins of those names).
Value not_implemented(VM& vm);
Value ellipsis(VM& vm);

// Container operations for displays, unpacking and calls (BUILD_SET, SET_UPDATE,
// DICT_UPDATE, LIST_EXTEND, UNPACK_*): CPython semantics, CPython set order.
bool set_add(VM& vm, Set* s, Value key);
bool set_update(VM& vm, Set* s, Value iterable);
bool set_contains(VM& vm, Set* s, Value key, bool& found);
bool set_discard(VM& vm, Set* s, Value key, bool& found);
// build_set() is a set display; constant displays of three or more items are built the
// way CPython's constant-folded frozenset is, so `{...}` iterates in CPython's order.
bool build_set(VM& vm, const Value* items, size_t n, bool constant_display, Value& out);
bool dict_update(VM& vm, Dict* d, Value other);
bool list_extend(VM& vm, List* l, Value iterable);
// collect() appends every item of an iterable to out.
// With a scope (list(gen), tuple(gen) called from Python code), a generator's resumptions may
// collect garbage while it is gathered (VM::NestedCollect).
bool collect(VM& vm, Value iterable, ValueVec& out, VM::NestedCollect* scope = nullptr);

// reserve_n() is VM::reserve() for count elements of elem bytes, safe from overflow where
// size_t has 32 bits (wasm).
inline bool reserve_n(VM& vm, uint64_t count, uint64_t elem) {
  if (elem && count > vm.config().memory_limit / elem) return vm.reserve(SIZE_MAX);
  return vm.reserve(static_cast<size_t>(count * elem));
}
// charge_work() counts a one-step operation's work in steps (VM::charge_steps): one step per
// kWorkPerStep bytes past the first kFreeWork, so a 100 MB join or repeat meets the step
// limit and Stop, and operations of ordinary size count as they always did.
constexpr uint64_t kFreeWork = uint64_t{1} << 20;
// kMaxTimeSeconds is the largest time CPython takes (times are int64 nanoseconds): a sleep,
// timer or lock timeout past it raises OverflowError.
constexpr double kMaxTimeSeconds = 9'223'372'036.854775807;
constexpr uint64_t kWorkPerStep = 64;
inline bool charge_work(VM& vm, uint64_t units) {
  return units <= kFreeWork || vm.charge_steps((units - kFreeWork) / kWorkPerStep);
}
// grow_store() readies v for need elements. Growth doubles, so the memory check and the
// work charged run once per doubling; near the limit it grows by an eighth instead, so a
// store that fits is not refused for its doubling. temp: a native's temporary, checked but
// charged only once it becomes an object; otherwise a live object's store (VM::grow).
template <class V>
bool grow_store(VM& vm, V& v, uint64_t need, bool temp) {
  uint64_t cap = v.capacity();
  if (need <= cap) return true;
  constexpr uint64_t elem = sizeof(v[0]);
  const uint64_t limit = vm.config().memory_limit;
  if (need > limit / elem) return vm.reserve(SIZE_MAX);
  uint64_t target = std::min<uint64_t>(std::max<uint64_t>(need, cap * 2), limit / elem);
  auto cost = [&](uint64_t t) { return (temp ? t : t - cap) * elem; };
  if (vm.heap_bytes() + cost(target) > limit) target = std::min(target, need + need / 8);
  size_t bytes = static_cast<size_t>(cost(target));
  if (!(temp ? vm.reserve(bytes) : vm.grow(bytes)) || !charge_work(vm, target * elem)) return false;
  v.reserve(static_cast<size_t>(target));
  return true;
}
// make_room() readies v, the backing store of a live object (List::items, Bytes::data), for
// need elements, charging a capacity change to the memory limit and its copy to the step
// count before it is made.
template <class V>
bool make_room(VM& vm, V& v, uint64_t need) {
  return grow_store(vm, v, need, false);
}
// make_temp_room() is make_room() for a native's temporary (the items list(iterable) gathers,
// a join's result).
template <class V>
bool make_temp_room(VM& vm, V& v, uint64_t need) {
  return grow_store(vm, v, need, true);
}

namespace lib {

// Name indexes the interned names the library looks up on hot paths.
enum class Name : uint16_t {
  add,
  radd,
  iadd,
  sub,
  rsub,
  isub,
  mul,
  rmul,
  imul,
  truediv,
  rtruediv,
  itruediv,
  floordiv,
  rfloordiv,
  ifloordiv,
  mod,
  rmod,
  imod,
  pow,
  rpow,
  ipow,
  lshift,
  rlshift,
  ilshift,
  rshift,
  rrshift,
  irshift,
  or_,
  ror,
  ior,
  xor_,
  rxor,
  ixor,
  and_,
  rand,
  iand,
  matmul,
  rmatmul,
  imatmul,
  eq,
  ne,
  lt,
  le,
  gt,
  ge,
  neg,
  pos,
  invert,
  abs,
  bool_,
  len,
  contains,
  getitem,
  setitem,
  delitem,
  iter,
  next,
  hash,
  str,
  repr,
  format,
  index,
  int_,
  float_,
  round,
  reversed,
  call,
  init,
  new_,
  enter,
  exit,
  args,
  value,
  name,
  qualname,
  module,
  dict,
  doc,
  class_,
  file,
  keys,
  write,
  start,
  stop,
  step,
  real,
  imag,
  kCount,
};

// State is the library's per-VM data: singletons, hidden types and caches.
struct State {
  Value not_implemented, ellipsis;
  Class *notimpl_type = nullptr, *ellipsis_type = nullptr;
  Class *dict_keys = nullptr, *dict_values = nullptr, *dict_items = nullptr;
  Str* names[static_cast<size_t>(Name::kCount)] = {};
  Str* empty = nullptr;
  Str* chars[128] = {};  // one-character ASCII strings
  NativeFn object_repr = nullptr, object_str = nullptr, object_eq = nullptr, object_ne = nullptr, object_hash = nullptr,
           object_format = nullptr, object_init = nullptr, object_new = nullptr;
  // skip_override: a built-in's own dunder (list.__getitem__) is running on a subclass instance,
  // so the next protocol operation on it must not call the subclass's override again.
  bool skip_override = false;
  // base_cls/base_new: the built-in bases a class may subclass and their own __new__ (vm/subclass.cpp).
  Class* base_cls[10] = {};
  NativeFn base_new[10] = {};
  std::vector<const Obj*> repr_stack;  // containers being repr'd, for "[...]"
  uint32_t depth = 0;                  // nesting of recursive protocol calls
};

State& state(VM& vm);
// reset_state() gives vm a fresh state; install_library() calls it first.
void reset_state(VM& vm);
inline Str* name(VM& vm, Name n) { return state(vm).names[static_cast<size_t>(n)]; }

// ---- values ----
inline bool is_kind(Value v, ObjKind k) { return v.is_obj() && v.o->kind == k; }
inline Str* as_str(Value v) { return is_kind(v, ObjKind::Str) ? static_cast<Str*>(v.o) : nullptr; }
inline List* as_list(Value v) { return is_kind(v, ObjKind::List) ? static_cast<List*>(v.o) : nullptr; }
inline Tuple* as_tuple(Value v) { return is_kind(v, ObjKind::Tuple) ? static_cast<Tuple*>(v.o) : nullptr; }
inline Dict* as_dict(Value v) { return is_kind(v, ObjKind::Dict) ? static_cast<Dict*>(v.o) : nullptr; }
inline Set* as_set(Value v) { return is_kind(v, ObjKind::Set) ? static_cast<Set*>(v.o) : nullptr; }
inline Instance* as_instance(Value v) { return is_kind(v, ObjKind::Instance) ? static_cast<Instance*>(v.o) : nullptr; }
inline Class* as_class(Value v) { return is_kind(v, ObjKind::Class) ? static_cast<Class*>(v.o) : nullptr; }
// is_intlike() is int or bool (bool is a subclass of int).
inline bool is_intlike(Value v) { return v.is_int() || v.is_bool(); }
inline int64_t int_of(Value v) { return v.is_bool() ? (v.b ? 1 : 0) : v.i; }
inline bool is_number(Value v) { return v.is_int() || v.is_bool() || v.is_float() || is_kind(v, ObjKind::BigInt); }
inline double float_of(Value v) { return v.is_float() ? v.f : static_cast<double>(int_of(v)); }
// view_dict() is the dict behind a dict_keys/dict_values/dict_items view, else null.
Dict* view_dict(VM& vm, Value v, int& which);

// ---- strings ----
Value make_str(VM& vm, std::string_view s);
Value char_str(VM& vm, uint32_t cp);  // chr(cp)
uint64_t str_hash(Str* s);
size_t utf8_offset(const Str* s, int64_t index);  // byte offset of code point index
uint32_t utf8_decode(std::string_view s, size_t& pos);
void utf8_append(std::string& out, uint32_t cp);
size_t utf8_count(std::string_view s);
// Code-point classes and simple case mappings of str's methods, shared with re's matcher.
bool is_space_cp(uint32_t c);
bool is_alpha_cp(uint32_t c);
bool is_digit_cp(uint32_t c);
bool is_upper_cp(uint32_t c);
bool is_lower_cp(uint32_t c);
uint32_t to_lower_cp(uint32_t c);
uint32_t to_upper_cp(uint32_t c);

// ---- numbers ----
bool overflow(VM& vm);                         // raises the 64-bit OverflowError
bool to_index(VM& vm, Value v, int64_t& out);  // int, bool or __index__
// SliceIndices is a slice resolved against a length; resolve_slice() is CPython's
// PySlice_AdjustIndices, with CPython's errors for a zero step or non-integer bounds.
struct SliceIndices {
  int64_t start, stop, step, length;
};
bool resolve_slice(VM& vm, Slice* s, int64_t length, SliceIndices& r);
bool to_double(VM& vm, Value v, double& out, const char* what);
uint64_t int_hash(int64_t v);
uint64_t float_hash(double v);
void int_str(int64_t v, std::string& out);
bool parse_int(std::string_view text, int base, int64_t& out, bool& too_big);
bool parse_float(std::string_view text, double& out);
double int_true_div(int64_t a, int64_t b);  // correctly rounded a / b

// ---- objects ----
uint64_t object_id(VM& vm, Value v);
std::string address(VM& vm, const Obj* o);  // "0x7f..." fake, deterministic
std::string class_name(const Class* c);
// iterator_type_name() is CPython's type name for a built-in iterator ("list_iterator", "zip").
const char* iterator_type_name(const Iterator* it);
bool class_qualified(VM& vm, const Class* c, std::string& out);  // "__main__.Foo" / "int"
bool repr_into(VM& vm, Value v, std::string& out);
bool str_into(VM& vm, Value v, std::string& out);
bool raise_key_error(VM& vm, Value key);
bool raise_fmt(VM& vm, Class* type, const char* fmt, ...);
// is_not_implemented() is `v is NotImplemented`.
bool is_not_implemented(VM& vm, Value v);
// call_dunder() calls a user-defined dunder (not object's default) on an Instance;
// found=false when the class doesn't define it.
bool call_dunder(VM& vm, Value self, Name n, std::initializer_list<Value> args, Value& out, bool& found);

// ---- instances of user subclasses of built-in types (Obj::sub, vm/subclass.cpp) ----
// sub_op() calls the dunder n that self's user subclass defines (classes above the built-in
// base in the MRO); handled=false when none does.
bool sub_op(VM& vm, Value self, Name n, std::initializer_list<Value> args, Value& out, bool& handled);
inline bool is_sub(Value v) { return v.is_obj() && v.o->sub; }
// sub_hook() is false once right after a sub_* function or a built-in's own dunder asked for
// the built-in behaviour; the protocol operations then go on natively.
bool sub_hook(VM& vm);
bool sub_get_item(VM& vm, Value c, Value key, Value& out);
bool sub_set_item(VM& vm, Value c, Value key, Value v);
bool sub_del_item(VM& vm, Value c, Value key);
bool sub_contains(VM& vm, Value c, Value item, bool& out);
bool sub_length(VM& vm, Value v, int64_t& out);
bool sub_get_iter(VM& vm, Value v, Value& out);
bool sub_repr(VM& vm, Value v, std::string& out);
bool sub_str(VM& vm, Value v, std::string& out);
bool sub_hash(VM& vm, Value v, uint64_t& out);
bool sub_truthy(VM& vm, Value v, bool& out);
// sub_missing() is dict.__getitem__'s call of __missing__ on a dict subclass; found=false without one.
bool sub_missing(VM& vm, Value d, Value key, Value& out, bool& found);
void install_subclassing(VM& vm);

// ---- arguments ----
// Params binds a built-in's positional and keyword arguments to named slots.
struct Params {
  const char* fn;  // for messages: "print", "str.split"
  std::initializer_list<const char*> names;
  uint32_t required = 0;
  bool positional_only = false;
};
// bind() fills out[i] for each given parameter and sets bit i of given; self_offset
// skips args[0] for methods. Errors follow CPython's wording closely.
bool bind(VM& vm, const CallArgs& a, const Params& p, Value* out, uint32_t& given, uint32_t self_offset = 0);
bool no_kwargs(VM& vm, const CallArgs& a, const char* fn);
bool arg_count(VM& vm, const CallArgs& a, const char* fn, uint32_t min, uint32_t max, uint32_t self_offset = 0);
inline Value kwarg(const CallArgs& a, std::string_view name, bool& found) {
  for (uint32_t i = 0; i < a.nkw; ++i)
    if (a.kwnames[i]->s == name) {
      found = true;
      return a.kwvalues[i];
    }
  found = false;
  return Value();
}

// ---- iteration and sorting ----
// iterate() calls f(item) for each item; f returns false to stop with an error pending
// or sets stop=true to end early.
template <class F>
bool iterate(VM& vm, Value iterable, F&& f) {
  Value it;
  if (!vm.get_iter(iterable, it)) return false;
  for (;;) {
    Value item;
    bool done = false;
    if (!vm.next(it, item, done)) return false;
    if (done) return true;
    bool stop = false;
    if (!f(item, stop)) return false;
    if (stop) return true;
  }
}
// sort_values() is list.sort: stable, by `<` on key(item) when key is not None.
bool sort_values(VM& vm, ValueVec& items, Value key, bool reverse);

// ---- sets (CPython's table layout, shared by set and frozenset) ----
// The table functions take the set's Dict; a table in dict layout is converted first.
bool set_lookup(VM& vm, Dict* t, Value key, uint64_t h, bool& found);
bool set_add_hashed(VM& vm, Dict* t, Value key, uint64_t h);
bool set_discard_hashed(VM& vm, Dict* t, Value key, uint64_t h, bool& found);
Dict* table_of(VM& vm, Set* s);
bool set_merge(VM& vm, Set* s, Set* other);
bool set_copy(VM& vm, Set* s, bool frozen, Set*& out);
void set_clear(Set* s);
bool set_pop(VM& vm, Set* s, Value& out);
uint64_t frozenset_hash(Set* s);
// set_operation() is a binary set operator on two sets (| & - ^), new result.
bool set_operation(VM& vm, ast::BinOpKind op, Set* a, Set* b, Value& out);
bool set_inplace(VM& vm, ast::BinOpKind op, Set* a, Set* b);
bool set_is_subset(VM& vm, Set* a, Set* b, bool& out);

// ---- installers, one per library file ----
void install_builtins(VM& vm);
void install_str_methods(VM& vm);
void install_containers(VM& vm);
void install_exceptions(VM& vm);
bool make_time_module(VM& vm, Module* m);
bool make_math_module(VM& vm, Module* m);
bool make_random_module(VM& vm, Module* m);
bool make_sim_module(VM& vm, Module* m);
bool make_introspect_module(VM& vm, Module* m);
bool make_sre_module(VM& vm, Module* m);
bool make_json_module(VM& vm, Module* m);
void define(VM& vm, Module* m, std::string_view name, NativeFn fn);
// define_property() installs a read-only attribute computed by fn(self) on a built-in type.
void define_property(VM& vm, Class* cls, std::string_view name, NativeFn fn);
void define_value(VM& vm, Module* m, std::string_view name, Value v);
// str_format() is str.format(*args, **kwargs) for the format string fmt.
bool str_format(VM& vm, std::string_view fmt, const CallArgs& a, uint32_t first, std::string& out);
// percent_format() is `fmt % args`.
bool percent_format(VM& vm, std::string_view fmt, Value args, std::string& out);

}  // namespace lib
}  // namespace interleave
