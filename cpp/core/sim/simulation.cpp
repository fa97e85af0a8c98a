#include "sim/simulation.h"

#include <algorithm>

#include "explore/schedule.h"
#include "lang/compiler.h"
#include "lang/parser.h"
#include "lang/source.h"
#include "runtime/kernel.h"
#include "runtime/scheduler.h"
#include "trace/event_log.h"
#include "vm/task.h"
#include "vm/vm.h"

namespace interleave {

namespace {

RuntimeSettings settings_from(const RunOptions& o, ChoiceHook* hook) {
  RuntimeSettings s;
  s.gil = o.gil;
  s.cores = std::max<uint32_t>(1, o.cores);
  s.switch_interval = o.switch_interval > 0 ? o.switch_interval : 0.005;
  s.time_slice = o.time_slice > 0 ? o.time_slice : 0.01;
  s.sequential = o.sequential;
  s.seed = o.seed;
  s.network_latency = o.network_latency >= 0 ? o.network_latency : 0.25;
  s.network_capacity = o.network_capacity > 0 ? o.network_capacity : -1;
  s.trace_lines = o.trace_lines;
  s.output_limit = o.output_limit;
  s.event_limit = o.event_limit;
  s.costs = o.costs;
  s.probe = o.probe;
  if (o.manual || hook) {
    // Manual mode: one core and the GIL, so exactly one chosen thread runs at a time.
    s.manual = true;
    s.choices = o.choices;
    s.hook = hook;
    s.gil = true;
    s.cores = 1;
    s.sequential = false;
  }
  return s;
}

// replay_driver follows a schedule given as text; an unreadable one is reported by load().
std::unique_ptr<ScheduleDriver> replay_driver(const RunOptions& o) {
  if (o.hook || o.schedule.empty()) return nullptr;
  Schedule plan;
  if (!decode_schedule(o.schedule, plan)) return nullptr;
  auto driver = std::make_unique<ScheduleDriver>(std::move(plan));
  driver->narrate = true;
  return driver;
}

}  // namespace

// Engine is everything one run owns; members are declared in construction order.
class Engine {
 public:
  explicit Engine(const RunOptions& o)
      : options(o),
        replay(replay_driver(o)),
        scheduler(settings_from(o, o.hook ? o.hook : replay.get()), log),
        program(),
        vm(scheduler) {
    scheduler.attach(&vm, &lines);
    log.keep(o.keep_events);
    VmConfig config;
    config.memory_limit = o.memory_limit;
    config.recursion_limit = o.recursion_limit;
    config.step_limit = o.step_limit;
    config.trace_lines = o.trace_lines;
    config.frozen_cache = o.frozen_cache;
    vm.configure(config);
  }

  RunOptions options;
  std::unique_ptr<ScheduleDriver> replay;  // a replayed schedule's driver (RunOptions::schedule)
  EventLog log;
  std::vector<std::string> lines;
  Scheduler scheduler;
  std::unique_ptr<Program> program;  // outlives the VM, which caches per-code data in it
  VM vm;
  Task* main = nullptr;
  RunResult result;
  size_t output_taken = 0;
  size_t errors_taken = 0;
  bool loaded = false;

  void sync_result() {
    // Only what was printed since the last sync is copied: a long run syncs often.
    result.output.append(scheduler.output(), result.output.size());
    result.error_output.append(scheduler.error_output(), result.error_output.size());
    result.elapsed = result.finished ? scheduler.end_time() : scheduler.now();
    result.steps = vm.steps();
    result.events = log.total();
  }

  void fail_compile(const CompileError& err) {
    ErrorInfo info;
    info.type = err.type;
    info.message = err.message;
    info.line = err.line;
    info.traceback = err.type + ": " + err.message + " (line " + std::to_string(err.line) + ")\n";
    log.emit(EventKind::Error, 0.0, 0, err.line, 0.0, 0, log.intern(err.type + ": " + err.message));
    result.error = std::move(info);
    result.finished = true;
    sync_result();
  }

  // fail() ends the run with an engine-reported error: the Error event, then main's TaskEnd.
  void fail(ErrorInfo info) {
    double t = scheduler.end_time();
    uint32_t text = log.intern(info.message.empty() ? info.type : info.type + ": " + info.message);
    log.emit(EventKind::Error, t, 0, info.line, 0.0, 0, text);
    log.emit(EventKind::TaskEnd, t, 0, info.line, 0.0, 1, text);
    result.error = std::move(info);
    result.finished = true;
    sync_result();
  }

  // finish_limit ends the run with an engine error that names the limit; no traceback.
  void finish_limit(const char* type, std::string message, uint32_t line) {
    ErrorInfo info;
    info.type = type;
    info.message = std::move(message);
    info.line = line;
    info.traceback = info.type + ": " + info.message + "\n";
    fail(std::move(info));
  }

  void finish_output_limit(uint32_t line) {
    uint64_t limit = options.output_limit;
    std::string amount =
        limit % (1 << 20) == 0 ? std::to_string(limit >> 20) + " MB" : std::to_string(limit) + " bytes";
    finish_limit("OutputLimitError", "stopped after printing " + amount + " (raise the limit with --output-limit)",
                 line);
  }

  void finish_event_limit(uint32_t line) {
    finish_limit("EventLimitError",
                 "stopped after " + std::to_string(options.event_limit) +
                     " scheduling events (raise the limit with --event-limit)",
                 line);
  }

  void finish_step_limit(uint32_t line) {
    finish_limit("StepLimitError",
                 "stopped after " + std::to_string(options.step_limit) + " steps (raise the limit with --step-limit)",
                 line);
  }

  void finish_deadlock() { finish_limit("DeadlockError", scheduler.end_message(), scheduler.end_line()); }

  // user_line() is the innermost traceback line in the program itself, not a frozen module.
  uint32_t user_line(Value exc) {
    ExceptionData* d = vm.exception_data(exc);
    if (!d) return scheduler.end_line();
    for (const TracebackEntry& e : d->traceback_innermost_first) {
      if (!e.file || e.file->empty() || (*e.file)[0] != '<') return e.line;
    }
    return d->traceback_innermost_first.empty() ? scheduler.end_line() : d->traceback_innermost_first.front().line;
  }

  void finish_error(Value exc) {
    ErrorInfo info;
    info.type = vm.exception_type_name(exc);
    info.message = vm.exception_message(exc);
    info.line = user_line(exc);
    info.traceback = vm.format_exception(exc, lines);
    Value code;
    if (system_exit_code(vm, exc, code)) {
      // At top level SystemExit prints no traceback: only a non-int code, as text.
      info.traceback.clear();
      if (!code.is_int() && !code.is_bool()) info.traceback = info.message + "\n";
    }
    fail(std::move(info));
  }

  void finish_ok() {
    std::string repr;
    if (!vm.to_repr(main->result, repr)) {
      vm.clear_exception();
      repr = "None";
    }
    log.emit(EventKind::TaskEnd, scheduler.end_time(), 0, main->last_line, 0.0, 0, log.intern(repr));
    result.finished = true;
    sync_result();
  }

  void finish() {
    switch (scheduler.end()) {
      case RunEnd::Running: break;
      case RunEnd::Finished: finish_ok(); break;
      case RunEnd::Raised: finish_error(scheduler.main_exception()); break;
      case RunEnd::Deadlock: finish_deadlock(); break;
      case RunEnd::StepLimit: finish_step_limit(scheduler.end_line()); break;
      case RunEnd::OutputLimit: finish_output_limit(scheduler.end_line()); break;
      case RunEnd::EventLimit: finish_event_limit(scheduler.end_line()); break;
    }
  }
};

Simulation::Simulation(RunOptions options)
    : options_(std::move(options)), engine_(std::make_unique<Engine>(options_)) {}

Simulation::~Simulation() = default;

bool Simulation::load(std::string_view raw) {
  engine_ = std::make_unique<Engine>(options_);
  Engine& e = *engine_;
  std::string text;
  if (std::optional<CompileError> bad = decode_source(raw, options_.filename, text)) {
    e.fail_compile(*bad);
    return false;
  }
  if (!options_.schedule.empty() && !options_.hook && !e.replay) {
    e.fail_compile(CompileError{"ScheduleError", "'" + options_.schedule.substr(0, 80) + "' is not a schedule", 0, 0});
    return false;
  }
  std::string_view source = text;
  size_t start = 0;
  while (start <= source.size()) {
    size_t end = source.find('\n', start);
    if (end == std::string_view::npos) end = source.size();
    std::string line(source.substr(start, end - start));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    e.lines.push_back(std::move(line));
    start = end + 1;
  }
  ParseResult parsed = parse(source);
  if (parsed.error || !parsed.module) {
    e.fail_compile(parsed.error ? *parsed.error : CompileError{"SyntaxError", "invalid syntax", 1, 0});
    return false;
  }
  CompileResult compiled = compile(*parsed.module, options_.filename);
  if (compiled.error) {
    e.fail_compile(*compiled.error);
    return false;
  }
  e.program = std::move(compiled.program);
  e.main = e.vm.start_main(*e.program);
  e.log.emit(EventKind::TaskCreated, 0.0, 0, 0, 0.0, 2, e.log.intern(e.main->name));
  e.scheduler.start(e.main, options_.step_limit);
  e.loaded = true;
  e.sync_result();
  return true;
}

bool Simulation::advance(uint64_t max_steps) {
  Engine& e = *engine_;
  if (!e.loaded || e.result.finished) return false;
  bool more = e.scheduler.advance(max_steps);
  if (!more && e.scheduler.at_choice()) {
    e.sync_result();
    return false;
  }
  if (!more) {
    e.finish();
    return false;
  }
  e.sync_result();
  return true;
}

const RunResult& Simulation::run() {
  while (advance(1'000'000)) {
  }
  return engine_->result;
}

const RunResult& Simulation::result() const { return engine_->result; }

std::vector<std::string> Simulation::forced() const {
  return engine_->replay ? engine_->replay->narration : std::vector<std::string>{};
}

uint32_t Simulation::forced_unchecked() const { return engine_->replay ? engine_->replay->unchecked : 0; }

ManualState Simulation::manual_state() {
  Engine& e = *engine_;
  ManualState state;
  if (!options_.manual || !e.loaded) return state;
  state.waiting = !e.result.finished && e.scheduler.at_choice();
  state.at_check = e.scheduler.at_check();
  state.choices_used = e.scheduler.choices_used();
  state.error = e.scheduler.choice_error();
  state.threads = e.scheduler.manual_threads();
  state.globals = e.scheduler.manual_globals();
  return state;
}

const std::vector<EventRecord>& Simulation::events() const { return engine_->log.records(); }

void Simulation::clear_events() { engine_->log.clear(); }

const std::vector<std::string>& Simulation::strings() const { return engine_->log.strings(); }

std::string Simulation::take_output() {
  Engine& e = *engine_;
  const std::string& out = e.scheduler.output();
  std::string chunk = out.substr(std::min(e.output_taken, out.size()));
  e.output_taken = out.size();
  return chunk;
}

std::string Simulation::take_error_output() {
  Engine& e = *engine_;
  const std::string& out = e.scheduler.error_output();
  std::string chunk = out.substr(std::min(e.errors_taken, out.size()));
  e.errors_taken = out.size();
  return chunk;
}

}  // namespace interleave
