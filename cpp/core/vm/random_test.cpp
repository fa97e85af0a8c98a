// Expected values are real CPython 3.11.7 outputs, printed by python3 with e.g.
//   python3 -c "import random; random.seed(42); print([random.random() for _ in range(3)])"
// (one such command per test, named in each test's comment).
#include "vm/random.h"

#include <gtest/gtest.h>

#include <vector>

namespace interleave {
namespace {

std::vector<double> first3(MersenneTwister& mt) { return {mt.random(), mt.random(), mt.random()}; }

// random.seed(s); [random.random() for _ in range(3)]
TEST(MersenneTwister, IntSeedsMatchCPython) {
  MersenneTwister mt;
  mt.seed(0);
  EXPECT_EQ(first3(mt), (std::vector<double>{0.8444218515250481, 0.7579544029403025, 0.420571580830845}));
  mt.seed(42);
  EXPECT_EQ(first3(mt), (std::vector<double>{0.6394267984578837, 0.025010755222666936, 0.27502931836911926}));
  mt.seed(-42);
  EXPECT_EQ(first3(mt), (std::vector<double>{0.6394267984578837, 0.025010755222666936, 0.27502931836911926}));
  mt.seed(int64_t{1} << 32);
  EXPECT_EQ(first3(mt), (std::vector<double>{0.11299430095636409, 0.41782886486292836, 0.0166763664992291}));
  mt.seed((int64_t{1} << 40) + 5);
  EXPECT_EQ(first3(mt), (std::vector<double>{0.5043802970418443, 0.2686044399723282, 0.9257865475671585}));
  mt.seed(INT64_MAX);
  EXPECT_EQ(first3(mt), (std::vector<double>{0.3166448820870279, 0.631259308253863, 0.8035542479972343}));
  mt.seed(INT64_MIN);
  EXPECT_EQ(first3(mt), (std::vector<double>{0.5534639983914199, 0.9406144709090462, 0.24199432111690833}));
}

// random.seed(7); [random.getrandbits(k) for k in [1,5,31,32,33,48,63,64]]
TEST(MersenneTwister, GetrandbitsMatchesCPython) {
  MersenneTwister mt;
  mt.seed(7);
  std::vector<uint64_t> got;
  for (int k : {1, 5, 31, 32, 33, 48, 63, 64}) got.push_back(mt.getrandbits(k));
  EXPECT_EQ(got, (std::vector<uint64_t>{0, 30, 323946139, 1695753998, 2795742288ULL, 231168335884083ULL,
                                        868196408185819179ULL, 10750541312280087032ULL}));
}

// random.seed(7); [randrange(10), randrange(5,100), randrange(0,100,7), randrange(100,0,-3),
//                  randrange(-2**63, 2**63-1), randint(1,6), randint(-5,5)]
TEST(MersenneTwister, RandrangeMatchesCPython) {
  MersenneTwister mt;
  mt.seed(7);
  const char* err = nullptr;
  int64_t v = 0;
  std::vector<int64_t> got;
  ASSERT_TRUE(mt.randrange(0, 10, 1, v, err));
  got.push_back(v);
  ASSERT_TRUE(mt.randrange(5, 100, 1, v, err));
  got.push_back(v);
  ASSERT_TRUE(mt.randrange(0, 100, 7, v, err));
  got.push_back(v);
  ASSERT_TRUE(mt.randrange(100, 0, -3, v, err));
  got.push_back(v);
  ASSERT_TRUE(mt.randrange(INT64_MIN, INT64_MAX, 1, v, err));
  got.push_back(v);
  ASSERT_TRUE(mt.randrange(1, 7, 1, v, err));
  got.push_back(v);
  ASSERT_TRUE(mt.randrange(-5, 6, 1, v, err));
  got.push_back(v);
  EXPECT_EQ(got, (std::vector<int64_t>{5, 24, 42, 91, 5926464585665818419LL, 5, -4}));
  EXPECT_FALSE(mt.randrange(5, 5, 1, v, err));
  EXPECT_STREQ(err, "empty range for randrange()");
  EXPECT_FALSE(mt.randrange(0, 10, 0, v, err));
  EXPECT_STREQ(err, "zero step for randrange()");
  EXPECT_FALSE(mt.randrange(0, 10, -1, v, err));
}

// random.seed(11); l = list(range(10)); random.shuffle(l)  (shuffle is randbelow(i + 1) from the end)
TEST(MersenneTwister, ShuffleAlgorithmMatchesCPython) {
  MersenneTwister mt;
  mt.seed(11);
  std::vector<int> l = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
  for (size_t i = l.size() - 1; i >= 1; --i) std::swap(l[i], l[mt.randbelow(i + 1)]);
  EXPECT_EQ(l, (std::vector<int>{2, 6, 0, 1, 5, 4, 3, 9, 8, 7}));
}

// random.seed('hello'); random.seed(''); random.seed('héllo wörld' * 20)
TEST(MersenneTwister, StrSeedsMatchCPython) {
  MersenneTwister mt;
  mt.seed_bytes("hello");
  EXPECT_EQ(mt.random(), 0.3537754404730722);
  EXPECT_EQ(mt.random(), 0.6631985810268619);
  mt.seed_bytes("");
  EXPECT_EQ(mt.random(), 0.9602256525641875);
  EXPECT_EQ(mt.random(), 0.595411957851699);
  std::string s;
  for (int i = 0; i < 20; ++i) s += "h\xc3\xa9llo w\xc3\xb6rld";
  mt.seed_bytes(s);
  EXPECT_EQ(mt.random(), 0.09809670350515387);
  EXPECT_EQ(mt.random(), 0.8953477271644436);
}

// random.seed(3); [random.gauss(0, 1) for _ in range(3)]
TEST(MersenneTwister, GaussMatchesCPython) {
  MersenneTwister mt;
  mt.seed(3);
  EXPECT_DOUBLE_EQ(mt.gauss(0, 1), 0.09470803828730423);
  EXPECT_DOUBLE_EQ(mt.gauss(0, 1), 1.2500243810835503);
  EXPECT_DOUBLE_EQ(mt.gauss(0, 1), -0.931378367720707);
}

}  // namespace
}  // namespace interleave
