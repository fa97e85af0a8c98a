#pragma once
// SimContext is what the VM asks of the runtime that hosts it: the simulated clock,
// output, the event sink and the seeded random generator. The VM never reads the wall
// clock; tests substitute their own context to drive tasks by hand.
#include <cstdint>
#include <string_view>

namespace interleave {

struct Task;
struct Module;
class VM;
class MersenneTwister;  // vm/random.h: CPython-compatible MT19937

class SimContext {
 public:
  virtual ~SimContext() = default;
  // now() is simulated seconds since the run began.
  virtual double now() const = 0;
  // write() appends printed text for task at line (emits a Print event).
  virtual void write(Task* task, std::string_view text, uint32_t line) = 0;
  // sleep() blocks task for seconds of simulated time; the VM returns from run_task()
  // after the current instruction and the runtime wakes the task later.
  virtual void sleep(Task* task, double seconds, uint32_t line) = 0;
  // cpu() is CPU-bound work: task keeps the CPU while the clock advances.
  virtual void cpu(Task* task, double seconds, uint32_t line) = 0;
  virtual MersenneTwister& random() = 0;
  // line() reports that task starts executing source line (only when line tracing is on).
  virtual void line(Task* task, uint32_t line) {
    (void)task;
    (void)line;
  }
  // line_counter, when set, is where the VM counts line events instead of calling line():
  // a run that keeps no event records pays one increment per line, not a virtual call.
  uint64_t* line_counter = nullptr;
  // make_module() builds a module the runtime provides ("sys", "_interleave"); false if unknown.
  virtual bool make_module(VM& vm, std::string_view name, Module*& out) {
    (void)vm;
    (void)name;
    (void)out;
    return false;
  }
  // trace() marks the values the runtime keeps outside tasks (GC roots).
  virtual void trace(VM& vm) { (void)vm; }
  // sweep_weak() runs after marking, before unmarked objects are freed: weak references die here.
  virtual void sweep_weak() {}
  // set_network() is sim.network(latency, capacity); capacity < 0 means no limit.
  virtual void set_network(double latency, int64_t capacity) {
    (void)latency;
    (void)capacity;
  }
  // network_latency() and network_capacity() are the run's current network settings.
  virtual double network_latency() const { return 0.25; }
  virtual int64_t network_capacity() const { return -1; }
};

}  // namespace interleave
