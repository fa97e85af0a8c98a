#include "lang/native_stack.h"

#if defined(__linux__)
#include <pthread.h>
#endif

namespace interleave {

namespace {

// stack_low is this thread's lowest stack address: given by the host, else read once from the platform.
thread_local uintptr_t stack_low = 0;
thread_local bool stack_known = false;

uintptr_t platform_stack_low() {
#if defined(__linux__)
  pthread_attr_t attr;
  void* addr = nullptr;
  size_t size = 0;
  if (pthread_getattr_np(pthread_self(), &attr) != 0) return 0;
  pthread_attr_getstack(&attr, &addr, &size);
  pthread_attr_destroy(&attr);
  return reinterpret_cast<uintptr_t>(addr);
#else
  return 0;
#endif
}

}  // namespace

void set_native_stack_low(uintptr_t lowest) {
  stack_low = lowest;
  stack_known = true;
}

bool native_stack_low() {
  if (!stack_known) set_native_stack_low(platform_stack_low());
  if (stack_low == 0) return false;
  // probe: a local's address is where the stack is now (in wasm, on the stack in linear memory).
  volatile char probe = 0;
  return reinterpret_cast<uintptr_t>(&probe) < stack_low + kNativeStackReserve;
}

}  // namespace interleave
