#pragma once
// SequentialRuntime hosts plain single-threaded programs: one task, one core. The clock
// is the cost model applied to the VM's counters plus the time slept or spent in sim.cpu.
#include <cstdint>
#include <string>
#include <string_view>

#include "sim/cost_model.h"
#include "trace/event_log.h"
#include "vm/random.h"
#include "vm/sim_context.h"

namespace interleave {

class VM;

class SequentialRuntime : public SimContext {
 public:
  SequentialRuntime(const CostModel& costs, uint64_t seed, bool trace_lines, EventLog& log);
  void attach(VM* vm) { vm_ = vm; }
  // start_clock() makes now() zero at this point: work done while loading is not charged.
  void start_clock();

  double now() const override;
  void write(Task* task, std::string_view text, uint32_t line) override;
  void sleep(Task* task, double seconds, uint32_t line) override;
  void cpu(Task* task, double seconds, uint32_t line) override;
  MersenneTwister& random() override { return random_; }
  void line(Task* task, uint32_t line) override;

  const std::string& output() const { return output_; }
  EventLog& log() { return log_; }

 private:
  CostModel costs_;
  bool trace_lines_;
  EventLog& log_;
  VM* vm_ = nullptr;
  double waited_ = 0.0;  // seconds added by sleep() and cpu()
  uint64_t base_steps_ = 0, base_calls_ = 0, base_natives_ = 0, base_allocs_ = 0;
  MersenneTwister random_;
  std::string output_;
};

}  // namespace interleave
