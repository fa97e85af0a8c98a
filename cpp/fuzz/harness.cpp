// See harness.h. Output and events are drained as a host would, so their bounds are
// exercised the way the page and the CLI exercise them.
#include "harness.h"

#include "sim/simulation.h"

namespace interleave::fuzz {

namespace {

uint64_t run_with(std::string_view source, RunOptions options) {
  Simulation sim(std::move(options));
  if (!sim.load(source)) return 0;
  while (sim.advance(20'000)) {
    sim.clear_events();
    sim.take_output();
    sim.take_error_output();
  }
  return sim.result().steps;
}

}  // namespace

uint64_t run_one(std::string_view source, const FuzzLimits& limits) {
  RunOptions threaded;
  threaded.step_limit = limits.step_limit;
  threaded.memory_limit = limits.memory_limit;
  uint64_t steps = run_with(source, threaded);

  RunOptions free_threaded = threaded;
  free_threaded.gil = false;
  free_threaded.cores = 4;
  free_threaded.seed = 7;
  return steps + run_with(source, free_threaded);
}

}  // namespace interleave::fuzz
