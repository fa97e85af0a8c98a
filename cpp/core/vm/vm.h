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
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "lang/ast.h"
#include "lang/bytecode.h"
#include "vm/object.h"
#include "vm/ptr_map.h"
#include "vm/sim_context.h"
#include "vm/task.h"
#include "vm/value.h"

namespace interleave {

struct CodeRuntime;  // vm/code_runtime.h: the VM's per-code cache
struct AttrCache;

// FrozenCache keeps compiled standard-library modules for many VMs in turn (the explorer's
// runs); it must outlive them. Compiling does not touch a VM, so a cached module is the same.
struct FrozenCache {
  std::unordered_map<std::string, std::unique_ptr<Program>> programs;
};

// VmConfig holds the engine limits of one run.
struct VmConfig {
  uint64_t memory_limit = 256ull * 1024 * 1024;  // bytes of live objects before MemoryError
  uint32_t recursion_limit = 1000;               // Python frames per task before RecursionError
  uint64_t step_limit = 100'000'000;             // instructions before StepLimitError
  bool trace_lines = true;                       // report Line events through SimContext::line()
  FrozenCache* frozen_cache = nullptr;           // not owned; null: each VM compiles its own
};

// Names are interned strings the core and the library look attributes up by.
struct Names {
  Str *init, *new_, *call, *enter, *exit, *aenter, *aexit, *getattr, *class_, *name, *qualname, *module, *doc, *dict,
      *classcell, *iter, *next, *await, *aiter, *anext, *str, *repr, *cause, *context, *traceback, *suppress_context,
      *main, *args, *send, *throw_, *close, *mro, *bases, *self, *func, *defaults, *value, *hash, *eq, *len, *bool_,
      *contains, *getitem, *setitem, *delitem, *builtins, *property, *setter, *getter, *deleter, *get_, *set_, *delete_;
};

// Types holds every built-in type object; user classes are created at run time.
struct Types {
  Class *object, *type, *none_type, *bool_, *int_, *float_, *str, *list, *tuple, *dict, *set, *frozenset, *range,
      *slice, *function, *builtin_function, *method, *module, *generator, *coroutine, *async_generator, *cell, *code,
      *iterator, *property, *staticmethod, *classmethod, *super_;
  Class *bytes, *bytearray;
  // Exceptions, a subset of CPython's hierarchy with the same parents.
  Class *base_exception, *exception, *system_exit, *keyboard_interrupt, *generator_exit, *stop_iteration,
      *stop_async_iteration, *arithmetic_error, *zero_division_error, *overflow_error, *assertion_error,
      *attribute_error, *lookup_error, *index_error, *key_error, *name_error, *unbound_local_error, *type_error,
      *value_error, *runtime_error, *recursion_error, *not_implemented_error, *memory_error, *import_error,
      *module_not_found_error, *os_error, *timeout_error, *unicode_error, *cancelled_error, *step_limit_error;
  Class *unicode_decode_error, *unicode_encode_error;
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
  List* new_list(ValueVec items = {});
  Tuple* new_tuple(ValueVec items = {});
  Dict* new_dict();
  Set* new_set(bool frozen = false);
  Value str_value(std::string_view s) { return Value::object(new_str(s)); }
  NativeFunction* new_native(std::string_view name, NativeFn fn);
  // new_class() makes a built-in type or an exception class with C3 MRO computed.
  Class* new_class(std::string_view name, std::vector<Class*> bases, bool builtin);
  Module* new_module(std::string_view name);
  // define_method() adds a native method to a (built-in) class's dict.
  NativeFunction* define_method(Class* cls, std::string_view name, NativeFn fn);
  void define_global(std::string_view name, Value v);  // into builtins

  const Types& types() const { return types_; }
  Class* type_of(Value v) const;
  bool isinstance(Value v, Class* cls) const;
  bool is_subclass(Class* sub, Class* base) const;

  // ---- instances of subclasses of built-in types, descriptors, __slots__ (vm/subclass.cpp) ----
  // subclass_of() is the user class of a built-in object with Obj::sub set (class Stack(list)).
  Class* subclass_of(const Obj* o) const;
  // adopt() makes the fresh built-in object o an instance of the user class cls.
  void adopt(Obj* o, Class* cls);
  Dict*& subclass_attrs(const Obj* o) { return subclassed_[o].attrs; }
  bool sub_get_attr(Value obj, Str* name, Value& out);
  bool sub_set_attr(Value obj, Str* name, Value v);
  bool sub_del_attr(Value obj, Str* name);
  // data_descriptor() is true for a class attribute that wins over the instance dict:
  // a property, a slot, or an object whose type has __set__ or __delete__.
  bool data_descriptor(Value d);
  // descriptor_get/set/delete run d's __get__/__set__/__delete__ for obj; handled=false when d has none.
  bool descriptor_get(Value d, Value obj, Class* cls, Value& out, bool& handled);
  bool descriptor_set(Value d, Value obj, Value v, bool& handled);
  bool descriptor_delete(Value d, Value obj, bool& handled);
  // make_slots() turns a class body's __slots__ into slot descriptors and sets Class::no_dict.
  bool make_slots(Class* cls);
  void set_member_descriptor(Class* c) { member_descriptor_ = c; }
  // number_payload() is the int or float inside an instance of an int/float subclass (else v):
  // what int's and float's own methods (bit_length, is_integer) receive as self.
  Value number_payload(Value v) const;

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
  // lookup_type_attr() finds name along cls's MRO without binding; null if absent. The
  // method cache's hit is inline: sites that see many classes (a method called on each of
  // several subclasses) miss their instruction's cache and come here millions of times.
  bool lookup_type_attr(Class* cls, Str* name, Value& out) const {
    const MethodCacheEntry& e = method_cache_[method_cache_index(cls, name)];
    if (e.cls_uid == cls->uid && e.name_uid == name->uid && e.epoch == class_epoch_) {
      out = e.value;
      return e.found;
    }
    return lookup_type_attr_slow(cls, name, out);
  }
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
  bool to_str(Value v, std::string& out);                         // str()
  bool to_repr(Value v, std::string& out);                        // repr()
  bool format(Value v, std::string_view spec, std::string& out);  // format(v, spec)
  bool get_iter(Value v, Value& out);
  // next() sets done=true at exhaustion (StopIteration is not raised for built-ins).
  bool next(Value iter, Value& out, bool& done);
  // pair_iterator() is true for iterators whose items are pairs built for the loop to unpack
  // (enumerate, dict items, zip of two); next_pair() gives the pair without the tuple.
  static bool pair_iterator(const Iterator* it);
  bool next_pair(Iterator* it, Value& first, Value& second, bool& done);
  bool table_next(Iterator* it, const Dict::Entry*& e);
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
  // import_submodule imports package.name for `from package import name`; out stays null if there is none.
  bool import_submodule(Module* package, Str* name, Value& out);

  // ---- runtime services for natives (core; backed by SimContext) ----
  SimContext& ctx() { return ctx_; }
  Task* current_task() const { return current_; }
  // current_line() is the source line of the instruction being executed (for print events).
  uint32_t current_line() const;
  // reserve() checks that bytes more would fit under the memory limit before a large
  // allocation (e.g. [0] * n); it raises MemoryError and returns false if not.
  bool reserve(size_t bytes);
  // grow() charges bytes more of a live object's backing store (a list's items growing past
  // their capacity) to the memory limit before it grows; MemoryError and false if they don't fit.
  bool grow(size_t bytes);
  // charge_steps() counts n steps of a native's own work (a regex match); past the step
  // limit it raises StepLimitError the way a runaway loop is stopped, and returns false.
  bool charge_steps(uint64_t n);
  // stop_run() ends the run from inside a native once the host's limit is reached (output):
  // it unwinds every frame past all handlers, as the step limit does, and returns false.
  bool stop_run();
  // aborting() is true once a limit has ended the run (stop_run, the step limit).
  bool aborting() const { return abort_; }
  // gen_send() resumes a generator with value (nested run); done=true when it returns.
  bool gen_send(Generator* gen, Value value, Value& out, bool& done);

  // ---- GC plumbing (core) ----
  void mark(Value v);
  void mark(Obj* o);
  void mark_frame(Frame* f);
  // add_root() keeps v alive across collections (for runtimes holding values outside tasks).
  void add_root(Value v) { extra_roots_.push_back(v); }
  // A nested loop collects only when every nested loop below it was entered safely: by a
  // native called straight from Python code that opened a NestedCollect (list(gen),
  // tuple(gen)) and resumes the generator it gathers, with nothing else in C++ between. Other
  // natives keep C++ temporaries the collector cannot see, so nested loops under them leave
  // collection to the outer loop (docs/RUNTIME.md, "Memory").
  class NestedCollect {
   public:
    // items is the native's growing result; iterable is rooted while the scope lasts.
    NestedCollect(VM& vm, const ValueVec* items, Value iterable);
    ~NestedCollect();
    NestedCollect(const NestedCollect&) = delete;
    NestedCollect& operator=(const NestedCollect&) = delete;
    // gather() names the generator whose resumptions may collect (the iterable's iterator).
    void gather(Generator* g);

   private:
    VM& vm_;
    int64_t saved_level_;
    Generator* saved_gen_;
    bool safe_;
  };
  // TempRoot keeps one value alive while it is in scope (an iterator a native made).
  class TempRoot {
   public:
    TempRoot(VM& vm, Value v) : vm_(vm) { vm.temp_roots_.push_back(v); }
    ~TempRoot() { vm_.temp_roots_.pop_back(); }
    TempRoot(const TempRoot&) = delete;
    TempRoot& operator=(const TempRoot&) = delete;

   private:
    VM& vm_;
  };
  // nested_gc_allowed() tells whether a nested loop may collect now.
  bool nested_gc_allowed() const { return unsafe_nests_ == 0; }

  // ---- execution (core) ----
  // configure() sets the run's limits; call it before start_main().
  void configure(const VmConfig& config);
  const VmConfig& config() const { return config_; }
  // modules() lists the imported modules in import order (sys.modules).
  const std::vector<std::pair<std::string, Module*>>& modules() const { return modules_; }
  // ModuleTable is one simulated process's imports and its __main__ (multiprocessing).
  struct ModuleTable {
    std::vector<std::pair<std::string, Module*>> modules;
    Module* main = nullptr;
  };
  // swap_modules() exchanges the installed module table with table (a process switch).
  void swap_modules(ModuleTable& table) {
    std::swap(modules_, table.modules);
    std::swap(main_module_, table.main);
  }
  // run_main_as() runs the program's top level in a new module called name that is also
  // __main__ (a spawned process re-importing the main program as __mp_main__).
  bool run_main_as(std::string_view name, Value& out);
  // start_main() creates module __main__ for program and task 0 ("MainThread") running it.
  // The program must outlive the VM.
  Task* start_main(const Program& program);
  // spawn_task() creates a task whose first frame calls callable(*args).
  Task* spawn_task(std::string name, Value callable, ValueVec args, uint32_t parent);
  // run_task() executes at most budget instructions of task and says why it stopped.
  RunStatus run_task(Task* task, uint64_t budget);
  // request_block() makes the running task stop after the current instruction (RunStatus::Blocked).
  void request_block() { block_requested_ = true; }
  // The eval breaker (CPython 3.11's): while set, the outermost run loop stops at the next
  // point where CPython checks it (docs/RUNTIME.md, "Where threads switch"): after a backward
  // jump, on entering a Python function or resuming a generator after a plain `yield`, and
  // after a call to a built-in that CPython 3.11 does not specialise into a check-free form.
  // run_task() then returns RunStatus::Budget and took_break() is true until the next run.
  void set_eval_breaker(bool on) { eval_breaker_ = on; }
  bool took_break() const { return took_break_; }
  // nesting() is how many nested run loops are active: a native called at nesting() > 0
  // cannot stop its task with request_block(), so a runtime must wait for it in place.
  uint32_t nesting() const { return native_depth_; }
  // pause_gc() holds collections off while natives up the C++ stack keep unrooted values
  // (a runtime running other tasks from inside a native).
  void pause_gc(bool paused) { gc_paused_ = paused; }
  // request_gc() asks for a collection at the next Python call or loop jump of the outermost loop (weakref).
  void request_gc() { gc_requested_ = true; }
  const std::vector<Task*>& tasks() const { return tasks_; }
  // Counters the runtime turns into simulated time.
  uint64_t steps() const { return steps_; }
  uint64_t python_calls() const { return python_calls_; }
  uint64_t native_calls() const { return native_calls_; }
  uint64_t allocations() const { return allocations_; }
  uint64_t heap_bytes() const { return bytes_; }
  Module* main_module() const { return main_module_; }
  Dict* builtins() const { return builtins_; }
  // current_globals() is the running frame's globals (for globals()); null outside a frame.
  Dict* current_globals() const;
  // current_locals() builds a dict of the running frame's locals (for locals() and vars()).
  bool current_locals(Value& out);
  const Names& names() const { return names_; }
  // ellipsis_value() is the `...` singleton.
  Value ellipsis_value();

  // ---- exception reporting (core) ----
  ExceptionData* exception_data(Value exc) const;
  // format_exception() is CPython's traceback text for exc, chained causes included;
  // source_lines[i] is line i+1 of the program (shown stripped under each frame).
  std::string format_exception(Value exc, const std::vector<std::string>& source_lines);
  // exception_type_name() is the type as a traceback names it: "ValueError", "queue.Empty"
  // (module-qualified unless the class is built in or defined in __main__).
  std::string exception_type_name(Value exc);
  // exception_message() is str(exc) without raising (falls back to the type name).
  std::string exception_message(Value exc);
  bool is_step_limit(Value exc) const;

 private:
  friend struct Interp;
  void register_object(Obj* o);
  SimContext& ctx_;
  Types types_{};
  Task* current_ = nullptr;

  // The core's private state: heap, interned strings, modules, tasks and counters.
  enum class Invoke : uint8_t { Done, Frame, Error };
  Class* new_class_raw(std::string_view name, std::vector<Class*> bases, bool builtin);
  bool compute_mro(Class* cls);
  void init_names();
  void init_types();
  void init_core_methods();
  CodeRuntime* prepare(const Code* code);
  Frame* acquire_frame(const Code* code);
  void release_frame(Frame* f);
  // take_frame() and give_frame() are their inline bodies (vm/frame_pool.h), for the run loop.
  Frame* take_frame(const Code* code, CodeRuntime* rt);
  void give_frame(Frame* f);
  void grow_frame(Frame* f, uint32_t size);
  bool push_function(Function* fn, Value* args, uint32_t nargs, const Str* const* kwnames, uint32_t nkw,
                     Value& generator_out, bool& pushed);
  bool bind_arguments(Function* fn, Frame* f, Value* args, uint32_t nargs, const Str* const* kwnames, uint32_t nkw);
  Invoke invoke(Value callable, Value* args, uint32_t nargs, const Str* const* kwnames, uint32_t nkw, Value& out);
  Invoke construct(Class* cls, Value* args, uint32_t nargs, const Str* const* kwnames, uint32_t nkw, Value& out);
  bool call_native(NativeFunction* nf, Value* args, uint32_t nargs, const Str* const* kwnames, uint32_t nkw,
                   Value& out);
  bool run_nested(Value& out);
  bool gen_resume_nested(Generator* gen, Value value, bool throw_pending, Value& out, bool& done);
  RunStatus execute(Task* t, int64_t budget, bool nested, Value* out, bool throw_pending);
  // build_class runs a class statement's end: kw holds its keywords (metaclass=, __init_subclass__'s).
  bool build_class(Value name, Value bases, Dict* ns, Value& out, Dict* kw = nullptr);
  bool finish_class(Class* cls, Dict* kw);
  bool make_class(Value name, Value bases, Dict* ns, Value& out, Dict* kw, Class* meta);
  bool bind_descriptor(Value descr, Value self, Class* cls, Value& out, bool& is_property);
  bool load_method(Value obj, Str* name, Value& meth, Value& self);
  bool super_lookup(Super* sup, Str* name, Value& out);
  bool special_attr(Value obj, Str* name, Value& out, bool& found);
  bool lookup_name_in(Dict* d, Str* name, Value& out);
  // name_slot() is name's entry position in d, -1 when absent, -2 when only a full lookup can tell.
  int32_t name_slot(const Dict* d, Str* name) const;
  // is_member_descriptor() is true for a __slots__ member (vm/subclass.cpp makes them);
  // slot_entry() is the instruction fast path to its value (vm/interp.cpp).
  bool is_member_descriptor(Value d) const {
    return d.is_obj() && d.o->kind == ObjKind::Instance && static_cast<Instance*>(d.o)->cls == member_descriptor_;
  }
  int32_t slot_entry(const Instance* in, Value d, uint32_t& hint) const;
  // cached_type_attr() is lookup_type_attr() through an instruction's inline cache.
  bool cached_type_attr(AttrCache& c, Class* cls, Str* name, Value& out) const;
  // module_entry() and class_attr() are LOAD_ATTR's and LOAD_METHOD's fast paths for a module
  // and a class object (vm/interp.cpp); false sends the instruction to get_attr.
  bool module_entry(AttrCache& c, const Module* m, Str* name, Value& out) const;
  bool class_attr(AttrCache& c, Class* cls, Str* name, Value& out) const;
  // concat_str() is a new string x + y, its length and ascii flag taken from the parts.
  Str* concat_str(const Str* x, const Str* y);
  void store_name_in(Dict* d, Str* name, Value v);
  // add_absent_name() is store_name_in() for a name known to be absent from d (an instance's
  // new attribute): no probe for it first. The entry's position, or -1 if it went through
  // store_name_in after all (a dict too large for the shortcut's memory check).
  int32_t add_absent_name(Dict* d, Str* name, Value v);
  bool delete_name_in(Dict* d, Str* name);
  bool raise_name_error(Str* name);
  std::string function_str(Value callable);
  void add_traceback(Value exc, Frame* f);
  void set_context(Value exc, Task* t);
  Value make_exception_noinit(Class* type, std::string message);
  bool do_import(Str* name, Value& out);
  // import_statement() is an `import` in code from `filename`: the scheduler's kernel module
  // is the library's own, so user code gets ModuleNotFoundError for it.
  bool import_statement(Str* name, const std::string& filename, Value& out);
  // import_frozen() imports a module embedded from cpp/core/stdlib (vm/frozen.cpp); found is
  // false when no such module is embedded.
  bool import_frozen(Str* name, Value& out, bool& found);
  void collect_garbage();
  void mark_roots();
  bool check_memory();
  Value step_limit_exception();
  bool native_super(const CallArgs& args, Value& out);
  static bool n_object_new(VM& vm, const CallArgs& a, Value& out);
  static bool n_object_init(VM& vm, const CallArgs& a, Value& out);
  static bool n_object_init_subclass(VM& vm, const CallArgs& a, Value& out);
  static bool n_type_new(VM& vm, const CallArgs& a, Value& out);
  static bool n_type_call(VM& vm, const CallArgs& a, Value& out);
  static bool n_type_instancecheck(VM& vm, const CallArgs& a, Value& out);
  static bool n_type_subclasscheck(VM& vm, const CallArgs& a, Value& out);
  static bool n_super_new(VM& vm, const CallArgs& a, Value& out);
  static bool n_staticmethod_new(VM& vm, const CallArgs& a, Value& out);
  static bool n_classmethod_new(VM& vm, const CallArgs& a, Value& out);
  static bool n_property_new(VM& vm, const CallArgs& a, Value& out);
  static bool n_property_setter(VM& vm, const CallArgs& a, Value& out);
  static bool n_property_getter(VM& vm, const CallArgs& a, Value& out);
  static bool n_property_deleter(VM& vm, const CallArgs& a, Value& out);
  static bool n_gen_send(VM& vm, const CallArgs& a, Value& out);
  static bool n_gen_next(VM& vm, const CallArgs& a, Value& out);
  static bool n_gen_iter(VM& vm, const CallArgs& a, Value& out);
  static bool n_gen_throw(VM& vm, const CallArgs& a, Value& out);
  static bool n_gen_close(VM& vm, const CallArgs& a, Value& out);
  // Async generators: __anext__/asend/athrow/aclose return an awaitable that resumes the
  // generator and turns its wrapped yields into StopIteration(value) for the awaiter.
  Value make_asend(Generator* gen, int mode, Value arg);
  bool asend_step(Instance* aw, bool throwing, Value value, Value& out);
  static bool n_agen_aiter(VM& vm, const CallArgs& a, Value& out);
  static bool n_agen_anext(VM& vm, const CallArgs& a, Value& out);
  static bool n_agen_asend(VM& vm, const CallArgs& a, Value& out);
  static bool n_agen_athrow(VM& vm, const CallArgs& a, Value& out);
  static bool n_agen_aclose(VM& vm, const CallArgs& a, Value& out);
  static bool n_asend_send(VM& vm, const CallArgs& a, Value& out);
  static bool n_asend_next(VM& vm, const CallArgs& a, Value& out);
  static bool n_asend_throw(VM& vm, const CallArgs& a, Value& out);
  static bool n_asend_close(VM& vm, const CallArgs& a, Value& out);
  Class* agen_wrapped_cls_ = nullptr;  // marks an async generator's yielded value
  Class* agen_asend_cls_ = nullptr;    // the awaitable of __anext__/asend/athrow/aclose

  Names names_{};
  VmConfig config_{};
  Obj* objects_ = nullptr;
  size_t bytes_ = 0;
  // kMinGcThreshold is the fewest bytes allocated between collections. It is small so that
  // a program with a small live heap sweeps its garbage and reuses the freed memory while
  // both are still in the CPU cache: at 8 MB, regex took 1.6x and nqueens 1.5x the time of 1 MB.
  static constexpr size_t kMinGcThreshold = 1u << 20;
  size_t gc_threshold_ = kMinGcThreshold;
  bool gc_requested_ = false;
  uint32_t next_uid_ = 0;
  std::unordered_map<std::string_view, Str*> interned_;  // lookup only, never iterated for output
  std::vector<Str*> interned_list_;
  Dict* builtins_ = nullptr;
  std::vector<std::pair<std::string, Module*>> modules_;
  std::vector<std::unique_ptr<Program>> frozen_programs_;  // compiled stdlib modules, owned for the VM's life
  bool gc_paused_ = false;
  Module* main_module_ = nullptr;
  const Program* program_ = nullptr;
  std::vector<Task*> tasks_;
  // frame_pool_ keeps released frames for reuse, up to kFramePoolMax (a fixed array: a
  // call and its return each touch it, and vector's push_back was not inlined).
  static constexpr uint32_t kFramePoolMax = 256;
  Frame* frame_pool_[kFramePoolMax];
  uint32_t frame_pool_size_ = 0;
  std::vector<std::unique_ptr<CodeRuntime>> code_runtimes_;
  Value pending_ = Value::null();
  bool block_requested_ = false;
  bool eval_breaker_ = false;
  bool took_break_ = false;
  bool abort_ = false;  // an engine limit is unwinding: handlers are skipped
  bool making_exception_ = false;
  uint64_t steps_ = 0;
  uint64_t python_calls_ = 0;
  uint64_t native_calls_ = 0;
  uint64_t allocations_ = 0;
  uint32_t native_depth_ = 0;
  uint64_t class_epoch_ = 1;
  // subclassed_ holds the class and __dict__ of each built-in object with Obj::sub set (vm/subclass.cpp).
  struct SubclassInfo {
    Class* cls;
    Dict* attrs;
  };
  PtrMap<Obj, SubclassInfo> subclassed_;
  Class* member_descriptor_ = nullptr;
  Class* meta_call_bypass_ = nullptr;  // meta_call_bypass_: type.__call__ constructing past its metaclass's __call__
  bool nested_returned_ = false;       // set by a nested loop: the entry frame returned (vs yielded)
  std::vector<Obj*> gray_;
  ValueVec extra_roots_;  // values a runtime keeps alive (add_root)
  // Nested collection (NestedCollect): temp_roots_ and temp_vectors_ are the values natives
  // keep in C++ while Python runs below them; safe_level_ is the native depth whose native
  // opened a NestedCollect (-1: none); unsafe_nests_ counts nested loops entered by any other
  // native; natives_active_ counts the native calls in progress at the current depth.
  ValueVec temp_roots_;
  std::vector<const ValueVec*> temp_vectors_;
  int64_t safe_level_ = -1;
  Generator* safe_gen_ = nullptr;
  uint32_t unsafe_nests_ = 0;
  uint32_t natives_active_ = 0;
  // enter_nested()/leave_nested() bracket a nested loop's execute(); resumed is the generator
  // it resumes (null for a call).
  struct NestedState {
    bool unsafe;
    uint32_t natives;
  };
  NestedState enter_nested(const Generator* resumed);
  void leave_nested(NestedState s);
  // NativeCall counts a call in progress from invoke() or call() (natives_active_).
  struct NativeCall {
    explicit NativeCall(VM& vm) : vm_(vm) { ++vm.natives_active_; }
    ~NativeCall() { --vm_.natives_active_; }
    VM& vm_;
  };
  size_t live_objects_ = 0;
  uint64_t gc_countdown_ = 1u << 20;  // back-edges until a collection that catches in-place growth
  struct MethodCacheEntry {
    uint32_t cls_uid;
    uint32_t name_uid;
    uint64_t epoch;
    Value value;
    bool found;
  };
  mutable std::vector<MethodCacheEntry> method_cache_;
  size_t method_cache_index(const Class* cls, const Str* name) const {
    return ((static_cast<size_t>(cls->uid) * 2654435761u) ^ (static_cast<size_t>(name->uid) * 40503u)) &
           (method_cache_.size() - 1);
  }
  bool lookup_type_attr_slow(Class* cls, Str* name, Value& out) const;
  Task* idle_task_ = nullptr;  // runs vm.call() made while no task is current
  NativeFunction* object_new_ = nullptr;
  NativeFunction* object_init_ = nullptr;
};

}  // namespace interleave
