#pragma once
// disassemble() prints a code object as text, one instruction a line, for debugging
// and for compiler tests:  "  3 >>    12 FOR_ITER                 20 (to 20)".
#include <string>

#include "lang/bytecode.h"

namespace interleave {

// disassemble prints code and, when recursive, every nested code object after it.
std::string disassemble(const Code& code, bool recursive = true);

// const_repr is a constant as Python's repr() would show it.
std::string const_repr(const ConstValue& c);

// operand_name is what an instruction's argument names: a constant's repr, a local, global,
// attribute or cell name; empty for other instructions or an argument out of range.
std::string operand_name(const Code& code, OpCode op, uint32_t arg);

}  // namespace interleave
