#pragma once
// CostModel is the simulated CPU time each kind of work costs. The defaults
// approximate CPython 3.11 on a typical 2020s laptop (measured with timeit; see
// docs/COST_MODEL.md), so a loop's simulated time is close to what python3 takes.
namespace interleave {

struct CostModel {
  double instruction = 15e-9;  // any bytecode instruction
  double call = 60e-9;         // extra for a Python-level call (frame setup)
  double native_call = 40e-9;  // extra for a call into a built-in
  double alloc = 20e-9;        // extra for each object allocation
};

}  // namespace interleave
