#pragma once
// The matcher of the _sre module (sre.cpp): the opcodes of the programs re.py compiles and
// the Matcher that runs one over a str (ASCII bytes or decoded code points) or bytes.
#include <cstdint>
#include <vector>

#include "vm/library.h"

namespace interleave {
namespace lib {
namespace sre {

// Program header words: mark slots (2 per group, group 0 included), repeat registers, flags.
constexpr int32_t kHeader = 3;

// Op lists the instructions; operands follow each opcode (re.py's _Compiler emits them):
// kChar/kCharI c; kSet.. length items (length counts from the opcode); kAt kind; kJump to;
// kSplit alt (go on, then alt on failure); kMark slot; kRepeatOne/kMinRepeatOne min max next
// item (max -1 is unbounded); kRepeatInit reg; kRepeatLoop reg min max greedy exit;
// kRepeatBody reg; kRepeatNext reg loop; kGroupRef(I) group; kGroupExists group else;
// kLook kind width after, the body, kLookEnd. Jump targets are absolute word indexes.
enum Op : int32_t {
  kSuccess,
  kChar,
  kCharI,
  kAny,
  kAnyAll,
  kSet,
  kNotSet,
  kSetI,
  kNotSetI,
  kAt,
  kJump,
  kSplit,
  kMark,
  kRepeatOne,
  kMinRepeatOne,
  kRepeatInit,
  kRepeatLoop,
  kRepeatBody,
  kRepeatNext,
  kGroupRef,
  kGroupRefI,
  kGroupExists,
  kLook,
  kLookEnd,
};
// Set items: kRange lo hi, kCategory k (k: 0 digit, 2 space, 4 word; +1 negated, +8 ASCII).
enum SetItem : int32_t { kRange, kCategory };
enum At : int32_t {
  kAtBegin,
  kAtBeginLine,
  kAtEnd,
  kAtEndLine,
  kAtEndString,
  kAtBoundary,
  kAtNonBoundary,
  kAtBoundaryAscii,
  kAtNonBoundaryAscii,
};
enum Look : int32_t { kAhead, kNotAhead, kBehind, kNotBehind, kAtomic };
// Entry kinds of the backtracking stack.
enum Kind : int32_t { kTrail, kChoice, kGreedyOne, kLazyOne, kBarrier };

struct Entry {
  int32_t kind, pc;
  int64_t a, b;
};

struct Matcher {
  VM* vm = nullptr;
  const int32_t* code = nullptr;
  const uint8_t* bytes = nullptr;  // ASCII str or bytes subject
  std::vector<uint32_t> wide;      // decoded non-ASCII str subject
  int64_t end = 0;
  bool ascii_fold = false, match_all = false, must_advance = false;
  int32_t last_slot = 0;  // marks[last_slot] is lastindex
  std::vector<int64_t> marks;
  std::vector<Entry> stack;
  uint64_t steps = 0;

  bool init(VM& vm, Value program, Value subject);
  uint32_t ch(int64_t i) const { return bytes ? bytes[i] : wide[static_cast<size_t>(i)]; }
  int run(int64_t start);
  int search(int64_t pos);
  void finish();

 private:
  uint32_t fold(uint32_t c) const;
  bool in_set(const int32_t* p, uint32_t c) const;
  bool one(int32_t pc, uint32_t c) const;
  int32_t width(int32_t pc) const;
  bool at(int32_t kind, int64_t i) const;
  bool push(int32_t kind, int32_t pc, int64_t a, int64_t b);
  bool set_mark(int32_t i, int64_t v);
  bool tick();
};

}  // namespace sre
}  // namespace lib
}  // namespace interleave
