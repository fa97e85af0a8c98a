#pragma once
// Scheduler runs every program: the main thread, the threads a program starts and the
// event loops it runs, on N simulated cores under CPython's GIL (or free-threaded), on a
// discrete-event clock. docs/RUNTIME.md describes the model; runtime/kernel.h lists the
// `_interleave` module the Python half of the standard library is written against.
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "runtime/cost_model.h"
#include "runtime/manual.h"
#include "trace/event_log.h"
#include "vm/random.h"
#include "vm/sim_context.h"
#include "vm/value.h"
#include "vm/vm.h"

namespace interleave {

class VM;
struct Task;
struct Instance;
struct Class;
struct Module;

// RuntimeSettings are the scheduling knobs of one run (RunOptions without the VM limits).
struct RuntimeSettings {
  bool gil = true;                      // CPython's global interpreter lock; off = free-threaded
  uint32_t cores = 2;                   // simulated CPU cores
  double switch_interval = 0.005;       // sys.getswitchinterval(): GIL hand-off delay
  double time_slice = 0.01;             // OS time slice when runnable threads exceed cores
  bool sequential = false;              // Thread.start() and create_task() run to completion
  uint64_t seed = 0;                    // perturbs where forced switches land
  double network_latency = 0.25;        // seconds per simulated request
  int64_t network_capacity = -1;        // requests served at once; < 0 means no limit
  bool trace_lines = true;              // emit Line events
  uint64_t output_limit = 16ull << 20;  // bytes of stdout + stderr before the run ends (RunEnd::OutputLimit)
  uint64_t event_limit = 10'000'000;    // events other than Line before the run ends (RunEnd::EventLimit)
  // manual: the host is the scheduler. One core, the GIL, no forced switches; whenever
  // more than one thread could run, the next of `choices` picks one (docs/RUNTIME.md).
  bool manual = false;
  std::vector<ManualChoice> choices;
  ChoiceHook* hook = nullptr;    // manual runs only: the explorer chooses instead of `choices`
  SwitchProbe* probe = nullptr;  // sees each GIL holder switched out (not owned; tests)
  CostModel costs;
};

// RunEnd says whether and how the run ended.
enum class RunEnd : uint8_t { Running, Finished, Raised, Deadlock, StepLimit, OutputLimit, EventLimit };

class Scheduler : public SimContext {
 public:
  Scheduler(const RuntimeSettings& settings, EventLog& log);
  ~Scheduler() override;

  // attach() connects the VM and the program's source lines (for thread tracebacks).
  void attach(VM* vm, const std::vector<std::string>* lines);
  // start() adopts the VM's main task as MainThread at time zero.
  void start(Task* main, uint64_t step_limit);
  // advance() runs until about max_steps more instructions ran or the run ended; it
  // returns true while the program has more to run.
  bool advance(uint64_t max_steps);

  // ---- the outcome ----
  RunEnd end() const { return end_; }
  Value main_exception() const { return main_exception_; }         // RunEnd::Raised
  const std::string& end_message() const { return end_message_; }  // deadlock report
  uint32_t end_line() const { return end_line_; }
  double end_time() const { return end_time_; }
  const std::string& output() const { return output_; }
  const std::string& error_output() const { return error_output_; }
  Task* main_task() const;
  // user_line() is the innermost line of task in the user's program (0 if none).
  uint32_t user_line(const Task* task) const;

  // ---- manual mode ----
  // at_choice() is true when advance() stopped because a choice is needed.
  bool at_choice() const { return at_choice_; }
  // at_check() is true when the thread that ran last stands where CPython 3.11 checks its
  // eval breaker, so a switch away from it here is one 3.11's GIL can make (manual runs too).
  bool at_check() const { return at_check_; }
  // choices_used() is how many of the settings' choices the run has consumed.
  size_t choices_used() const { return choice_next_; }
  // choice_error() explains why the next choice could not be followed ("" if none).
  const std::string& choice_error() const { return choice_error_; }
  // manual_threads() describes every thread, in creation order, for the host.
  std::vector<ManualThread> manual_threads();
  // manual_globals() is the program's globals whose repr needs no Python code.
  std::vector<ManualVariable> manual_globals();
  // thread_task() is thread's VM task; gil_holder() the thread holding the main process's GIL (-1 none).
  const Task* thread_task(uint32_t thread) const { return threads_[thread].task; }
  int32_t gil_holder() const { return procs_[0].gil_holder; }
  // task_name() is the name of the thread or coroutine task with event id id.
  std::string task_name(uint32_t id) const {
    if (id >= ids_.size()) return "task " + std::to_string(id);
    return ids_[id].logical ? logicals_[ids_[id].index].name : threads_[ids_[id].index].name;
  }

  // ---- SimContext ----
  double now() const override;
  void write(Task* task, std::string_view text, uint32_t line) override;
  void sleep(Task* task, double seconds, uint32_t line) override;
  void cpu(Task* task, double seconds, uint32_t line) override;
  MersenneTwister& random() override { return random_; }
  void line(Task* task, uint32_t line) override;
  bool make_module(VM& vm, std::string_view name, Module*& out) override;
  void trace(VM& vm) override;
  void sweep_weak() override;
  // ---- weak references (runtime/weakref.cpp) ----
  struct WeakSlot {
    Obj* referent = nullptr;  // weak: null once the referent was collected
    Obj* holder = nullptr;    // weak: the weakref object; null while the slot is free
  };
  std::vector<WeakSlot> weak_slots_;
  std::vector<uint32_t> free_weak_slots_;
  ValueVec weak_dead_;         // weakref objects whose referent died, for their callbacks
  uint64_t weak_last_gc_ = 0;  // vm.allocations() at the last collection, to skip needless ones
  void sweep_weakrefs();
  void set_network(double latency, int64_t capacity) override;
  double network_latency() const override { return settings_.network_latency; }
  int64_t network_capacity() const override { return settings_.network_capacity; }

  // ---- services for the kernel module (runtime/kernel.cpp) ----
  const RuntimeSettings& settings() const { return settings_; }
  double switch_interval() const { return settings_.switch_interval; }
  void set_switch_interval(double seconds) { settings_.switch_interval = seconds; }
  // write_error: from_native is false where no native is running (a thread's uncaught error).
  void write_error(std::string_view text, bool from_native = true);
  // format_exception() is CPython's traceback text for exc, with the program's lines.
  std::string format_exception(Value exc);
  // source_lines() is the program's text by line (null before a program is loaded).
  const std::vector<std::string>* source_lines() const { return lines_; }
  VM& vm() { return *vm_; }
  EventLog& log() { return log_; }
  // current() is the index of the thread running Python code now.
  uint32_t current() const;
  uint64_t ident_of(uint32_t thread) const;
  // thread_of_ident() is the thread index for ident, or -1.
  int64_t thread_of_ident(uint64_t ident) const;
  // event_task() is the id events of thread are attributed to: its entered coroutine task, else itself.
  uint32_t event_task(uint32_t thread) const;
  uint32_t thread_id(uint32_t thread) const { return threads_[thread].id; }
  const std::string& thread_name(uint32_t thread) const { return threads_[thread].name; }
  void set_thread_name(uint32_t thread, std::string name) { threads_[thread].name = std::move(name); }
  uint32_t thread_count() const { return static_cast<uint32_t>(threads_.size()); }
  // spawn() starts a thread in process (-1: the caller's process).
  uint32_t spawn(Value callable, ValueVec args, std::string name, bool daemon, int32_t process = -1);

  // ---- processes (multiprocessing, runtime/processes.cpp) ----
  // new_process() makes an empty process (its own module table and GIL) whose parent is the caller's.
  uint32_t new_process(std::string name);
  // install_process() makes process's module table the VM's (a no-op when it already is).
  void install_process(uint32_t process);
  uint32_t process_of(uint32_t thread) const { return threads_[thread].process; }
  uint32_t process_count() const { return static_cast<uint32_t>(procs_.size()); }
  int32_t process_parent(uint32_t process) const { return procs_[process].parent; }
  int32_t process_main_thread(uint32_t process) const { return procs_[process].main_thread; }
  void set_process_main(uint32_t process, uint32_t thread);
  void mark_failed(uint32_t thread, std::string text);
  void add_shutdown(Value fn) { shutdown_fns_.push_back(fn); }
  void register_local(Instance* obj);

  // Locks: the one blocking primitive the Python modules build everything on. The
  // functions that may block return false only when the run ended while they waited.
  uint32_t new_lock(Instance* obj, uint16_t reason, Value label);
  bool lock_acquire(uint32_t lock, bool blocking, double timeout, Value& out);
  bool lock_release(uint32_t lock);  // false: "release unlocked lock"
  bool lock_locked(uint32_t lock) const { return locks_[lock].locked; }
  void add_sentinel(uint32_t thread, uint32_t lock) { threads_[thread].sentinels.push_back(lock); }
  Class* lock_class() const { return lock_class_; }

  // Network: requests served by the simulated network (docs/NETWORK.md).
  uint32_t io_request(std::string method, std::string url);
  bool io_wait(double timeout, Value& out);
  void io_wakeup(int64_t thread);
  bool io_result(uint32_t token, Value& out);
  bool io_call(std::string method, std::string url, Value& out);

  // Coroutine tasks: the asyncio layer reports its tasks so events can show them;
  // machinery marks the event loop's own tasks (TaskCreated flags 3 instead of 1).
  uint32_t task_new(std::string name, int64_t parent, bool machinery = false);
  void task_enter(uint32_t id);
  void task_leave();
  void task_blocked(uint32_t id, uint16_t reason, std::string description, double deadline);
  void task_end(uint32_t id, uint16_t status, std::string text);
  void task_cancelled(uint32_t target);
  void loop_iteration(std::string_view ready, double n);
  void loop_enter();
  void loop_exit();
  int64_t current_logical() const;

  // describe() names a label for reports: "Lock b", "Event ready", "Queue q (full)".
  std::string describe(Value label);
  void set_lock_class(Class* cls) { lock_class_ = cls; }
  // number_repr() is Python's repr of a float ("0.5", "1.0").
  std::string number_repr(double v);

 private:
  enum class ThreadState : uint8_t { Ready, Running, Blocked, Done };
  enum class WaitKind : uint8_t { None, Sleep, Lock, IoWait, IoCall };

  // Counters is VM work (the four counters the cost model prices), kept as integers so a
  // thread's clock does not depend on how its run was sliced.
  struct Counters {
    uint64_t steps = 0, calls = 0, natives = 0, allocs = 0;
  };

  struct Thread {
    uint32_t id = 0;  // event task id (shared with coroutine tasks)
    Task* task = nullptr;
    std::string name;
    bool daemon = false;
    bool is_main = false;
    bool started = false;  // TaskStart emitted
    ThreadState state = ThreadState::Ready;
    int32_t core = -1;
    int32_t last_core = -1;
    double clock = 0.0;        // the thread's time: exact while running, else when it last changed state
    Counters work;             // the VM work this thread did, exactly
    Counters base;             // work at the moment clock was last set (set_clock)
    double base_time = 0.0;    // clock at that moment: clock = base_time + cost(work - base)
    double ready_since = 0.0;  // when it began waiting for the GIL or a core
    double slice_start = 0.0;  // when it got its core
    double cpu_left = 0.0;     // sim.cpu work still to do
    WaitKind wait = WaitKind::None;
    uint64_t wait_gen = 0;  // invalidates timers of earlier waits
    uint32_t wait_lock = 0;
    uint32_t wait_token = 0;
    double deadline = -1.0;
    double sleep_seconds = 0.0;
    std::string wait_call;      // what a coroutine's loop is blocked by (LoopBlocked)
    int64_t stalled_task = -1;  // coroutine whose loop this wait stalls, reported when it ends
    double stalled_since = 0.0;
    uint32_t stalled_ref = kNoRef;
    uint32_t stalled_line = 0;
    bool result_bool = false;  // Lock: acquired; IoWait: unused
    bool timed_out = false;
    uint32_t nested = 0;      // > 0 while suspended inside a nested run loop
    uint32_t depth_base = 0;  // the VM's nesting() where this thread's run_task() runs
    bool parked = false;      // woken while not the innermost nested waiter
    Value nested_result;
    int64_t logical = -1;  // coroutine task entered on this thread
    bool loop = false;     // runs an event loop (loop_enter)
    bool wakeup_pending = false;
    std::vector<uint32_t> completions;
    bool failed = false;
    std::string fail_text;
    std::vector<uint32_t> sentinels;  // locks released when the thread ends
    uint32_t process = 0;             // the simulated process the thread belongs to
  };

  // Proc is one simulated OS process: its own module table and its own GIL.
  struct Proc {
    std::string name;
    int32_t parent = -1;
    int32_t main_thread = -1;
    VM::ModuleTable modules;  // the process's table while another one is installed
    int32_t gil_holder = -1;
    double gil_taken_at = 0.0;
    double gil_factor = 1.0;  // seeded jitter of the switch interval for this tenure
  };

  struct Core {
    int32_t thread = -1;
    double clock = 0.0;
  };

  enum class TimerKind : uint8_t { Deadline, LockRetry, IoDone };
  struct Timer {
    double time;
    uint64_t seq;
    TimerKind kind;
    uint32_t target;
    uint64_t gen;
  };
  struct TimerLater {
    bool operator()(const Timer& a, const Timer& b) const { return a.time != b.time ? a.time > b.time : a.seq > b.seq; }
  };

  struct Lock {
    Instance* obj = nullptr;  // weak: the Python object; null while the slot is free
    bool live = false;
    bool locked = false;
    int32_t owner = -1;
    uint16_t reason = 1;
    Value label;
    std::deque<uint32_t> waiters;
  };

  struct Request {
    uint32_t thread = 0;
    uint32_t task = 0;  // event task id
    std::string method, url;
    bool call = false;  // a blocking call (requests), not io_wait's
    bool done = false;
  };

  enum class LogicalState : uint8_t { Ready, Running, Blocked, Done };
  struct Logical {
    uint32_t id = 0;
    std::string name;
    uint32_t thread = 0;
    bool root = false;
    bool started = false;
    LogicalState state = LogicalState::Ready;
    std::string waits_for;
  };
  struct IdEntry {
    bool logical;
    uint32_t index;
  };

  // ---- the loop ----
  void step(uint64_t stop);
  void manual_step(uint64_t stop);
  void manual_run(uint32_t t, uint64_t stop);
  bool manual_unit_done(uint32_t t, ManualUnit unit) const;
  std::vector<uint32_t> manual_runnable() const;
  void manual_switch(uint32_t t);
  void run_quantum(uint32_t t, double timer, uint64_t stop);
  void fire_timer();
  bool next_timer(double& time);
  void stall();
  void after_run(uint32_t t, uint8_t status);
  void check_preempt(uint32_t t);
  bool preempt_due(uint32_t t) const;
  double drop_deadline() const;
  double drop_deadline_of(uint32_t process) const;
  int32_t gil_waiter(uint32_t process) const;
  bool core_contended(uint32_t t) const;
  bool multi() const { return procs_.size() > 1; }
  uint64_t budget_for(const Thread& th, double horizon, uint64_t stop) const;

  // ---- state changes ----
  void make_ready(uint32_t t, double time, bool woken);
  void enqueue(uint32_t t, double time);
  bool blocked_below(uint32_t t) const;
  void dispatch(double time);
  void start_running(uint32_t t, int32_t core, double time);
  void leave_cpu(uint32_t t, double time, uint16_t gil_flag);
  void begin_wait(uint32_t t);
  void deliver(uint32_t t);
  void wake(uint32_t t, double time);
  void finish_thread(uint32_t t, bool raised, Value exception);
  void finish_main(bool raised, Value exception);
  bool suspend(uint32_t t, Value& out);
  bool resumable(const Thread& th) const;
  void unpark_top();
  void add_timer(double time, TimerKind kind, uint32_t target, uint64_t gen);
  int32_t free_core(int32_t prefer) const;
  void release_lock_at(uint32_t lock, double time);
  void serve(uint32_t token, double time, bool was_queued);
  void complete_request(uint32_t token, double time);
  Value take_completions(uint32_t t);
  Value response(uint32_t token);
  void switch_locals(uint32_t t);

  // ---- the clock ----
  void open_slice(uint32_t t);
  void close_slice();
  Counters vm_counters() const;
  double cost(const Counters& now, const Counters& then) const;
  void set_clock(uint32_t t, double time);

  // ---- events ----
  void emit(EventKind kind, double time, uint32_t task, uint32_t line, double value = 0.0, uint16_t flags = 0,
            uint32_t ref = kNoRef);
  uint32_t thread_line(uint32_t t) const;
  std::string wait_description(uint32_t t);
  std::string deadlock_report();
  std::string global_name(Value v);
  uint32_t new_id(bool logical, uint32_t index);
  uint32_t thread_index(const Task* task) const;
  double jitter();
  double lockstep_factor(uint32_t t, double time) const;

  RuntimeSettings settings_;
  EventLog& log_;
  uint64_t scheduling_events_ = 0;  // events other than Line: bounded by settings_.event_limit
  VM* vm_ = nullptr;
  const std::vector<std::string>* lines_ = nullptr;
  MersenneTwister random_;
  uint64_t jitter_state_ = 0;
  bool within_output_limit(uint32_t t, size_t more);
  uint64_t step_limit_ = 0;

  std::deque<Thread> threads_;  // a deque: references stay valid while threads are added
  std::vector<Core> cores_;
  std::deque<uint32_t> ready_;  // waiting for the GIL (GIL on) or a core (GIL off), FIFO
  std::deque<Proc> procs_;      // processes; 0 is the main program's
  uint32_t installed_ = 0;      // the process whose module table the VM has
  std::vector<Timer> timers_;   // min-heap by (time, seq)
  uint64_t timer_seq_ = 0;
  std::vector<uint32_t> nested_stack_;
  int32_t resume_runner_ = -1;  // the thread whose quantum advance() cut short
  bool at_check_ = true;        // the running thread stands at an eval-breaker check (see run_quantum)

  // Manual mode: the next choice, the unit in progress (advance() may cut one short).
  size_t choice_next_ = 0;
  bool at_choice_ = false;
  std::string choice_error_;
  int32_t unit_thread_ = -1;
  ManualUnit unit_kind_ = ManualUnit::Instruction;
  int32_t unit_last_ = -1;  // the thread that ran the last unit (what a hook may let go on)

  std::deque<Lock> locks_;
  std::vector<uint32_t> free_locks_;
  Class* lock_class_ = nullptr;
  std::vector<Instance*> locals_;  // weak: threading.local objects
  int32_t locals_thread_ = -1;     // the thread whose attributes the locals show
  ValueVec shutdown_fns_;
  size_t shutdown_next_ = 0;
  bool shutdown_started_ = false;
  bool main_raised_ = false;

  std::deque<Request> requests_;   // index = token - 1
  std::deque<uint32_t> io_queue_;  // requests waiting for capacity
  int64_t in_service_ = 0;

  std::deque<Logical> logicals_;
  std::vector<IdEntry> ids_;

  // The open slice: the thread inside run_task() and the counters when it began.
  int32_t active_ = -1;
  Counters slice_start_;
  // slice_clock_ is now()'s form of the open slice: the active thread's base_time and, per
  // counter, work - slice_start - base (wrapping), so the work since the thread's base is the
  // VM's counter plus it. The integers equal cost()'s, so the clock is the same to the bit.
  // refresh_slice_clock() keeps it in step with open_slice() and set_clock().
  struct SliceClock {
    double base_time = 0.0;
    Counters offset;
  };
  SliceClock slice_clock_;
  void refresh_slice_clock();
  const Thread* active_thread_ = nullptr;  // threads_[active_] (a deque: the address is stable)
  double now_ = 0.0;

  RunEnd end_ = RunEnd::Running;
  // set_end() ends the run; no line is counted after it, as line() counts none once ended.
  void set_end(RunEnd end) {
    end_ = end;
    line_counter = nullptr;
  }
  Value main_exception_;
  std::string end_message_;
  uint32_t end_line_ = 0;
  double end_time_ = 0.0;
  std::string output_;
  std::string error_output_;
  std::unordered_map<uint32_t, uint32_t> label_numbers_;    // lookup only: object uid -> fallback "#n"
  std::unordered_map<std::string, uint32_t> label_counts_;  // lookup only: objects numbered per kind
};

}  // namespace interleave
