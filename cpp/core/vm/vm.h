#pragma once
// VM is one Python interpreter instance: the heap, the type objects, the module table
// and the tasks. It is stackless: every task's frames live on the heap, and run_task()
// executes a bounded number of instructions and returns, so a scheduler can interleave
// tasks after any instruction.
//
// This header has two halves with different owners:
//  - the core (vm.cpp, interp.cpp, gc.cpp, call.cpp, attr.cpp, exceptions.cpp):
//    allocation, GC, frames, tasks, calls, attributes, classes, exceptions;
//  - the protocol and library (ops.cpp, format.cpp, builtins*.cpp, str_methods.cpp,
//    containers.cpp, modules/*.cpp): arithmetic, comparison, hashing, str/repr,
//    iteration, formatting, built-in functions, methods of built-in types, modules.
// Both halves use only the public members below.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lang/ast.h"
#include "vm/object.h"
#include "vm/sim_context.h"
#include "vm/value.h"

namespace interleave {

struct Task;        // vm/task.h: one thread or coroutine driver with its frame stack

// Types holds every built-in type object; user classes are created at run time.
struct Types {
  Class *object, *type, *none_type, *bool_, *int_, *float_, *str, *list, *tuple, *dict,
      *set, *frozenset, *range, *slice, *function, *builtin_function, *method, *module,
      *generator, *coroutine, *async_generator, *cell, *code, *iterator, *property,
      *staticmethod, *classmethod, *super_;
  // Exceptions, a subset of CPython's hierarchy with the same parents.
  Class *base_exception, *exception, *system_exit, *keyboard_interrupt, *generator_exit,
      *stop_iteration, *stop_async_iteration, *arithmetic_error, *zero_division_error,
      *overflow_error, *assertion_error, *attribute_error, *lookup_error, *index_error,
      *key_error, *name_error, *unbound_local_error, *type_error, *value_error,
      *runtime_error, *recursion_error, *not_implemented_error, *memory_error,
      *import_error, *module_not_found_error, *os_error, *timeout_error,
      *unicode_error, *cancelled_error, *step_limit_error;
};

class VM {
 public:
  explicit VM(SimContext& ctx);
  ~VM();
  VM(const VM&) = delete;
  VM& operator=(const VM&) = delete;

  // ---- allocation (core) ----
  // alloc() creates a GC-managed object and charges its size to the memory limit.
  // Collection only happens at instruction boundaries, so natives never need to root
  // the temporaries they hold.
  template <class T, class... A>
  T* alloc(A&&... a) {
    T* p = new T(static_cast<A&&>(a)...);
    register_object(p);
    return p;
  }
  Str* new_str(std::string_view s);
  Str* intern(std::string_view s);  // shared Str for names and identifiers
  List* new_list(std::vector<Value> items = {});
  Tuple* new_tuple(std::vector<Value> items = {});
  Dict* new_dict();
  Set* new_set(bool frozen = false);
  Value str_value(std::string_view s) { return Value::object(new_str(s)); }
  NativeFunction* new_native(std::string_view name, NativeFn fn);
  // new_class() makes a built-in type or an exception class with C3 MRO computed.
  Class* new_class(std::string_view name, std::vector<Class*> bases, bool builtin);
  Module* new_module(std::string_view name);
  // define_method() adds a native method to a (built-in) class's dict.
  void define_method(Class* cls, std::string_view name, NativeFn fn);
  void define_global(std::string_view name, Value v);  // into builtins

  const Types& types() const { return types_; }
  Class* type_of(Value v) const;
  bool isinstance(Value v, Class* cls) const;
  bool is_subclass(Class* sub, Class* base) const;

  // ---- exceptions (core) ----
  // raise() sets the pending exception to type(message) and returns false, so natives
  // can write `return vm.raise(vm.types().type_error, "...");`.
  bool raise(Class* type, std::string message);
  bool raise_value(Value exception);  // an exception instance or class
  bool has_exception() const;
  Value pending_exception() const;
  void clear_exception();
  Value make_exception(Class* type, std::string message);

  // ---- calls and attributes (core) ----
  // call() calls any callable. Python functions run to completion in a nested loop
  // (used by built-ins like sorted(key=...)); the bytecode CALL path doesn't use it.
  bool call(Value callable, const CallArgs& args, Value& out);
  bool call(Value callable, std::initializer_list<Value> args, Value& out);
  bool get_attr(Value obj, Str* name, Value& out);
  bool set_attr(Value obj, Str* name, Value v);
  bool del_attr(Value obj, Str* name);
  bool has_attr(Value obj, Str* name, bool& out);
  // lookup_type_attr() finds name along cls's MRO without binding; null if absent.
  bool lookup_type_attr(Class* cls, Str* name, Value& out) const;
  // call_method() looks up a dunder on type(self) and calls it; found=false if absent.
  bool call_method(Value self, Str* name, std::initializer_list<Value> args, Value& out, bool& found);

  // ---- protocol (library: ops.cpp) ----
  bool truthy(Value v, bool& out);
  bool binary_op(ast::BinOpKind op, Value a, Value b, Value& out);
  bool inplace_op(ast::BinOpKind op, Value a, Value b, Value& out);
  bool unary_op(ast::UnaryOpKind op, Value v, Value& out);
  bool compare(ast::CmpOpKind op, Value a, Value b, Value& out);
  bool equals(Value a, Value b, bool& out);
  bool less_than(Value a, Value b, bool& out);
  bool hash(Value v, uint64_t& out);
  bool to_str(Value v, std::string& out);    // str()
  bool to_repr(Value v, std::string& out);   // repr()
  bool format(Value v, std::string_view spec, std::string& out);  // format(v, spec)
  bool get_iter(Value v, Value& out);
  // next() sets done=true at exhaustion (StopIteration is not raised for built-ins).
  bool next(Value iter, Value& out, bool& done);
  bool get_item(Value container, Value key, Value& out);
  bool set_item(Value container, Value key, Value v);
  bool del_item(Value container, Value key);
  bool contains(Value container, Value item, bool& out);
  bool length(Value v, int64_t& out);
  // Dict helpers with Python equality (may call __eq__/__hash__).
  bool dict_get(Dict* d, Value key, Value& out, bool& found);
  bool dict_set(Dict* d, Value key, Value v);
  bool dict_del(Dict* d, Value key, bool& found);
  // type_name() is the Python-visible name of v's type ("int", "MyClass").
  std::string type_name(Value v) const;

  // ---- modules (core resolves, library provides native modules) ----
  bool import_module(std::string_view name, Value& out);

  // ---- runtime services for natives (core; backed by SimContext) ----
  SimContext& ctx() { return ctx_; }
  Task* current_task() const { return current_; }
  // current_line() is the source line of the instruction being executed (for print events).
  uint32_t current_line() const;
  // reserve() checks that bytes more would fit under the memory limit before a large
  // allocation (e.g. [0] * n); it raises MemoryError and returns false if not.
  bool reserve(size_t bytes);
  // gen_send() resumes a generator with value (nested run); done=true when it returns.
  bool gen_send(Generator* gen, Value value, Value& out, bool& done);

  // ---- GC plumbing (core) ----
  void mark(Value v);
  void mark(Obj* o);

 private:
  void register_object(Obj* o);
  SimContext& ctx_;
  Types types_{};
  Task* current_ = nullptr;
  // The core adds its private state below (heap list, bytes, modules, tasks, ...).
};

}  // namespace interleave
