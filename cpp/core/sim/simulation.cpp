#include "sim/simulation.h"

#include <algorithm>

#include "lang/compiler.h"
#include "lang/parser.h"
#include "runtime/sequential.h"
#include "trace/event_log.h"
#include "vm/task.h"
#include "vm/vm.h"

namespace interleave {

// Engine is everything one run owns; members are declared in construction order.
class Engine {
 public:
  explicit Engine(const RunOptions& o)
      : options(o), runtime(o.costs, o.seed, o.trace_lines, log), program(), vm(runtime) {
    runtime.attach(&vm);
    VmConfig config;
    config.memory_limit = o.memory_limit;
    config.recursion_limit = o.recursion_limit;
    config.step_limit = o.step_limit;
    config.trace_lines = o.trace_lines;
    vm.configure(config);
  }

  RunOptions options;
  EventLog log;
  SequentialRuntime runtime;
  std::unique_ptr<Program> program;  // outlives the VM, which caches per-code data in it
  VM vm;
  std::vector<std::string> lines;
  Task* main = nullptr;
  RunResult result;
  size_t output_taken = 0;
  bool loaded = false;
  bool started = false;

  void sync_result() {
    result.output = runtime.output();
    result.elapsed = runtime.now();
    result.steps = vm.steps();
    result.events = log.total();
  }

  uint32_t current_line() const {
    if (main && !main->frames.empty()) return main->frames.back()->line();
    return main ? main->last_line : 0;
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

  void finish_step_limit(uint32_t line) {
    ErrorInfo info;
    info.type = "StepLimitError";
    info.message = "stopped after " + std::to_string(options.step_limit) + " steps (raise the limit with --step-limit)";
    info.line = line;
    info.traceback = info.type + ": " + info.message + "\n";
    double t = runtime.now();
    uint32_t text = log.intern(info.type + ": " + info.message);
    log.emit(EventKind::Error, t, 0, line, 0.0, 0, text);
    log.emit(EventKind::TaskEnd, t, 0, line, 0.0, 1, text);
    result.error = std::move(info);
    result.finished = true;
    sync_result();
  }

  void finish_error(Value exc) {
    ExceptionData* d = vm.exception_data(exc);
    uint32_t line = d && !d->traceback.empty() ? d->traceback.back().line : current_line();
    if (vm.is_step_limit(exc)) {
      finish_step_limit(line);
      return;
    }
    ErrorInfo info;
    info.type = vm.type_of(exc)->name->s;
    info.message = vm.exception_message(exc);
    info.line = line;
    info.traceback = vm.format_exception(exc, lines);
    double t = runtime.now();
    std::string summary = info.message.empty() ? info.type : info.type + ": " + info.message;
    uint32_t text = log.intern(summary);
    log.emit(EventKind::Error, t, 0, line, 0.0, 0, text);
    log.emit(EventKind::TaskEnd, t, 0, line, 0.0, 1, text);
    result.error = std::move(info);
    result.finished = true;
    sync_result();
  }

  void finish_ok() {
    std::string repr;
    if (!vm.to_repr(main->result, repr)) {
      vm.clear_exception();
      repr = "None";
    }
    log.emit(EventKind::TaskEnd, runtime.now(), 0, main->last_line, 0.0, 0, log.intern(repr));
    result.finished = true;
    sync_result();
  }
};

Simulation::Simulation(RunOptions options) : options_(std::move(options)), engine_(std::make_unique<Engine>(options_)) {}

Simulation::~Simulation() = default;

bool Simulation::load(std::string_view source) {
  engine_ = std::make_unique<Engine>(options_);
  Engine& e = *engine_;
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
  e.runtime.start_clock();
  e.log.emit(EventKind::TaskCreated, 0.0, 0, 0, 0.0, 2, e.log.intern(e.main->name));
  e.loaded = true;
  e.sync_result();
  return true;
}

bool Simulation::advance(uint64_t max_steps) {
  Engine& e = *engine_;
  if (!e.loaded || e.result.finished) return false;
  if (!e.started) {
    e.started = true;
    e.log.emit(EventKind::TaskStart, e.runtime.now(), 0, 0);
  }
  uint64_t limit = options_.step_limit;
  uint64_t done = e.vm.steps();
  if (done >= limit) {
    e.finish_step_limit(e.current_line());
    return false;
  }
  uint64_t budget = std::min(max_steps, limit - done);
  RunStatus s = e.vm.run_task(e.main, budget);
  switch (s) {
    case RunStatus::Budget:
    case RunStatus::Blocked:
      if (e.vm.steps() >= limit) {
        e.finish_step_limit(e.current_line());
        return false;
      }
      e.sync_result();
      return true;
    case RunStatus::Finished:
      e.finish_ok();
      return false;
    case RunStatus::Error:
      e.finish_error(e.main->exception);
      return false;
  }
  return false;
}

const RunResult& Simulation::run() {
  while (advance(1'000'000)) {
  }
  return engine_->result;
}

const RunResult& Simulation::result() const { return engine_->result; }

const std::vector<EventRecord>& Simulation::events() const { return engine_->log.records(); }

void Simulation::clear_events() { engine_->log.clear(); }

const std::vector<std::string>& Simulation::strings() const { return engine_->log.strings(); }

std::string Simulation::take_output() {
  Engine& e = *engine_;
  const std::string& out = e.runtime.output();
  std::string chunk = out.substr(std::min(e.output_taken, out.size()));
  e.output_taken = out.size();
  return chunk;
}

}  // namespace interleave
