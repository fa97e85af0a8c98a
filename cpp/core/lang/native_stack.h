// native_stack: how much of the current thread's C++ stack is left. Natives that recurse on
// user-controlled depth (nested run loops, repr/==/hash of nested containers) check it next
// to their depth counters, so a path the counters underestimate raises RecursionError
// instead of overflowing: in wasm the stack sits in linear memory with no guard page.
#pragma once

#include <cstddef>

namespace interleave {

// kNativeStackReserve is the stack a check keeps free for the work between two checks and
// for raising the error itself.
constexpr size_t kNativeStackReserve = 1u << 20;

// native_stack_low() is true when less than kNativeStackReserve bytes of stack remain;
// always false on platforms whose stack bounds it cannot read.
bool native_stack_low();

}  // namespace interleave
