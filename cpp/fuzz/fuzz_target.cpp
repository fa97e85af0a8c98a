// The libFuzzer entry point: each input is a Python program (docs/TESTING.md, "Fuzzing").
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "harness.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  interleave::fuzz::run_one(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
