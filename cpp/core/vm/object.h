#pragma once
// Heap objects. Every object starts with Obj (its kind, GC mark and the intrusive list
// the collector sweeps). Builtin types and user classes are both Class objects, so
// attribute lookup, isinstance and method calls follow one path for all values.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "vm/value.h"

namespace interleave {

class VM;
struct Class;
struct Str;
struct Dict;
struct Code;  // compiled code object, defined by the compiler (lang/bytecode.h)

// ObjKind tells which C++ struct an Obj is; Python-level type is Obj::cls / VM::type_of().
enum class ObjKind : uint8_t {
  Str,
  List,
  Tuple,
  Dict,
  Set,
  Range,
  Slice,
  Function,
  NativeFunction,
  BoundMethod,
  Class,
  Instance,
  Module,
  Cell,
  Generator,
  Iterator,
  CodeObj,
  StaticMethod,
  ClassMethod,
  Property,
  Super,
  BigInt,
  Bytes,  // bytes and bytearray (vm/bytes.h)
};

struct Obj {
  static void* operator new(std::size_t bytes) { return obj_pool::allocate(bytes); }
  static void operator delete(void* p, std::size_t bytes) { obj_pool::release(p, bytes); }
  ObjKind kind;
  bool marked = false;
  uint8_t sub = 0;          // sub: 1 on a built-in object of a user subclass (class Stack(list)); see VM::subclass_of
  uint32_t uid = 0;         // allocation counter: id(), default hash and repr use it, never the address
  Obj* next_obj = nullptr;  // all objects, for the sweep
  explicit Obj(ObjKind k) : kind(k) {}
  virtual ~Obj() = default;
  // trace() marks the Values and Objs this object refers to.
  virtual void trace(VM& vm) = 0;
  // size() is the bytes charged against the memory limit (approximate, stable).
  virtual size_t size() const = 0;
};

struct Str : Obj {
  std::string s;        // UTF-8
  uint64_t hash = 0;    // 0 until computed
  uint32_t length = 0;  // code points; equals s.size() when ascii
  bool ascii = true;
  bool interned = false;  // this is the VM's interned copy of its text (VM::intern)
  Str() : Obj(ObjKind::Str) {}
  void trace(VM&) override {}
  size_t size() const override { return sizeof(Str) + s.capacity(); }
};

// Bytes is a bytes object, or a bytearray when mutable; its operations are in vm/bytes.cpp.
struct Bytes : Obj {
  std::string data;
  uint64_t hash = 0;      // 0 until computed (bytes only)
  bool mutable_ = false;  // bytearray
  Bytes() : Obj(ObjKind::Bytes) {}
  void trace(VM&) override {}
  size_t size() const override { return sizeof(Bytes) + data.capacity(); }
};

struct List : Obj {
  ValueVec items;
  List() : Obj(ObjKind::List) {}
  void trace(VM& vm) override;
  size_t size() const override { return sizeof(List) + items.capacity() * sizeof(Value); }
};

struct Tuple : Obj {
  ValueVec items;
  Tuple() : Obj(ObjKind::Tuple) {}
  void trace(VM& vm) override;
  size_t size() const override { return sizeof(Tuple) + items.capacity() * sizeof(Value); }
};

// Dict is insertion-ordered (like CPython): entries in order, an open-addressing index
// of positions; deleted entries are tombstoned and compacted on resize.
struct Dict : Obj {
  struct Entry {
    Value key;
    Value value;
    uint64_t hash;
    bool live;
  };
  using Entries = std::vector<Entry, PoolAllocator<Entry>>;
  Entries entries;
  std::vector<int32_t, PoolAllocator<int32_t>> index;  // -1 empty, -2 deleted, else position in entries
  uint32_t count = 0;
  // keys changes whenever a key is added or removed or entries move (not when a value is
  // replaced): LOAD_GLOBAL's cache of a builtin checks that the globals still lack the name.
  uint32_t keys = 0;
  // keymask has bit (hash & 63) set for every key added since the dict was last emptied
  // (deletions leave bits set): a clear bit proves a key absent without probing, which is
  // how LOAD_METHOD sees that an instance does not shadow its class's method.
  uint64_t keymask = 0;
  Dict() : Obj(ObjKind::Dict) {}
  void trace(VM& vm) override;
  size_t size() const override { return sizeof(Dict) + entries.capacity() * sizeof(Entry) + index.capacity() * 4; }
};

// Set reuses Dict's table with values unused; frozen marks a frozenset.
struct Set : Obj {
  Dict* table = nullptr;
  bool frozen = false;
  Set() : Obj(ObjKind::Set) {}
  void trace(VM& vm) override;
  size_t size() const override { return sizeof(Set); }
};

struct Range : Obj {
  int64_t start = 0, stop = 0, step = 1;
  Range() : Obj(ObjKind::Range) {}
  void trace(VM&) override {}
  size_t size() const override { return sizeof(Range); }
};

struct Slice : Obj {
  Value start, stop, step;
  Slice() : Obj(ObjKind::Slice) {}
  void trace(VM& vm) override;
  size_t size() const override { return sizeof(Slice); }
};

struct Cell : Obj {
  Value value;
  bool empty = true;
  Cell() : Obj(ObjKind::Cell) {}
  void trace(VM& vm) override;
  size_t size() const override { return sizeof(Cell); }
};

struct CodeObj : Obj {
  const Code* code = nullptr;  // owned by the Program, which outlives every object
  CodeObj() : Obj(ObjKind::CodeObj) {}
  void trace(VM&) override {}
  size_t size() const override { return sizeof(CodeObj); }
};

struct Module;

struct Function : Obj {
  const Code* code = nullptr;
  Str* name = nullptr;
  Str* qualname = nullptr;
  Dict* globals = nullptr;
  Module* module = nullptr;
  ValueVec defaults;           // positional defaults
  Dict* kwdefaults = nullptr;  // keyword-only defaults, may be null
  std::vector<Cell*> closure;  // free variables
  Dict* attrs = nullptr;       // function attributes, created on demand
  Value doc;
  Function() : Obj(ObjKind::Function) {}
  void trace(VM& vm) override;
  size_t size() const override {
    return sizeof(Function) + defaults.capacity() * sizeof(Value) + closure.capacity() * sizeof(void*);
  }
};

// CallArgs is how built-ins receive arguments: positional values then keyword pairs.
// For a method, args[0] is self. Pointers are valid only during the call.
struct CallArgs {
  const Value* args = nullptr;
  uint32_t nargs = 0;
  const Str* const* kwnames = nullptr;  // nkw names, parallel to kwvalues
  const Value* kwvalues = nullptr;
  uint32_t nkw = 0;
};

// NativeFn is a built-in's body: it stores its result in out and returns true, or
// sets the VM's pending exception (vm.raise...) and returns false.
using NativeFn = bool (*)(VM& vm, const CallArgs& args, Value& out);

struct NativeFunction : Obj {
  NativeFn fn = nullptr;
  Str* name = nullptr;
  Value self;  // bound receiver for built-in methods (none if unbound)
  bool has_self = false;
  bool check_free = false;  // CPython 3.11 specialises its calls into forms without an eval-breaker check
  Value data;               // per-function payload for natives that need state (e.g. a bound module)
  NativeFunction() : Obj(ObjKind::NativeFunction) {}
  void trace(VM& vm) override;
  size_t size() const override { return sizeof(NativeFunction); }
};

struct BoundMethod : Obj {
  Value self;
  Value func;
  BoundMethod() : Obj(ObjKind::BoundMethod) {}
  void trace(VM& vm) override;
  size_t size() const override { return sizeof(BoundMethod); }
};

// Class is both a user class and a builtin type (int, str, list, Exception, ...).
struct Class : Obj {
  Str* name = nullptr;
  std::vector<Class*> bases;
  std::vector<Class*> mro;  // C3 linearisation, self first
  Dict* dict = nullptr;     // methods and class attributes
  Module* module = nullptr;
  bool builtin = false;       // a built-in type: instances are not Instance objects
  bool is_exception = false;  // BaseException or a subclass
  bool no_dict = false;       // no_dict: __slots__ all the way up, so instances have no __dict__
  Class* meta = nullptr;      // meta: the metaclass when it is not type
  Class() : Obj(ObjKind::Class) {}
  void trace(VM& vm) override;
  size_t size() const override { return sizeof(Class) + mro.capacity() * sizeof(void*); }
};

// TracebackEntry is one frame of an exception's traceback.
// file points at the frame's Code::filename (programs outlive exceptions); null means the main program.
struct TracebackEntry {
  std::string function;
  uint32_t line;
  const std::string* file = nullptr;
};

// ExceptionData holds what BaseException instances carry besides their attributes.
struct ExceptionData {
  // traceback_innermost_first grows at its end as the exception leaves each frame, so a
  // traceback of n frames costs n appends, not n front insertions.
  std::vector<TracebackEntry> traceback_innermost_first;
  Value cause;    // __cause__ (raise ... from ...)
  Value context;  // __context__
  bool suppress_context = false;
};

struct Instance : Obj {
  Class* cls = nullptr;
  Dict* attrs = nullptr;         // __dict__
  ExceptionData* exc = nullptr;  // non-null for exception instances (owned)
  Value native;                  // payload for instances of built-in-backed classes (e.g. Lock)
  Instance() : Obj(ObjKind::Instance) {}
  ~Instance() override { delete exc; }
  void trace(VM& vm) override;
  size_t size() const override { return sizeof(Instance) + (exc ? sizeof(ExceptionData) : 0); }
};

struct Module : Obj {
  Str* name = nullptr;
  Dict* dict = nullptr;
  Module() : Obj(ObjKind::Module) {}
  void trace(VM& vm) override;
  size_t size() const override { return sizeof(Module); }
};

struct StaticMethod : Obj {
  Value func;
  StaticMethod() : Obj(ObjKind::StaticMethod) {}
  void trace(VM& vm) override;
  size_t size() const override { return sizeof(StaticMethod); }
};
struct ClassMethod : Obj {
  Value func;
  ClassMethod() : Obj(ObjKind::ClassMethod) {}
  void trace(VM& vm) override;
  size_t size() const override { return sizeof(ClassMethod); }
};
struct Property : Obj {
  Value fget, fset, fdel;
  Value doc;
  Property() : Obj(ObjKind::Property) {}
  void trace(VM& vm) override;
  size_t size() const override { return sizeof(Property); }
};
struct Super : Obj {
  Class* start = nullptr;
  Value self;
  Super() : Obj(ObjKind::Super) {}
  void trace(VM& vm) override;
  size_t size() const override { return sizeof(Super); }
};

// IterKind tells what an Iterator walks; built-in iteration never calls back into Python.
enum class IterKind : uint8_t {
  List,
  Tuple,
  Str,
  Range,
  DictKeys,
  DictValues,
  DictItems,
  Set,
  Enumerate,
  Zip,
  Map,
  Filter,
  Reversed,
  Callable,
  Bytes,
};

struct Iterator : Obj {
  IterKind ikind;
  Value source;      // the container or the wrapped iterator(s)
  ValueVec sources;  // zip/map: several iterators
  Value func;        // map/filter function
  int64_t pos = 0, end = 0, step = 1;
  Iterator(IterKind k) : Obj(ObjKind::Iterator), ikind(k) {}
  void trace(VM& vm) override;
  size_t size() const override { return sizeof(Iterator) + sources.capacity() * sizeof(Value); }
};

struct Frame;  // vm/frame.h

// Generator is a suspended Python frame: generators, coroutines and async generators.
enum class GenKind : uint8_t { Generator, Coroutine, AsyncGenerator };
struct Generator : Obj {
  GenKind gkind = GenKind::Generator;
  Frame* frame = nullptr;  // owned; null once finished
  Str* name = nullptr;
  bool running = false;
  bool started = false;
  Generator() : Obj(ObjKind::Generator) {}
  ~Generator() override;
  void trace(VM& vm) override;
  size_t size() const override;
};

}  // namespace interleave
