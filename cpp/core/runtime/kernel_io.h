#pragma once
// The asyncio half of the _interleave kernel module: the event loop's timer heap and the
// ready-queue summary its LoopIteration events carry. The threads runtime owns the
// module and calls add_asyncio_natives() when it builds it.
#include "vm/object.h"

namespace interleave {

class VM;

// add_asyncio_natives() defines timer_push/timer_pop/timer_heapify (CPython's heapq
// algorithm on TimerHandle._when), ready_ids() and is_coroutine_function() in module m.
void add_asyncio_natives(VM& vm, Module* m);
// add_weakref_natives() defines weak_new/weak_get/weak_sync/weak_dead (runtime/weakref.cpp).
void add_weakref_natives(VM& vm, Module* m);
// add_process_natives() defines process_start/process_main/process_id/getpid/getppid (runtime/processes.cpp).
void add_process_natives(VM& vm, Module* m);

}  // namespace interleave
