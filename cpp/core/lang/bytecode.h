#pragma once
// The compiler's output and the VM's input: opcodes, instruction words, code objects
// and the Program that owns them. An instruction is one 32-bit word: the low 8 bits are
// the opcode, bit 8 marks the first instruction of a source line (for line events) and
// the upper 23 bits are the argument. Jump arguments are absolute instruction indices.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace interleave {

// OpCode is the instruction set. Stack effects are listed as [before] -> [after].
// The BINARY_*/INPLACE_* groups follow ast::BinOpKind order, UNARY_* follows
// ast::UnaryOpKind and COMPARE_* follows ast::CmpOpKind, so the VM maps them by offset.
enum class OpCode : uint8_t {
  NOP,
  POP_TOP,          // [v] -> []
  ROT_TWO,          // [a b] -> [b a]
  ROT_THREE,        // [a b c] -> [c a b]
  ROT_FOUR,         // [a b c d] -> [d a b c]
  DUP_TOP,          // [v] -> [v v]
  DUP_TOP_TWO,      // [a b] -> [a b a b]
  LOAD_CONST,       // arg: constant index
  LOAD_FAST,        // arg: local slot, known to be bound
  LOAD_FAST_CHECK,  // arg: local slot, raises UnboundLocalError when unbound
  STORE_FAST,
  DELETE_FAST,
  LOAD_GLOBAL,  // arg: name index; globals then builtins
  STORE_GLOBAL,
  DELETE_GLOBAL,
  LOAD_NAME,  // arg: name index; class namespace, globals, builtins
  STORE_NAME,
  DELETE_NAME,
  LOAD_DEREF,  // arg: cell index (cellvars then freevars)
  STORE_DEREF,
  DELETE_DEREF,
  LOAD_CLOSURE,     // pushes the cell itself (for MAKE_FUNCTION closures)
  LOAD_CLASSDEREF,  // class namespace first, then the cell
  LOAD_ATTR,        // arg: name index; [o] -> [o.name]
  STORE_ATTR,       // [v o] -> []
  DELETE_ATTR,      // [o] -> []
  LOAD_METHOD,      // [o] -> [func o] or [NULL attr]
  BINARY_SUBSCR,    // [c k] -> [c[k]]
  STORE_SUBSCR,     // [v c k] -> []
  DELETE_SUBSCR,    // [c k] -> []
  BUILD_SLICE,      // arg: 2 or 3
  BINARY_ADD,
  BINARY_SUBTRACT,
  BINARY_MULTIPLY,
  BINARY_TRUE_DIVIDE,
  BINARY_FLOOR_DIVIDE,
  BINARY_MODULO,
  BINARY_POWER,
  BINARY_LSHIFT,
  BINARY_RSHIFT,
  BINARY_OR,
  BINARY_XOR,
  BINARY_AND,
  BINARY_MATRIX_MULTIPLY,
  INPLACE_ADD,
  INPLACE_SUBTRACT,
  INPLACE_MULTIPLY,
  INPLACE_TRUE_DIVIDE,
  INPLACE_FLOOR_DIVIDE,
  INPLACE_MODULO,
  INPLACE_POWER,
  INPLACE_LSHIFT,
  INPLACE_RSHIFT,
  INPLACE_OR,
  INPLACE_XOR,
  INPLACE_AND,
  INPLACE_MATRIX_MULTIPLY,
  UNARY_NOT,
  UNARY_NEGATIVE,
  UNARY_POSITIVE,
  UNARY_INVERT,
  COMPARE_EQ,
  COMPARE_NE,
  COMPARE_LT,
  COMPARE_LE,
  COMPARE_GT,
  COMPARE_GE,
  IS_OP,          // arg 1 means `is not`
  CONTAINS_OP,    // arg 1 means `not in`; [item container] -> [bool]
  JUMP,           // forward jump
  JUMP_BACKWARD,  // loop edge: the target starts a traced line again
  POP_JUMP_IF_FALSE,
  POP_JUMP_IF_TRUE,
  JUMP_IF_FALSE_OR_POP,
  JUMP_IF_TRUE_OR_POP,
  GET_ITER,  // [o] -> [iter(o)]
  FOR_ITER,  // [it] -> [it next] or [] and jump when exhausted
  BUILD_TUPLE,
  BUILD_LIST,
  BUILD_SET,     // arg: count (BUILD_SET may add kBuildSetConstant)
  BUILD_MAP,     // arg: pairs; [k1 v1 ... kn vn] -> [dict]
  BUILD_STRING,  // arg: count of str pieces
  LIST_APPEND,   // arg: depth of the list below the popped value
  SET_ADD,
  MAP_ADD,      // [.. d .. k v] -> [.. d ..]
  LIST_EXTEND,  // arg: depth; [.. l .. it] -> [.. l ..]
  SET_UPDATE,
  DICT_UPDATE,
  DICT_MERGE,  // like DICT_UPDATE but duplicate keys are a TypeError (f(**a, **b))
  LIST_TO_TUPLE,
  UNPACK_SEQUENCE,   // arg: count; [seq] -> [vn ... v1]
  UNPACK_EX,         // arg: before | after << 8
  FORMAT_VALUE,      // arg: conversion (0 none, 1 str, 2 repr, 3 ascii) | 4 if a spec is on the stack
  MAKE_FUNCTION,     // arg flags: 1 defaults tuple, 2 kwdefaults dict, 8 closure tuple; code on top
  KW_NAMES,          // arg: constant index of a tuple of names for the next call
  CALL,              // arg: argc; [f a1..an] -> [result]
  CALL_METHOD,       // arg: argc; [func self a1..an] or [NULL f a1..an] -> [result]
  CALL_FUNCTION_EX,  // arg: 1 if kwargs dict; [f args (kw)] -> [result]
  RETURN_VALUE,
  YIELD_VALUE,  // [v] -> [sent]
  GET_YIELD_FROM_ITER,
  SEND,  // [sub v] -> [sub yielded] or [ret] and jump
  GET_AWAITABLE,
  GET_AITER,
  GET_ANEXT,          // [ait] -> [ait awaitable]
  END_ASYNC_FOR,      // [ait exc] -> [] when StopAsyncIteration, else re-raise
  BEFORE_ASYNC_WITH,  // [mgr] -> [aexit awaitable]
  SETUP_FINALLY,      // arg: handler; push a handler block at the current depth
  SETUP_WITH,         // arg: handler; like SETUP_FINALLY one slot lower (under the __enter__ result)
  POP_BLOCK,
  POP_EXCEPT,         // leave an except/finally handler, restoring the handled exception
  RERAISE,            // [exc] -> raise exc keeping its traceback
  CHECK_EXC_MATCH,    // [exc type] -> [exc bool]
  BEFORE_WITH,        // [mgr] -> [exit enter_result]
  WITH_EXCEPT_START,  // [exit exc] -> [exit exc exit(type, exc, None)]
  RAISE_VARARGS,      // arg: 0 re-raise, 1 raise exc, 2 raise exc from cause
  LOAD_ASSERTION_ERROR,
  IMPORT_NAME,        // arg: name index; [] -> [module]
  IMPORT_FROM,        // arg: name index; [m] -> [m m.name]
  IMPORT_STAR,        // [m] -> []
  CALL_CLASS_BODY,    // [name bases func] -> [name bases namespace]
  BUILD_CLASS,        // [name bases namespace] -> [class]
  LOAD_LOCALS,        // pushes the class namespace
  ASYNC_GEN_WRAP,     // [v] -> [wrapped v]: an async generator's own yield, told apart from awaits
  COPY,               // arg: n >= 1; [a .. z] -> [a .. z a] where a is the n-th from the top
  SWAP,               // arg: n >= 2; exchanges the top and the n-th from the top
  GET_LEN,            // [o] -> [o len(o)]
  MATCH_MAPPING,      // [o] -> [o bool]: o is a mapping for a mapping pattern
  MATCH_SEQUENCE,     // [o] -> [o bool]: o is a sequence for a sequence pattern (not str/bytes)
  MATCH_KEYS,         // [o keys] -> [o keys values-tuple-or-None]
  MATCH_CLASS,        // arg: positional count; [o cls names] -> [attrs-tuple-or-None]
  CHECK_EG_MATCH,     // [exc type] -> [rest match] (match None: no jump taken by the caller)
  PREP_RERAISE_STAR,  // [orig raised-list] -> [exception to re-raise, or None]
  OPCODE_COUNT,
};

const char* opcode_name(OpCode op);

// Instruction word layout.
inline constexpr uint32_t kOpMask = 0xFF;
inline constexpr uint32_t kLineStartBit = 0x100;
inline constexpr uint32_t kArgShift = 9;
inline constexpr uint32_t kMaxArg = (1u << 23) - 1;

inline constexpr uint32_t make_instr(OpCode op, uint32_t arg) { return static_cast<uint32_t>(op) | (arg << kArgShift); }
inline constexpr OpCode instr_op(uint32_t w) { return static_cast<OpCode>(w & kOpMask); }
inline constexpr uint32_t instr_arg(uint32_t w) { return w >> kArgShift; }

// MAKE_FUNCTION flags.
inline constexpr uint32_t kFnDefaults = 1;
inline constexpr uint32_t kFnKwDefaults = 2;
inline constexpr uint32_t kFnClosure = 8;

// BUILD_SET flag: every item is a constant (CPython folds such displays into a frozenset).
inline constexpr uint32_t kBuildSetConstant = 1u << 22;

// LIST_EXTEND flag: the list is a call's positional arguments (errors name the callee).
inline constexpr uint32_t kExtendCallArgs = 1u << 22;

// FORMAT_VALUE argument bits.
inline constexpr uint32_t kFormatConvMask = 3;
inline constexpr uint32_t kFormatHasSpec = 4;

struct Code;

// ConstValue is a compile-time constant; the VM turns each into a Value once per run.
struct ConstValue {
  enum class Kind : uint8_t { None, True, False, Int, Float, Str, Ellipsis, Code, Tuple, Bytes };
  Kind kind = Kind::None;
  int64_t i = 0;
  double f = 0.0;
  std::string s;
  const Code* code = nullptr;
  std::vector<ConstValue> items;  // Tuple
};

// CodeFlags describe how a code object is entered.
enum CodeFlags : uint32_t {
  kCodeGenerator = 1,
  kCodeCoroutine = 2,
  kCodeAsyncGenerator = 4,
  kCodeClassBody = 8,  // names resolve through the class namespace (LOAD_NAME)
  kCodeModule = 16,
  kCodeNested = 32,  // defined inside a function (qualname has <locals>)
};

// Code is one compiled function body, class body, comprehension or the module.
struct Code {
  std::string name;      // "f", "<module>", "<listcomp>", "<lambda>"
  std::string qualname;  // "C.f", "f.<locals>.g"
  std::string filename;
  std::vector<uint32_t> code;   // instruction words
  std::vector<uint32_t> lines;  // source line of each instruction
  std::vector<ConstValue> consts;
  std::vector<std::string> names;     // globals, attributes, imported names
  std::vector<std::string> varnames;  // parameters first (positional, kw-only, *args, **kw), then locals
  std::vector<std::string> cellvars;  // locals captured by inner functions
  std::vector<std::string> freevars;  // variables captured from enclosing functions
  std::vector<int32_t> cell2arg;      // per cellvar: the parameter slot it starts from, or -1
  uint32_t argcount = 0;              // positional parameters including positional-only
  uint32_t posonlyargcount = 0;
  uint32_t kwonlyargcount = 0;
  bool varargs = false;
  bool varkw = false;
  uint32_t flags = 0;  // CodeFlags
  uint32_t first_line = 0;
  uint32_t max_stack = 0;
  std::string docstring;

  uint32_t nlocals() const { return static_cast<uint32_t>(varnames.size()); }
  uint32_t ncells() const { return static_cast<uint32_t>(cellvars.size() + freevars.size()); }
  bool is_generator_like() const { return (flags & (kCodeGenerator | kCodeCoroutine | kCodeAsyncGenerator)) != 0; }

  // runtime is the VM's per-code cache (materialised constants, names); owned by that VM.
  mutable void* runtime = nullptr;
  mutable const void* runtime_owner = nullptr;
};

// Program owns every Code of one compiled module; it must outlive the VM running it.
struct Program {
  std::vector<std::unique_ptr<Code>> codes;
  const Code* main = nullptr;
};

}  // namespace interleave
