#pragma once
// The fuzz harness runs one source text through the whole pipeline (compile, then the
// thread and asyncio runtimes) under small limits. The libFuzzer target and the replay
// of the regression corpus (tests/fuzz/regressions) call the same function, so a crash
// the fuzzer found is replayed exactly by ctest.
#include <cstdint>
#include <string_view>

namespace interleave::fuzz {

// FuzzLimits are small so that each input ends in milliseconds, and a hang is a bug.
struct FuzzLimits {
  uint64_t step_limit = 100'000;
  uint64_t memory_limit = 64ull * 1024 * 1024;
};

// run_one runs `source` under one of two schedulers (GIL on, 2 cores for even lengths;
// GIL off, 4 cores for odd ones) and returns the number of instructions executed; every
// outcome but a crash is fine.
uint64_t run_one(std::string_view source, const FuzzLimits& limits = {});

}  // namespace interleave::fuzz
