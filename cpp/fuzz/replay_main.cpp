// interleave_fuzz_replay FILE... runs each file through the fuzz harness, as the fuzzer
// did when it found it; ctest runs it over tests/fuzz/regressions, in the sanitizer build
// too. A crash fails the test by ending the process; a clean pass prints one line per file.
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "harness.h"

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "cannot read %s\n", argv[i]);
      return 2;
    }
    std::stringstream text;
    text << in.rdbuf();
    unsigned long long steps = interleave::fuzz::run_one(text.str());
    std::printf("ok %s (%llu steps)\n", argv[i], steps);
  }
  return 0;
}
