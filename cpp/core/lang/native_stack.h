// native_stack: how much of the current thread's C++ stack is left. Natives that recurse on
// user-controlled depth (nested run loops, repr/==/hash of nested containers) check it next
// to their depth counters, so a path the counters underestimate raises RecursionError
// instead of overflowing: in wasm the stack sits in linear memory with no guard page.
#pragma once

#include <cstddef>
#include <cstdint>

namespace interleave {

// kNativeStackReserve is the stack a check keeps free for the work between two checks and
// for raising the error itself.
constexpr size_t kNativeStackReserve = 1u << 20;

// set_native_stack_low() gives the lowest address of the current thread's stack, for hosts
// whose platform the core cannot ask (the wasm bindings pass the end of the wasm stack).
void set_native_stack_low(uintptr_t lowest);

// native_stack_low() is true when less than kNativeStackReserve bytes of stack remain;
// always false when the bounds are unknown (not given, and not readable from the platform).
bool native_stack_low();

}  // namespace interleave
