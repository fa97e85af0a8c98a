#pragma once
// MersenneTwister is CPython's `random` generator bit for bit: the same MT19937 core,
// the same seeding (int and str seeds) and the same derived algorithms (random(),
// getrandbits, _randbelow, randrange, shuffle, sample, gauss), so a seeded program
// prints the numbers python3 prints.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace interleave {

class MersenneTwister {
 public:
  MersenneTwister() { seed(0); }
  // seed() is random.seed(n) for an int: CPython seeds with |n| split into 32-bit words.
  void seed(int64_t n);
  void seed_unsigned(uint64_t n);
  // seed_bytes() is random.seed(s) for a str (version 2: s + sha512(s) as one int).
  void seed_bytes(std::string_view utf8);
  // seed_words() is init_by_array(key, n), least significant word first.
  void seed_words(const uint32_t* key, size_t n);

  uint32_t next_u32();
  double random();                 // [0, 1) with 53 random bits
  uint64_t getrandbits(int k);     // 0 <= k <= 64
  uint64_t randbelow(uint64_t n);  // [0, n), n > 0
  // randrange() follows CPython's argument rules; it returns false with a ValueError
  // message in error for an empty range or a zero step.
  bool randrange(int64_t start, int64_t stop, int64_t step, int64_t& out, const char*& error);
  double gauss(double mu, double sigma);

 private:
  static constexpr int kN = 624;
  uint32_t mt_[kN];
  int index_ = kN;
  bool has_gauss_next_ = false;
  double gauss_next_ = 0.0;
};

}  // namespace interleave
