#pragma once
// SimContext is what the VM asks of the runtime that hosts it: the simulated clock,
// output, the event sink and the seeded random generator. The VM never reads the wall
// clock; tests substitute their own context to drive tasks by hand.
#include <cstdint>
#include <string_view>

namespace interleave {

struct Task;
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
  virtual void line(Task* task, uint32_t line) { (void)task; (void)line; }
};

}  // namespace interleave
