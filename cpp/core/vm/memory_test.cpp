// Tests of the memory limit: container growth is counted when it happens (also inside a
// built-in running a nested loop, where most natives let no collection run), one-step bombs raise
// MemoryError before allocating, a program can catch it and go on, and garbage still leaves.
#include <gtest/gtest.h>

#include <string>

#include "sim/simulation.h"

namespace interleave {
namespace {

RunResult run_limited(const std::string& src, uint64_t memory_mb, uint64_t steps = 100'000'000) {
  RunOptions o;
  o.memory_limit = memory_mb << 20;
  o.step_limit = steps;
  Simulation sim(std::move(o));
  sim.load(src);
  return sim.run();
}

TEST(MemoryLimit, EndlessGeneratorIntoListRaisesMemoryError) {
  RunResult r = run_limited("def g():\n    while True:\n        yield 1\nlist(g())\n", 16);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->type, "MemoryError");
  EXPECT_NE(r.error->message.find("memory limit (16 MB)"), std::string::npos);
}

TEST(MemoryLimit, GrowthInsideOneCallIsCountedBeforeTheNextCollection) {
  // Two lists of 24 MB each built by list(generator) cannot both live under 32 MB.
  RunResult r = run_limited(
      "a = list(x for x in range(1_500_000))\nprint(len(a))\n"
      "b = list(x for x in range(1_500_000))\nprint(len(b))\n",
      32);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->type, "MemoryError");
  EXPECT_EQ(r.output, "1500000\n");
}

TEST(MemoryLimit, CaughtMemoryErrorLeavesTheProgramWorking) {
  RunResult r = run_limited(
      "items = []\n"
      "try:\n"
      "    while True:\n"
      "        items.append(len(items))\n"
      "except MemoryError:\n"
      "    n = len(items)\n"
      "    items = None\n"
      "print(n > 100_000, [i * i for i in range(5)], ','.join(['a'] * 3))\n",
      16);
  EXPECT_FALSE(r.error) << (r.error ? r.error->traceback : "");
  EXPECT_EQ(r.output, "True [0, 1, 4, 9, 16] a,a,a\n");
}

TEST(MemoryLimit, GarbageMadeWhileListGathersAGeneratorIsCollected) {
  // All of list(g(...)) runs inside one call of list(): its garbage (a generator expression,
  // its frame and a set per item) is collected there, as CPython frees it, where it used to
  // pile up until MemoryError.
  const std::string src =
      "def g(n):\n"
      "    cols = range(8)\n"
      "    for k in range(n):\n"
      "        vec = (k, 1, 2, 3, 4, 5, 6, 7)\n"
      "        if len(set(vec[i] + i for i in cols)) == 8:\n"
      "            yield k\n"
      "print(len(list(g(200_000))), len(tuple(g(200_000))))\n";
  RunResult r = run_limited(src, 16);
  EXPECT_FALSE(r.error) << (r.error ? r.error->traceback : "");
  EXPECT_EQ(r.output, "199993 199993\n");
}

TEST(MemoryLimit, GarbageFromRepeatedGrowthIsCollected) {
  RunResult r = run_limited(
      "for i in range(30):\n"
      "    data = list(x for x in range(300_000))\n"
      "    text = 'x' * 4_000_000\n"
      "print(len(data), len(text))\n",
      32);
  EXPECT_FALSE(r.error) << (r.error ? r.error->traceback : "");
  EXPECT_EQ(r.output, "300000 4000000\n");
}

TEST(MemoryLimit, OneStepBombsRaiseBeforeAllocating) {
  RunResult r = run_limited(
      "for make in [lambda: [0] * (2**32 + 1), lambda: 'a'.ljust(10**10), lambda: bytes(10**10),\n"
      "             lambda: f'{1:{10**9}}', lambda: 1 << 10**10, lambda: b'a'.center(10**9)]:\n"
      "    try:\n"
      "        make()\n"
      "    except MemoryError:\n"
      "        print('MemoryError')\n",
      16);
  EXPECT_FALSE(r.error) << (r.error ? r.error->traceback : "");
  EXPECT_EQ(r.output, std::string("MemoryError\n") + "MemoryError\n" + "MemoryError\n" + "MemoryError\n" +
                          "MemoryError\n" + "MemoryError\n");
}

TEST(MemoryLimit, HugeWorkInOneStepMeetsTheStepLimit) {
  RunResult r = run_limited("x = 10 ** 10 ** 8\n", 256, 1'000'000);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->type, "StepLimitError");
}

}  // namespace
}  // namespace interleave
