// The scheduler's loop and state changes: cores, the GIL, timers, blocking and waking,
// thread start and end. Locks, the network and coroutine tasks are in sync.cpp,
// network.cpp and tasks.cpp; reports and labels in report.cpp.
#include "runtime/scheduler.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include "lang/bytecode.h"
#include "lang/disassembler.h"
#include "runtime/kernel.h"
#include "vm/frame.h"
#include "vm/object.h"
#include "vm/task.h"
#include "vm/vm.h"

namespace interleave {

namespace {
constexpr double kInfinity = std::numeric_limits<double>::infinity();
// kLockstep is how far one core may run ahead of another in free-threaded mode.
constexpr double kLockstep = 20e-6;
constexpr uint64_t kIdentBase = 140'230'000'000'000ull;
constexpr uint64_t kIdentStep = 8'392'704;  // 0x801000: thread stacks are this far apart
}  // namespace

Scheduler::Scheduler(const RuntimeSettings& settings, EventLog& log) : settings_(settings), log_(log) {
  if (settings_.cores == 0) settings_.cores = 1;
  random_.seed_unsigned(settings_.seed);
  jitter_state_ = settings_.seed * 0x9E3779B97F4A7C15ull + 0x2545F4914F6CDD1Dull;
  cores_.resize(settings_.cores);
  procs_.emplace_back();
  procs_.back().name = "MainProcess";
  procs_.back().main_thread = 0;
}

Scheduler::~Scheduler() = default;

void Scheduler::attach(VM* vm, const std::vector<std::string>* lines) {
  vm_ = vm;
  lines_ = lines;
}

void Scheduler::start(Task* main, uint64_t step_limit) {
  step_limit_ = step_limit;
  Thread th;
  th.task = main;
  th.name = main->name;
  th.is_main = true;
  threads_.push_back(th);
  threads_.back().id = new_id(false, 0);
  main->id = threads_.back().id;
  main->runtime_data = reinterpret_cast<void*>(uintptr_t{1});
  start_running(0, 0, 0.0);
}

Task* Scheduler::main_task() const { return threads_.empty() ? nullptr : threads_[0].task; }

uint32_t Scheduler::new_id(bool logical, uint32_t index) {
  ids_.push_back(IdEntry{logical, index});
  return static_cast<uint32_t>(ids_.size() - 1);
}

uint32_t Scheduler::thread_index(const Task* task) const {
  if (!task || !task->runtime_data) return 0;
  return static_cast<uint32_t>(reinterpret_cast<uintptr_t>(task->runtime_data) - 1);
}

uint32_t Scheduler::current() const {
  if (active_ >= 0) return static_cast<uint32_t>(active_);
  return vm_ ? thread_index(vm_->current_task()) : 0;
}

uint64_t Scheduler::ident_of(uint32_t thread) const { return kIdentBase + thread * kIdentStep; }

int64_t Scheduler::thread_of_ident(uint64_t ident) const {
  if (ident < kIdentBase || (ident - kIdentBase) % kIdentStep != 0) return -1;
  uint64_t i = (ident - kIdentBase) / kIdentStep;
  return i < threads_.size() ? static_cast<int64_t>(i) : -1;
}

uint32_t Scheduler::event_task(uint32_t thread) const {
  const Thread& th = threads_[thread];
  return th.logical >= 0 ? static_cast<uint32_t>(th.logical) : th.id;
}

// jitter() is this GIL tenure's switch-interval factor: seeded, within ±5%.
double Scheduler::jitter() {
  uint64_t z = (jitter_state_ += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  z ^= z >> 31;
  double u = static_cast<double>(z >> 11) / 9007199254740992.0;
  return 0.95 + 0.1 * u;
}

// lockstep_factor() is in [0.5, 1.5), seeded and fixed for thread t catching up to time.
double Scheduler::lockstep_factor(uint32_t t, double time) const {
  uint64_t bits;
  std::memcpy(&bits, &time, sizeof bits);
  uint64_t z = settings_.seed * 0x9E3779B97F4A7C15ull ^ (uint64_t{t} << 32) ^ bits;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  z ^= z >> 31;
  return 0.5 + static_cast<double>(z >> 11) / 9007199254740992.0;
}

// ---- events ----

void Scheduler::emit(EventKind kind, double time, uint32_t task, uint32_t line, double value, uint16_t flags,
                     uint32_t ref) {
  if (end_ != RunEnd::Running) return;
  if (kind != EventKind::Line) ++scheduling_events_;
  log_.emit(kind, time, task, line, value, flags, ref);
}

uint32_t Scheduler::user_line(const Task* task) const {
  if (!task) return 0;
  for (auto it = task->frames.rbegin(); it != task->frames.rend(); ++it) {
    const std::string& file = (*it)->code->filename;
    if (file.empty() || file[0] != '<') return (*it)->line();
  }
  return task->last_line;
}

uint32_t Scheduler::thread_line(uint32_t t) const { return user_line(threads_[t].task); }

// ---- the clock ----

Scheduler::Counters Scheduler::vm_counters() const {
  return Counters{vm_->steps(), vm_->python_calls(), vm_->native_calls(), vm_->allocations()};
}

double Scheduler::cost(const Counters& now, const Counters& then) const {
  const CostModel& c = settings_.costs;
  return static_cast<double>(now.steps - then.steps) * c.instruction +
         static_cast<double>(now.calls - then.calls) * c.call +
         static_cast<double>(now.natives - then.natives) * c.native_call +
         static_cast<double>(now.allocs - then.allocs) * c.alloc;
}

void Scheduler::set_clock(uint32_t t, double time) {
  Thread& th = threads_[t];
  th.clock = time;
  th.base_time = time;
  th.base = th.work;
  if (static_cast<int32_t>(t) == active_) refresh_slice_clock();
}

void Scheduler::refresh_slice_clock() {
  const Thread& th = *active_thread_;
  slice_clock_.base_time = th.base_time;
  slice_clock_.offset = Counters{
      th.work.steps - slice_start_.steps - th.base.steps, th.work.calls - slice_start_.calls - th.base.calls,
      th.work.natives - slice_start_.natives - th.base.natives, th.work.allocs - slice_start_.allocs - th.base.allocs};
}

// now() is cost() of the active thread's work since its base: it runs for every line
// event, so it reads only the VM's counters and slice_clock_.
double Scheduler::now() const {
  if (active_ < 0) return now_;
  Counters v = vm_counters();
  const Counters& d = slice_clock_.offset;
  return slice_clock_.base_time +
         cost(Counters{v.steps + d.steps, v.calls + d.calls, v.natives + d.natives, v.allocs + d.allocs}, Counters{});
}

void Scheduler::open_slice(uint32_t t) {
  active_ = static_cast<int32_t>(t);
  active_thread_ = &threads_[t];
  slice_start_ = vm_counters();
  refresh_slice_clock();
  if (threads_[t].process != installed_) install_process(threads_[t].process);
  if (!locals_.empty() && locals_thread_ != static_cast<int32_t>(t)) switch_locals(t);
}

void Scheduler::close_slice() {
  if (active_ < 0) return;
  Thread& th = threads_[active_];
  Counters current = vm_counters();
  th.work.steps += current.steps - slice_start_.steps;
  th.work.calls += current.calls - slice_start_.calls;
  th.work.natives += current.natives - slice_start_.natives;
  th.work.allocs += current.allocs - slice_start_.allocs;
  th.clock = th.base_time + cost(th.work, th.base);
  if (th.core >= 0) cores_[th.core].clock = th.clock;
  now_ = th.clock;
  active_ = -1;
  active_thread_ = nullptr;
}

// ---- the loop ----

bool Scheduler::advance(uint64_t max_steps) {
  if (end_ != RunEnd::Running) return false;
  line_counter = settings_.trace_lines && !log_.keeping() ? log_.counter() : nullptr;
  uint64_t start = vm_->steps();
  uint64_t stop = max_steps > UINT64_MAX - start ? UINT64_MAX : start + max_steps;
  // Each step either runs instructions, consumes CPU work or fires a timer; the second
  // bound keeps a long stretch without instructions (sim.cpu, sleeps) from starving the host.
  for (uint64_t rounds = 0; end_ == RunEnd::Running && !at_choice_ && vm_->steps() < stop && rounds < max_steps;
       ++rounds) {
    step(stop);
    // The event limit bounds work the step counter does not see (GIL hand-offs in sim.cpu).
    if (scheduling_events_ >= settings_.event_limit && end_ == RunEnd::Running) {
      set_end(RunEnd::EventLimit);
      end_line_ = active_ >= 0 ? thread_line(static_cast<uint32_t>(active_)) : 0;
      end_time_ = now_;
    }
  }
  return end_ == RunEnd::Running && !at_choice_;
}

bool Scheduler::next_timer(double& time) {
  while (!timers_.empty()) {
    const Timer& tm = timers_.front();
    bool stale = false;
    if (tm.kind != TimerKind::IoDone) {
      const Thread& th = threads_[tm.target];
      stale = th.wait_gen != tm.gen || th.state != ThreadState::Blocked;
    }
    if (!stale) {
      time = tm.time;
      return true;
    }
    std::pop_heap(timers_.begin(), timers_.end(), TimerLater{});
    timers_.pop_back();
  }
  return false;
}

void Scheduler::add_timer(double time, TimerKind kind, uint32_t target, uint64_t gen) {
  // Manual mode hands a released lock over at once, so the waiter is a choice at the next stop.
  if (settings_.manual && kind == TimerKind::LockRetry) time = std::min(time, now());
  timers_.push_back(Timer{time, timer_seq_++, kind, target, gen});
  std::push_heap(timers_.begin(), timers_.end(), TimerLater{});
}

void Scheduler::step(uint64_t stop) {
  // Manual mode decides at the top level; a wait inside a nested run loop runs the others itself.
  if (settings_.manual && nested_stack_.empty()) {
    manual_step(stop);
    return;
  }
  double timer = kInfinity;
  bool has_timer = next_timer(timer);
  int32_t runner = -1;
  double lowest = kInfinity;
  bool resumed = false;
  if (resume_runner_ >= 0) {
    // A quantum that advance() cut short continues, as if the run had not been sliced.
    const Thread& th = threads_[resume_runner_];
    if (th.state == ThreadState::Running) {
      runner = resume_runner_;
      lowest = th.clock;
      resumed = true;
    }
    resume_runner_ = -1;
  }
  for (const Core& c : cores_) {
    if (resumed) break;
    if (c.thread < 0) continue;
    const Thread& th = threads_[c.thread];
    // A nested waiter that is not innermost holds its core but cannot move until it is.
    if (th.nested > 0 && th.cpu_left <= 0) continue;
    if (th.clock < lowest) {
      lowest = th.clock;
      runner = c.thread;
    }
  }
  if (runner < 0) {
    if (has_timer) {
      fire_timer();
      return;
    }
    stall();
    return;
  }
  if (has_timer && timer <= lowest) {
    fire_timer();
    return;
  }
  run_quantum(static_cast<uint32_t>(runner), timer, stop);
}

double Scheduler::drop_deadline() const {
  const Proc& p = procs_[0];
  double since = std::max(p.gil_taken_at, threads_[ready_.front()].ready_since);
  return since + settings_.switch_interval * p.gil_factor;
}

// drop_deadline_of() is when process's GIL holder is asked to drop it for its longest waiter.
double Scheduler::drop_deadline_of(uint32_t process) const {
  const Proc& p = procs_[process];
  int32_t w = gil_waiter(process);
  if (w < 0) return kInfinity;
  double since = std::max(p.gil_taken_at, threads_[w].ready_since);
  return since + settings_.switch_interval * p.gil_factor;
}

// gil_waiter() is the longest waiter for process's GIL, or -1.
int32_t Scheduler::gil_waiter(uint32_t process) const {
  for (uint32_t u : ready_) {
    const Thread& th = threads_[u];
    if (th.process == process && th.state == ThreadState::Ready && !blocked_below(u)) return static_cast<int32_t>(u);
  }
  return -1;
}

// core_contended() is true when a thread of another process could run but no core is free.
bool Scheduler::core_contended(uint32_t t) const {
  if (free_core(-1) >= 0) return false;
  uint32_t process = threads_[t].process;
  for (uint32_t u : ready_) {
    const Thread& th = threads_[u];
    if (th.process == process || th.state != ThreadState::Ready || blocked_below(u)) continue;
    if (!settings_.gil || procs_[th.process].gil_holder < 0) return true;
  }
  return false;
}

uint64_t Scheduler::budget_for(const Thread& th, double horizon, uint64_t stop) const {
  uint64_t steps = vm_->steps();
  uint64_t left = stop > steps ? stop - steps : 1;
  uint64_t limit_left = step_limit_ > steps ? step_limit_ - steps : 1;
  left = std::max<uint64_t>(1, std::min(left, limit_left));
  if (horizon == kInfinity) return left;
  // The quantum must end at the first instruction boundary at or past the horizon,
  // however the run is sliced: run only as many instructions as cannot reach it even at
  // the dearest plausible cost, then single steps.
  const CostModel& c = settings_.costs;
  double dearest = c.instruction + c.call + c.native_call + 2 * c.alloc;
  double remaining = horizon - th.clock;
  if (remaining <= 0 || dearest <= 0) return 1;
  double n = std::floor(remaining / dearest);
  if (n >= static_cast<double>(left)) return left;
  return std::max<uint64_t>(1, static_cast<uint64_t>(n));
}

void Scheduler::run_quantum(uint32_t t, double timer, uint64_t stop) {
  double horizon = timer;
  double due_at = kInfinity;  // when a preemption (a GIL drop request, a slice's end) can come due
  at_check_ = true;
  {
    Thread& th = threads_[t];
    if (multi()) {
      // Contention may arise during the quantum (a thread woken elsewhere), so slices always end.
      if (settings_.gil) due_at = std::min(due_at, drop_deadline_of(th.process));
      due_at = std::min(due_at, th.slice_start + settings_.time_slice);
    } else if (!ready_.empty()) {
      due_at = settings_.gil ? drop_deadline() : th.slice_start + settings_.time_slice;
    }
    if (!settings_.gil || multi()) {
      // Cores run in near lock-step. The seed jitters each window (a function of the
      // state, not of how often this runs), so where free threads interleave depends on it.
      for (const Core& c : cores_) {
        if (c.thread < 0 || c.thread == static_cast<int32_t>(t)) continue;
        const Thread& other = threads_[c.thread];
        if (other.nested > 0 && other.cpu_left <= 0) continue;
        double ahead = other.clock + other.cpu_left;
        horizon = std::min(horizon, ahead + kLockstep * lockstep_factor(t, ahead));
      }
    }
    if (th.cpu_left > 0) {
      // sim.cpu stands for Python-level work, which passes eval-breaker checks all along.
      horizon = std::min(horizon, due_at);
      double dt = th.cpu_left;
      if (horizon != kInfinity) dt = std::min(dt, std::max(0.0, horizon - th.clock));
      if (dt <= 0) {
        check_preempt(t);
        if (threads_[t].state == ThreadState::Running) dt = std::min(threads_[t].cpu_left, kLockstep);
        else return;
      }
      Thread& runner = threads_[t];
      set_clock(t, runner.clock + dt);
      runner.cpu_left -= dt;
      if (runner.cpu_left < 1e-12) runner.cpu_left = 0;
      if (runner.core >= 0) cores_[runner.core].clock = runner.clock;
      now_ = runner.clock;
      check_preempt(t);
      return;
    }
    if (th.nested > 0) return;
  }
  // The quantum runs in chunks until the horizon, a block or a yield; only advance()'s
  // stop may cut it, and then the next step resumes it (see step()).
  // With the GIL, a due preemption waits for the thread's next eval-breaker check: the VM
  // runs on with the breaker set and stops there (docs/RUNTIME.md, "Where threads switch").
  RunStatus status = RunStatus::Budget;
  double end_at = std::min(horizon, due_at);
  do {
    bool armed = settings_.gil && threads_[t].clock >= due_at && preempt_due(t);
    uint64_t budget = budget_for(threads_[t], armed ? horizon : end_at, stop);
    threads_[t].depth_base = vm_->nesting();
    open_slice(t);
    vm_->set_eval_breaker(armed);
    status = vm_->run_task(threads_[t].task, budget);
    vm_->set_eval_breaker(false);
    at_check_ = !settings_.gil || vm_->took_break();
    close_slice();
    if (end_ != RunEnd::Running) return;
  } while (status == RunStatus::Budget && !vm_->took_break() && threads_[t].clock < end_at && vm_->steps() < stop &&
           vm_->steps() < step_limit_);
  if (status == RunStatus::Budget && vm_->steps() >= stop && threads_[t].clock < end_at) resume_runner_ = t;
  if (vm_->steps() >= step_limit_ && status != RunStatus::Finished && status != RunStatus::Error) {
    set_end(RunEnd::StepLimit);
    end_line_ = thread_line(t);
    end_time_ = threads_[t].clock;
    return;
  }
  after_run(t, static_cast<uint8_t>(status));
}

void Scheduler::after_run(uint32_t t, uint8_t raw) {
  RunStatus status = static_cast<RunStatus>(raw);
  Thread& th = threads_[t];
  switch (status) {
    case RunStatus::Budget: break;
    case RunStatus::Blocked:
      if (th.wait != WaitKind::None) {
        begin_wait(t);
        return;
      }
      break;
    case RunStatus::Finished:
    case RunStatus::Error: {
      bool raised = status == RunStatus::Error;
      Value exc = raised ? th.task->exception : Value();
      if (raised && vm_->is_step_limit(exc)) {
        set_end(RunEnd::StepLimit);
        end_line_ = thread_line(t);
        end_time_ = th.clock;
        return;
      }
      if (th.is_main) finish_main(raised, exc);
      else finish_thread(t, raised, exc);
      return;
    }
  }
  check_preempt(t);
}

// preempt_due() is true when the running thread t is to be preempted now: its GIL's drop
// request came (a waiter waited a switch interval), or its time slice ended while another
// thread waits for a core.
bool Scheduler::preempt_due(uint32_t t) const {
  const Thread& th = threads_[t];
  if (th.state != ThreadState::Running || ready_.empty() || (settings_.manual && nested_stack_.empty())) return false;
  double time = th.clock;
  if (multi()) {
    if (settings_.gil && time >= drop_deadline_of(th.process)) return true;
    return time >= th.slice_start + settings_.time_slice && (core_contended(t) || (!settings_.gil && !ready_.empty()));
  }
  if (settings_.gil) return time >= drop_deadline();
  return time >= th.slice_start + settings_.time_slice;
}

void Scheduler::check_preempt(uint32_t t) {
  Thread& th = threads_[t];
  if (th.state == ThreadState::Running && ready_.empty() && multi() &&
      th.clock >= th.slice_start + settings_.time_slice) {
    th.slice_start = th.clock;
  }
  if (th.state != ThreadState::Running || ready_.empty() || (settings_.manual && nested_stack_.empty())) return;
  double time = th.clock;
  int32_t core = th.core;
  // A GIL holder is switched out only where it checks the eval breaker (at_check_); until
  // then the preemption stays due and run_quantum() runs it on to its next check.
  if (multi()) {
    bool forced = settings_.gil && time >= drop_deadline_of(th.process);
    bool sliced = !forced && time >= th.slice_start + settings_.time_slice &&
                  (core_contended(t) || (!settings_.gil && !ready_.empty()));
    if (!forced && !sliced) {
      // An uncontended slice is renewed, so contention arising mid-slice is noticed at its end.
      if (time >= th.slice_start + settings_.time_slice) th.slice_start = time;
      return;
    }
    if (settings_.gil && !at_check_) return;
    if (settings_.gil) {
      if (settings_.probe) settings_.probe->preempted(*th.task);
      leave_cpu(t, time, 1);
      emit(EventKind::Preempted, time, th.id, thread_line(t), 0.0, static_cast<uint16_t>(core));
      emit(EventKind::GilRequest, time, th.id, thread_line(t));
    } else {
      emit(EventKind::Preempted, time, th.id, thread_line(t), 0.0, static_cast<uint16_t>(core));
      leave_cpu(t, time, 0);
    }
    th.state = ThreadState::Ready;
    th.ready_since = time;
    ready_.push_back(t);
  } else if (settings_.gil) {
    if (time < drop_deadline() || !at_check_) return;
    if (settings_.probe) settings_.probe->preempted(*th.task);
    leave_cpu(t, time, 1);
    emit(EventKind::Preempted, time, th.id, thread_line(t), 0.0, static_cast<uint16_t>(core));
    th.state = ThreadState::Ready;
    th.ready_since = time;
    emit(EventKind::GilRequest, time, th.id, thread_line(t));
    ready_.push_back(t);
  } else {
    if (time < th.slice_start + settings_.time_slice) return;
    emit(EventKind::Preempted, time, th.id, thread_line(t), 0.0, static_cast<uint16_t>(core));
    leave_cpu(t, time, 0);
    th.state = ThreadState::Ready;
    th.ready_since = time;
    ready_.push_back(t);
  }
  dispatch(time);
  if (cores_[core].thread < 0) emit(EventKind::Idle, time, 0, 0, 0.0, static_cast<uint16_t>(core));
}

// ---- manual mode ----

void Scheduler::manual_step(uint64_t stop) {
  if (unit_thread_ >= 0) {
    // A unit that advance() cut short continues before anything else happens.
    uint32_t t = static_cast<uint32_t>(unit_thread_);
    unit_thread_ = -1;
    if (threads_[t].state == ThreadState::Running) {
      manual_run(t, stop);
      return;
    }
  }
  double time = 0.0;
  if (next_timer(time) && time <= now_) {
    fire_timer();
    return;
  }
  std::vector<uint32_t> runnable = manual_runnable();
  if (runnable.empty()) {
    if (next_timer(time)) {
      fire_timer();
    } else {
      stall();
    }
    return;
  }
  uint32_t chosen = runnable.front();
  // A lone runnable thread goes on by instructions, so a choice comes as soon as there is one.
  unit_kind_ = ManualUnit::Instruction;
  if (runnable.size() > 1 && settings_.hook) {
    // The thread that ran last may go on; one handed the GIL while waiting has not run yet.
    int32_t holder = unit_last_;
    if (std::find(runnable.begin(), runnable.end(), static_cast<uint32_t>(holder)) == runnable.end()) holder = -1;
    chosen = settings_.hook->choose_thread(*this, runnable, holder);
  } else if (runnable.size() > 1) {
    if (choice_next_ >= settings_.choices.size()) {
      at_choice_ = true;
      return;
    }
    const ManualChoice& choice = settings_.choices[choice_next_];
    int32_t pick = -1;
    for (uint32_t t : runnable) {
      if (threads_[t].id == choice.thread) pick = static_cast<int32_t>(t);
    }
    if (pick < 0) {
      std::string who = "thread id " + std::to_string(choice.thread) + ", which does not exist";
      for (uint32_t t = 0; t < threads_.size(); ++t) {
        const Thread& th = threads_[t];
        if (th.id != choice.thread) continue;
        if (th.state == ThreadState::Done) who = th.name + ", which has finished";
        else if (th.state == ThreadState::Blocked) who = th.name + ", which waits for " + wait_description(t);
        else who = th.name + ", which cannot run now";
      }
      std::string names;
      for (uint32_t t : runnable) names += (names.empty() ? "" : ", ") + threads_[t].name;
      choice_error_ =
          "choice " + std::to_string(choice_next_ + 1) + " names " + who + "; the threads that can run are " + names;
      at_choice_ = true;
      return;
    }
    ++choice_next_;
    chosen = static_cast<uint32_t>(pick);
    unit_kind_ = choice.unit;
  }
  manual_switch(chosen);
  unit_last_ = static_cast<int32_t>(chosen);
  manual_run(chosen, stop);
}

std::vector<uint32_t> Scheduler::manual_runnable() const {
  std::vector<uint32_t> out;
  for (uint32_t t = 0; t < threads_.size(); ++t) {
    const Thread& th = threads_[t];
    if (th.nested > 0 || th.parked) continue;
    if (th.state == ThreadState::Running || (th.state == ThreadState::Ready && !blocked_below(t))) out.push_back(t);
  }
  return out;
}

void Scheduler::manual_switch(uint32_t t) {
  if (procs_[0].gil_holder == static_cast<int32_t>(t)) return;
  double time = now_;
  if (procs_[0].gil_holder >= 0) {
    // The chosen thread takes the GIL from its holder, as a forced switch would.
    uint32_t h = static_cast<uint32_t>(procs_[0].gil_holder);
    Thread& holder = threads_[h];
    int32_t core = holder.core;
    time = std::max(time, holder.clock);
    leave_cpu(h, time, 1);
    emit(EventKind::Preempted, time, holder.id, thread_line(h), 0.0, static_cast<uint16_t>(core < 0 ? 0 : core));
    holder.state = ThreadState::Ready;
    holder.ready_since = time;
    emit(EventKind::GilRequest, time, holder.id, thread_line(h));
    ready_.push_back(h);
  }
  auto it = std::find(ready_.begin(), ready_.end(), t);
  if (it != ready_.end()) ready_.erase(it);
  int32_t core = free_core(threads_[t].last_core);
  start_running(t, core < 0 ? 0 : core, std::max(time, threads_[t].clock));
}

void Scheduler::manual_run(uint32_t t, uint64_t stop) {
  for (;;) {
    if (threads_[t].cpu_left > 0) {
      // sim.cpu work is one piece: it cannot be interleaved by hand.
      Thread& th = threads_[t];
      set_clock(t, th.clock + th.cpu_left);
      th.cpu_left = 0;
      if (th.core >= 0) cores_[th.core].clock = th.clock;
      now_ = th.clock;
      if (manual_unit_done(t, unit_kind_)) return;
    }
    threads_[t].depth_base = vm_->nesting();
    open_slice(t);
    // The breaker stops nothing here (one instruction runs either way); took_break() tells
    // whether the thread now stands at a CPython 3.11 check point.
    vm_->set_eval_breaker(true);
    RunStatus status = vm_->run_task(threads_[t].task, 1);
    vm_->set_eval_breaker(false);
    at_check_ = vm_->took_break();
    close_slice();
    if (end_ != RunEnd::Running) return;
    if (vm_->steps() >= step_limit_ && status != RunStatus::Finished && status != RunStatus::Error) {
      set_end(RunEnd::StepLimit);
      end_line_ = thread_line(t);
      end_time_ = threads_[t].clock;
      return;
    }
    // A stop without a wait is sim.cpu or another thread's wake-up: the unit goes on.
    if (status == RunStatus::Blocked && threads_[t].wait == WaitKind::None) status = RunStatus::Budget;
    if (status != RunStatus::Budget) {
      after_run(t, static_cast<uint8_t>(status));
      return;
    }
    if (threads_[t].cpu_left > 0) continue;
    if (manual_unit_done(t, unit_kind_)) return;
    if (vm_->steps() >= stop) {
      unit_thread_ = static_cast<int32_t>(t);
      return;
    }
  }
}

bool Scheduler::manual_unit_done(uint32_t t, ManualUnit unit) const {
  const Task* task = threads_[t].task;
  if (task->frames.empty()) return true;
  const Frame* f = task->frames.back();
  const std::string& file = f->code->filename;
  // Library code (threading's internals) runs as part of the program instruction that called it.
  if (!file.empty() && file[0] == '<') return false;
  if (unit == ManualUnit::Instruction) return true;
  uint32_t pc = f->pc();
  return pc < f->code->code.size() && (f->code->code[pc] & kLineStartBit) != 0;
}

namespace {

// next_instruction is the instruction a frame of the program runs next: "STORE_GLOBAL counter".
std::string next_instruction(const Frame* f) {
  const Code& code = *f->code;
  uint32_t pc = f->pc();
  if (pc >= code.code.size()) return std::string();
  uint32_t w = code.code[pc];
  OpCode op = instr_op(w);
  uint32_t arg = instr_arg(w);
  std::string text = opcode_name(op);
  std::string detail = operand_name(code, op, arg);
  if (!detail.empty()) text += " " + detail;
  return text;
}

}  // namespace

std::vector<ManualThread> Scheduler::manual_threads() {
  std::vector<uint32_t> runnable = manual_runnable();
  std::vector<ManualThread> out;
  for (uint32_t t = 0; t < threads_.size(); ++t) {
    const Thread& th = threads_[t];
    ManualThread m;
    m.id = th.id;
    m.index = t;
    m.name = th.name;
    m.line = thread_line(t);
    m.runnable = end_ == RunEnd::Running && std::find(runnable.begin(), runnable.end(), t) != runnable.end();
    ThreadState state = th.state;
    if (end_ != RunEnd::Running && state != ThreadState::Blocked) state = ThreadState::Done;
    switch (state) {
      case ThreadState::Running: m.state = "running"; break;
      case ThreadState::Ready: m.state = "ready"; break;
      case ThreadState::Done: m.state = "done"; break;
      case ThreadState::Blocked:
        m.state = th.wait == WaitKind::Sleep ? "sleeping" : "blocked";
        m.detail = wait_description(t);
        break;
    }
    if (state != ThreadState::Done && th.task && !th.task->frames.empty()) {
      // A thread stopped in the program shows where it goes on: the next instruction's line.
      const Frame* f = th.task->frames.back();
      const std::string& file = f->code->filename;
      if (file.empty() || file[0] != '<') {
        m.next = next_instruction(f);
        if (f->pc() < f->code->lines.size()) m.line = f->code->lines[f->pc()];
      }
    }
    out.push_back(std::move(m));
  }
  return out;
}

namespace {

// kPlainItems bounds the containers shown as shared state, so a repr stays one short line.
constexpr size_t kPlainItems = 16;

// plain() tells whether v's repr is built in (no __repr__ to run): numbers, strings, None,
// and lists, tuples and dicts of those.
bool plain(Value v, bool nested) {
  if (!v.is_obj()) return true;
  if (!v.o) return false;
  switch (v.o->kind) {
    case ObjKind::Str: return true;
    case ObjKind::List:
    case ObjKind::Tuple: {
      if (nested) return false;
      const ValueVec& items =
          v.o->kind == ObjKind::List ? static_cast<List*>(v.o)->items : static_cast<Tuple*>(v.o)->items;
      if (items.size() > kPlainItems) return false;
      return std::all_of(items.begin(), items.end(), [](Value item) { return plain(item, true); });
    }
    case ObjKind::Dict: {
      const Dict* d = static_cast<Dict*>(v.o);
      if (nested || d->count > kPlainItems) return false;
      for (const auto& e : d->entries) {
        if (e.live && (!plain(e.key, true) || !plain(e.value, true))) return false;
      }
      return true;
    }
    default: return false;
  }
}

}  // namespace

std::vector<ManualVariable> Scheduler::manual_globals() {
  std::vector<ManualVariable> out;
  Module* main = vm_ ? vm_->main_module() : nullptr;
  if (!main || !main->dict) return out;
  for (const auto& e : main->dict->entries) {
    bool named = e.key.is_obj() && e.key.o && e.key.o->kind == ObjKind::Str;
    if (!e.live || !named || !plain(e.value, false)) continue;
    const std::string& name = static_cast<Str*>(e.key.o)->s;
    if (name.empty() || name[0] == '_') continue;
    std::string repr;
    if (!vm_->to_repr(e.value, repr)) {
      vm_->clear_exception();
      continue;
    }
    out.push_back(ManualVariable{name, std::move(repr)});
  }
  return out;
}

void Scheduler::fire_timer() {
  std::pop_heap(timers_.begin(), timers_.end(), TimerLater{});
  Timer tm = timers_.back();
  timers_.pop_back();
  now_ = std::max(now_, tm.time);
  double time = tm.time;
  switch (tm.kind) {
    case TimerKind::Deadline: {
      Thread& th = threads_[tm.target];
      if (th.wait == WaitKind::Lock) {
        auto& waiters = locks_[th.wait_lock].waiters;
        auto it = std::find(waiters.begin(), waiters.end(), tm.target);
        if (it != waiters.end()) waiters.erase(it);
        th.result_bool = false;
        th.timed_out = true;
      }
      wake(tm.target, time);
      break;
    }
    case TimerKind::LockRetry: {
      Thread& th = threads_[tm.target];
      Lock& lock = locks_[th.wait_lock];
      if (!lock.locked) {
        lock.locked = true;
        lock.owner = static_cast<int32_t>(tm.target);
        th.result_bool = true;
        wake(tm.target, time);
      } else {
        lock.waiters.push_back(tm.target);
      }
      break;
    }
    case TimerKind::IoDone: complete_request(tm.target, time); break;
  }
}

void Scheduler::stall() {
  if (!ready_.empty()) {
    size_t before = ready_.size();
    dispatch(now_);
    if (ready_.size() != before) return;
  }
  double latest = now_;
  for (const Thread& th : threads_) latest = std::max(latest, th.clock);
  end_message_ = deadlock_report();
  end_line_ = thread_line(0);
  end_time_ = latest;
  set_end(RunEnd::Deadlock);
}

// ---- state changes ----

int32_t Scheduler::free_core(int32_t prefer) const {
  if (prefer >= 0 && prefer < static_cast<int32_t>(cores_.size()) && cores_[prefer].thread < 0) return prefer;
  for (size_t i = 0; i < cores_.size(); ++i) {
    if (cores_[i].thread < 0) return static_cast<int32_t>(i);
  }
  return -1;
}

bool Scheduler::blocked_below(uint32_t t) const {
  const Thread& th = threads_[t];
  return th.nested > 0 && !nested_stack_.empty() && nested_stack_.back() != t;
}

void Scheduler::make_ready(uint32_t t, double time, bool woken) {
  Thread& th = threads_[t];
  th.state = ThreadState::Ready;
  set_clock(t, std::max(th.clock, time));
  th.ready_since = th.clock;
  if (woken) emit(EventKind::Wake, th.clock, th.id, thread_line(t));
  if (blocked_below(t)) {
    th.parked = true;
    return;
  }
  enqueue(t, th.clock);
}

void Scheduler::enqueue(uint32_t t, double time) {
  Thread& th = threads_[t];
  bool free_now = settings_.gil ? procs_[0].gil_holder < 0 : free_core(th.last_core) >= 0;
  if (multi()) {
    free_now = free_core(th.last_core) >= 0 &&
               (settings_.gil ? procs_[th.process].gil_holder < 0 && gil_waiter(th.process) < 0 : ready_.empty());
  } else {
    free_now = free_now && ready_.empty();
  }
  if (free_now) {
    int32_t core = free_core(th.last_core);
    start_running(t, core, std::max(time, settings_.gil ? time : cores_[core].clock));
  } else {
    if (settings_.gil) emit(EventKind::GilRequest, time, th.id, thread_line(t));
    ready_.push_back(t);
    // The running thread re-evaluates its quantum: a switch may now be due.
    if (active_ >= 0) vm_->request_block();
  }
}

void Scheduler::dispatch(double time) {
  if (multi()) {
    // Any ready thread whose process's GIL is free may take a free core, in FIFO order.
    for (size_t i = 0; i < ready_.size();) {
      uint32_t t = ready_[i];
      Thread& th = threads_[t];
      if (th.state != ThreadState::Ready) {
        ready_.erase(ready_.begin() + static_cast<std::ptrdiff_t>(i));
        continue;
      }
      if (blocked_below(t)) {
        ready_.erase(ready_.begin() + static_cast<std::ptrdiff_t>(i));
        th.parked = true;
        continue;
      }
      if (settings_.gil && procs_[th.process].gil_holder >= 0) {
        ++i;
        continue;
      }
      int32_t core = free_core(th.last_core);
      if (core < 0) return;
      ready_.erase(ready_.begin() + static_cast<std::ptrdiff_t>(i));
      start_running(t, core, std::max({time, th.clock, cores_[core].clock}));
    }
    return;
  }
  while (!ready_.empty()) {
    if (settings_.gil && procs_[0].gil_holder >= 0) return;
    uint32_t t = ready_.front();
    Thread& th = threads_[t];
    if (th.state != ThreadState::Ready) {
      ready_.pop_front();
      continue;
    }
    if (blocked_below(t)) {
      ready_.pop_front();
      th.parked = true;
      continue;
    }
    int32_t core = free_core(th.last_core);
    if (core < 0) return;
    ready_.pop_front();
    double start = std::max(time, th.clock);
    if (!settings_.gil) start = std::max(start, cores_[core].clock);
    start_running(t, core, start);
  }
}

void Scheduler::start_running(uint32_t t, int32_t core, double time) {
  Thread& th = threads_[t];
  th.state = ThreadState::Running;
  th.core = core;
  th.last_core = core;
  set_clock(t, time);
  th.slice_start = time;
  cores_[core].thread = static_cast<int32_t>(t);
  cores_[core].clock = time;
  uint32_t line = thread_line(t);
  if (!th.started) {
    th.started = true;
    emit(EventKind::TaskStart, time, th.id, line);
  }
  if (settings_.gil) {
    Proc& p = procs_[th.process];
    p.gil_holder = static_cast<int32_t>(t);
    p.gil_taken_at = time;
    p.gil_factor = jitter();
    emit(EventKind::GilTake, time, th.id, line);
  }
  emit(EventKind::Running, time, th.id, line, 0.0, static_cast<uint16_t>(core));
  if (th.wait != WaitKind::None) deliver(t);
}

void Scheduler::leave_cpu(uint32_t t, double time, uint16_t gil_flag) {
  Thread& th = threads_[t];
  if (settings_.gil && procs_[th.process].gil_holder == static_cast<int32_t>(t)) {
    emit(EventKind::GilDrop, time, th.id, thread_line(t), 0.0, gil_flag);
    procs_[th.process].gil_holder = -1;
  }
  if (th.core >= 0) {
    Core& c = cores_[th.core];
    c.thread = -1;
    c.clock = std::max(c.clock, time);
    th.core = -1;
  }
}

void Scheduler::begin_wait(uint32_t t) {
  Thread& th = threads_[t];
  double time = th.clock;
  int32_t core = th.core;
  uint32_t line = thread_line(t);
  th.state = ThreadState::Blocked;
  ++th.wait_gen;
  th.timed_out = false;
  leave_cpu(t, time, 0);
  std::string what;
  if (th.wait == WaitKind::Sleep) {
    emit(EventKind::Sleep, time, th.id, line, th.sleep_seconds);
  } else {
    what = wait_description(t);
    uint16_t reason = 0;
    switch (th.wait) {
      case WaitKind::Lock: reason = locks_[th.wait_lock].reason; break;
      case WaitKind::IoWait: reason = static_cast<uint16_t>(BlockReason::Select); break;
      case WaitKind::IoCall: reason = static_cast<uint16_t>(BlockReason::Io); break;
      default: break;
    }
    emit(EventKind::Blocked, time, th.id, line, th.deadline, reason, log_.intern(what));
  }
  if (th.logical >= 0 && th.wait != WaitKind::IoWait) {
    // A blocking call inside a coroutine stalls its whole loop: a sleep says for how long
    // at once, other waits when they end (with their start time and the stall's length).
    uint32_t call = log_.intern(th.wait_call.empty() ? what : th.wait_call);
    if (th.wait == WaitKind::Sleep) {
      emit(EventKind::LoopBlocked, time, static_cast<uint32_t>(th.logical), line, th.sleep_seconds, 0, call);
    } else {
      th.stalled_task = th.logical;
      th.stalled_since = time;
      th.stalled_ref = call;
      th.stalled_line = line;
    }
  }
  th.wait_call.clear();
  if (th.wait == WaitKind::Lock) locks_[th.wait_lock].waiters.push_back(t);
  if (th.deadline >= 0) add_timer(std::max(th.deadline, time), TimerKind::Deadline, t, th.wait_gen);
  dispatch(time);
  if (core >= 0 && cores_[core].thread < 0) emit(EventKind::Idle, time, 0, 0, 0.0, static_cast<uint16_t>(core));
}

void Scheduler::wake(uint32_t t, double time) {
  Thread& th = threads_[t];
  if (th.state != ThreadState::Blocked) return;
  ++th.wait_gen;
  make_ready(t, time, true);
}

void Scheduler::deliver(uint32_t t) {
  Thread& th = threads_[t];
  if (th.stalled_task >= 0) {
    emit(EventKind::LoopBlocked, th.stalled_since, static_cast<uint32_t>(th.stalled_task), th.stalled_line,
         th.clock - th.stalled_since, 0, th.stalled_ref);
    th.stalled_task = -1;
  }
  Value v;
  switch (th.wait) {
    case WaitKind::None:
    case WaitKind::Sleep: break;
    case WaitKind::Lock: v = Value::boolean(th.result_bool); break;
    case WaitKind::IoWait: v = take_completions(t); break;
    case WaitKind::IoCall: v = response(th.wait_token); break;
  }
  th.wait = WaitKind::None;
  th.deadline = -1.0;
  if (th.nested > 0) {
    th.nested_result = v;
  } else if (!th.task->frames.empty()) {
    th.task->frames.back()->sp[-1] = v;
  }
}

bool Scheduler::resumable(const Thread& th) const {
  return th.state == ThreadState::Running && th.wait == WaitKind::None && th.cpu_left <= 0;
}

bool Scheduler::suspend(uint32_t t, Value& out) {
  out = Value::none();
  if (vm_->nesting() <= threads_[t].depth_base) {
    vm_->request_block();
    return true;
  }
  // Inside a nested run loop the native cannot return until the wait is over: run the
  // other threads from here, keeping collections off while this C++ stack holds values.
  close_slice();
  if (threads_[t].wait != WaitKind::None) begin_wait(t);
  ++threads_[t].nested;
  nested_stack_.push_back(t);
  vm_->pause_gc(true);
  while (end_ == RunEnd::Running && !resumable(threads_[t])) step(UINT64_MAX);
  nested_stack_.pop_back();
  --threads_[t].nested;
  vm_->pause_gc(!nested_stack_.empty());
  unpark_top();
  if (end_ != RunEnd::Running) return false;
  open_slice(t);
  out = threads_[t].nested_result;
  threads_[t].nested_result = Value();
  return true;
}

void Scheduler::unpark_top() {
  if (nested_stack_.empty()) return;
  uint32_t top = nested_stack_.back();
  Thread& th = threads_[top];
  if (!th.parked) return;
  th.parked = false;
  enqueue(top, std::max(th.clock, now_));
}

uint32_t Scheduler::spawn(Value callable, ValueVec args, std::string name, bool daemon, int32_t process) {
  uint32_t parent = threads_.empty() ? 0 : event_task(current());
  double time = now();
  uint32_t line = threads_.empty() ? 0 : thread_line(current());
  Task* task = vm_->spawn_task(name, callable, std::move(args), parent);
  uint32_t index = static_cast<uint32_t>(threads_.size());
  threads_.emplace_back();
  Thread& th = threads_.back();
  th.task = task;
  th.name = std::move(name);
  th.daemon = daemon;
  th.clock = time;
  th.base_time = time;
  th.id = new_id(false, index);
  th.process = process >= 0 ? static_cast<uint32_t>(process) : (threads_.size() > 1 ? threads_[current()].process : 0);
  task->id = th.id;
  task->runtime_data = reinterpret_cast<void*>(static_cast<uintptr_t>(index) + 1);
  emit(EventKind::TaskCreated, time, th.id, line, static_cast<double>(parent), 0, log_.intern(th.name));
  if (process >= 0 && procs_[th.process].main_thread < 0) {
    procs_[th.process].main_thread = static_cast<int32_t>(index);
    emit(EventKind::ProcessStart, time, th.id, line, static_cast<double>(process), 0,
         log_.intern(procs_[th.process].name));
  }
  make_ready(index, time, false);
  return index;
}

void Scheduler::mark_failed(uint32_t thread, std::string text) {
  threads_[thread].failed = true;
  threads_[thread].fail_text = std::move(text);
}

void Scheduler::finish_thread(uint32_t t, bool raised, Value exception) {
  Thread& th = threads_[t];
  double time = th.clock;
  if (raised) {
    // The threading module reports exceptions itself; this covers ones that escape it.
    std::string text = format_exception(exception);
    write_error("Exception in thread " + th.name + ":\n" + text, false);
    mark_failed(t, vm_->exception_type_name(exception) + ": " + vm_->exception_message(exception));
  }
  uint32_t ref = log_.intern(th.failed ? th.fail_text : std::string("None"));
  emit(EventKind::TaskEnd, time, th.id, thread_line(t), 0.0, th.failed ? 1 : 0, ref);
  th.state = ThreadState::Done;
  th.wait = WaitKind::None;
  th.logical = -1;
  for (uint32_t lock : th.sentinels) {
    if (locks_[lock].live && locks_[lock].locked && locks_[lock].owner == static_cast<int32_t>(t)) {
      release_lock_at(lock, time);
    }
  }
  th.sentinels.clear();
  int32_t core = th.core;
  leave_cpu(t, time, 2);
  dispatch(time);
  if (core >= 0 && cores_[core].thread < 0) emit(EventKind::Idle, time, 0, 0, 0.0, static_cast<uint16_t>(core));
}

void Scheduler::finish_main(bool raised, Value exception) {
  Thread& th = threads_[0];
  if (raised && !shutdown_started_ && !exit_is_clean(*vm_, exception)) {
    main_raised_ = true;
    main_exception_ = exception;
  }
  // Like CPython's finalisation: after the program's code, threading._shutdown() joins
  // the non-daemon threads (last registered first).
  if (shutdown_next_ < shutdown_fns_.size()) {
    shutdown_started_ = true;
    Value fn = shutdown_fns_[shutdown_fns_.size() - 1 - shutdown_next_];
    ++shutdown_next_;
    Task* task = th.task;
    task->started = false;
    task->state = TaskState::Runnable;
    task->start_callable = fn;
    task->start_args.clear();
    task->exception = Value();
    return;
  }
  end_time_ = th.clock;
  end_line_ = main_raised_ ? 0 : th.task->last_line;
  set_end(main_raised_ ? RunEnd::Raised : RunEnd::Finished);
}

// ---- SimContext ----

// within_output_limit ends the run (RunEnd::OutputLimit) instead of printing past the
// limit: endless output must not grow the host's memory; the task stops at its budget.
bool Scheduler::within_output_limit(uint32_t t, size_t more) {
  if (output_.size() + error_output_.size() + more <= settings_.output_limit) return true;
  set_end(RunEnd::OutputLimit);
  end_line_ = thread_line(t);
  // end_time_: the printing thread's time so far in this slice, not at the slice's start.
  end_time_ = static_cast<int32_t>(t) == active_ ? now() : threads_[t].clock;
  return false;
}

void Scheduler::write(Task* task, std::string_view text, uint32_t line) {
  if (end_ != RunEnd::Running) return;
  uint32_t t = task && task->runtime_data ? thread_index(task) : current();
  const Task* owner = threads_[t].task;
  if (!owner->frames.empty()) {
    const std::string& file = owner->frames.back()->code->filename;
    if (!file.empty() && file[0] == '<') line = user_line(owner);
  }
  // The task stops at once, so where the run ends does not depend on how it was sliced.
  if (!within_output_limit(t, text.size())) {
    vm_->stop_run();
    return;
  }
  output_.append(text.data(), text.size());
  emit(EventKind::Print, now(), event_task(t), line, 0.0, 0, log_.intern(text));
}

void Scheduler::write_error(std::string_view text, bool from_native) {
  if (end_ != RunEnd::Running) return;
  uint32_t t = current();
  if (!within_output_limit(t, text.size())) {
    if (from_native) vm_->stop_run();
    return;
  }
  error_output_.append(text.data(), text.size());
  emit(EventKind::Print, now(), event_task(t), thread_line(t), 0.0, 1, log_.intern(text));
}

std::string Scheduler::format_exception(Value exc) {
  static const std::vector<std::string> kNoLines;
  return vm_->format_exception(exc, lines_ ? *lines_ : kNoLines);
}

// line() runs for every source line a traced program executes: it is emit() and
// event_task() written out for the active thread, with no virtual call for the clock.
void Scheduler::line(Task* task, uint32_t line) {
  if (!settings_.trace_lines || end_ != RunEnd::Running) return;
  uint32_t t = thread_index(task);
  const Thread& th = static_cast<int32_t>(t) == active_ ? *active_thread_ : threads_[t];
  uint32_t id = th.logical >= 0 ? static_cast<uint32_t>(th.logical) : th.id;
  log_.emit(EventKind::Line, Scheduler::now(), id, line);
}

void Scheduler::sleep(Task* task, double seconds, uint32_t line) {
  (void)line;
  uint32_t t = task && task->runtime_data ? thread_index(task) : current();
  Thread& th = threads_[t];
  if (seconds < 0) seconds = 0;
  th.wait = WaitKind::Sleep;
  th.sleep_seconds = seconds;
  th.deadline = now() + seconds;
  if (th.logical >= 0) th.wait_call = "time.sleep(" + number_repr(seconds) + ")";
  Value out;
  if (!suspend(t, out)) vm_->raise(vm_->types().step_limit_error, "the run has ended");
}

void Scheduler::cpu(Task* task, double seconds, uint32_t line) {
  uint32_t t = task && task->runtime_data ? thread_index(task) : current();
  if (seconds < 0) seconds = 0;
  double time = now();
  uint32_t at = thread_line(t);
  if (line == 0) line = at;
  emit(EventKind::Cpu, time, event_task(t), at, seconds);
  Thread& th = threads_[t];
  if (th.logical >= 0) {
    emit(EventKind::LoopBlocked, time, static_cast<uint32_t>(th.logical), at, seconds, 0,
         log_.intern("sim.cpu(" + number_repr(seconds) + ")"));
  }
  if (seconds <= 0) return;
  th.cpu_left = seconds;
  Value out;
  if (!suspend(t, out)) vm_->raise(vm_->types().step_limit_error, "the run has ended");
}

bool Scheduler::make_module(VM& vm, std::string_view name, Module*& out) {
  if (name == "_interleave") return make_kernel_module(*this, vm, out);
  if (name == "sys") return make_sys_module(*this, vm, out);
  return false;
}

void Scheduler::trace(VM& vm) {
  for (const Lock& lock : locks_) {
    if (!lock.live) continue;
    vm.mark(lock.label);
    if (!lock.waiters.empty() && lock.obj) vm.mark(lock.obj);
  }
  for (const Thread& th : threads_) {
    vm.mark(th.nested_result);
    if (th.wait == WaitKind::Lock && locks_[th.wait_lock].obj) vm.mark(locks_[th.wait_lock].obj);
    for (uint32_t s : th.sentinels) {
      if (locks_[s].obj) vm.mark(locks_[s].obj);
    }
  }
  for (const Value& v : shutdown_fns_) vm.mark(v);
  for (const Proc& p : procs_) {
    vm.mark(p.modules.main);
    for (const auto& m : p.modules.modules) vm.mark(m.second);
  }
  vm.mark(main_exception_);
  for (const Value& v : weak_dead_) vm.mark(v);
}

void Scheduler::sweep_weak() {
  for (size_t i = 0; i < locks_.size(); ++i) {
    Lock& lock = locks_[i];
    if (!lock.live || !lock.obj || lock.obj->marked) continue;
    lock = Lock{};
    free_locks_.push_back(static_cast<uint32_t>(i));
  }
  locals_.erase(std::remove_if(locals_.begin(), locals_.end(), [](Instance* o) { return !o->marked; }), locals_.end());
  if (!weak_slots_.empty()) sweep_weakrefs();
}

void Scheduler::set_network(double latency, int64_t capacity) {
  settings_.network_latency = latency;
  settings_.network_capacity = capacity;
}

}  // namespace interleave
