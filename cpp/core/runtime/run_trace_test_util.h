#pragma once
// RunTrace collects a whole run's events, strings and result for the runtime tests, so
// assertions read as "which events of which kind", whatever the advance() slicing.
#include <cstdint>
#include <string>
#include <vector>

#include "sim/simulation.h"

namespace interleave::testing {

struct Trace {
  RunResult result;
  std::vector<EventRecord> events;
  std::vector<std::string> strings;

  std::string text(const EventRecord& e) const { return e.ref == kNoRef ? std::string() : strings[e.ref]; }
  // of() is the events of one kind, optionally for one task.
  std::vector<EventRecord> of(EventKind kind, int64_t task = -1) const {
    std::vector<EventRecord> out;
    for (const EventRecord& e : events) {
      if (e.kind == static_cast<uint16_t>(kind) && (task < 0 || e.task == task)) out.push_back(e);
    }
    return out;
  }
  // task_named() is the id of the coroutine task created with this name, or 0.
  uint32_t task_named(const std::string& name) const {
    for (const EventRecord& e : of(EventKind::TaskCreated)) {
      if (e.flags == 1 && text(e) == name) return e.task;
    }
    return 0;
  }
};

// run() runs source to the end, advancing steps_per_advance instructions at a time.
inline Trace run(const std::string& source, RunOptions options = {}, uint64_t steps_per_advance = 100'000) {
  Simulation sim(options);
  Trace r;
  if (sim.load(source)) {
    while (sim.advance(steps_per_advance)) {
      r.events.insert(r.events.end(), sim.events().begin(), sim.events().end());
      sim.clear_events();
    }
  }
  r.events.insert(r.events.end(), sim.events().begin(), sim.events().end());
  r.result = sim.result();
  r.strings = sim.strings();
  return r;
}

// error_of() is "Type: message" of the run's error, or "".
inline std::string error_of(const Trace& r) {
  return r.result.error ? r.result.error->type + ": " + r.result.error->message : "";
}

}  // namespace interleave::testing
