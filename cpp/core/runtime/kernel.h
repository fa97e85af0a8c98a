#pragma once
// The `_interleave` module: the small native kernel the Python half of the standard
// library (cpp/core/stdlib: threading, queue, concurrent.futures, asyncio, ...) is written
// against, plus the `sys` module. Both are built by the Scheduler (runtime/scheduler.h).
//
// The kernel API, as the Python modules call it (times are simulated seconds):
//
//   now() -> float                          the calling thread's clock
//   settings() -> dict                      gil, cores, switch_interval, time_slice,
//                                           sequential, seed, network_latency,
//                                           network_capacity (None = no limit)
//   cpu_count() -> int                      the run's cores (os.cpu_count() under CPython)
//
// Threads
//   start_thread(fn, args=(), kwargs=None, name=None, daemon=False) -> ident
//                                           a new thread calling fn(*args, **kwargs); it
//                                           becomes runnable at once (TaskCreated flags 0)
//   get_ident() / main_ident() -> int       thread identifiers (large ints, like CPython's)
//   native_id(ident=None) -> int
//   set_name(ident, name)                   the name reports and events use
//   sentinel(label=None) -> lock            a lock the calling thread holds until it ends
//                                           (Thread.join waits on it; BlockReason Join)
//   at_shutdown(fn)                         the main thread calls fn() after the program's
//                                           code (last registered first): threading._shutdown
//   task_failed(text)                       the calling thread ends "raised" (TaskEnd flags 1)
//   local_register(obj)                     obj's attributes become per thread (threading.local)
//   format_exception(exc) -> str            CPython-style traceback text
//   write_stderr(text)                      the run's stderr (Print events with flags 1)
//
// Locks: the one blocking primitive. Everything else (Condition, Event, Semaphore, Queue,
// Barrier, join, futures) is built on them in Python, as CPython does.
//   allocate_lock(reason=1, label=None) -> lock
//       lock.acquire(blocking=True, timeout=-1) -> bool, lock.release() (RuntimeError
//       "release unlocked lock"), lock.locked(), with lock: ...
//       A blocked acquire releases the GIL and emits Blocked(flags = reason, value =
//       deadline or -1, ref = description). reason is a BlockReason number (trace/event.h).
//       label names what the page and deadlock reports show, resolved when reported:
//         None      -> the lock itself: "Lock b" (a global of __main__), else "Lock #3"
//         str       -> used as is
//         an object -> its class name and how __main__ refers to it: "Event ready",
//                      "Queue q", "Lock account.lock", "Semaphore pool[1]", or "Future #2"
//         (obj, str) -> the object's name, a space and the text: "Queue q (empty)"
//   label(obj) -> str                       that name, now
//
// Network (docs/NETWORK.md) and the event loop's selector
//   io_request(method, url, body=None) -> token
//                                           starts a request (IoStart/IoEnd events); its
//                                           completion is reported to this thread's io_wait
//   io_wait(timeout=None) -> list[token]    blocks this thread (GIL released) until a request
//                                           it issued completes, the timeout passes, or
//                                           io_wakeup() is called; returns the tokens
//                                           completed since the last call (may be empty).
//                                           timeout 0 polls without blocking.
//   io_wakeup(ident=None)                   wakes that thread's io_wait (None: every thread
//                                           between loop_enter and loop_exit); if it is not
//                                           waiting, its next io_wait returns at once
//   io_result(token) -> (status, body_text)
//   request(method, url, body=None) -> (status, body_text)
//                                           a blocking request (requests.get/post): the thread
//                                           waits for it alone; io_wait never sees its token
//
// Coroutine tasks (events only: the asyncio module does the scheduling)
//   task_new(name, parent_id=None, machinery=False) -> id
//                                           TaskCreated flags 1, or 3 for machinery: the event
//                                           loop's own task (asyncio.run's shutdown coroutines);
//                                           ids share the threads' space
//   task_enter(id) / task_leave()           around each step of a task: Line and Print events
//                                           are attributed to it; Running / Preempted events
//   task_blocked(id, reason, description, deadline=None)
//                                           the step ended waiting (Blocked event); the
//                                           deadlock report says "<name> waits for <description>"
//   task_end(id, status, text)              status 0 returned, 1 raised, 2 cancelled
//   task_cancelled(target_id)               TaskCancelled event
//   loop_iteration(ready_ids, n)            LoopIteration event; ready_ids is "3,5,8": blocked
//                                           tasks listed there get a Wake event
//   loop_enter() / loop_exit()              this thread runs an event loop: a blocking call
//                                           made inside a task step (time.sleep, sim.cpu,
//                                           request, a lock) emits LoopBlocked for the task
//   current_task() -> id                    the entered task, else the thread's id
//
// The event loop's helpers (runtime/kernel_io.h)
//   timer_push(heap, handle) / timer_pop(heap) -> handle / timer_heapify(heap)
//                                           CPython's heapq algorithm on TimerHandle._when,
//                                           so timers with equal deadlines pop in CPython's order
//   ready_ids(ready) -> str                 the ready queue's task ids for LoopIteration
//   is_coroutine_function(fn) -> bool
//
// Frozen modules: cpp/core/stdlib/NAME.py is importable as NAME (a/b.py as a.b, a/__init__.py
// as the package a, concurrent_futures.py as concurrent.futures). Use absolute imports.
#include <string_view>

#include "vm/value.h"

namespace interleave {

class Scheduler;
class VM;
struct Module;

// make_kernel_module() builds `_interleave` for the scheduler's run.
bool make_kernel_module(Scheduler& scheduler, VM& vm, Module*& out);
// make_sys_module() builds `sys`: switch interval, version, stdout/stderr, exit, exc_info.
bool make_sys_module(Scheduler& scheduler, VM& vm, Module*& out);
// system_exit_code() is true when exc is a SystemExit, with its code (None, an int or any
// value); exit_is_clean() is true for code None or 0, which end a program normally.
bool system_exit_code(VM& vm, Value exc, Value& code);
bool exit_is_clean(VM& vm, Value exc);

}  // namespace interleave
