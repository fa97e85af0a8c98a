// Tests of re's native matcher (sre.cpp) through whole programs: matching results the
// expectations of which came from CPython 3.11, and the engine limits a hostile pattern
// meets: catastrophic backtracking stops at the step limit, long inputs and deep
// repetition use the heap stack (no C++ recursion), and a huge stack hits MemoryError.
#include <gtest/gtest.h>

#include <string>

#include "sim/simulation.h"

namespace interleave {
namespace {

RunResult run(std::string_view source, RunOptions options = {}) {
  Simulation sim(options);
  if (!sim.load(source)) return sim.result();
  return sim.run();
}

std::string describe(const RunResult& r) {
  return r.error ? r.error->type + ": " + r.error->message + "\n" + r.error->traceback : std::string("no error");
}

TEST(Sre, MatchesLikeCPython) {
  RunResult r = run(R"PY(import re
print(re.match(r'(a|ab)(c|bcd)(d*)', 'abcd').groups())
print(re.findall(r'a*', 'baaa'), re.sub('x*', '-', 'abxd'), re.split(r'\b', 'a b'))
print(re.match(r'(?:(a)|b)*', 'ab').groups(), re.match(r'(a?)*?b', 'aab').span())
print(re.search(r'(?<=\d{2})x(?!y)', '12x 34xy 56x').span(), re.match(r'(?>a+)a', 'aaa'))
print(re.match(r'(?i)straSSe', 'STRASSE').group(), re.fullmatch(r'\w+', 'naïve').span())
print(re.match(r'(a)(?(1)b|c)', 'ab').group(), re.match(r'(\w)\1', 'xx').group())
)PY");
  ASSERT_FALSE(r.error.has_value()) << describe(r);
  EXPECT_EQ(r.output,
            "('a', 'bcd', '')\n"
            "['', 'aaa', ''] -a-b--d- ['', 'a', ' ', 'b', '']\n"
            "('a',) (0, 3)\n"
            "(2, 3) None\n"
            "STRASSE (0, 5)\n"
            "ab xx\n");
}

TEST(Sre, CatastrophicBacktrackingStopsAtTheStepLimit) {
  RunOptions o;
  o.step_limit = 2'000'000;
  RunResult r =
      run("import re\nprint('start')\ntry:\n    re.match(r'(a*)*b', 'a' * 30)\nexcept BaseException:\n"
          "    print('caught')\nprint('after')\n",
          o);
  ASSERT_TRUE(r.error.has_value());
  EXPECT_EQ(r.error->type, "StepLimitError");
  EXPECT_EQ(r.output, "start\n");
  EXPECT_GE(r.steps, o.step_limit);
  EXPECT_LT(r.steps, o.step_limit + 100'000);
}

TEST(Sre, MatchingWorkCountsAsSteps) {
  RunResult small = run("import re\nre.search(r'a+b', 'a' * 10)\n");
  RunResult big = run("import re\nre.search(r'a+b', 'a' * 2000)\n");
  ASSERT_FALSE(small.error.has_value()) << describe(small);
  ASSERT_FALSE(big.error.has_value()) << describe(big);
  EXPECT_GT(big.steps, small.steps + 100'000);
}

TEST(Sre, LongInputsAndDeepRepetitionUseTheHeapStack) {
  RunResult r = run(R"PY(import re
s = 'ab' * 50000 + 'c'
print(re.match(r'(?:a|b)*c', s).end(), re.match(r'(ab)*c', s).span(1))
print(len(re.findall(r'(?:(?:(?:a)))', 'a' * 50000)), re.match(r'.*x', 'y' * 100000))
print(re.match('(' * 90 + 'a' + ')' * 90, 'a').lastindex)
)PY");
  ASSERT_FALSE(r.error.has_value()) << describe(r);
  EXPECT_EQ(r.output, "100001 (99998, 100000)\n50000 None\n1\n");
}

TEST(Sre, AHugeBacktrackingStackRaisesMemoryError) {
  RunOptions o;
  o.memory_limit = 16ull * 1024 * 1024;
  RunResult r = run(
      "import re\ntry:\n    re.match(r'(?:a|b)*c', 'ab' * 500000)\nexcept MemoryError:\n    print('MemoryError')\n", o);
  ASSERT_FALSE(r.error.has_value()) << describe(r);
  EXPECT_EQ(r.output, "MemoryError\n");
}

}  // namespace
}  // namespace interleave
