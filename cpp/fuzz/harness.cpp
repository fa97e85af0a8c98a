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
  RunOptions options;
  options.step_limit = limits.step_limit;
  options.memory_limit = limits.memory_limit;
  // run_one alternates the two schedulers by the input's length, so each input costs one run.
  if (source.size() % 2) {
    options.gil = false;
    options.cores = 4;
    options.seed = 7;
  }
  return run_with(source, options);
}

}  // namespace interleave::fuzz
