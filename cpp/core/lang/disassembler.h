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

}  // namespace interleave
