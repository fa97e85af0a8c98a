#pragma once
// Manual scheduling: the host (the page's "You are the scheduler" mode) picks which thread
// runs next, one unit at a time. These are the choices it makes and what it is shown.
#include <cstdint>
#include <string>
#include <vector>

namespace interleave {

class Scheduler;
struct Task;

// ManualUnit is how far a chosen thread runs in manual mode: to its next instruction in
// the program, or to the start of its next line; either way it stops when it blocks or ends.
enum class ManualUnit : uint8_t { Instruction, Line };

// ManualChoice names the thread (by event task id) to run for one unit.
struct ManualChoice {
  uint32_t thread = 0;
  ManualUnit unit = ManualUnit::Line;
};

// ManualThread is one thread as manual mode shows it at a choice point.
struct ManualThread {
  uint32_t id = 0;     // event task id, what a ManualChoice names
  uint32_t index = 0;  // creation order: 0 is MainThread
  std::string name;
  uint32_t line = 0;      // innermost line in the program (0 before it enters the program)
  std::string state;      // "running", "ready", "blocked", "sleeping", "done"
  std::string detail;     // what a blocked thread waits for
  std::string next;       // the next instruction in the program: "STORE_GLOBAL counter"
  bool runnable = false;  // a choice may name it now
};

// ManualVariable is one global of the program with a plain value (numbers, strings, None,
// flat lists, tuples and dicts of them), shown as Python's repr: the shared state.
struct ManualVariable {
  std::string name;
  std::string value;
};

// ChoiceHook makes the scheduler's choices for the schedule explorer (explore/): which
// thread runs next when several can, and the order in which an event loop runs its ready
// handles. A manual run given a hook asks it instead of reading choices.
class ChoiceHook {
 public:
  virtual ~ChoiceHook() = default;
  // choose_thread() picks one of runnable (thread indices, creation order); holder is the
  // thread that ran last and may go on, or -1 when it cannot.
  virtual uint32_t choose_thread(Scheduler& s, const std::vector<uint32_t>& runnable, int32_t holder) = 0;
  // order_ready() may permute order (positions in a loop's ready list, FIFO on entry);
  // tasks holds each entry's task id (0 for a plain callback).
  virtual void order_ready(Scheduler& s, const std::vector<uint32_t>& tasks, std::vector<uint32_t>& order) = 0;
};

// SwitchProbe watches where threads are switched (the tests): preempted() sees the task of
// each thread that the scheduler takes the GIL from, before it runs anything else.
class SwitchProbe {
 public:
  virtual ~SwitchProbe() = default;
  virtual void preempted(const Task& task) = 0;
};

}  // namespace interleave
