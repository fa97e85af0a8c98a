#pragma once
// The event stream: every happening in a run, as a fixed-size record.
// The page, the CLI and the exporters read these records and nothing else, so this
// header is the contract: docs/EVENTS.md describes each kind's fields for readers.
#include <cstdint>
#include <string>
#include <vector>

namespace interleave {

// EventKind names what a record reports. Values are stable: the web decoder and
// stored traces depend on the numbers, so append new kinds, never renumber.
enum class EventKind : uint16_t {
  TaskCreated = 0,  // task: new task; ref: its name; value: parent task id
  TaskStart = 1,    // task begins running its first instruction
  TaskEnd = 2,      // task finished; flags: 0 returned, 1 raised; ref: repr of result or exception text
  Line = 3,         // task starts executing a new source line
  Print = 4,        // ref: the printed text (including sep/end)
  Sleep = 5,        // task blocks in time.sleep; value: seconds requested
  Wake = 6,         // task becomes runnable again after a sleep or block
  Error = 7,        // uncaught exception or engine limit; ref: "Type: message"
  Cpu = 8,          // sim.cpu(s) began; value: seconds of simulated CPU work
  // The concurrency runtimes (threads, GIL, asyncio) add these.
  Running = 9,         // task is placed on a core; flags: core index
  Preempted = 10,      // task taken off its core by the scheduler (slice or GIL drop request)
  GilRequest = 11,     // task wants the GIL
  GilTake = 12,        // task now holds the GIL
  GilDrop = 13,        // task released the GIL; flags: 0 voluntary (blocking call), 1 forced switch
  Blocked = 14,        // task waits; flags: BlockReason; value: deadline (-1 none); ref: "Lock b held by Thread-2"
  IoStart = 15,        // simulated request begins; value: request id; ref: "GET https://..."
  IoEnd = 16,          // simulated request answered; value: request id
  LoopIteration = 17,  // an event-loop iteration starts; task: loop's thread; ref: ready queue "3,5,8"
  LoopBlocked = 18,    // the event loop is stalled by a synchronous call in task; ref: the call
  TaskCancelled = 19,  // asyncio task cancellation requested; value: target task id
  Idle = 20,           // core has nothing to run; flags: core index
  ProcessStart =
      21,  // task: a new process's first thread (after its TaskCreated); value: process id; ref: process name
  Forced =
      22,  // a replayed schedule switched away from task; flags: 0 thread, 1 asyncio ready order; value: task run instead; ref: narration
};

// BlockReason says what a Blocked task waits for (EventRecord::flags of Blocked).
enum class BlockReason : uint16_t {
  Sleep = 0,
  Lock = 1,
  Queue = 2,
  Event = 3,
  Join = 4,
  Io = 5,
  Future = 6,
  Condition = 7,
  Semaphore = 8,
  Barrier = 9,
  Gil = 10,
  Select = 11,
};

// EventRecord is one event, 32 bytes, laid out so a Float64Array/Uint32Array view
// over the buffer decodes it without copying: see docs/EVENTS.md.
struct EventRecord {
  double time;     // simulated seconds since the run began
  double value;    // kind-specific number (seconds, parent id, ...), 0 if unused
  uint32_t task;   // task id: 0 is the main thread
  uint16_t kind;   // EventKind
  uint16_t flags;  // kind-specific small integer
  uint32_t line;   // 1-based source line, 0 if none
  uint32_t ref;    // index into the run's string table, 0xFFFFFFFF if none
};
static_assert(sizeof(EventRecord) == 32, "EventRecord must stay 32 bytes");

inline constexpr uint32_t kNoRef = 0xFFFFFFFFu;

}  // namespace interleave
