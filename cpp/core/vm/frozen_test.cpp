// The library archive format read by add_library() and the import scan of needs_library().
#include <gtest/gtest.h>

#include <string>

#include "vm/frozen.h"

namespace interleave {
namespace {

TEST(Frozen, CoreModulesAreCompiledIn) {
  for (const char* name : {"threading", "queue", "asyncio", "concurrent.futures", "heapq", "aiohttp", "requests"}) {
    EXPECT_NE(find_frozen(name), nullptr) << name;
    EXPECT_FALSE(is_library_module(name)) << name;
  }
  EXPECT_TRUE(frozen_package("concurrent"));
}

TEST(Frozen, DamagedArchivesAreRefusedWithTheirDefect) {
  std::string error;
  EXPECT_FALSE(add_library("json\nm\n99\nprint(1)", error));
  EXPECT_EQ(error, "the library archive is truncated in module json");
  EXPECT_FALSE(add_library("json\nq\n1\nx", error));
  EXPECT_EQ(error, "the library archive is malformed after 0 modules");
  EXPECT_FALSE(add_library("json\nm\n1x\nx", error));
  EXPECT_EQ(error, "the library archive has a bad length for module json");
  EXPECT_FALSE(add_library("a\nm\n1\nxjson", error));
  EXPECT_EQ(error, "the library archive is malformed after 1 modules");
}

TEST(Frozen, CoreImportsNeverNeedTheLibrary) {
  EXPECT_FALSE(needs_library("import threading, asyncio\nfrom concurrent.futures import ThreadPoolExecutor\n"));
  EXPECT_FALSE(needs_library("s = 'import json'  # import json\n"));
}

}  // namespace
}  // namespace interleave
