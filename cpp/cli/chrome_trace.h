#pragma once
// ChromeTraceWriter writes a run's events as Chrome Trace Event JSON (opens in Perfetto and
// chrome://tracing), the same file the wasm CLI's --trace writes: it follows the page's
// ChromeTraceBuilder (web/src/engine/chrome-trace.ts) object for object and key for key, so
// the two files are equal byte for byte; change both together. One track per task, source
// lines as slices, sleeps and CPU work as nested slices, the rest as instants. Events are
// written as they come, so a long run never holds them all.
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "trace/event.h"

namespace interleave::cli {

class ChromeTraceWriter {
 public:
  // The writer does not own out; source gives line slices their text ("6: x = 1 / 0").
  ChromeTraceWriter(std::FILE* out, std::string_view source, std::string_view process_name);

  // add() consumes one slice's events; strings is the run's table (Simulation::strings()).
  void add(const std::vector<EventRecord>& events, const std::vector<std::string>& strings);

  // finish() closes every open line slice at the last time seen and ends the JSON;
  // false if writing failed.
  bool finish();

 private:
  struct OpenLine {
    uint32_t line;
    double start;
    uint64_t order;  // when it opened: finish() closes them in that order, as a JS Map iterates
  };

  void add_one(const EventRecord& e, const std::vector<std::string>& strings);
  void name_task(uint32_t task, const std::string* name);
  void close_line(uint32_t task, double end);
  // write() appends one trace event object, after a comma from the second on.
  void write(const std::string& object);
  void flush();

  std::FILE* out_;
  std::string buf_;
  bool first_ = true;
  std::string source_;
  std::vector<std::string_view> lines_;  // views into source_
  std::unordered_map<uint32_t, OpenLine> open_lines_;
  std::unordered_set<uint32_t> named_;
  uint64_t opened_ = 0;
  double last_time_ = 0;
};

}  // namespace interleave::cli
