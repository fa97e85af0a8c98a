// The _sre module: the matcher under re (cpp/core/stdlib/re.py). re parses and compiles a
// pattern in Python into a flat program of int32 words; scan() runs it with an explicit,
// heap-allocated backtracking stack (no C++ recursion), counting its work against the VM's
// step limit and its stack against the memory limit, so a catastrophic pattern stops the
// run like a runaway loop. The opcodes and the program layout are in sre.h.
#include <cstring>
#include <vector>

#include "vm/bytes.h"
#include "vm/modules/sre.h"

namespace interleave {
namespace lib {

namespace sre {

namespace {

bool digit(uint32_t c, bool ascii) {
  if (c < 0x80 || ascii) return c >= '0' && c <= '9';
  for (uint32_t z : {0x660u, 0x6F0u, 0x966u, 0x9E6u, 0xE50u, 0xFF10u})
    if (c >= z && c <= z + 9) return true;
  return false;
}
bool space(uint32_t c, bool ascii) { return ascii ? c < 0x80 && is_space_cp(c) : is_space_cp(c); }
bool word(uint32_t c, bool ascii) {
  if (c < 0x80 || ascii) return c == '_' || (c < 0x80 && ((c | 0x20) - 'a' < 26u || c - '0' < 10u));
  return is_alpha_cp(c) || digit(c, false) || c == 0xB2 || c == 0xB3 || c == 0xB9 || (c >= 0xBC && c <= 0xBE);
}
bool category(int32_t k, uint32_t c) {
  bool ascii = k & 8, r;
  switch (k & 6) {
    case 0: r = digit(c, ascii); break;
    case 2: r = space(c, ascii); break;
    default: r = word(c, ascii); break;
  }
  return r != static_cast<bool>(k & 1);
}

}  // namespace

uint32_t Matcher::fold(uint32_t c) const {
  if (c < 0x80 || ascii_fold) return c - 'A' < 26u ? c + 32 : c;
  return to_lower_cp(c);
}

bool Matcher::in_set(const int32_t* p, uint32_t c) const {
  int32_t n = p[1];
  for (int32_t i = 2; i < n;) {
    if (p[i] == kRange) {
      if (static_cast<uint32_t>(p[i + 1]) <= c && c <= static_cast<uint32_t>(p[i + 2])) return true;
      i += 3;
    } else {
      if (category(p[i + 1], c)) return true;
      i += 2;
    }
  }
  return false;
}

bool Matcher::one(int32_t pc, uint32_t c) const {
  const int32_t* p = code + pc;
  switch (p[0]) {
    case kChar: return c == static_cast<uint32_t>(p[1]);
    case kCharI: return fold(c) == static_cast<uint32_t>(p[1]);
    case kAny: return c != '\n';
    case kAnyAll: return true;
    case kSet:
    case kNotSet: {
      bool in = in_set(p, c);
      return in != (p[0] == kNotSet);
    }
    case kSetI:
    case kNotSetI: {
      bool in = in_set(p, c) || in_set(p, fold(c)) || (!ascii_fold && in_set(p, to_upper_cp(c)));
      return in != (p[0] == kNotSetI);
    }
  }
  return false;
}

int32_t Matcher::width(int32_t pc) const {
  int32_t op = code[pc];
  return op == kChar || op == kCharI ? 2 : op == kAny || op == kAnyAll ? 1 : code[pc + 1];
}

bool Matcher::at(int32_t kind, int64_t i) const {
  switch (kind) {
    case kAtBegin: return i == 0;
    case kAtBeginLine: return i == 0 || ch(i - 1) == '\n';
    case kAtEnd: return i == end || (i + 1 == end && ch(i) == '\n');
    case kAtEndLine: return i == end || ch(i) == '\n';
    case kAtEndString: return i == end;
    default: {
      if (end == 0) return false;
      bool ascii = kind >= kAtBoundaryAscii;
      bool before = i > 0 && word(ch(i - 1), ascii), after = i < end && word(ch(i), ascii);
      return (before != after) == ((kind - kAtBoundary) % 2 == 0);
    }
  }
}

bool Matcher::push(int32_t kind, int32_t pc, int64_t a, int64_t b) {
  if (stack.size() == stack.capacity()) {
    size_t cap = stack.capacity() < 64 ? 64 : stack.capacity() * 2;
    if (!vm->reserve(cap * sizeof(Entry))) return false;
    stack.reserve(cap);
  }
  stack.push_back(Entry{kind, pc, a, b});
  return true;
}

bool Matcher::set_mark(int32_t i, int64_t v) {
  if (!push(kTrail, i, marks[i], 0)) return false;
  marks[i] = v;
  return true;
}

bool Matcher::tick() {
  if (++steps < 4096) return true;
  bool ok = vm->charge_steps(steps);
  steps = 0;
  return ok;
}

// Matcher::run tries the program at start; 1 matched, 0 no match, -1 error pending.
int Matcher::run(int64_t start) {
  stack.clear();
  std::fill(marks.begin(), marks.end(), -1);
  int64_t pos = start;
  int32_t pc = kHeader;
  for (;;) {
    if (!tick()) return -1;
    const int32_t* p = code + pc;
    switch (p[0]) {
      case kSuccess:
        if ((match_all && pos != end) || (must_advance && pos == start)) goto fail;
        marks[0] = start;
        marks[1] = pos;
        return 1;
      case kChar:
      case kCharI:
      case kAny:
      case kAnyAll:
      case kSet:
      case kNotSet:
      case kSetI:
      case kNotSetI:
        if (pos >= end || !one(pc, ch(pos))) goto fail;
        ++pos;
        pc += width(pc);
        continue;
      case kAt:
        if (!at(p[1], pos)) goto fail;
        pc += 2;
        continue;
      case kJump: pc = p[1]; continue;
      case kSplit:
        if (!push(kChoice, p[1], pos, 0)) return -1;
        pc += 2;
        continue;
      case kMark:
        if (!set_mark(p[1], pos)) return -1;
        if ((p[1] & 1) && !set_mark(last_slot, p[1] / 2)) return -1;
        pc += 2;
        continue;
      case kRepeatOne:
      case kMinRepeatOne: {
        int64_t lo = p[1], hi = p[2] < 0 ? end - pos : p[2];
        if (hi > end - pos) hi = end - pos;
        if (lo > hi) goto fail;
        int32_t item = pc + 4;
        int64_t n = 0;
        int64_t want = p[0] == kRepeatOne ? hi : lo;
        while (n < want && one(item, ch(pos + n))) {
          ++n;
          if ((n & 255) == 0 && !tick()) return -1;
        }
        if (n < lo) goto fail;
        if (p[0] == kRepeatOne) {
          if (n > lo && !push(kGreedyOne, p[3], pos + lo, pos + n)) return -1;
        } else if (hi > lo && !push(kLazyOne, pc, pos + hi, pos + n)) {
          return -1;
        }
        pos += n;
        pc = p[3];
        continue;
      }
      case kRepeatInit:
        if (!set_mark(p[1], 0) || !set_mark(p[1] + 1, -1)) return -1;
        pc += 2;
        continue;
      case kRepeatLoop: {
        int64_t count = marks[p[1]];
        if (count < p[2]) {
          pc += 6;
        } else if ((p[3] >= 0 && count >= p[3]) || pos == marks[p[1] + 1]) {
          pc = p[5];
        } else if (p[4]) {
          if (!push(kChoice, p[5], pos, 0)) return -1;
          pc += 6;
        } else {
          if (!push(kChoice, pc + 6, pos, 0)) return -1;
          pc = p[5];
        }
        continue;
      }
      case kRepeatBody:
        if (!set_mark(p[1] + 1, pos)) return -1;
        pc += 2;
        continue;
      case kRepeatNext:
        if (!set_mark(p[1], marks[p[1]] + 1)) return -1;
        pc = p[2];
        continue;
      case kGroupRef:
      case kGroupRefI: {
        int64_t a = marks[2 * p[1]], b = marks[2 * p[1] + 1];
        if (a < 0 || b < a) goto fail;
        if (b - a > end - pos) goto fail;
        for (int64_t i = 0; i < b - a; ++i) {
          uint32_t x = ch(a + i), y = ch(pos + i);
          if (x != y && (p[0] == kGroupRef || fold(x) != fold(y))) goto fail;
        }
        pos += b - a;
        pc += 2;
        continue;
      }
      case kGroupExists: {
        int64_t a = marks[2 * p[1]], b = marks[2 * p[1] + 1];
        pc = a >= 0 && b >= a ? pc + 3 : p[2];
        continue;
      }
      case kLook: {
        bool behind = p[1] == kBehind || p[1] == kNotBehind;
        if (behind && pos < p[2]) {
          if (p[1] == kBehind) goto fail;
          pc = p[3];
          continue;
        }
        if (!push(kBarrier, pc, pos, 0)) return -1;
        if (behind) pos -= p[2];
        pc += 4;
        continue;
      }
      case kLookEnd: {
        size_t bi = stack.size();
        while (stack[--bi].kind != kBarrier) {
        }
        Entry barrier = stack[bi];
        const int32_t* look = code + barrier.pc;
        if (look[1] == kNotAhead || look[1] == kNotBehind) {
          while (stack.size() > bi) {
            Entry& e = stack.back();
            if (e.kind == kTrail) marks[e.pc] = e.a;
            stack.pop_back();
          }
          goto fail;
        }
        size_t out = bi;
        for (size_t i = bi + 1; i < stack.size(); ++i)
          if (stack[i].kind == kTrail) stack[out++] = stack[i];
        stack.resize(out);
        if (look[1] != kAtomic) pos = barrier.a;
        pc = look[3];
        continue;
      }
      default: goto fail;
    }
  fail:
    for (;;) {
      if (stack.empty()) return 0;
      if (!tick()) return -1;
      Entry& e = stack.back();
      if (e.kind == kTrail) {
        marks[e.pc] = e.a;
        stack.pop_back();
        continue;
      }
      if (e.kind == kChoice) {
        pc = e.pc;
        pos = e.a;
        stack.pop_back();
        break;
      }
      if (e.kind == kGreedyOne) {
        pos = --e.b;
        pc = e.pc;
        if (e.b <= e.a) stack.pop_back();
        break;
      }
      if (e.kind == kLazyOne) {
        const int32_t* r = code + e.pc;
        if (e.b < e.a && one(e.pc + 4, ch(e.b))) {
          pos = ++e.b;
          pc = r[3];
          break;
        }
        stack.pop_back();
        continue;
      }
      const int32_t* look = code + e.pc;
      int64_t at_pos = e.a;
      stack.pop_back();
      if (look[1] == kNotAhead || look[1] == kNotBehind) {
        pos = at_pos;
        pc = look[3];
        break;
      }
    }
  }
}

// Matcher::search tries each start from pos on; the first instruction, when a literal,
// skips the starts that cannot match.
int Matcher::search(int64_t pos) {
  int32_t first = code[kHeader] == kChar ? code[kHeader + 1] : -1;
  for (int64_t s = pos; s <= end; ++s) {
    if (first >= 0) {
      while (s < end && ch(s) != static_cast<uint32_t>(first)) {
        if (!tick()) return -1;
        ++s;
      }
      if (s == end) return 0;
    }
    int r = run(s);
    if (r) return r;
    must_advance = false;
  }
  return 0;
}

bool Matcher::init(VM& vm_, Value prog, Value subject) {
  vm = &vm_;
  std::string_view c;
  if (!buffer_view(vm_, prog, c)) return vm_.raise(vm_.types().type_error, "bad regex program");
  code = reinterpret_cast<const int32_t*>(c.data());
  ascii_fold = code[2] & 1;
  marks.assign(static_cast<size_t>(code[0] + code[1] + 1), -1);
  last_slot = code[0] + code[1];
  if (Str* s = as_str(subject)) {
    if (s->ascii) {
      bytes = reinterpret_cast<const uint8_t*>(s->s.data());
      end = static_cast<int64_t>(s->s.size());
    } else {
      wide.reserve(s->length);
      for (size_t i = 0; i < s->s.size();) wide.push_back(utf8_decode(s->s, i));
      end = static_cast<int64_t>(wide.size());
    }
    return true;
  }
  std::string_view d;
  if (!buffer_view(vm_, subject, d))
    return vm_.raise(vm_.types().type_error,
                     "expected string or bytes-like object, got '" + vm_.type_name(subject) + "'");
  bytes = reinterpret_cast<const uint8_t*>(d.data());
  end = static_cast<int64_t>(d.size());
  return true;
}

void Matcher::finish() {
  if (steps) vm->charge_steps(steps);
  steps = 0;
}

}  // namespace sre

namespace {

Value marks_list(VM& vm, const sre::Matcher& m) {
  ValueVec v;
  size_t n = static_cast<size_t>(m.code[0]);
  v.reserve(n + 1);
  for (size_t i = 0; i < n; ++i) v.push_back(Value::integer(m.marks[i]));
  int64_t last = m.marks[static_cast<size_t>(m.last_slot)];
  v.push_back(last < 0 ? Value::none() : Value::integer(last));
  return Value::object(vm.new_list(std::move(v)));
}

// scan(program, subject, pos, endpos, mode, limit): mode 0 match, 1 fullmatch, 2 search
// give a marks list or None; mode 3 gives the list of successive search matches (at most
// limit when limit > 0) with CPython 3.7's rule that an empty match cannot follow at the
// position where the previous match ended empty (advance, when given, says the match before
// pos was such a match: finditer scans in chunks).
bool s_scan(VM& vm, const CallArgs& a, Value& out) {
  if ((a.nargs != 6 && a.nargs != 7) || !a.args[2].is_int() || !a.args[3].is_int() || !a.args[4].is_int() ||
      !a.args[5].is_int() || (a.nargs == 7 && !a.args[6].is_bool()))
    return vm.raise(vm.types().type_error, "scan() takes 6 or 7 arguments");
  sre::Matcher m;
  if (!m.init(vm, a.args[0], a.args[1])) return false;
  int64_t len = m.end, pos = a.args[2].i, endpos = a.args[3].i, mode = a.args[4].i, limit = a.args[5].i;
  pos = pos < 0 ? 0 : pos > len ? len : pos;
  endpos = endpos < 0 ? 0 : endpos > len ? len : endpos;
  m.end = endpos;
  if (mode < 3) {
    int r = 0;
    if (pos <= endpos) {
      m.match_all = mode == 1;
      r = mode == 2 ? m.search(pos) : m.run(pos);
    }
    m.finish();
    if (r < 0) return false;
    out = r ? marks_list(vm, m) : Value::none();
    return true;
  }
  List* found = vm.new_list();
  out = Value::object(found);
  // advance (7th argument): the scan continues after an empty match that ended at pos.
  m.must_advance = a.nargs == 7 && a.args[6].b;
  while (pos <= endpos && (limit <= 0 || static_cast<int64_t>(found->items.size()) < limit)) {
    int r = m.search(pos);
    if (r < 0) return false;
    if (!r) break;
    found->items.push_back(marks_list(vm, m));
    m.must_advance = m.marks[1] == m.marks[0];
    pos = m.marks[1];
  }
  m.finish();
  return !vm.has_exception();
}

// program(words) packs a list of ints into the int32 program scan() runs.
bool s_program(VM& vm, const CallArgs& a, Value& out) {
  List* l = a.nargs == 1 ? as_list(a.args[0]) : nullptr;
  if (!l) return vm.raise(vm.types().type_error, "program() takes a list");
  std::string data(l->items.size() * 4, '\0');
  for (size_t i = 0; i < l->items.size(); ++i) {
    int32_t w = static_cast<int32_t>(int_of(l->items[i]));
    std::memcpy(&data[i * 4], &w, 4);
  }
  out = bytes_value(vm, std::move(data));
  return true;
}

// fold(code_point, ascii) is the case folding IGNORECASE compares with.
bool s_fold(VM& vm, const CallArgs& a, Value& out) {
  if (a.nargs != 2 || !a.args[0].is_int()) return vm.raise(vm.types().type_error, "fold() takes 2 arguments");
  uint32_t c = static_cast<uint32_t>(a.args[0].i);
  bool ascii = is_intlike(a.args[1]) && int_of(a.args[1]);
  out = Value::integer((c < 0x80 || ascii) ? (c - 'A' < 26u ? c + 32 : c) : to_lower_cp(c));
  return true;
}

}  // namespace

bool make_sre_module(VM& vm, Module* m) {
  define(vm, m, "scan", s_scan);
  define(vm, m, "program", s_program);
  define(vm, m, "fold", s_fold);
  return true;
}

}  // namespace lib
}  // namespace interleave
