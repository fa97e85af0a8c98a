// The Embind surface of the engine: a thin JS class around interleave::Simulation.
// Counts cross the boundary as doubles (exact below 2^53) so JS never needs BigInt.
#include <emscripten/bind.h>
#include <emscripten/stack.h>
#include <emscripten/val.h>

#include <cstdint>
#include <string>

#include "explore/explorer.h"
#include "lang/native_stack.h"
#include "sim/simulation.h"
#include "vm/frozen.h"

namespace {

using emscripten::val;
using interleave::ManualChoice;
using interleave::ManualUnit;
using interleave::RunOptions;
using interleave::Simulation;

// number_option reads options[key] into field when it is a number.
template <typename T>
void number_option(const val& options, const char* key, T& field) {
  val v = options[key];
  if (v.isNumber()) field = static_cast<T>(v.as<double>());
}

// positive_option reads options[key] into field when it is a positive finite number.
void positive_option(const val& options, const char* key, double& field) {
  val v = options[key];
  if (!v.isNumber()) return;
  double d = v.as<double>();
  if (d > 0 && d <= 3600) field = d;
}

// network_option reads a latency (seconds >= 0) and a capacity (positive, or null for no limit).
void network_option(const val& latency, const val& capacity, bool has_capacity, RunOptions& r) {
  if (latency.isNumber() && latency.as<double>() >= 0) r.network_latency = latency.as<double>();
  if (capacity.isNumber() && capacity.as<double>() >= 1)
    r.network_capacity = static_cast<int64_t>(capacity.as<double>());
  if (has_capacity && capacity.isNull()) r.network_capacity = -1;
}

// unit_option reads "line" or "instruction" into unit; anything else keeps it.
void unit_option(const val& v, ManualUnit& unit) {
  if (!v.isString()) return;
  std::string s = v.as<std::string>();
  if (s == "line") unit = ManualUnit::Line;
  if (s == "instruction") unit = ManualUnit::Instruction;
}

// manual_options reads manual, manualUnit and choices: each choice is a thread id (run for
// manualUnit) or {thread, unit}. A malformed entry ends the list there.
void manual_options(const val& options, RunOptions& r) {
  val manual = options["manual"];
  if (manual.isTrue() || manual.isFalse()) r.manual = manual.isTrue();
  ManualUnit unit = ManualUnit::Line;
  unit_option(options["manualUnit"], unit);
  val choices = options["choices"];
  if (!r.manual || choices.isUndefined() || choices.isNull() || !val::global("Array").call<bool>("isArray", choices))
    return;
  uint32_t n = choices["length"].as<uint32_t>();
  for (uint32_t i = 0; i < n; ++i) {
    val c = choices[i];
    ManualChoice choice;
    choice.unit = unit;
    val thread = c;
    if (c.isNumber()) {
      thread = c;
    } else if (!c.isUndefined() && !c.isNull() && c["thread"].isNumber()) {
      thread = c["thread"];
      unit_option(c["unit"], choice.unit);
    } else {
      return;
    }
    double id = thread.as<double>();
    if (!(id >= 0 && id < 4294967296.0)) return;
    choice.thread = static_cast<uint32_t>(id);
    r.choices.push_back(choice);
  }
}

// run_options_from turns a plain JS object ({stepLimit, seed, ...}) into RunOptions;
// missing or mistyped fields keep their defaults.
RunOptions run_options_from(const val& options) {
  RunOptions r;
  if (options.isUndefined() || options.isNull()) return r;
  val filename = options["filename"];
  if (filename.isString()) r.filename = filename.as<std::string>();
  number_option(options, "stepLimit", r.step_limit);
  number_option(options, "memoryLimit", r.memory_limit);
  number_option(options, "outputLimit", r.output_limit);
  number_option(options, "eventLimit", r.event_limit);
  number_option(options, "recursionLimit", r.recursion_limit);
  number_option(options, "seed", r.seed);
  val trace_lines = options["traceLines"];
  if (trace_lines.isTrue() || trace_lines.isFalse()) r.trace_lines = trace_lines.isTrue();
  val keep_events = options["keepEvents"];
  if (keep_events.isTrue() || keep_events.isFalse()) r.keep_events = keep_events.isTrue();
  // Scheduling: the page sends gil, cores, switchInterval, timeSlice, sequential and
  // network {latency, capacity | null}; slice, networkLatency and networkCapacity are
  // accepted as the CLI-style spellings. Out-of-range values keep the defaults.
  val gil = options["gil"];
  if (gil.isTrue() || gil.isFalse()) r.gil = gil.isTrue();
  if (gil.isString()) r.gil = gil.as<std::string>() != "off";
  double cores = 0;
  if (options["cores"].isNumber() && (cores = options["cores"].as<double>()) >= 1 && cores <= 16) {
    r.cores = static_cast<uint32_t>(cores);
  }
  positive_option(options, "switchInterval", r.switch_interval);
  positive_option(options, "timeSlice", r.time_slice);
  positive_option(options, "slice", r.time_slice);
  val sequential = options["sequential"];
  if (sequential.isTrue() || sequential.isFalse()) r.sequential = sequential.isTrue();
  network_option(options["networkLatency"], options["networkCapacity"], options.hasOwnProperty("networkCapacity"), r);
  val network = options["network"];
  if (!network.isUndefined() && !network.isNull()) {
    network_option(network["latency"], network["capacity"], network.hasOwnProperty("capacity"), r);
  }
  val costs = options["costs"];
  if (!costs.isUndefined() && !costs.isNull()) {
    number_option(costs, "instruction", r.costs.instruction);
    number_option(costs, "call", r.costs.call);
    number_option(costs, "nativeCall", r.costs.native_call);
    number_option(costs, "alloc", r.costs.alloc);
  }
  manual_options(options, r);
  val schedule = options["schedule"];
  if (schedule.isString()) r.schedule = schedule.as<std::string>();
  return r;
}

// explore_options_from reads {mode, preemptions, schedules, steps, seed, depth, points}.
interleave::ExploreOptions explore_options_from(const val& options) {
  interleave::ExploreOptions e;
  if (options.isUndefined() || options.isNull()) return e;
  val mode = options["mode"];
  if (mode.isString()) e.pct = mode.as<std::string>() == "pct";
  val points = options["points"];
  if (points.isString())
    e.points = points.as<std::string>() == "lines" ? interleave::Points::Lines : interleave::Points::Shared;
  double n = 0;
  if (options["preemptions"].isNumber() && (n = options["preemptions"].as<double>()) >= 0 && n <= 64)
    e.preemptions = static_cast<uint32_t>(n);
  if (options["schedules"].isNumber() && (n = options["schedules"].as<double>()) >= 1)
    e.schedules = static_cast<uint64_t>(n);
  if (options["steps"].isNumber() && (n = options["steps"].as<double>()) >= 0) e.steps = static_cast<uint64_t>(n);
  if (options["seed"].isNumber() && (n = options["seed"].as<double>()) >= 0) e.seed = static_cast<uint64_t>(n);
  if (options["depth"].isNumber() && (n = options["depth"].as<double>()) >= 1 && n <= 64)
    e.depth = static_cast<uint32_t>(n);
  return e;
}

// JsExplorer is what JS sees as `Explorer`: the schedule search in slices. Like
// Simulation, an instance owns wasm memory until delete().
class JsExplorer {
 public:
  JsExplorer(const std::string& source, val options, val explore)
      : explorer_(source, without_schedule(run_options_from(options)), explore_options_from(explore)) {}
  // advance runs at most max_schedules more schedules; true once the search is over.
  bool advance(double max_schedules) {
    return explorer_.advance(max_schedules < 1 ? 1 : static_cast<uint64_t>(max_schedules));
  }
  void stop() { explorer_.stop(); }
  std::string progress() const { return explorer_.progress_json(); }
  std::string report() const { return explorer_.report_json(); }
  std::string text(const std::string& replay) const { return explorer_.report_text(replay); }

 private:
  static RunOptions without_schedule(RunOptions r) {
    r.schedule.clear();
    r.manual = false;
    r.choices.clear();
    return r;
  }
  interleave::Explorer explorer_;
};

// JsSimulation is what JS sees as `Simulation`. Lifetime rule: every instance created
// from JS owns wasm memory and must be released with `delete()` when the host is done.
class JsSimulation {
 public:
  JsSimulation() : sim_(RunOptions{}) {}
  explicit JsSimulation(val options) : sim_(run_options_from(options)) {}

  bool load(const std::string& source) { return sim_.load(source); }
  bool advance(double max_steps) { return sim_.advance(max_steps <= 0 ? 0 : static_cast<uint64_t>(max_steps)); }

  bool finished() const { return sim_.result().finished; }
  std::string output() const { return sim_.result().output; }
  double elapsed() const { return sim_.result().elapsed; }
  double steps() const { return static_cast<double>(sim_.result().steps); }
  double eventTotal() const { return static_cast<double>(sim_.result().events); }

  bool hasError() const { return sim_.result().error.has_value(); }
  std::string errorType() const { return hasError() ? sim_.result().error->type : std::string(); }
  std::string errorMessage() const { return hasError() ? sim_.result().error->message : std::string(); }
  uint32_t errorLine() const { return hasError() ? sim_.result().error->line : 0; }
  std::string errorTraceback() const { return hasError() ? sim_.result().error->traceback : std::string(); }

  std::string takeOutput() { return sim_.take_output(); }
  // errorOutput is everything written to stderr (exceptions in threads, sys.stderr).
  std::string errorOutput() const { return sim_.result().error_output; }
  std::string takeErrorOutput() { return sim_.take_error_output(); }

  // eventCount is the number of records pending since the last clearEvents().
  uint32_t eventCount() const { return static_cast<uint32_t>(sim_.events().size()); }
  // eventBytes views the pending records in wasm memory (32 bytes each); the view dies
  // at the next call into wasm, so JS copies it out immediately.
  val eventBytes() const {
    const auto& events = sim_.events();
    return val(emscripten::typed_memory_view(events.size() * sizeof(interleave::EventRecord),
                                             reinterpret_cast<const uint8_t*>(events.data())));
  }
  void clearEvents() { sim_.clear_events(); }

  uint32_t stringCount() const { return static_cast<uint32_t>(sim_.strings().size()); }
  std::string string(uint32_t index) const {
    const auto& strings = sim_.strings();
    return index < strings.size() ? strings[index] : std::string();
  }
  // stringsFrom returns strings[first..] as one JS array, so a host syncs its copy of
  // the growing table with one call per batch.
  // manualState is a manual run's position: {waiting, choicesUsed, error, threads, globals},
  // or null when the run is not manual.
  val manualState() {
    if (!sim_.options().manual) return val::null();
    interleave::ManualState state = sim_.manual_state();
    val out = val::object();
    out.set("waiting", state.waiting);
    out.set("choicesUsed", static_cast<double>(state.choices_used));
    out.set("error", state.error);
    out.set("atCheck", state.at_check);
    val threads = val::array();
    for (const interleave::ManualThread& t : state.threads) {
      val v = val::object();
      v.set("id", t.id);
      v.set("index", t.index);
      v.set("name", t.name);
      v.set("line", t.line);
      v.set("state", t.state);
      v.set("detail", t.detail);
      v.set("next", t.next);
      v.set("runnable", t.runnable);
      threads.call<void>("push", v);
    }
    out.set("threads", threads);
    val globals = val::array();
    for (const interleave::ManualVariable& g : state.globals) {
      val v = val::object();
      v.set("name", g.name);
      v.set("value", g.value);
      globals.call<void>("push", v);
    }
    out.set("globals", globals);
    return out;
  }

  val stringsFrom(uint32_t first) const {
    const auto& strings = sim_.strings();
    val out = val::array();
    for (size_t i = first; i < strings.size(); ++i) out.call<void>("push", val(strings[i]));
    return out;
  }

 private:
  Simulation sim_;
};

// add_library makes the library archive (interleave-library.txt, bytes or text) importable
// by every Simulation created afterwards; returns "" or what is wrong with the archive.
std::string add_library(const std::string& archive) {
  std::string error;
  return interleave::add_library(archive, error) ? std::string() : error;
}

// needs_library says whether source statically imports a library module not yet added.
bool needs_library(const std::string& source) { return interleave::needs_library(source); }

}  // namespace

EMSCRIPTEN_BINDINGS(interleave) {
  // The core cannot read wasm's stack bounds: Emscripten's stack grows down to its end.
  if (emscripten_stack_get_end() == 0) emscripten_stack_init();
  interleave::set_native_stack_low(emscripten_stack_get_end());
  emscripten::class_<JsSimulation>("Simulation")
      .constructor<>()
      .constructor<val>()
      .function("load", &JsSimulation::load)
      .function("advance", &JsSimulation::advance)
      .function("finished", &JsSimulation::finished)
      .function("output", &JsSimulation::output)
      .function("elapsed", &JsSimulation::elapsed)
      .function("steps", &JsSimulation::steps)
      .function("eventTotal", &JsSimulation::eventTotal)
      .function("hasError", &JsSimulation::hasError)
      .function("errorType", &JsSimulation::errorType)
      .function("errorMessage", &JsSimulation::errorMessage)
      .function("errorLine", &JsSimulation::errorLine)
      .function("errorTraceback", &JsSimulation::errorTraceback)
      .function("takeOutput", &JsSimulation::takeOutput)
      .function("errorOutput", &JsSimulation::errorOutput)
      .function("takeErrorOutput", &JsSimulation::takeErrorOutput)
      .function("eventCount", &JsSimulation::eventCount)
      .function("eventBytes", &JsSimulation::eventBytes)
      .function("clearEvents", &JsSimulation::clearEvents)
      .function("stringCount", &JsSimulation::stringCount)
      .function("string", &JsSimulation::string)
      .function("stringsFrom", &JsSimulation::stringsFrom)
      .function("manualState", &JsSimulation::manualState);
  emscripten::class_<JsExplorer>("Explorer")
      .constructor<std::string, val, val>()
      .function("advance", &JsExplorer::advance)
      .function("stop", &JsExplorer::stop)
      .function("progress", &JsExplorer::progress)
      .function("report", &JsExplorer::report)
      .function("text", &JsExplorer::text);
  emscripten::function("addLibrary", &add_library);
  emscripten::function("needsLibrary", &needs_library);
  emscripten::constant("eventRecordBytes", static_cast<uint32_t>(sizeof(interleave::EventRecord)));
}
