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
  // Kinds 9.. are reserved for the concurrency runtimes (core, GIL, blocked, I/O, loop).
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
