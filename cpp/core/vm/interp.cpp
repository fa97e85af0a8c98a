// The run loop: executes a task's frames one instruction at a time until the budget
// runs out, the task blocks, finishes or raises. Python calls push heap frames in this
// same loop (no C++ recursion); built-ins that call back into Python run a nested loop.
#include <cstring>
#include <string>

#include "vm/code_runtime.h"
#include "vm/frame.h"
#include "vm/frame_pool.h"
#include "vm/library.h"
#include "vm/match.h"
#include "vm/task.h"
#include "vm/vm.h"

// INTERLEAVE_COMPUTED_GOTO: GCC's threaded dispatch; clang rejects indirect gotos past
// initialised locals, and in wasm both forms lower to the same br_table anyway.
#if defined(__GNUC__) && !defined(__clang__)
#define INTERLEAVE_COMPUTED_GOTO 1
#else
#define INTERLEAVE_COMPUTED_GOTO 0
#endif

#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)

namespace interleave {

namespace {

constexpr int64_t kExactDouble = int64_t{1} << 53;

enum : int { kAdd, kSub, kMul, kDiv, kFloorDiv, kMod, kPow, kLShift, kRShift, kOr, kXor, kAnd, kMatMul };

inline bool is_kind(Value v, ObjKind k) { return v.tag == Tag::Obj && v.o && v.o->kind == k; }

// delegate_throw: a generator suspended in `await` / `yield from` passes a thrown exception
// on to the generator it waits for, as CPython's gen.throw() does. It pushes that chain of
// frames onto t and returns the innermost, where the exception is raised.
Frame* delegate_throw(Task* t, Frame* f) {
  for (;;) {
    uint32_t pc = f->pc();
    const uint32_t* code = f->code->code.data();
    if (pc < 2 || instr_op(code[pc - 1]) != OpCode::YIELD_VALUE || instr_op(code[pc - 2]) != OpCode::SEND) return f;
    Value sub = f->sp[-1];
    if (!is_kind(sub, ObjKind::Generator)) return f;
    Generator* g = static_cast<Generator*>(sub.o);
    if (!g->frame || g->running || !g->started || g->gkind == GenKind::AsyncGenerator) return f;
    f->ip = code + pc - 1;  // as if SEND had just resumed g: its yield or return lands here
    g->running = true;
    t->frames.push_back(g->frame);
    f = g->frame;
  }
}

// resume_checks: a frame resumed at ip runs CPython's RESUME check, which 3.11 does at a
// function's start and after a plain `yield`, not after the yield inside `await`/`yield from`.
inline bool resume_checks(const uint32_t* ip, const uint32_t* code_base) {
  size_t pc = static_cast<size_t>(ip - code_base);
  return pc < 2 || instr_op(ip[-1]) != OpCode::YIELD_VALUE || instr_op(ip[-2]) != OpCode::SEND;
}

// check_free_call: CPython 3.11 runs these calls (once specialised: len(x), isinstance(x, t),
// type(x), lst.append(x)) without the eval-breaker check its other calls end with.
inline bool check_free_call(Value c, uint32_t n, const Class* type_cls) {
  if (c.tag != Tag::Obj || !c.o || n == 0) return false;
  if (c.o->kind == ObjKind::NativeFunction) return static_cast<NativeFunction*>(c.o)->check_free;
  return n == 1 && c.o == type_cls;
}

// fast_binop handles int and float operands inline: 1 done, 0 not handled, -1 overflow (the slow path makes a big int).
template <int K>
__attribute__((always_inline)) inline int fast_binop(Value a, Value b, Value& out) {
  if (a.tag == Tag::Int && b.tag == Tag::Int) {
    int64_t x = a.i, y = b.i, r;
    if constexpr (K == kAdd) {
      if (__builtin_add_overflow(x, y, &r)) return -1;
      out = Value::integer(r);
      return 1;
    } else if constexpr (K == kSub) {
      if (__builtin_sub_overflow(x, y, &r)) return -1;
      out = Value::integer(r);
      return 1;
    } else if constexpr (K == kMul) {
      if (__builtin_mul_overflow(x, y, &r)) return -1;
      out = Value::integer(r);
      return 1;
    } else if constexpr (K == kDiv) {
      if (y == 0 || x > kExactDouble || x < -kExactDouble || y > kExactDouble || y < -kExactDouble) return 0;
      out = Value::number(static_cast<double>(x) / static_cast<double>(y));
      return 1;
    } else if constexpr (K == kFloorDiv) {
      if (y == 0 || (x == INT64_MIN && y == -1)) return 0;
      r = x / y;
      if ((x % y != 0) && ((x < 0) != (y < 0))) --r;
      out = Value::integer(r);
      return 1;
    } else if constexpr (K == kMod) {
      if (y == 0) return 0;
      if (y == -1) {
        out = Value::integer(0);
        return 1;
      }
      r = x % y;
      if (r != 0 && ((r < 0) != (y < 0))) r += y;
      out = Value::integer(r);
      return 1;
    } else if constexpr (K == kOr) {
      out = Value::integer(x | y);
      return 1;
    } else if constexpr (K == kXor) {
      out = Value::integer(x ^ y);
      return 1;
    } else if constexpr (K == kAnd) {
      out = Value::integer(x & y);
      return 1;
    } else {
      return 0;
    }
  }
  if constexpr (K == kAdd || K == kSub || K == kMul || K == kDiv) {
    double x, y;
    if (a.tag == Tag::Float) {
      x = a.f;
    } else if (a.tag == Tag::Int) {
      x = static_cast<double>(a.i);
    } else {
      return 0;
    }
    if (b.tag == Tag::Float) {
      y = b.f;
    } else if (b.tag == Tag::Int) {
      y = static_cast<double>(b.i);
    } else {
      return 0;
    }
    if (a.tag == Tag::Int && b.tag == Tag::Int) return 0;
    if constexpr (K == kAdd) out = Value::number(x + y);
    if constexpr (K == kSub) out = Value::number(x - y);
    if constexpr (K == kMul) out = Value::number(x * y);
    if constexpr (K == kDiv) {
      if (y == 0.0) return 0;
      out = Value::number(x / y);
    }
    return 1;
  }
  return 0;
}

// fast_truth is the truth of common values without a call: 1, 0 or -1 (ask the VM).
inline int fast_truth(Value v) {
  switch (v.tag) {
    case Tag::None: return 0;
    case Tag::Bool: return v.b ? 1 : 0;
    case Tag::Int: return v.i != 0;
    case Tag::Float: return v.f != 0.0;
    case Tag::Obj:
      if (v.o->sub) return -1;
      switch (v.o->kind) {
        case ObjKind::Str: return !static_cast<Str*>(v.o)->s.empty();
        case ObjKind::List: return !static_cast<List*>(v.o)->items.empty();
        case ObjKind::Tuple: return !static_cast<Tuple*>(v.o)->items.empty();
        case ObjKind::Dict: return static_cast<Dict*>(v.o)->count != 0;
        case ObjKind::Function:
        case ObjKind::Class:
        case ObjKind::Module:
        case ObjKind::NativeFunction:
        case ObjKind::BoundMethod: return 1;
        default: return -1;
      }
  }
  return -1;
}

// ascii_escape turns non-ASCII code points of a repr into \x, \u or \U escapes (ascii()).
std::string ascii_escape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    uint32_t cp = 0;
    int len = (c >= 0xF0) ? 4 : (c >= 0xE0) ? 3 : 2;
    cp = c & (0xFF >> (len + 1));
    for (int k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += len;
    char buf[16];
    if (cp < 0x100) {
      std::snprintf(buf, sizeof buf, "\\x%02x", cp);
    } else if (cp < 0x10000) {
      std::snprintf(buf, sizeof buf, "\\u%04x", cp);
    } else {
      std::snprintf(buf, sizeof buf, "\\U%08x", cp);
    }
    out += buf;
  }
  return out;
}

}  // namespace

// OPCODE_LIST keeps its hand layout: clang-format 14 cannot lay out an X-macro list stably.
// clang-format off
#define OPCODE_LIST(X)                                                                                  \
  X(NOP) X(POP_TOP) X(ROT_TWO) X(ROT_THREE) X(ROT_FOUR) X(DUP_TOP) X(DUP_TOP_TWO) X(LOAD_CONST)        \
  X(LOAD_FAST) X(LOAD_FAST_CHECK) X(STORE_FAST) X(DELETE_FAST) X(LOAD_GLOBAL) X(STORE_GLOBAL)          \
  X(DELETE_GLOBAL) X(LOAD_NAME) X(STORE_NAME) X(DELETE_NAME) X(LOAD_DEREF) X(STORE_DEREF)              \
  X(DELETE_DEREF) X(LOAD_CLOSURE) X(LOAD_CLASSDEREF) X(LOAD_ATTR) X(STORE_ATTR) X(DELETE_ATTR)         \
  X(LOAD_METHOD) X(BINARY_SUBSCR) X(STORE_SUBSCR) X(DELETE_SUBSCR) X(BUILD_SLICE) X(BINARY_ADD)        \
  X(BINARY_SUBTRACT) X(BINARY_MULTIPLY) X(BINARY_TRUE_DIVIDE) X(BINARY_FLOOR_DIVIDE) X(BINARY_MODULO)  \
  X(BINARY_POWER) X(BINARY_LSHIFT) X(BINARY_RSHIFT) X(BINARY_OR) X(BINARY_XOR) X(BINARY_AND)           \
  X(BINARY_MATRIX_MULTIPLY) X(INPLACE_ADD) X(INPLACE_SUBTRACT) X(INPLACE_MULTIPLY)                     \
  X(INPLACE_TRUE_DIVIDE) X(INPLACE_FLOOR_DIVIDE) X(INPLACE_MODULO) X(INPLACE_POWER) X(INPLACE_LSHIFT)  \
  X(INPLACE_RSHIFT) X(INPLACE_OR) X(INPLACE_XOR) X(INPLACE_AND) X(INPLACE_MATRIX_MULTIPLY)             \
  X(UNARY_NOT) X(UNARY_NEGATIVE) X(UNARY_POSITIVE) X(UNARY_INVERT) X(COMPARE_EQ) X(COMPARE_NE)         \
  X(COMPARE_LT) X(COMPARE_LE) X(COMPARE_GT) X(COMPARE_GE) X(IS_OP) X(CONTAINS_OP) X(JUMP)             \
  X(JUMP_BACKWARD) X(POP_JUMP_IF_FALSE) X(POP_JUMP_IF_TRUE) X(JUMP_IF_FALSE_OR_POP)                    \
  X(JUMP_IF_TRUE_OR_POP) X(GET_ITER) X(FOR_ITER) X(BUILD_TUPLE) X(BUILD_LIST) X(BUILD_SET)             \
  X(BUILD_MAP) X(BUILD_STRING) X(LIST_APPEND) X(SET_ADD) X(MAP_ADD) X(LIST_EXTEND) X(SET_UPDATE)       \
  X(DICT_UPDATE) X(DICT_MERGE) X(LIST_TO_TUPLE) X(UNPACK_SEQUENCE) X(UNPACK_EX) X(FORMAT_VALUE)        \
  X(MAKE_FUNCTION) X(KW_NAMES) X(CALL) X(CALL_METHOD) X(CALL_FUNCTION_EX) X(RETURN_VALUE)              \
  X(YIELD_VALUE) X(GET_YIELD_FROM_ITER) X(SEND) X(GET_AWAITABLE) X(GET_AITER) X(GET_ANEXT)             \
  X(END_ASYNC_FOR) X(BEFORE_ASYNC_WITH) X(SETUP_FINALLY) X(SETUP_WITH) X(POP_BLOCK) X(POP_EXCEPT)      \
  X(RERAISE) X(CHECK_EXC_MATCH) X(BEFORE_WITH) X(WITH_EXCEPT_START) X(RAISE_VARARGS)                   \
  X(LOAD_ASSERTION_ERROR) X(IMPORT_NAME) X(IMPORT_FROM) X(IMPORT_STAR) X(CALL_CLASS_BODY)              \
  X(BUILD_CLASS) X(LOAD_LOCALS) X(ASYNC_GEN_WRAP) X(COPY) X(SWAP) X(GET_LEN) X(MATCH_MAPPING)          \
  X(MATCH_SEQUENCE) X(MATCH_KEYS) X(MATCH_CLASS) X(CHECK_EG_MATCH) X(PREP_RERAISE_STAR)
// clang-format on

__attribute__((always_inline)) inline bool VM::cached_type_attr(AttrCache& c, Class* cls, Str* name, Value& out) const {
  if (LIKELY(c.cls_uid == cls->uid && c.epoch == class_epoch_)) {
    out = c.value;
    return c.found;
  }
  if (c.cls_uid_b == cls->uid && c.epoch_b == class_epoch_) {
    out = c.value_b;
    return c.found_b;
  }
  c.cls_uid_b = c.cls_uid;
  c.epoch_b = c.epoch;
  c.value_b = c.value;
  c.found_b = c.found;
  bool found = lookup_type_attr(cls, name, out);
  c.cls_uid = cls->uid;
  c.epoch = class_epoch_;
  c.value = found ? out : Value();
  c.found = found;
  return found;
}

Str* VM::concat_str(const Str* x, const Str* y) {
  Str* r = alloc<Str>();
  bytes_ -= r->size();
  r->s.reserve(x->s.size() + y->s.size());
  r->s.append(x->s);
  r->s.append(y->s);
  bytes_ += r->size();
  r->ascii = x->ascii && y->ascii;
  r->length = x->length + y->length;
  if (bytes_ > gc_threshold_) gc_requested_ = true;
  return r;
}

namespace {
// slot_hit: d's entry at the cached position still holds the interned key name.
__attribute__((always_inline)) inline bool slot_hit(const Dict* d, uint32_t slot, const Str* name) {
  if (slot >= d->entries.size()) return false;
  const Dict::Entry& e = d->entries[slot];
  return e.key.tag == Tag::Obj && e.key.o == name && e.live && d->index.size() != 2;
}

}  // namespace

// module_entry() is a module attribute through the instruction's cached entry position
// (`math.sqrt`, `asyncio.sleep`): what get_attr finds first in the module's dict.
__attribute__((always_inline)) inline bool VM::module_entry(AttrCache& c, const Module* m, Str* name,
                                                            Value& out) const {
  const Dict* d = m->dict;
  if (LIKELY(slot_hit(d, c.slot, name))) {
    out = d->entries[c.slot].value;
    return true;
  }
  int32_t ix = name_slot(d, name);
  if (ix < 0) return false;
  c.slot = static_cast<uint32_t>(ix);
  out = d->entries[static_cast<size_t>(ix)].value;
  return true;
}

// class_attr() is an attribute of a class object (`Strength.REQUIRED`, a static method)
// through the instruction's type cache, when get_attr would return the MRO's entry with no
// call: not one of the names get_attr answers first, not a class method (a new bound
// method) and not an object whose class defines __get__.
__attribute__((always_inline)) inline bool VM::class_attr(AttrCache& c, Class* cls, Str* name, Value& out) const {
  Value d;
  if (!cached_type_attr(c, cls, name, d) || name == names_.name || name == names_.mro || name == names_.bases ||
      name == names_.dict || name == names_.class_)
    return false;
  if (!d.is_obj()) {
    out = d;
    return true;
  }
  switch (d.o->kind) {
    case ObjKind::StaticMethod: out = static_cast<StaticMethod*>(d.o)->func; return true;
    case ObjKind::ClassMethod: return false;
    case ObjKind::Instance: {
      Class* dc = static_cast<Instance*>(d.o)->cls;
      Value g;
      if (dc == member_descriptor_ || lookup_type_attr(dc, names_.get_, g)) return false;
      out = d;
      return true;
    }
    default: out = d; return true;
  }
}

// slot_entry: the position in in's __slots__ storage of the slot that member descriptor d
// (found on in's class) names, or -1 when the generic path must decide (no storage yet,
// the slot unset, an int or float subclass). The cache's slot is a hint checked by slot_hit.
__attribute__((always_inline)) inline int32_t VM::slot_entry(const Instance* in, Value d, uint32_t& hint) const {
  if (!is_kind(in->native, ObjKind::Dict)) return -1;
  const Dict* a = static_cast<const Dict*>(in->native.o);
  const Str* name =
      static_cast<const Str*>(static_cast<const Tuple*>(static_cast<Instance*>(d.o)->native.o)->items[0].o);
  if (LIKELY(slot_hit(a, hint, name))) return static_cast<int32_t>(hint);
  int32_t ix = name_slot(a, const_cast<Str*>(name));
  if (ix >= 0) hint = static_cast<uint32_t>(ix);
  return ix >= 0 ? ix : -1;
}

RunStatus VM::execute(Task* t, int64_t budget, bool nested, Value* result, bool throw_pending) {
#if INTERLEAVE_COMPUTED_GOTO
  static const void* targets[256];
  static bool targets_ready = false;
  if (UNLIKELY(!targets_ready)) {
    for (auto& p : targets) p = &&L_BAD;
#define SET_TARGET(op) targets[static_cast<int>(OpCode::op)] = &&L_##op;
    OPCODE_LIST(SET_TARGET)
#undef SET_TARGET
    targets_ready = true;
  }
#endif

  Frame* f = t->frames.back();
  const uint32_t* ip = nullptr;
  const uint32_t* code_base = nullptr;
  Value* sp = nullptr;
  Value* locals = nullptr;
  const Value* consts = nullptr;
  Str* const* names = nullptr;
  int64_t left = budget;
  int64_t synced = budget;
  uint64_t call_mark = 0;
  uint32_t w = 0;
  const Str* const* kwnames = nullptr;
  uint32_t nkw = 0;
  bool reraise = false;
  bool ok = false;
  const bool trace = config_.trace_lines;
  Value callable;
  Value* call_args = nullptr;
  uint32_t call_n = 0;
  Value* result_slot = nullptr;
  Value tmp;
  Invoke r = Invoke::Done;
  ValueVec ex_args;
  std::vector<Str*> ex_names;

#define LOAD_FRAME()                  \
  do {                                \
    ip = f->ip;                       \
    sp = f->sp;                       \
    locals = f->slots;                \
    consts = f->rt->consts.data();    \
    names = f->rt->names.data();      \
    code_base = f->code->code.data(); \
  } while (0)
#define SAVE_FRAME() \
  do {               \
    f->ip = ip;      \
    f->sp = sp;      \
  } while (0)
#define SYNC()                                      \
  do {                                              \
    steps_ += static_cast<uint64_t>(synced - left); \
    synced = left;                                  \
  } while (0)
#define BEGIN_LIB()     \
  do {                  \
    SAVE_FRAME();       \
    SYNC();             \
    call_mark = steps_; \
  } while (0)
#define END_LIB()                                       \
  do {                                                  \
    if (UNLIKELY(steps_ != call_mark)) {                \
      left -= static_cast<int64_t>(steps_ - call_mark); \
      synced = left;                                    \
    }                                                   \
  } while (0)
#define ARG() (w >> kArgShift)
// CHECK_BREAKER is CPython 3.11's CHECK_EVAL_BREAKER(): the outermost loop stops here when
// the scheduler has asked the running thread to drop the GIL (VM::set_eval_breaker).
#define CHECK_BREAKER()                                     \
  do {                                                      \
    if (UNLIKELY(eval_breaker_) && !nested) goto break_out; \
  } while (0)
// WARMUP is 3.11's _PyCode_Warmup() at RESUME and JUMP_BACKWARD (CodeRuntime::warmup).
#define WARMUP()                                       \
  do {                                                 \
    if (UNLIKELY(f->rt->warmup != 0)) ++f->rt->warmup; \
  } while (0)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define ERROR() goto error
#define RAISE(cls, msg)  \
  do {                   \
    SAVE_FRAME();        \
    raise((cls), (msg)); \
    goto error;          \
  } while (0)

#if INTERLEAVE_COMPUTED_GOTO
#define TARGET(op) L_##op:
#define DISPATCH()                                    \
  do {                                                \
    if (UNLIKELY(left <= 0)) goto budget_out;         \
    --left;                                           \
    w = *ip++;                                        \
    if (UNLIKELY(w & kLineStartBit)) goto line_start; \
    goto* targets[w & kOpMask];                       \
  } while (0)
#define DISPATCH_OP() goto* targets[w & kOpMask]
#else
#define TARGET(op) case OpCode::op:
#define DISPATCH() goto dispatch
#define DISPATCH_OP() goto dispatch_op
#endif
// DISPATCH_PLAIN leaves a handler whose C++ locals have destructors: a computed goto
// out of their scope would skip them.
#define DISPATCH_PLAIN() goto dispatch

  LOAD_FRAME();
  if (throw_pending) {
    f = delegate_throw(t, f);
    LOAD_FRAME();
    goto error;
  }

dispatch:
  if (UNLIKELY(left <= 0)) goto budget_out;
  --left;
  w = *ip++;
  if (UNLIKELY(w & kLineStartBit)) goto line_start;
#if !INTERLEAVE_COMPUTED_GOTO
dispatch_op:
#endif
#if INTERLEAVE_COMPUTED_GOTO
  goto* targets[w & kOpMask];
#else
  switch (static_cast<OpCode>(w & kOpMask)) {
#endif

  TARGET(NOP) { DISPATCH(); }
  TARGET(POP_TOP) {
    --sp;
    DISPATCH();
  }
  TARGET(ROT_TWO) {
    Value a = sp[-1];
    sp[-1] = sp[-2];
    sp[-2] = a;
    DISPATCH();
  }
  TARGET(ROT_THREE) {
    Value a = sp[-1];
    sp[-1] = sp[-2];
    sp[-2] = sp[-3];
    sp[-3] = a;
    DISPATCH();
  }
  TARGET(ROT_FOUR) {
    Value a = sp[-1];
    sp[-1] = sp[-2];
    sp[-2] = sp[-3];
    sp[-3] = sp[-4];
    sp[-4] = a;
    DISPATCH();
  }
  TARGET(DUP_TOP) {
    Value a = sp[-1];
    PUSH(a);
    DISPATCH();
  }
  TARGET(DUP_TOP_TWO) {
    Value a = sp[-2], b = sp[-1];
    PUSH(a);
    PUSH(b);
    DISPATCH();
  }
  TARGET(LOAD_CONST) {
    PUSH(consts[ARG()]);
    DISPATCH();
  }
  TARGET(LOAD_FAST) {
    PUSH(locals[ARG()]);
    DISPATCH();
  }
  TARGET(LOAD_FAST_CHECK) {
    Value v = locals[ARG()];
    if (UNLIKELY(v.is_null())) {
      RAISE(types_.unbound_local_error,
            "cannot access local variable '" + f->rt->varnames[ARG()]->s + "' where it is not associated with a value");
    }
    PUSH(v);
    DISPATCH();
  }
  TARGET(STORE_FAST) {
    locals[ARG()] = POP();
    DISPATCH();
  }
  TARGET(DELETE_FAST) {
    if (locals[ARG()].is_null()) {
      RAISE(types_.unbound_local_error,
            "cannot access local variable '" + f->rt->varnames[ARG()]->s + "' where it is not associated with a value");
    }
    locals[ARG()] = Value::null();
    DISPATCH();
  }
  TARGET(LOAD_GLOBAL) {
    Str* name = names[ARG()];
    {
      Dict* g = f->globals;
      AttrCache& cache = f->rt->attr_cache[static_cast<size_t>(ip - 1 - code_base)];
      if (LIKELY(slot_hit(g, cache.slot, name))) {
        PUSH(g->entries[cache.slot].value);
        DISPATCH();
      }
      // A builtin found before, with neither dict's keys changed since: the globals still
      // lack the name and the builtins' entry is where it was.
      uint64_t versions = (static_cast<uint64_t>(g->keys) << 32) | builtins_->keys;
      if (cache.found && cache.cls_uid == g->uid && cache.epoch == versions) {
        PUSH(builtins_->entries[cache.slot2].value);
        DISPATCH();
      }
      int32_t ix = name_slot(g, name);
      if (ix >= 0) {
        cache.slot = static_cast<uint32_t>(ix);
        PUSH(g->entries[static_cast<size_t>(ix)].value);
        DISPATCH();
      }
      if (ix == -1) {  // -1: no str key equal to name (other negatives mean keys of other types)
        int32_t bx = name_slot(builtins_, name);
        if (bx >= 0) {
          cache.found = true;
          cache.cls_uid = g->uid;
          cache.epoch = versions;
          cache.slot2 = static_cast<uint32_t>(bx);
          PUSH(builtins_->entries[static_cast<size_t>(bx)].value);
          DISPATCH();
        }
      }
    }
    if (lookup_name_in(f->globals, name, tmp) || lookup_name_in(builtins_, name, tmp)) {
      PUSH(tmp);
      DISPATCH();
    }
    SAVE_FRAME();
    raise_name_error(name);
    ERROR();
  }
  TARGET(STORE_GLOBAL) {
    {
      Dict* g = f->globals;
      uint32_t& slot = f->rt->attr_cache[static_cast<size_t>(ip - 1 - code_base)].slot;
      if (LIKELY(slot_hit(g, slot, names[ARG()]))) {
        g->entries[slot].value = POP();
        DISPATCH();
      }
      int32_t ix = name_slot(g, names[ARG()]);
      if (ix >= 0) {
        slot = static_cast<uint32_t>(ix);
        g->entries[static_cast<size_t>(ix)].value = POP();
        DISPATCH();
      }
    }
    store_name_in(f->globals, names[ARG()], POP());
    DISPATCH();
  }
  TARGET(DELETE_GLOBAL) {
    if (!delete_name_in(f->globals, names[ARG()])) {
      SAVE_FRAME();
      raise_name_error(names[ARG()]);
      ERROR();
    }
    DISPATCH();
  }
  TARGET(LOAD_NAME) {
    Str* name = names[ARG()];
    {
      Dict* d0 = f->locals_dict ? f->locals_dict : f->globals;
      uint32_t& slot = f->rt->attr_cache[static_cast<size_t>(ip - 1 - code_base)].slot;
      if (LIKELY(slot_hit(d0, slot, name))) {
        PUSH(d0->entries[slot].value);
        DISPATCH();
      }
      int32_t ix = name_slot(d0, name);
      if (ix >= 0) {
        slot = static_cast<uint32_t>(ix);
        PUSH(d0->entries[static_cast<size_t>(ix)].value);
        DISPATCH();
      }
    }
    if ((f->locals_dict && lookup_name_in(f->locals_dict, name, tmp)) || lookup_name_in(f->globals, name, tmp) ||
        lookup_name_in(builtins_, name, tmp)) {
      PUSH(tmp);
      DISPATCH();
    }
    SAVE_FRAME();
    raise_name_error(name);
    ERROR();
  }
  TARGET(STORE_NAME) {
    {
      Dict* d0 = f->locals_dict ? f->locals_dict : f->globals;
      uint32_t& slot = f->rt->attr_cache[static_cast<size_t>(ip - 1 - code_base)].slot;
      if (LIKELY(slot_hit(d0, slot, names[ARG()]))) {
        d0->entries[slot].value = POP();
        DISPATCH();
      }
      int32_t ix = name_slot(d0, names[ARG()]);
      if (ix >= 0) {
        slot = static_cast<uint32_t>(ix);
        d0->entries[static_cast<size_t>(ix)].value = POP();
        DISPATCH();
      }
    }
    store_name_in(f->locals_dict ? f->locals_dict : f->globals, names[ARG()], POP());
    DISPATCH();
  }
  TARGET(DELETE_NAME) {
    if (!delete_name_in(f->locals_dict ? f->locals_dict : f->globals, names[ARG()])) {
      SAVE_FRAME();
      raise_name_error(names[ARG()]);
      ERROR();
    }
    DISPATCH();
  }
  TARGET(LOAD_DEREF) {
    Cell* c = static_cast<Cell*>(locals[f->rt->nlocals + ARG()].o);
    if (UNLIKELY(c->empty)) {
      const std::string& n = f->rt->cellnames[ARG()]->s;
      if (ARG() < f->code->cellvars.size()) {
        RAISE(types_.unbound_local_error,
              "cannot access local variable '" + n + "' where it is not associated with a value");
      }
      RAISE(types_.name_error,
            "cannot access free variable '" + n + "' where it is not associated with a value in enclosing scope");
    }
    PUSH(c->value);
    DISPATCH();
  }
  TARGET(STORE_DEREF) {
    Cell* c = static_cast<Cell*>(locals[f->rt->nlocals + ARG()].o);
    c->value = POP();
    c->empty = false;
    DISPATCH();
  }
  TARGET(DELETE_DEREF) {
    Cell* c = static_cast<Cell*>(locals[f->rt->nlocals + ARG()].o);
    if (c->empty) {
      RAISE(types_.unbound_local_error, "cannot access local variable '" + f->rt->cellnames[ARG()]->s +
                                            "' where it is not associated with a value");
    }
    c->empty = true;
    c->value = Value::none();
    DISPATCH();
  }
  TARGET(LOAD_CLOSURE) {
    PUSH(locals[f->rt->nlocals + ARG()]);
    DISPATCH();
  }
  TARGET(LOAD_CLASSDEREF) {
    Str* name = f->rt->cellnames[ARG()];
    if (f->locals_dict && lookup_name_in(f->locals_dict, name, tmp)) {
      PUSH(tmp);
      DISPATCH();
    }
    Cell* c = static_cast<Cell*>(locals[f->rt->nlocals + ARG()].o);
    if (c->empty) {
      RAISE(types_.name_error,
            "cannot access free variable '" + name->s + "' where it is not associated with a value in enclosing scope");
    }
    PUSH(c->value);
    DISPATCH();
  }
  TARGET(LOAD_ATTR) {
    Value obj = TOP();
    Str* name = names[ARG()];
    if (is_kind(obj, ObjKind::Instance)) {
      Instance* in = static_cast<Instance*>(obj.o);
      AttrCache& ac = f->rt->attr_cache[static_cast<size_t>(ip - 1 - code_base)];
      Value d;
      bool has_d = cached_type_attr(ac, in->cls, name, d);
      if (Dict* a = in->attrs; a && (!has_d || !data_descriptor(d))) {
        // The instance's own entry, when the class has no attribute of the name or one that is
        // not a data descriptor (a default such as `_state = None`, a method), as in get_attr.
        if (LIKELY(slot_hit(a, ac.slot, name))) {
          TOP() = a->entries[ac.slot].value;
          DISPATCH();
        }
        int32_t ix = name_slot(a, name);
        if (ix >= 0) {
          ac.slot = static_cast<uint32_t>(ix);
          TOP() = a->entries[static_cast<size_t>(ix)].value;
          DISPATCH();
        }
        if (ix == -2 && lookup_name_in(a, name, tmp)) {
          TOP() = tmp;
          DISPATCH();
        }
      } else if (has_d && is_member_descriptor(d)) {
        int32_t ix = slot_entry(in, d, ac.slot);
        if (ix >= 0) {
          TOP() = static_cast<Dict*>(in->native.o)->entries[static_cast<size_t>(ix)].value;
          DISPATCH();
        }
      } else if (has_d && is_kind(d, ObjKind::Property) &&
                 is_kind(static_cast<Property*>(d.o)->fget, ObjKind::Function)) {
        Function* getter = static_cast<Function*>(static_cast<Property*>(d.o)->fget.o);
        f->ip = ip;
        f->sp = sp - 1;
        bool pushed = false;
        if (!push_function(getter, sp - 1, 1, nullptr, 0, tmp, pushed)) ERROR();
        if (!pushed) {
          TOP() = tmp;
          DISPATCH();
        }
        f = t->frames.back();
        LOAD_FRAME();
        DISPATCH();
      }
    } else if (is_kind(obj, ObjKind::Module)) {
      AttrCache& ac = f->rt->attr_cache[static_cast<size_t>(ip - 1 - code_base)];
      if (module_entry(ac, static_cast<Module*>(obj.o), name, tmp)) {
        TOP() = tmp;
        DISPATCH();
      }
    } else if (is_kind(obj, ObjKind::Class)) {
      AttrCache& ac = f->rt->attr_cache[static_cast<size_t>(ip - 1 - code_base)];
      if (class_attr(ac, static_cast<Class*>(obj.o), name, tmp)) {
        TOP() = tmp;
        DISPATCH();
      }
    }
    BEGIN_LIB();
    ok = get_attr(obj, name, tmp);
    END_LIB();
    if (!ok) ERROR();
    TOP() = tmp;
    DISPATCH();
  }
  TARGET(STORE_ATTR) {
    Value obj = POP();
    Value v = POP();
    Str* name = names[ARG()];
    if (is_kind(obj, ObjKind::Instance) && !static_cast<Instance*>(obj.o)->exc) {
      Instance* in = static_cast<Instance*>(obj.o);
      AttrCache& ac = f->rt->attr_cache[static_cast<size_t>(ip - 1 - code_base)];
      Value d;
      bool plain = !cached_type_attr(ac, in->cls, name, d) ||
                   !(d.is_obj() && (d.o->kind == ObjKind::Property || d.o->kind == ObjKind::Instance));
      if (plain && !in->cls->no_dict && name != names_.dict) {
        if (!in->attrs) in->attrs = new_dict();
        Dict* a = in->attrs;
        if (LIKELY(slot_hit(a, ac.slot, name))) {
          a->entries[ac.slot].value = v;
          DISPATCH();
        }
        // A clear keymask bit proves the name absent (a fresh instance's __init__): add it.
        int32_t ix =
            (a->keymask >> ((name->hash ? name->hash : lib::str_hash(name)) & 63)) & 1 ? name_slot(a, name) : -1;
        if (ix >= 0) {
          ac.slot = static_cast<uint32_t>(ix);
          a->entries[static_cast<size_t>(ix)].value = v;
          DISPATCH();
        }
        if (ix == -1) {
          ix = add_absent_name(a, name, v);
          if (ix >= 0) ac.slot = static_cast<uint32_t>(ix);
          DISPATCH();
        }
        store_name_in(a, name, v);
        DISPATCH();
      }
      if (!plain && is_member_descriptor(d)) {
        int32_t ix = slot_entry(in, d, ac.slot);
        if (ix >= 0) {
          static_cast<Dict*>(in->native.o)->entries[static_cast<size_t>(ix)].value = v;
          DISPATCH();
        }
      }
    }
    BEGIN_LIB();
    ok = set_attr(obj, name, v);
    END_LIB();
    if (!ok) ERROR();
    DISPATCH();
  }
  TARGET(DELETE_ATTR) {
    Value obj = POP();
    BEGIN_LIB();
    ok = del_attr(obj, names[ARG()]);
    END_LIB();
    if (!ok) ERROR();
    DISPATCH();
  }
  TARGET(LOAD_METHOD) {
    Value obj = POP();
    Value meth, self;
    if (is_kind(obj, ObjKind::Instance)) {
      Instance* in = static_cast<Instance*>(obj.o);
      Str* name = names[ARG()];
      AttrCache& ac = f->rt->attr_cache[static_cast<size_t>(ip - 1 - code_base)];
      if (cached_type_attr(ac, in->cls, name, meth) && is_kind(meth, ObjKind::Function) &&
          (!in->attrs ||
           !(in->attrs->keymask & (uint64_t{1} << ((name->hash ? name->hash : lib::str_hash(name)) & 63))) ||
           name_slot(in->attrs, name) == -1)) {
        PUSH(meth);
        PUSH(obj);
        DISPATCH();
      }
    } else if (is_kind(obj, ObjKind::Module)) {
      // As load_method: a module's function is called without self.
      AttrCache& ac = f->rt->attr_cache[static_cast<size_t>(ip - 1 - code_base)];
      if (module_entry(ac, static_cast<Module*>(obj.o), names[ARG()], meth)) {
        PUSH(Value::null());
        PUSH(meth);
        DISPATCH();
      }
    } else if (is_kind(obj, ObjKind::Class)) {
      AttrCache& ac = f->rt->attr_cache[static_cast<size_t>(ip - 1 - code_base)];
      if (class_attr(ac, static_cast<Class*>(obj.o), names[ARG()], meth)) {
        PUSH(Value::null());
        PUSH(meth);
        DISPATCH();
      }
    } else if (!obj.is_obj() || (!obj.o->sub && obj.o->kind != ObjKind::Super && obj.o->kind != ObjKind::Function)) {
      // A built-in type's method (`items.append`, `line.split`, `coro.send`), as load_method's
      // last case: the type's function or self-less native is called with the object as self.
      AttrCache& ac = f->rt->attr_cache[static_cast<size_t>(ip - 1 - code_base)];
      if (cached_type_attr(ac, type_of(obj), names[ARG()], meth) &&
          (is_kind(meth, ObjKind::Function) ||
           (is_kind(meth, ObjKind::NativeFunction) && !static_cast<NativeFunction*>(meth.o)->has_self))) {
        PUSH(meth);
        PUSH(obj);
        DISPATCH();
      }
    }
    BEGIN_LIB();
    ok = load_method(obj, names[ARG()], meth, self);
    END_LIB();
    if (!ok) ERROR();
    if (self.is_null()) {
      PUSH(Value::null());
      PUSH(meth);
    } else {
      PUSH(meth);
      PUSH(self);
    }
    DISPATCH();
  }
  TARGET(BINARY_SUBSCR) {
    Value k = POP();
    Value c = TOP();
    if (is_kind(c, ObjKind::List) && k.tag == Tag::Int && !c.o->sub) {
      List* l = static_cast<List*>(c.o);
      int64_t i = k.i;
      int64_t n = static_cast<int64_t>(l->items.size());
      if (i < 0) i += n;
      if (static_cast<uint64_t>(i) < static_cast<uint64_t>(n)) {
        TOP() = l->items[static_cast<size_t>(i)];
        DISPATCH();
      }
    }
    BEGIN_LIB();
    ok = get_item(c, k, tmp);
    END_LIB();
    if (!ok) ERROR();
    TOP() = tmp;
    DISPATCH();
  }
  TARGET(STORE_SUBSCR) {
    Value k = POP();
    Value c = POP();
    Value v = POP();
    if (is_kind(c, ObjKind::List) && k.tag == Tag::Int && !c.o->sub) {
      List* l = static_cast<List*>(c.o);
      int64_t i = k.i;
      int64_t n = static_cast<int64_t>(l->items.size());
      if (i < 0) i += n;
      if (static_cast<uint64_t>(i) < static_cast<uint64_t>(n)) {
        l->items[static_cast<size_t>(i)] = v;
        DISPATCH();
      }
    }
    BEGIN_LIB();
    ok = set_item(c, k, v);
    END_LIB();
    if (!ok) ERROR();
    DISPATCH();
  }
  TARGET(DELETE_SUBSCR) {
    Value k = POP();
    Value c = POP();
    BEGIN_LIB();
    ok = del_item(c, k);
    END_LIB();
    if (!ok) ERROR();
    DISPATCH();
  }
  TARGET(BUILD_SLICE) {
    Slice* s = alloc<Slice>();
    if (ARG() == 3) s->step = POP();
    s->stop = POP();
    s->start = POP();
    PUSH(Value::object(s));
    DISPATCH();
  }

#define BINARY_TARGET(NAME, KIND, INPLACE)                                  \
  TARGET(NAME) {                                                            \
    Value b = sp[-1];                                                       \
    Value a = sp[-2];                                                       \
    Value r; /* not tmp: a local the fast path keeps in registers */        \
    int fr = fast_binop<KIND>(a, b, r);                                     \
    if (LIKELY(fr > 0)) {                                                   \
      --sp;                                                                 \
      sp[-1] = r;                                                           \
      DISPATCH();                                                           \
    }                                                                       \
    if constexpr (KIND == kAdd) {                                           \
      if (is_kind(a, ObjKind::Str) && is_kind(b, ObjKind::Str)) {           \
        Str* x = static_cast<Str*>(a.o);                                    \
        Str* y = static_cast<Str*>(b.o);                                    \
        if (!x->s.empty() && !y->s.empty()) {                               \
          if (!reserve(x->s.size() + y->s.size())) ERROR();                 \
          --sp;                                                             \
          sp[-1] = Value::object(concat_str(x, y));                         \
          DISPATCH();                                                       \
        }                                                                   \
      }                                                                     \
    }                                                                       \
    --sp;                                                                   \
    BEGIN_LIB();                                                            \
    ok = INPLACE ? inplace_op(static_cast<ast::BinOpKind>(KIND), a, b, tmp) \
                 : binary_op(static_cast<ast::BinOpKind>(KIND), a, b, tmp); \
    END_LIB();                                                              \
    if (!ok) ERROR();                                                       \
    sp[-1] = tmp;                                                           \
    DISPATCH();                                                             \
  }
  BINARY_TARGET(BINARY_ADD, kAdd, false)
  BINARY_TARGET(BINARY_SUBTRACT, kSub, false)
  BINARY_TARGET(BINARY_MULTIPLY, kMul, false)
  BINARY_TARGET(BINARY_TRUE_DIVIDE, kDiv, false)
  BINARY_TARGET(BINARY_FLOOR_DIVIDE, kFloorDiv, false)
  BINARY_TARGET(BINARY_MODULO, kMod, false)
  BINARY_TARGET(BINARY_POWER, kPow, false)
  BINARY_TARGET(BINARY_LSHIFT, kLShift, false)
  BINARY_TARGET(BINARY_RSHIFT, kRShift, false)
  BINARY_TARGET(BINARY_OR, kOr, false)
  BINARY_TARGET(BINARY_XOR, kXor, false)
  BINARY_TARGET(BINARY_AND, kAnd, false)
  BINARY_TARGET(BINARY_MATRIX_MULTIPLY, kMatMul, false)
  BINARY_TARGET(INPLACE_ADD, kAdd, true)
  BINARY_TARGET(INPLACE_SUBTRACT, kSub, true)
  BINARY_TARGET(INPLACE_MULTIPLY, kMul, true)
  BINARY_TARGET(INPLACE_TRUE_DIVIDE, kDiv, true)
  BINARY_TARGET(INPLACE_FLOOR_DIVIDE, kFloorDiv, true)
  BINARY_TARGET(INPLACE_MODULO, kMod, true)
  BINARY_TARGET(INPLACE_POWER, kPow, true)
  BINARY_TARGET(INPLACE_LSHIFT, kLShift, true)
  BINARY_TARGET(INPLACE_RSHIFT, kRShift, true)
  BINARY_TARGET(INPLACE_OR, kOr, true)
  BINARY_TARGET(INPLACE_XOR, kXor, true)
  BINARY_TARGET(INPLACE_AND, kAnd, true)
  BINARY_TARGET(INPLACE_MATRIX_MULTIPLY, kMatMul, true)
#undef BINARY_TARGET

  TARGET(UNARY_NOT) {
    int tr = fast_truth(TOP());
    if (UNLIKELY(tr < 0)) {
      bool b;
      BEGIN_LIB();
      ok = truthy(TOP(), b);
      END_LIB();
      if (!ok) ERROR();
      tr = b ? 1 : 0;
    }
    TOP() = Value::boolean(tr == 0);
    DISPATCH();
  }
  TARGET(UNARY_NEGATIVE) {
    Value v = TOP();
    if (v.tag == Tag::Int && v.i != INT64_MIN) {
      TOP() = Value::integer(-v.i);
      DISPATCH();
    }
    if (v.tag == Tag::Float) {
      TOP() = Value::number(-v.f);
      DISPATCH();
    }
    BEGIN_LIB();
    ok = unary_op(ast::UnaryOpKind::USub, v, tmp);
    END_LIB();
    if (!ok) ERROR();
    TOP() = tmp;
    DISPATCH();
  }
  TARGET(UNARY_POSITIVE) {
    Value v = TOP();
    if (v.tag == Tag::Int || v.tag == Tag::Float) DISPATCH();
    BEGIN_LIB();
    ok = unary_op(ast::UnaryOpKind::UAdd, v, tmp);
    END_LIB();
    if (!ok) ERROR();
    TOP() = tmp;
    DISPATCH();
  }
  TARGET(UNARY_INVERT) {
    Value v = TOP();
    if (v.tag == Tag::Int) {
      TOP() = Value::integer(~v.i);
      DISPATCH();
    }
    BEGIN_LIB();
    ok = unary_op(ast::UnaryOpKind::Invert, v, tmp);
    END_LIB();
    if (!ok) ERROR();
    TOP() = tmp;
    DISPATCH();
  }

#define COMPARE_TARGET(NAME, KIND, OPER)                                                           \
  TARGET(NAME) {                                                                                   \
    Value b = sp[-1];                                                                              \
    Value a = sp[-2];                                                                              \
    if (LIKELY(a.tag == Tag::Int && b.tag == Tag::Int)) {                                          \
      --sp;                                                                                        \
      sp[-1] = Value::boolean(a.i OPER b.i);                                                       \
      DISPATCH();                                                                                  \
    }                                                                                              \
    if (a.tag == Tag::Float && b.tag == Tag::Float) {                                              \
      --sp;                                                                                        \
      sp[-1] = Value::boolean(a.f OPER b.f);                                                       \
      DISPATCH();                                                                                  \
    }                                                                                              \
    if (a.tag == Tag::Float && b.tag == Tag::Int && b.i <= kExactDouble && b.i >= -kExactDouble) { \
      --sp;                                                                                        \
      sp[-1] = Value::boolean(a.f OPER static_cast<double>(b.i));                                  \
      DISPATCH();                                                                                  \
    }                                                                                              \
    if (a.tag == Tag::Int && b.tag == Tag::Float && a.i <= kExactDouble && a.i >= -kExactDouble) { \
      --sp;                                                                                        \
      sp[-1] = Value::boolean(static_cast<double>(a.i) OPER b.f);                                  \
      DISPATCH();                                                                                  \
    }                                                                                              \
    --sp;                                                                                          \
    BEGIN_LIB();                                                                                   \
    ok = compare(ast::CmpOpKind::KIND, a, b, tmp);                                                 \
    END_LIB();                                                                                     \
    if (!ok) ERROR();                                                                              \
    sp[-1] = tmp;                                                                                  \
    DISPATCH();                                                                                    \
  }
  COMPARE_TARGET(COMPARE_EQ, Eq, ==)
  COMPARE_TARGET(COMPARE_NE, NotEq, !=)
  COMPARE_TARGET(COMPARE_LT, Lt, <)
  COMPARE_TARGET(COMPARE_LE, LtE, <=)
  COMPARE_TARGET(COMPARE_GT, Gt, >)
  COMPARE_TARGET(COMPARE_GE, GtE, >=)
#undef COMPARE_TARGET

  TARGET(IS_OP) {
    Value b = POP();
    bool same = TOP().is_same(b);
    TOP() = Value::boolean(same != (ARG() != 0));
    DISPATCH();
  }
  TARGET(CONTAINS_OP) {
    Value container = POP();
    Value item = TOP();
    bool in = false;
    BEGIN_LIB();
    ok = contains(container, item, in);
    END_LIB();
    if (!ok) ERROR();
    TOP() = Value::boolean(in != (ARG() != 0));
    DISPATCH();
  }
  TARGET(JUMP) {
    ip = code_base + ARG();
    DISPATCH();
  }
  TARGET(JUMP_BACKWARD) {
    ip = code_base + ARG();
    t->last_line = 0;
    if (UNLIKELY(gc_requested_ || gc_countdown_-- == 0)) {
      if (!nested || nested_gc_allowed()) {
        SAVE_FRAME();
        if (!check_memory()) ERROR();
      } else {
        gc_requested_ = true;
        // A nested loop cannot collect, so what it allocates past the limit is an error now.
        if (UNLIKELY(bytes_ > config_.memory_limit)) {
          SAVE_FRAME();
          reserve(0);
          ERROR();
        }
      }
    }
    WARMUP();
    CHECK_BREAKER();
    DISPATCH();
  }

#define TRUTH_OF(v, out)     \
  do {                       \
    int tr_ = fast_truth(v); \
    if (UNLIKELY(tr_ < 0)) { \
      bool b_;               \
      BEGIN_LIB();           \
      ok = truthy((v), b_);  \
      END_LIB();             \
      if (!ok) ERROR();      \
      tr_ = b_ ? 1 : 0;      \
    }                        \
    (out) = tr_ != 0;        \
  } while (0)

  TARGET(POP_JUMP_IF_FALSE) {
    Value v = POP();
    bool tv;
    if (LIKELY(v.tag == Tag::Bool)) {
      tv = v.b;
    } else {
      TRUTH_OF(v, tv);
    }
    if (!tv) {
      const uint32_t* to = code_base + ARG();
      if (UNLIKELY(to < ip)) {
        ip = to;
        t->last_line = 0;
        CHECK_BREAKER();
      }
      ip = to;
    }
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_TRUE) {
    Value v = POP();
    bool tv;
    if (LIKELY(v.tag == Tag::Bool)) {
      tv = v.b;
    } else {
      TRUTH_OF(v, tv);
    }
    if (tv) {
      const uint32_t* to = code_base + ARG();
      if (UNLIKELY(to < ip)) {
        ip = to;
        t->last_line = 0;
        CHECK_BREAKER();
      }
      ip = to;
    }
    DISPATCH();
  }
  TARGET(JUMP_IF_FALSE_OR_POP) {
    Value v = TOP();
    bool tv;
    TRUTH_OF(v, tv);
    if (!tv) {
      ip = code_base + ARG();
    } else {
      --sp;
    }
    DISPATCH();
  }
  TARGET(JUMP_IF_TRUE_OR_POP) {
    Value v = TOP();
    bool tv;
    TRUTH_OF(v, tv);
    if (tv) {
      ip = code_base + ARG();
    } else {
      --sp;
    }
    DISPATCH();
  }
  TARGET(GET_ITER) {
    Value v = TOP();
    if (is_kind(v, ObjKind::Generator) || is_kind(v, ObjKind::Iterator)) DISPATCH();
    BEGIN_LIB();
    ok = get_iter(v, tmp);
    END_LIB();
    if (!ok) ERROR();
    TOP() = tmp;
    DISPATCH();
  }
  TARGET(FOR_ITER) {
    Value it = TOP();
    if (LIKELY(is_kind(it, ObjKind::Iterator))) {
      Iterator* x = static_cast<Iterator*>(it.o);
      if (x->ikind == IterKind::Range) {
        if (x->end > 0) {
          PUSH(Value::integer(x->pos));
          if (--x->end > 0) x->pos += x->step;
        } else {
          --sp;
          ip = code_base + ARG();
        }
        DISPATCH();
      }
      if (x->ikind == IterKind::List) {
        if (is_kind(x->source, ObjKind::List)) {
          List* l = static_cast<List*>(x->source.o);
          if (x->pos < static_cast<int64_t>(l->items.size())) {
            PUSH(l->items[static_cast<size_t>(x->pos++)]);
            DISPATCH();
          }
          x->source = Value();
        }
        --sp;
        ip = code_base + ARG();
        DISPATCH();
      }
    } else if (is_kind(it, ObjKind::Generator) && static_cast<Generator*>(it.o)->gkind == GenKind::Generator) {
      Generator* g = static_cast<Generator*>(it.o);
      if (!g->frame) {
        --sp;
        ip = code_base + ARG();
        DISPATCH();
      }
      if (g->running) RAISE(types_.value_error, "generator already executing");
      if (t->frames.size() >= config_.recursion_limit)
        RAISE(types_.recursion_error, "maximum recursion depth exceeded");
      if (g->started) {
        *g->frame->sp++ = Value::none();
      } else {
        g->started = true;
      }
      g->running = true;
      SAVE_FRAME();
      t->frames.push_back(g->frame);
      f = g->frame;
      LOAD_FRAME();
      WARMUP();
      if (resume_checks(ip, code_base)) CHECK_BREAKER();
      DISPATCH();
    }
    // `for a, b in enumerate(...)` / `.items()` / `zip(x, y)`: FOR_ITER and the UNPACK_SEQUENCE 2
    // after it run as one, without the pair's tuple. The UNPACK is still counted as a step, and
    // only fused when no line starts at it and the budget would have let it run next, and the
    // tuple's allocation is still counted, so the simulated clock does not change.
    if (is_kind(it, ObjKind::Iterator) && pair_iterator(static_cast<Iterator*>(it.o)) &&
        (*ip & (kOpMask | kLineStartBit)) == static_cast<uint32_t>(OpCode::UNPACK_SEQUENCE) &&
        (*ip >> kArgShift) == 2) {
      bool done = false;
      Value second;
      BEGIN_LIB();
      ok = next_pair(static_cast<Iterator*>(it.o), tmp, second, done);
      END_LIB();
      if (!ok) ERROR();
      if (done) {
        --sp;
        ip = code_base + ARG();
      } else if (LIKELY(left > 0)) {
        --left;
        ++ip;
        ++allocations_;  // the simulated clock charges the tuple as before (CostModel::alloc)
        PUSH(second);
        PUSH(tmp);
      } else {
        PUSH(Value::object(new_tuple({tmp, second})));
      }
      DISPATCH();
    }
    {
      bool done = false;
      BEGIN_LIB();
      ok = next(it, tmp, done);
      END_LIB();
      if (!ok) ERROR();
      if (done) {
        --sp;
        ip = code_base + ARG();
      } else {
        PUSH(tmp);
      }
    }
    DISPATCH();
  }
  TARGET(BUILD_TUPLE) {
    uint32_t n = ARG();
    Tuple* tp = new_tuple(ValueVec(sp - n, sp));
    sp -= n;
    PUSH(Value::object(tp));
    DISPATCH();
  }
  TARGET(BUILD_LIST) {
    uint32_t n = ARG();
    List* l = new_list(ValueVec(sp - n, sp));
    sp -= n;
    PUSH(Value::object(l));
    DISPATCH();
  }
  TARGET(BUILD_SET) {
    uint32_t n = ARG() & ~kBuildSetConstant;
    Value* base = sp - n;
    BEGIN_LIB();
    ok = build_set(*this, base, n, (ARG() & kBuildSetConstant) != 0, tmp);
    END_LIB();
    if (!ok) ERROR();
    sp = base;
    PUSH(tmp);
    DISPATCH();
  }
  TARGET(BUILD_MAP) {
    uint32_t n = ARG();
    Dict* d = new_dict();
    Value* base = sp - 2 * n;
    BEGIN_LIB();
    ok = true;
    for (uint32_t i = 0; i < n && ok; ++i) ok = dict_set(d, base[2 * i], base[2 * i + 1]);
    END_LIB();
    if (!ok) ERROR();
    sp = base;
    PUSH(Value::object(d));
    DISPATCH();
  }
  TARGET(BUILD_STRING) {
    uint32_t n = ARG();
    Value* base = sp - n;
    size_t total = 0;
    for (uint32_t i = 0; i < n; ++i) total += static_cast<Str*>(base[i].o)->s.size();
    std::string s;
    s.reserve(total);
    for (uint32_t i = 0; i < n; ++i) s += static_cast<Str*>(base[i].o)->s;
    sp = base;
    PUSH(Value::object(new_str(s)));
    DISPATCH_PLAIN();
  }
  TARGET(LIST_APPEND) {
    Value v = POP();
    List* l = static_cast<List*>(sp[-static_cast<int64_t>(ARG())].o);
    if (UNLIKELY(l->items.size() == l->items.capacity())) {
      SAVE_FRAME();
      if (!make_room(*this, l->items, l->items.size() + 1)) ERROR();
    }
    l->items.push_back(v);
    DISPATCH();
  }
  TARGET(SET_ADD) {
    Value v = POP();
    Set* st = static_cast<Set*>(sp[-static_cast<int64_t>(ARG())].o);
    BEGIN_LIB();
    ok = set_add(*this, st, v);
    END_LIB();
    if (!ok) ERROR();
    DISPATCH();
  }
  TARGET(MAP_ADD) {
    Value v = POP();
    Value k = POP();
    Dict* d = static_cast<Dict*>(sp[-static_cast<int64_t>(ARG())].o);
    BEGIN_LIB();
    ok = dict_set(d, k, v);
    END_LIB();
    if (!ok) ERROR();
    DISPATCH();
  }
  TARGET(LIST_EXTEND) {
    Value src = POP();
    uint32_t depth = ARG() & ~kExtendCallArgs;
    List* l = static_cast<List*>(sp[-static_cast<int64_t>(depth)].o);
    BEGIN_LIB();
    ok = list_extend(*this, l, src);
    if (!ok && isinstance(pending_, types_.type_error) && !is_kind(src, ObjKind::Instance)) {
      Value probe;
      if (!lookup_type_attr(type_of(src), names_.iter, probe)) {
        clear_exception();
        std::string what = (ARG() & kExtendCallArgs) ? function_str(sp[-static_cast<int64_t>(depth) - 1]) + " argument"
                                                     : std::string("Value");
        raise(types_.type_error, what + " after * must be an iterable, not " + type_name(src));
      }
    }
    END_LIB();
    if (!ok) ERROR();
    DISPATCH();
  }
  TARGET(SET_UPDATE) {
    Value src = POP();
    Set* st = static_cast<Set*>(sp[-static_cast<int64_t>(ARG())].o);
    BEGIN_LIB();
    ok = set_update(*this, st, src);
    END_LIB();
    if (!ok) ERROR();
    DISPATCH();
  }
  TARGET(DICT_UPDATE) {
    Value src = POP();
    Dict* d = static_cast<Dict*>(sp[-static_cast<int64_t>(ARG())].o);
    if (!is_kind(src, ObjKind::Dict)) {
      Value probe;
      if (!lookup_type_attr(type_of(src), intern("keys"), probe)) {
        RAISE(types_.type_error, "'" + type_name(src) + "' object is not a mapping");
      }
    }
    BEGIN_LIB();
    ok = dict_update(*this, d, src);
    END_LIB();
    if (!ok) ERROR();
    DISPATCH();
  }
  TARGET(DICT_MERGE) {
    Value src = POP();
    Dict* d = static_cast<Dict*>(sp[-static_cast<int64_t>(ARG())].o);
    Value callee = sp[-static_cast<int64_t>(ARG()) - 2];
    if (!is_kind(src, ObjKind::Dict)) {
      RAISE(types_.type_error, function_str(callee) + " argument after ** must be a mapping, not " + type_name(src));
    }
    Dict::Entries entries = static_cast<Dict*>(src.o)->entries;
    BEGIN_LIB();
    ok = true;
    for (const auto& e : entries) {
      if (!e.live) continue;
      if (!is_kind(e.key, ObjKind::Str)) {
        ok = raise(types_.type_error, "keywords must be strings");
        break;
      }
      bool found = false;
      Value existing;
      ok = dict_get(d, e.key, existing, found);
      if (ok && found) {
        ok = raise(types_.type_error, function_str(callee) + " got multiple values for keyword argument '" +
                                          static_cast<Str*>(e.key.o)->s + "'");
      }
      if (!ok) break;
      ok = dict_set(d, e.key, e.value);
      if (!ok) break;
    }
    END_LIB();
    if (!ok) ERROR();
    DISPATCH_PLAIN();
  }
  TARGET(LIST_TO_TUPLE) {
    List* l = static_cast<List*>(TOP().o);
    TOP() = Value::object(new_tuple(l->items));
    DISPATCH();
  }
  TARGET(UNPACK_SEQUENCE) {
    uint32_t n = ARG();
    Value seq = POP();
    const ValueVec* items = nullptr;
    if (is_kind(seq, ObjKind::Tuple)) items = &static_cast<Tuple*>(seq.o)->items;
    if (is_kind(seq, ObjKind::List)) items = &static_cast<List*>(seq.o)->items;
    ValueVec collected;
    if (!items) {
      Value iter;
      BEGIN_LIB();
      ok = get_iter(seq, iter);
      if (!ok && isinstance(pending_, types_.type_error)) {
        clear_exception();
        raise(types_.type_error, "cannot unpack non-iterable " + type_name(seq) + " object");
      }
      while (ok && collected.size() <= n) {
        bool done = false;
        Value v;
        ok = next(iter, v, done);
        if (!ok || done) break;
        collected.push_back(v);
      }
      END_LIB();
      if (!ok) ERROR();
      items = &collected;
    }
    if (items->size() != n) {
      if (items->size() < n) {
        RAISE(types_.value_error, "not enough values to unpack (expected " + std::to_string(n) + ", got " +
                                      std::to_string(items->size()) + ")");
      }
      RAISE(types_.value_error, "too many values to unpack (expected " + std::to_string(n) + ")");
    }
    for (uint32_t i = n; i-- > 0;) PUSH((*items)[i]);
    DISPATCH_PLAIN();
  }
  TARGET(UNPACK_EX) {
    uint32_t before = ARG() & 0xFF;
    uint32_t after = ARG() >> 8;
    Value seq = POP();
    ValueVec items;
    if (is_kind(seq, ObjKind::Tuple)) {
      items = static_cast<Tuple*>(seq.o)->items;
    } else if (is_kind(seq, ObjKind::List)) {
      items = static_cast<List*>(seq.o)->items;
    } else {
      Value iter;
      BEGIN_LIB();
      ok = get_iter(seq, iter);
      if (!ok && isinstance(pending_, types_.type_error)) {
        clear_exception();
        raise(types_.type_error, "cannot unpack non-iterable " + type_name(seq) + " object");
      }
      if (ok) ok = collect(*this, iter, items);
      END_LIB();
      if (!ok) ERROR();
    }
    if (items.size() < before + after) {
      RAISE(types_.value_error, "not enough values to unpack (expected at least " + std::to_string(before + after) +
                                    ", got " + std::to_string(items.size()) + ")");
    }
    size_t n = items.size();
    for (size_t i = n; i-- > n - after;) PUSH(items[i]);
    List* mid = new_list(ValueVec(items.begin() + before, items.begin() + static_cast<int64_t>(n - after)));
    PUSH(Value::object(mid));
    for (size_t i = before; i-- > 0;) PUSH(items[i]);
    DISPATCH_PLAIN();
  }
  TARGET(FORMAT_VALUE) {
    uint32_t a = ARG();
    Value spec = (a & kFormatHasSpec) ? POP() : Value::null();
    Value v = POP();
    uint32_t conv = a & kFormatConvMask;
    if (conv == 0 && spec.is_null() && is_kind(v, ObjKind::Str)) {
      PUSH(v);
      DISPATCH();
    }
    std::string s;
    std::string spec_s = spec.is_null() ? std::string() : static_cast<Str*>(spec.o)->s;
    BEGIN_LIB();
    ok = true;
    if (conv == 1) {
      ok = to_str(v, s);
    } else if (conv >= 2) {
      ok = to_repr(v, s);
      if (ok && conv == 3) s = ascii_escape(s);
    }
    if (ok) {
      if (conv != 0) {
        if (!spec_s.empty()) {
          Value sv = str_value(s);
          s.clear();
          ok = format(sv, spec_s, s);
        }
      } else {
        ok = format(v, spec_s, s);
      }
    }
    END_LIB();
    if (!ok) ERROR();
    PUSH(Value::object(new_str(s)));
    DISPATCH_PLAIN();
  }
  TARGET(MAKE_FUNCTION) {
    uint32_t flags = ARG();
    const Code* c = static_cast<CodeObj*>(POP().o)->code;
    CodeRuntime* crt = prepare(c);
    Function* fn = alloc<Function>();
    fn->code = c;
    fn->name = crt->name;
    fn->qualname = crt->qualname;
    fn->doc = crt->doc;
    fn->globals = f->globals;
    // fn->module is the module whose code defines it (__module__), as for classes.
    fn->module = f->func && f->func->module ? f->func->module : main_module_;
    if (flags & kFnClosure) {
      Tuple* cl = static_cast<Tuple*>(POP().o);
      fn->closure.reserve(cl->items.size());
      for (const Value& v : cl->items) fn->closure.push_back(static_cast<Cell*>(v.o));
    }
    if (flags & kFnKwDefaults) fn->kwdefaults = static_cast<Dict*>(POP().o);
    if (flags & kFnDefaults) fn->defaults = static_cast<Tuple*>(POP().o)->items;
    PUSH(Value::object(fn));
    DISPATCH();
  }
  TARGET(KW_NAMES) {
    // KW_NAMES lives only in this loop's locals, so its CALL must follow without a budget
    // check: a task stopped between the two would resume with the names forgotten.
    const auto& kn = f->rt->kwnames[ARG()];
    kwnames = kn.data();
    nkw = static_cast<uint32_t>(kn.size());
    --left;
    w = *ip++;
    if (UNLIKELY(w & kLineStartBit)) goto line_start;
    DISPATCH_OP();
  }
  TARGET(CALL) {
    uint32_t n = ARG();
    result_slot = sp - n - 1;
    callable = result_slot[0];
    call_args = result_slot + 1;
    call_n = n;
    goto do_call;
  }
  TARGET(CALL_METHOD) {
    uint32_t n = ARG();
    Value* base = sp - n - 2;
    if (base[0].is_null()) {
      callable = base[1];
      call_args = base + 2;
      call_n = n;
    } else {
      callable = base[0];
      call_args = base + 1;
      call_n = n + 1;
    }
    result_slot = base;
    goto do_call;
  }
  TARGET(CALL_FUNCTION_EX) {
    Value kw = (ARG() & 1) ? POP() : Value::null();
    Value a = POP();
    callable = POP();
    result_slot = sp;
    ex_args.assign(1, Value());
    ex_names.clear();
    BEGIN_LIB();
    ok = true;
    if (is_kind(a, ObjKind::Tuple)) {
      const auto& it = static_cast<Tuple*>(a.o)->items;
      ex_args.insert(ex_args.end(), it.begin(), it.end());
    } else if (is_kind(a, ObjKind::List)) {
      const auto& it = static_cast<List*>(a.o)->items;
      ex_args.insert(ex_args.end(), it.begin(), it.end());
    } else {
      Value iter;
      ok = get_iter(a, iter);
      if (!ok && isinstance(pending_, types_.type_error)) {
        clear_exception();
        raise(types_.type_error, function_str(callable) + " argument after * must be an iterable, not " + type_name(a));
      }
      while (ok) {
        bool done = false;
        Value v;
        ok = next(iter, v, done);
        if (!ok || done) break;
        ex_args.push_back(v);
      }
    }
    if (ok && !kw.is_null()) {
      if (!is_kind(kw, ObjKind::Dict)) {
        ok = raise(types_.type_error,
                   function_str(callable) + " argument after ** must be a mapping, not " + type_name(kw));
      } else {
        for (const auto& e : static_cast<Dict*>(kw.o)->entries) {
          if (!e.live) continue;
          if (!is_kind(e.key, ObjKind::Str)) {
            ok = raise(types_.type_error, "keywords must be strings");
            break;
          }
          ex_names.push_back(intern(static_cast<Str*>(e.key.o)->s));
          ex_args.push_back(e.value);
        }
      }
    }
    END_LIB();
    if (!ok) ERROR();
    f->ip = ip;
    f->sp = result_slot;
    call_n = 0;  // CALL_FUNCTION_EX always checks
    SYNC();
    call_mark = steps_;
    r = invoke(callable, ex_args.data() + 1, static_cast<uint32_t>(ex_args.size() - 1), ex_names.data(),
               static_cast<uint32_t>(ex_names.size()), tmp);
    END_LIB();
    goto after_call;
  }
  TARGET(RETURN_VALUE) {
    Value v = POP();
    Frame* done = f;
    t->frames.pop_back();
    if (UNLIKELY(done->gen != nullptr)) {
      Generator* g = done->gen;
      g->frame = nullptr;
      g->running = false;
      done->gen = nullptr;
      bool entry = done->entry;
      release_frame(done);
      if (entry) {
        *result = v;
        nested_returned_ = true;
        SYNC();
        return RunStatus::Finished;
      }
      f = t->frames.back();
      LOAD_FRAME();
      uint32_t pw = ip[-1];
      OpCode pop = instr_op(pw);
      if (pop == OpCode::FOR_ITER) {
        --sp;
        ip = code_base + instr_arg(pw);
      } else if (pop == OpCode::SEND) {
        sp[-1] = v;
        ip = code_base + instr_arg(pw);
      } else if (pop == OpCode::CALL_METHOD || pop == OpCode::CALL) {
        // gen.send()/gen.throw() resumed the frame inline: returning raises StopIteration(v).
        BEGIN_LIB();
        if (v.is_none()) {
          ok = call(Value::object(types_.stop_iteration), {}, tmp);
        } else {
          ok = call(Value::object(types_.stop_iteration), {v}, tmp);
        }
        END_LIB();
        if (ok) pending_ = tmp;
        ERROR();
      } else {
        PUSH(v);
      }
      DISPATCH();
    }
    bool bad_init = false;
    std::string bad_type;
    if (UNLIKELY(done->is_init)) {
      if (!v.is_none()) {
        bad_init = true;
        bad_type = type_name(v);
      }
      v = done->init_self;
    }
    bool entry = done->entry;
    give_frame(done);
    if (UNLIKELY(bad_init)) {
      raise(types_.type_error, "__init__() should return None, not '" + bad_type + "'");
      if (entry) {
        SYNC();
        return RunStatus::Error;
      }
      if (t->frames.empty()) {
        t->exception = pending_;
        pending_ = Value::null();
        SYNC();
        return RunStatus::Error;
      }
      f = t->frames.back();
      LOAD_FRAME();
      ERROR();
    }
    if (entry) {
      *result = v;
      nested_returned_ = true;
      SYNC();
      return RunStatus::Finished;
    }
    if (t->frames.empty()) {
      t->result = v;
      SYNC();
      return RunStatus::Finished;
    }
    f = t->frames.back();
    LOAD_FRAME();
    PUSH(v);
    DISPATCH_PLAIN();
  }
  TARGET(YIELD_VALUE) {
    Value v = POP();
    SAVE_FRAME();
    Frame* gf = f;
    Generator* g = gf->gen;
    g->running = false;
    t->frames.pop_back();
    if (gf->entry) {
      gf->entry = false;
      *result = v;
      nested_returned_ = false;
      SYNC();
      return RunStatus::Finished;
    }
    f = t->frames.back();
    LOAD_FRAME();
    PUSH(v);
    DISPATCH();
  }
  TARGET(GET_YIELD_FROM_ITER) {
    Value v = TOP();
    if (is_kind(v, ObjKind::Generator)) {
      if (static_cast<Generator*>(v.o)->gkind == GenKind::Coroutine && !(f->code->flags & kCodeCoroutine)) {
        RAISE(types_.type_error, "cannot 'yield from' a coroutine object in a non-coroutine generator");
      }
      DISPATCH();
    }
    BEGIN_LIB();
    ok = get_iter(v, tmp);
    END_LIB();
    if (!ok) ERROR();
    TOP() = tmp;
    DISPATCH();
  }
  TARGET(SEND) {
    Value v = POP();
    Value sub = TOP();
    if (is_kind(sub, ObjKind::Generator)) {
      Generator* g = static_cast<Generator*>(sub.o);
      if (!g->frame) {
        TOP() = Value::none();
        ip = code_base + ARG();
        DISPATCH();
      }
      if (g->running) {
        RAISE(types_.value_error,
              g->gkind == GenKind::Coroutine ? "coroutine already executing" : "generator already executing");
      }
      if (!g->started) {
        if (!v.is_none()) RAISE(types_.type_error, "can't send non-None value to a just-started generator");
        g->started = true;
      } else {
        *g->frame->sp++ = v;
      }
      if (t->frames.size() >= config_.recursion_limit)
        RAISE(types_.recursion_error, "maximum recursion depth exceeded");
      g->running = true;
      SAVE_FRAME();
      t->frames.push_back(g->frame);
      f = g->frame;
      LOAD_FRAME();
      WARMUP();
      if (resume_checks(ip, code_base)) CHECK_BREAKER();
      DISPATCH();
    }
    if (v.is_none() && !is_kind(sub, ObjKind::Instance)) {
      bool done = false;
      BEGIN_LIB();
      ok = next(sub, tmp, done);
      END_LIB();
      if (!ok) ERROR();
      if (done) {
        TOP() = Value::none();
        ip = code_base + ARG();
      } else {
        PUSH(tmp);
      }
      DISPATCH();
    }
    {
      bool found = false;
      BEGIN_LIB();
      if (v.is_none()) {
        ok = call_method(sub, names_.next, {}, tmp, found);
      } else {
        ok = call_method(sub, names_.send, {v}, tmp, found);
      }
      END_LIB();
      if (ok && !found) {
        RAISE(types_.attribute_error, "'" + type_name(sub) + "' object has no attribute 'send'");
      }
      if (!ok) {
        if (!isinstance(pending_, types_.stop_iteration)) ERROR();
        Value exc = pending_;
        clear_exception();
        Value val = Value::none();
        Instance* in = static_cast<Instance*>(exc.o);
        if (in->attrs) lookup_name_in(in->attrs, names_.value, val);
        TOP() = val;
        ip = code_base + ARG();
        DISPATCH();
      }
      PUSH(tmp);
    }
    DISPATCH();
  }
  TARGET(GET_AWAITABLE) {
    Value v = TOP();
    if (is_kind(v, ObjKind::Generator) && static_cast<Generator*>(v.o)->gkind == GenKind::Coroutine) DISPATCH();
    {
      bool found = false;
      BEGIN_LIB();
      ok = call_method(v, names_.await, {}, tmp, found);
      END_LIB();
      if (!ok) ERROR();
      if (!found) RAISE(types_.type_error, "object " + type_name(v) + " can't be used in 'await' expression");
      TOP() = tmp;
    }
    DISPATCH();
  }
  TARGET(GET_AITER) {
    Value v = TOP();
    bool found = false;
    BEGIN_LIB();
    ok = call_method(v, names_.aiter, {}, tmp, found);
    END_LIB();
    if (!ok) ERROR();
    if (!found) {
      RAISE(types_.type_error, "'async for' requires an object with __aiter__ method, got " + type_name(v));
    }
    TOP() = tmp;
    DISPATCH();
  }
  TARGET(GET_ANEXT) {
    Value v = TOP();
    bool found = false;
    BEGIN_LIB();
    ok = call_method(v, names_.anext, {}, tmp, found);
    if (ok && found &&
        !(is_kind(tmp, ObjKind::Generator) && static_cast<Generator*>(tmp.o)->gkind == GenKind::Coroutine)) {
      Value aw;
      bool f2 = false;
      ok = call_method(tmp, names_.await, {}, aw, f2);
      if (ok && f2) tmp = aw;
    }
    END_LIB();
    if (!ok) ERROR();
    if (!found) {
      RAISE(types_.type_error, "'async for' requires an iterator with __anext__ method, got " + type_name(v));
    }
    PUSH(tmp);
    DISPATCH();
  }
  TARGET(END_ASYNC_FOR) {
    Value exc = POP();
    if (isinstance(exc, types_.stop_async_iteration)) {
      --sp;
      Block b = f->blocks.back();
      f->blocks.pop_back();
      t->exc_info = b.saved_exc;
      DISPATCH();
    }
    pending_ = exc;
    reraise = true;
    ERROR();
  }
  TARGET(BEFORE_ASYNC_WITH) {
    Value mgr = POP();
    Class* cls = type_of(mgr);
    Value enter, exit;
    if (!lookup_type_attr(cls, names_.aenter, enter) || !lookup_type_attr(cls, names_.aexit, exit)) {
      RAISE(types_.type_error,
            "'" + cls->name->s + "' object does not support the asynchronous context manager protocol");
    }
    bool prop;
    BEGIN_LIB();
    ok = bind_descriptor(exit, mgr, cls, tmp, prop);
    if (ok) ok = bind_descriptor(enter, mgr, cls, callable, prop);
    END_LIB();
    if (!ok) ERROR();
    PUSH(tmp);
    result_slot = sp;
    sp[0] = callable;
    call_args = sp + 1;
    call_n = 0;
    goto do_call;
  }
  TARGET(SETUP_FINALLY) {
    f->blocks.push_back(Block{BlockKind::Handler, ARG(), static_cast<uint32_t>(sp - f->stack_base), Value()});
    DISPATCH();
  }
  TARGET(SETUP_WITH) {
    f->blocks.push_back(Block{BlockKind::Handler, ARG(), static_cast<uint32_t>(sp - f->stack_base - 1), Value()});
    DISPATCH();
  }
  TARGET(POP_BLOCK) {
    f->blocks.pop_back();
    DISPATCH();
  }
  TARGET(POP_EXCEPT) {
    t->exc_info = f->blocks.back().saved_exc;
    f->blocks.pop_back();
    DISPATCH();
  }
  TARGET(RERAISE) {
    pending_ = POP();
    reraise = true;
    ERROR();
  }
  TARGET(CHECK_EXC_MATCH) {
    Value type = POP();
    Value exc = TOP();
    bool match = false;
    if (is_kind(type, ObjKind::Class) && static_cast<Class*>(type.o)->is_exception) {
      match = isinstance(exc, static_cast<Class*>(type.o));
    } else if (is_kind(type, ObjKind::Tuple)) {
      for (const Value& c : static_cast<Tuple*>(type.o)->items) {
        if (!is_kind(c, ObjKind::Class) || !static_cast<Class*>(c.o)->is_exception) {
          RAISE(types_.type_error, "catching classes that do not inherit from BaseException is not allowed");
        }
        if (isinstance(exc, static_cast<Class*>(c.o))) match = true;
      }
    } else {
      RAISE(types_.type_error, "catching classes that do not inherit from BaseException is not allowed");
    }
    PUSH(Value::boolean(match));
    DISPATCH();
  }
  TARGET(BEFORE_WITH) {
    Value mgr = POP();
    Class* cls = type_of(mgr);
    Value enter, exit;
    if (!lookup_type_attr(cls, names_.enter, enter) || !lookup_type_attr(cls, names_.exit, exit)) {
      RAISE(types_.type_error, "'" + cls->name->s + "' object does not support the context manager protocol");
    }
    bool prop;
    BEGIN_LIB();
    ok = bind_descriptor(exit, mgr, cls, tmp, prop);
    END_LIB();
    if (!ok) ERROR();
    PUSH(tmp);
    result_slot = sp;
    if (is_kind(enter, ObjKind::Function) ||
        (is_kind(enter, ObjKind::NativeFunction) && !static_cast<NativeFunction*>(enter.o)->has_self)) {
      sp[0] = enter;
      sp[1] = mgr;
      callable = enter;
      call_args = sp + 1;
      call_n = 1;
    } else {
      BEGIN_LIB();
      ok = bind_descriptor(enter, mgr, cls, callable, prop);
      END_LIB();
      if (!ok) ERROR();
      sp[0] = callable;
      call_args = sp + 1;
      call_n = 0;
    }
    goto do_call;
  }
  TARGET(WITH_EXCEPT_START) {
    Value exc = sp[-1];
    Value exit = sp[-2];
    result_slot = sp;
    sp[0] = exit;
    sp[1] = Value::object(type_of(exc));
    sp[2] = exc;
    sp[3] = Value::none();
    callable = exit;
    call_args = sp + 1;
    call_n = 3;
    goto do_call;
  }
  TARGET(RAISE_VARARGS) {
    uint32_t n = ARG();
    if (n == 0) {
      if (t->exc_info.is_none() || t->exc_info.is_null()) RAISE(types_.runtime_error, "No active exception to reraise");
      pending_ = t->exc_info;
      reraise = true;
      ERROR();
    }
    Value cause = n == 2 ? POP() : Value::null();
    Value exc = POP();
    BEGIN_LIB();
    raise_value(exc);
    // RAISE_VARARGS: raising an exception while another is handled replaces its old context, as CPython.
    if (ExceptionData* d = exception_data(pending_);
        d && exception_data(t->exc_info) && !t->exc_info.is_same(pending_)) {
      d->context = Value::none();
    }
    if (n == 2 && exception_data(pending_) && (pending_.is_same(exc) || is_kind(exc, ObjKind::Class))) {
      Value raised = pending_;
      Value c = cause;
      bool good = true;
      if (is_kind(c, ObjKind::Class) && static_cast<Class*>(c.o)->is_exception) {
        pending_ = Value::null();
        good = call(c, {}, c);
      } else if (!c.is_none() && !exception_data(c)) {
        pending_ = Value::null();
        good = raise(types_.type_error, "exception causes must derive from BaseException");
      }
      if (good) {
        ExceptionData* d = exception_data(raised);
        d->cause = c;
        d->suppress_context = true;
        pending_ = raised;
      }
    }
    END_LIB();
    ERROR();
  }
  TARGET(LOAD_ASSERTION_ERROR) {
    PUSH(Value::object(types_.assertion_error));
    DISPATCH();
  }
  TARGET(IMPORT_NAME) {
    BEGIN_LIB();
    ok = import_statement(names[ARG()], f->code->filename, tmp);
    END_LIB();
    if (!ok) ERROR();
    PUSH(tmp);
    DISPATCH();
  }
  TARGET(IMPORT_FROM) {
    Value m = TOP();
    Str* name = names[ARG()];
    if (is_kind(m, ObjKind::Module)) {
      if (lookup_name_in(static_cast<Module*>(m.o)->dict, name, tmp)) {
        PUSH(tmp);
        DISPATCH();
      }
      if (!lookup_name_in(static_cast<Module*>(m.o)->dict, names_.getattr, tmp)) {
        // `from concurrent import futures`: a submodule not imported yet is imported now.
        BEGIN_LIB();
        ok = import_submodule(static_cast<Module*>(m.o), name, tmp);
        END_LIB();
        if (!ok) ERROR();
        if (!tmp.is_null()) {
          PUSH(tmp);
          DISPATCH();
        }
        RAISE(types_.import_error,
              "cannot import name '" + name->s + "' from '" + static_cast<Module*>(m.o)->name->s + "'");
      }
    }
    BEGIN_LIB();
    ok = get_attr(m, name, tmp);
    END_LIB();
    if (!ok) ERROR();
    PUSH(tmp);
    DISPATCH();
  }
  TARGET(IMPORT_STAR) {
    Value m = POP();
    if (is_kind(m, ObjKind::Module)) {
      Dict* target = f->locals_dict ? f->locals_dict : f->globals;
      Dict::Entries entries = static_cast<Module*>(m.o)->dict->entries;
      for (const auto& e : entries) {
        if (!e.live || !is_kind(e.key, ObjKind::Str)) continue;
        Str* k = static_cast<Str*>(e.key.o);
        if (!k->s.empty() && k->s[0] == '_') continue;
        store_name_in(target, intern(k->s), e.value);
      }
    }
    DISPATCH();
  }
  TARGET(CALL_CLASS_BODY) {
    Value fv = POP();
    Function* fn = static_cast<Function*>(fv.o);
    Dict* ns = new_dict();
    f->ip = ip;
    f->sp = sp;
    bool pushed = false;
    if (!push_function(fn, sp, 0, nullptr, 0, tmp, pushed)) ERROR();
    f = t->frames.back();
    f->locals_dict = ns;
    LOAD_FRAME();
    DISPATCH();
  }
  TARGET(BUILD_CLASS) {
    Value ns = POP();
    Value kw = ARG() ? POP() : Value::none();
    Value bases = POP();
    Value name = POP();
    BEGIN_LIB();
    ok = build_class(name, bases, static_cast<Dict*>(ns.o), tmp, ARG() ? static_cast<Dict*>(kw.o) : nullptr);
    END_LIB();
    if (!ok) ERROR();
    PUSH(tmp);
    DISPATCH();
  }
  TARGET(LOAD_LOCALS) {
    PUSH(Value::object(f->locals_dict));
    DISPATCH();
  }
  TARGET(ASYNC_GEN_WRAP) {
    Instance* wrapped = alloc<Instance>();
    wrapped->cls = agen_wrapped_cls_;
    wrapped->native = TOP();
    TOP() = Value::object(wrapped);
    DISPATCH();
  }
  TARGET(COPY) {
    tmp = sp[-static_cast<int64_t>(ARG())];
    PUSH(tmp);
    DISPATCH();
  }
  TARGET(SWAP) {
    std::swap(sp[-1], sp[-static_cast<int64_t>(ARG())]);
    DISPATCH();
  }
  TARGET(GET_LEN) {
    int64_t n = 0;
    BEGIN_LIB();
    ok = length(TOP(), n);
    END_LIB();
    if (!ok) ERROR();
    PUSH(Value::integer(n));
    DISPATCH();
  }
  TARGET(MATCH_MAPPING) {
    tmp = Value::boolean(match_is_mapping(*this, TOP()));
    PUSH(tmp);
    DISPATCH();
  }
  TARGET(MATCH_SEQUENCE) {
    tmp = Value::boolean(match_is_sequence(*this, TOP()));
    PUSH(tmp);
    DISPATCH();
  }
  TARGET(MATCH_KEYS) {
    BEGIN_LIB();
    ok = match_keys(*this, sp[-2], sp[-1], tmp);
    END_LIB();
    if (!ok) ERROR();
    PUSH(tmp);
    DISPATCH();
  }
  TARGET(MATCH_CLASS) {
    BEGIN_LIB();
    ok = match_class(*this, sp[-3], sp[-2], sp[-1], ARG(), tmp);
    END_LIB();
    if (!ok) ERROR();
    sp -= 2;
    TOP() = tmp;
    DISPATCH();
  }
  TARGET(CHECK_EG_MATCH) {
    Value match_part;
    BEGIN_LIB();
    ok = exception_group_match(*this, sp[-2], sp[-1], match_part, tmp);
    END_LIB();
    if (!ok) ERROR();
    sp[-2] = tmp;
    sp[-1] = match_part;
    if (!match_part.is_none()) t->exc_info = match_part;
    DISPATCH();
  }
  TARGET(PREP_RERAISE_STAR) {
    BEGIN_LIB();
    ok = prep_reraise_star(*this, sp[-2], sp[-1], tmp);
    END_LIB();
    if (!ok) ERROR();
    --sp;
    TOP() = tmp;
    DISPATCH();
  }

#if INTERLEAVE_COMPUTED_GOTO
L_BAD:
#else
    default:
#endif
  RAISE(types_.runtime_error, "bad opcode");
#if !INTERLEAVE_COMPUTED_GOTO
}
#endif

do_call : {
  const Str* const* kn = kwnames;
  uint32_t nk = nkw;
  kwnames = nullptr;
  nkw = 0;
  // gen.send(v) and gen.throw(exc) resume the generator's frame in this loop, like SEND, so
  // a coroutine driven by Python code (asyncio's Task) can block and be preempted.
  if (is_kind(callable, ObjKind::NativeFunction) && nk == 0 && call_n == 2 &&
      is_kind(call_args[0], ObjKind::Generator)) {
    NativeFn nfn = static_cast<NativeFunction*>(callable.o)->fn;
    Generator* g = static_cast<Generator*>(call_args[0].o);
    Value arg = call_args[1];
    bool is_throw = nfn == &VM::n_gen_throw;
    if ((nfn == &VM::n_gen_send || is_throw) && g->frame && !g->running && g->gkind != GenKind::AsyncGenerator &&
        (is_throw ? exception_data(arg) != nullptr : (g->started || arg.is_none())) &&
        t->frames.size() < config_.recursion_limit) {
      if (!is_throw) {
        if (g->started) *g->frame->sp++ = arg;
      }
      g->started = true;
      g->running = true;
      f->ip = ip;
      f->sp = result_slot;
      t->frames.push_back(g->frame);
      f = g->frame;
      if (is_throw) f = delegate_throw(t, f);
      LOAD_FRAME();
      if (is_throw) {
        pending_ = arg;
        ERROR();
      }
      WARMUP();
      if (resume_checks(ip, code_base)) CHECK_BREAKER();
      DISPATCH();
    }
  }
  if (is_kind(callable, ObjKind::Function) && nk == 0) {
    Function* fn = static_cast<Function*>(callable.o);
    const Code* c = fn->code;
    CodeRuntime* crt = c->runtime_owner == this ? static_cast<CodeRuntime*>(c->runtime) : prepare(c);
    if (crt->simple_args && call_n == c->argcount && t->frames.size() < config_.recursion_limit) {
      Frame* nf = take_frame(c, crt);
      nf->func = fn;
      nf->globals = fn->globals;
      Value* dst = nf->slots;
      for (uint32_t i = 0; i < call_n; ++i) dst[i] = call_args[i];
      if (!fn->closure.empty()) {
        Value* cells = nf->cells();
        for (size_t i = 0; i < fn->closure.size(); ++i) cells[i] = Value::object(fn->closure[i]);
      }
      ++python_calls_;
      f->ip = ip;
      f->sp = result_slot;
      t->frames.push_back(nf);
      t->last_line = 0;
      f = nf;
      LOAD_FRAME();
      if (UNLIKELY(gc_requested_) && (!nested || nested_gc_allowed())) {
        SAVE_FRAME();
        if (!check_memory()) ERROR();
      }
      WARMUP();
      CHECK_BREAKER();  // RESUME at the function's start
      DISPATCH();
    }
  }
  f->ip = ip;
  f->sp = result_slot;
  SYNC();
  call_mark = steps_;
  r = invoke(callable, call_args, call_n, kn, nk, tmp);
  END_LIB();
}
after_call : if (LIKELY(r == Invoke::Done)) {
  sp = result_slot;
  PUSH(tmp);
  if (UNLIKELY(block_requested_) && !nested) {
    block_requested_ = false;
    SAVE_FRAME();
    SYNC();
    return RunStatus::Blocked;
  }
  // CALL checks after a built-in returns, except in the forms 3.11 specialises without one.
  if (UNLIKELY(eval_breaker_) && !nested && !(f->rt->warmup == 0 && check_free_call(callable, call_n, types_.type))) {
    goto break_out;
  }
  DISPATCH();
}
if (r == Invoke::Frame) {
  f = t->frames.back();
  LOAD_FRAME();
  if (UNLIKELY(gc_requested_) && (!nested || nested_gc_allowed())) {
    SAVE_FRAME();
    if (!check_memory()) ERROR();
  }
  WARMUP();
  CHECK_BREAKER();  // the callee's RESUME (a function's start or a generator's resumption)
  DISPATCH();
}
sp = result_slot;
ERROR();

line_start : {
  uint32_t line = f->code->lines[static_cast<size_t>(ip - 1 - code_base)];
  if (line != t->last_line) {
    t->last_line = line;
    if (trace) {
      if (ctx_.line_counter != nullptr) {
        ++*ctx_.line_counter;
      } else {
        SYNC();
        ctx_.line(t, line);
      }
    }
  }
}
DISPATCH_OP();

break_out : SAVE_FRAME();
SYNC();
took_break_ = true;
return RunStatus::Budget;

budget_out : SAVE_FRAME();
SYNC();
if (nested) {
  pending_ = step_limit_exception();
  abort_ = true;
  goto error;
}
return RunStatus::Budget;

error : SAVE_FRAME();
SYNC();
{
  if (pending_.is_null()) pending_ = make_exception(types_.runtime_error, "error without an exception");
  Value exc = pending_;
  if (!reraise) {
    set_context(exc, t);
    add_traceback(exc, f);
  }
  reraise = false;
  kwnames = nullptr;
  nkw = 0;
  for (;;) {
    while (!f->blocks.empty()) {
      Block b = f->blocks.back();
      f->blocks.pop_back();
      if (b.kind == BlockKind::ExceptHandler) {
        t->exc_info = b.saved_exc;
        continue;
      }
      if (abort_) continue;
      sp = f->stack_base + b.level;
      f->blocks.push_back(Block{BlockKind::ExceptHandler, 0, b.level, t->exc_info});
      t->exc_info = exc;
      PUSH(exc);
      ip = code_base + b.handler;
      pending_ = Value::null();
      goto dispatch;
    }
    Frame* done = f;
    t->frames.pop_back();
    if (done->gen) {
      Generator* g = done->gen;
      g->frame = nullptr;
      g->running = false;
      done->gen = nullptr;
      if (!abort_ && isinstance(exc, types_.stop_iteration)) {
        Value re =
            make_exception(types_.runtime_error, g->gkind == GenKind::Coroutine ? "coroutine raised StopIteration"
                                                                                : "generator raised StopIteration");
        ExceptionData* d = exception_data(re);
        d->cause = exc;
        d->context = exc;
        d->suppress_context = true;
        d->traceback_innermost_first = exception_data(exc)->traceback_innermost_first;
        exc = re;
      }
    }
    bool entry = done->entry;
    release_frame(done);
    pending_ = exc;
    if (entry) return RunStatus::Error;
    if (t->frames.empty()) {
      t->exception = exc;
      pending_ = Value::null();
      return RunStatus::Error;
    }
    f = t->frames.back();
    LOAD_FRAME();
    add_traceback(exc, f);
  }
}

#undef LOAD_FRAME
#undef SAVE_FRAME
#undef SYNC
#undef BEGIN_LIB
#undef END_LIB
#undef ARG
#undef CHECK_BREAKER
#undef WARMUP
#undef PUSH
#undef POP
#undef TOP
#undef ERROR
#undef RAISE
#undef TARGET
#undef DISPATCH
#undef DISPATCH_OP
#undef DISPATCH_PLAIN
#undef TRUTH_OF
}

}  // namespace interleave
