#pragma once
// Simulation is the engine's one entry point: compile a program, run it on the
// simulated clock in bounded slices, and collect output, events and the result.
// Everything the run owns hangs off one instance; there are no globals, so several
// simulations can live side by side (the page's "compare" runs two).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/cost_model.h"
#include "runtime/manual.h"
#include "trace/event.h"

namespace interleave {

struct FrozenCache;

// RunOptions are the settings a run is a pure function of, with the program text.
struct RunOptions {
  std::string filename = "main.py";
  uint64_t step_limit = 100'000'000;             // instructions before StepLimitError
  uint64_t memory_limit = 256ull * 1024 * 1024;  // bytes of VM objects before MemoryError
  uint64_t output_limit = 16ull * 1024 * 1024;   // bytes printed (stdout + stderr) before OutputLimitError
  uint64_t event_limit = 10'000'000;             // scheduling events (all but Line) before EventLimitError
  uint32_t recursion_limit = 1000;               // Python frames per task before RecursionError
  uint64_t seed = 0;                             // seeds `random` and where forced switches land
  bool trace_lines = true;                       // emit EventKind::Line records
  // keep_events = false counts events without keeping them: the CLIs' run, which reports only
  // the count, saves 32 bytes an event (a CPU-bound run makes millions) and the copying.
  bool keep_events = true;
  CostModel costs;  // simulated CPU time per instruction kind
  // Scheduling (docs/RUNTIME.md).
  bool gil = true;                 // CPython's GIL; false = free-threaded
  uint32_t cores = 2;              // simulated CPU cores
  double switch_interval = 0.005;  // GIL switch interval (sys.setswitchinterval)
  double time_slice = 0.01;        // OS time slice when threads outnumber cores
  bool sequential = false;         // run each thread and task to completion in turn
  // The simulated network (docs/NETWORK.md); sim.network() changes both during a run.
  double network_latency = 0.25;  // seconds per request
  int64_t network_capacity = -1;  // requests served at once; < 0 = no limit
  // Manual mode: the host picks the thread to run at each choice (one core, the GIL on,
  // sequential off); advance() stops at a choice point once `choices` run out.
  bool manual = false;
  std::vector<ManualChoice> choices;
  // schedule: replay an explorer's schedule (explore/schedule.h): a manual run whose choices
  // the schedule makes, with a Forced event at each switch it forces. hook: the explorer's own
  // driver instead (not owned); either implies manual mode.
  std::string schedule;
  ChoiceHook* hook = nullptr;
  SwitchProbe* probe = nullptr;  // sees each thread the GIL is taken from (tests; not owned)
  // frozen_cache: compiled standard-library modules shared by many runs in turn (not owned).
  FrozenCache* frozen_cache = nullptr;
};

// ManualState is where a manual run stands: waiting for a choice or not, and every thread.
struct ManualState {
  bool waiting = false;       // advance() stopped for a choice; the run is not finished
  uint64_t choices_used = 0;  // how many of RunOptions::choices the run followed
  std::string error;          // why the next choice could not be followed ("" if none)
  bool at_check = true;       // a switch away from the last thread here is one CPython 3.11 can make
  std::vector<ManualThread> threads;
  std::vector<ManualVariable> globals;  // the program's shared state (plain globals)
};

// ErrorInfo describes an uncaught Python exception, a syntax error or an engine limit.
struct ErrorInfo {
  std::string type;       // "ZeroDivisionError", "SyntaxError", "StepLimitError", ...
  std::string message;    // "division by zero"
  uint32_t line = 0;      // innermost line of the traceback (0 if none)
  std::string traceback;  // full CPython-style text: "Traceback (most recent call last):\n  File ..."
};

// RunResult summarises a run; it is complete once finished is true.
struct RunResult {
  bool finished = false;
  std::string output;        // everything printed so far
  std::string error_output;  // everything written to stderr (exceptions in threads, sys.stderr)
  double elapsed = 0.0;      // simulated seconds
  std::optional<ErrorInfo> error;
  uint64_t events = 0;  // total events emitted (including drained ones)
  uint64_t steps = 0;   // total instructions executed
};

class Engine;  // the VM and runtime behind the facade (vm/, runtime/)

class Simulation {
 public:
  explicit Simulation(RunOptions options = {});
  ~Simulation();
  Simulation(const Simulation&) = delete;
  Simulation& operator=(const Simulation&) = delete;

  // load() compiles the program. On a syntax or compile error it returns false, and
  // result() is finished with the error set (type "SyntaxError", line set).
  bool load(std::string_view source);

  // advance() runs at most max_steps instructions across all tasks, then returns.
  // It returns true while the program has more to run. Hosts call it in a loop and
  // drain events between calls, which is how the page streams a long run. A manual run
  // also returns false at a choice point, with result().finished still false.
  bool advance(uint64_t max_steps);

  // run() advances until the program ends; events accumulate (drain with take_events).
  const RunResult& run();

  const RunResult& result() const;

  // events() holds the records emitted since the last clear_events().
  const std::vector<EventRecord>& events() const;
  void clear_events();

  // strings() is the run's string table, referenced by EventRecord::ref; it only grows.
  const std::vector<std::string>& strings() const;

  // take_output() returns text printed since the previous call (for streaming hosts).
  std::string take_output();
  // take_error_output() returns text written to stderr since the previous call.
  std::string take_error_output();

  // forced() is the narration of each switch a replayed schedule forced, in order.
  std::vector<std::string> forced() const;
  // forced_unchecked() is how many of a replay's preemptions CPython 3.11 could not make.
  uint32_t forced_unchecked() const;

  // manual_state() describes a manual run now (threads, choice point); empty otherwise.
  ManualState manual_state();

  const RunOptions& options() const { return options_; }

 private:
  RunOptions options_;
  std::unique_ptr<Engine> engine_;
};

}  // namespace interleave
