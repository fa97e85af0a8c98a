#include "lang/native_stack.h"

#include <cstdint>

#if defined(__EMSCRIPTEN__)
#include <emscripten/stack.h>
#elif defined(__linux__)
#include <pthread.h>
#endif

namespace interleave {

#if defined(__EMSCRIPTEN__)

bool native_stack_low() {
  // native_stack_low: the runtime sets the limits at start-up; initialising again is harmless.
  if (emscripten_stack_get_end() == 0) emscripten_stack_init();
  return emscripten_stack_get_free() < kNativeStackReserve;
}

#elif defined(__linux__)

bool native_stack_low() {
  // low is the lowest address of this thread's stack, read once per thread.
  thread_local uintptr_t low = 0;
  if (low == 0) {
    pthread_attr_t attr;
    void* addr = nullptr;
    size_t size = 0;
    if (pthread_getattr_np(pthread_self(), &attr) != 0) return false;
    pthread_attr_getstack(&attr, &addr, &size);
    pthread_attr_destroy(&attr);
    low = reinterpret_cast<uintptr_t>(addr);
    if (low == 0) return false;
  }
  uintptr_t sp = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
  return sp < low + kNativeStackReserve;
}

#else

bool native_stack_low() { return false; }

#endif

}  // namespace interleave
