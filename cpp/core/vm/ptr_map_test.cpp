// PtrMap against std::unordered_map: the same random inserts, updates and erases on both,
// with keys crowded into few slots so probe runs wrap and erasing shifts entries back.
#include "vm/ptr_map.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <unordered_map>
#include <vector>

namespace interleave {
namespace {

struct Key {
  int pad[4];
};

TEST(PtrMap, MatchesUnorderedMapUnderRandomInsertsAndErases) {
  std::vector<Key> keys(300);
  PtrMap<Key, int> map;
  std::unordered_map<const Key*, int> want;
  std::mt19937 rng(7);
  for (int step = 0; step < 200000; ++step) {
    const Key* k = &keys[rng() % keys.size()];
    switch (rng() % 3) {
      case 0:
        map[k] = step;
        want[k] = step;
        break;
      case 1:
        map.erase(k);
        want.erase(k);
        break;
      default: {
        const int* got = map.find(k);
        auto it = want.find(k);
        ASSERT_EQ(got != nullptr, it != want.end()) << "step " << step;
        if (got) {
          ASSERT_EQ(*got, it->second) << "step " << step;
        }
      }
    }
    ASSERT_EQ(map.size(), want.size());
  }
  for (const Key& k : keys) {
    auto it = want.find(&k);
    const int* got = map.find(&k);
    ASSERT_EQ(got != nullptr, it != want.end());
    if (got) {
      EXPECT_EQ(*got, it->second);
    }
  }
}

TEST(PtrMap, NewEntriesAreValueInitialisedAndErasingAbsentKeysIsHarmless) {
  struct Info {
    int* a;
    int* b;
  };
  Key k[3];
  PtrMap<Key, Info> map;
  EXPECT_EQ(map.find(&k[0]), nullptr);
  map.erase(&k[0]);
  Info& info = map[&k[1]];
  EXPECT_EQ(info.a, nullptr);
  EXPECT_EQ(info.b, nullptr);
  map.erase(&k[2]);
  EXPECT_EQ(map.size(), 1u);
}

}  // namespace
}  // namespace interleave
