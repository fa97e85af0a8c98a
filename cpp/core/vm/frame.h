#pragma once
// Frame is one activation of a code object, on the heap so that a task can stop after
// any instruction and resume later: the instruction pointer, the value stack, locals,
// cells and the block stack of active exception handlers all live here.
#include <cstdint>
#include <memory>
#include <vector>

#include "lang/bytecode.h"
#include "vm/object.h"

namespace interleave {

struct CodeRuntime;  // vm/code_runtime.h

// BlockKind: Handler is a SETUP_FINALLY/SETUP_WITH target; ExceptHandler marks a running
// except/finally body and remembers the exception that was being handled before it.
enum class BlockKind : uint8_t { Handler, ExceptHandler };

struct Block {
  BlockKind kind;
  uint32_t handler;  // instruction index (Handler)
  uint32_t level;    // stack depth to restore
  Value saved_exc;   // ExceptHandler: the task's handled exception before this handler
};

struct Frame {
  const Code* code = nullptr;
  CodeRuntime* rt = nullptr;
  const uint32_t* ip = nullptr;  // next instruction
  Value* sp = nullptr;           // next free stack slot
  Value* slots = nullptr;        // locals, then cells (cellvars, freevars), then the value stack
  Value* stack_base = nullptr;
  uint32_t capacity = 0;
  std::unique_ptr<Value[]> storage;
  std::vector<Block> blocks;
  Function* func = nullptr;
  Dict* globals = nullptr;
  Dict* locals_dict = nullptr;  // class bodies: the namespace being built
  Generator* gen = nullptr;     // set while the frame belongs to a generator
  Value init_self;              // constructor call: returned instead of __init__'s None
  bool is_init = false;
  bool entry = false;  // a native call waits for this frame: its return ends the nested loop

  uint32_t pc() const { return static_cast<uint32_t>(ip - code->code.data()); }
  // line() is the source line of the instruction being executed (the one before ip).
  uint32_t line() const {
    uint32_t p = pc();
    if (p == 0) return code->first_line;
    return code->lines[p - 1];
  }
  Value* cells() const { return slots + code->nlocals(); }
};

}  // namespace interleave
