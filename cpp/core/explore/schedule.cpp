#include "explore/schedule.h"

#include <algorithm>
#include <charconv>
#include <functional>

#include "lang/bytecode.h"
#include "lang/disassembler.h"
#include "runtime/scheduler.h"
#include "vm/frame.h"
#include "vm/object.h"
#include "vm/task.h"

namespace interleave {

std::string encode_schedule(const Schedule& s) {
  std::string out(1, s.points == Points::Lines ? 'l' : 's');
  for (size_t i = 0; i < s.decisions.size(); ++i) {
    if (i) out += '_';
    out += std::to_string(s.decisions[i].point);
    out += '.';
    out += std::to_string(s.decisions[i].value);
  }
  return out;
}

bool decode_schedule(std::string_view text, Schedule& out) {
  out = Schedule{};
  if (text.empty() || (text[0] != 's' && text[0] != 'l')) return false;
  out.points = text[0] == 'l' ? Points::Lines : Points::Shared;
  size_t pos = 1;
  while (pos < text.size()) {
    size_t end = text.find('_', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view entry = text.substr(pos, end - pos);
    size_t dot = entry.find('.');
    if (dot == std::string_view::npos) return false;
    Decision d;
    auto [p1, e1] = std::from_chars(entry.data(), entry.data() + dot, d.point);
    auto [p2, e2] = std::from_chars(entry.data() + dot + 1, entry.data() + entry.size(), d.value);
    if (e1 != std::errc() || p1 != entry.data() + dot || e2 != std::errc() || p2 != entry.data() + entry.size())
      return false;
    if (!out.decisions.empty() && d.point <= out.decisions.back().point) return false;
    out.decisions.push_back(d);
    pos = end + 1;
    if (end == text.size()) break;
    if (pos == text.size()) return false;
  }
  return true;
}

bool dependent(const Footprint& a, const Footprint& b) {
  if (a.any || b.any) return true;
  return a.key == b.key && (a.write || b.write);
}

uint64_t PctPlan::next_random() {
  // splitmix64: a seeded stream, the same on every platform.
  uint64_t z = (rng += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

uint64_t PctPlan::priority_of(uint32_t id) {
  auto it = priority.find(id);
  if (it != priority.end()) return it->second;
  // Initial priorities lie above every demoted one (1 .. depth - 1).
  uint64_t p = depth + (next_random() >> 2);
  priority.emplace(id, p);
  return p;
}

namespace {

const Frame* program_frame(const Task* task) {
  if (!task || task->frames.empty()) return nullptr;
  const Frame* f = task->frames.back();
  const std::string& file = f->code->filename;
  if (!file.empty() && file[0] == '<') return nullptr;
  if (f->pc() >= f->code->code.size()) return nullptr;
  return f;
}

enum class Access : uint8_t { None, Read, Write, Any };

// access_of says how an instruction touches shared state; key_prefix names its location kind.
Access access_of(OpCode op, char& kind) {
  switch (op) {
    case OpCode::LOAD_GLOBAL:
    case OpCode::LOAD_NAME: kind = 'g'; return Access::Read;
    case OpCode::STORE_GLOBAL:
    case OpCode::STORE_NAME:
    case OpCode::DELETE_GLOBAL:
    case OpCode::DELETE_NAME: kind = 'g'; return Access::Write;
    case OpCode::LOAD_DEREF:
    case OpCode::LOAD_CLASSDEREF: kind = 'c'; return Access::Read;
    case OpCode::STORE_DEREF:
    case OpCode::DELETE_DEREF: kind = 'c'; return Access::Write;
    case OpCode::LOAD_ATTR:
    case OpCode::LOAD_METHOD: kind = 'a'; return Access::Read;
    case OpCode::STORE_ATTR:
    case OpCode::DELETE_ATTR: kind = 'a'; return Access::Write;
    case OpCode::BINARY_SUBSCR:
    case OpCode::CONTAINS_OP: kind = '['; return Access::Read;
    case OpCode::STORE_SUBSCR:
    case OpCode::DELETE_SUBSCR: kind = '['; return Access::Write;
    case OpCode::CALL:
    case OpCode::CALL_METHOD:
    case OpCode::CALL_FUNCTION_EX:
    case OpCode::IMPORT_NAME: return Access::Any;
    default: return Access::None;
  }
}

// plain_repr is v's repr when it needs no Python code and makes no VM objects, else "".
std::string plain_repr(Scheduler& s, Value v) {
  if (v.is_bool()) return v.b ? "True" : "False";
  if (v.is_int()) return std::to_string(v.i);
  if (v.is_float()) return s.number_repr(v.f);
  if (v.is_none()) return "None";
  if (v.is_obj() && v.o && v.o->kind == ObjKind::Str) {
    const std::string& text = static_cast<Str*>(v.o)->s;
    if (text.size() > 40 || text.find_first_of("'\\\n") != std::string::npos) return "";
    return "'" + text + "'";
  }
  return "";
}

// entry_repr is the plain repr of d[name] for a string key, or "".
std::string entry_repr(Scheduler& s, const Dict* d, const std::string& name) {
  if (!d) return "";
  for (const auto& e : d->entries) {
    if (!e.live || !e.key.is_obj() || !e.key.o || e.key.o->kind != ObjKind::Str) continue;
    if (static_cast<Str*>(e.key.o)->s == name) return plain_repr(s, e.value);
  }
  return "";
}

// global_value is a plain global's repr for narration, or "".
std::string global_value(Scheduler& s, const std::string& name) {
  Module* main = s.vm().main_module();
  return main ? entry_repr(s, main->dict, name) : "";
}

uint32_t line_of(const Frame* f) { return f && f->pc() < f->code->lines.size() ? f->code->lines[f->pc()] : 0; }

// what_next describes a preempted thread's next step: "after reading counter=41 and before writing it back".
std::string what_next(Scheduler& s, const Frame* f) {
  if (!f) return "inside the library";
  const Code& code = *f->code;
  uint32_t pc = f->pc();
  OpCode op = instr_op(code.code[pc]);
  std::string name = operand_name(code, op, instr_arg(code.code[pc]));
  char kind = 0;
  Access access = access_of(op, kind);
  // start is the first instruction of the line being run.
  uint32_t start = pc;
  while (start > 0 && !(code.code[start] & kLineStartBit)) --start;
  auto read_before = [&](char k, const std::string& n) {
    for (uint32_t i = start; i < pc; ++i) {
      OpCode o = instr_op(code.code[i]);
      char ik = 0;
      if (access_of(o, ik) == Access::Read && ik == k && operand_name(code, o, instr_arg(code.code[i])) == n)
        return true;
    }
    return false;
  };
  // owner is what an attribute access names its object by ("self"), from the instruction before.
  std::string owner;
  const Dict* attrs = nullptr;
  if (kind == 'a') {
    // owner_at names the object an attribute instruction at i works on: a plain load just
    // before it (or before the DUP_TOP of `x.a += 1`).
    auto owner_at = [&](uint32_t i) -> std::string {
      for (uint32_t back = 1; back <= 2 && back <= i; ++back) {
        OpCode prev = instr_op(code.code[i - back]);
        if (prev == OpCode::LOAD_FAST || prev == OpCode::LOAD_GLOBAL || prev == OpCode::LOAD_NAME ||
            prev == OpCode::LOAD_DEREF) {
          return operand_name(code, prev, instr_arg(code.code[i - back]));
        }
        if (prev != OpCode::DUP_TOP && prev != OpCode::COPY) break;
      }
      return "";
    };
    owner = owner_at(pc);
    if (owner.empty() && access == Access::Write) {
      // `x.a += 1` stores through the object its LOAD_ATTR read.
      for (uint32_t i = start; i < pc && owner.empty(); ++i) {
        OpCode o = instr_op(code.code[i]);
        if (o == OpCode::LOAD_ATTR && operand_name(code, o, instr_arg(code.code[i])) == name) owner = owner_at(i);
      }
    }
    Value obj = f->sp[-1];
    if (obj.is_obj() && obj.o && obj.o->kind == ObjKind::Instance) attrs = static_cast<Instance*>(obj.o)->attrs;
  }
  auto label = [&](const std::string& n) { return kind == 'a' ? owner + "." + n : n; };
  auto shown = [&](const std::string& n) {
    std::string v = kind == 'g' ? global_value(s, n) : kind == 'a' ? entry_repr(s, attrs, n) : "";
    return v.empty() ? label(n) : label(n) + "=" + v;
  };
  if (access == Access::Write && kind != '[') {
    if (read_before(kind, name)) return "after reading " + shown(name) + " and before writing it back";
    return "before writing " + label(name);
  }
  if (access == Access::Write) return "before storing into a container";
  if (access == Access::Read && kind == '[')
    return op == OpCode::CONTAINS_OP ? "before an `in` test" : "before reading an item";
  if (access == Access::Read) return "before reading " + shown(name);
  if (access == Access::Any && op != OpCode::IMPORT_NAME) {
    for (uint32_t i = pc; i-- > start;) {
      OpCode o = instr_op(code.code[i]);
      if (o == OpCode::LOAD_METHOD || o == OpCode::LOAD_ATTR || o == OpCode::LOAD_GLOBAL || o == OpCode::LOAD_NAME) {
        return "before calling " + operand_name(code, o, instr_arg(code.code[i])) + "()";
      }
    }
    return "before a call";
  }
  return std::string("before ") + opcode_name(op) + (name.empty() ? "" : " " + name);
}

std::string line_text(Scheduler& s, uint32_t line) {
  const std::vector<std::string>* lines = s.source_lines();
  if (!lines || line == 0 || line > lines->size()) return "";
  std::string text = (*lines)[line - 1];
  size_t a = text.find_first_not_of(" \t");
  if (a == std::string::npos) return "";
  text = text.substr(a);
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return text;
}

}  // namespace

Footprint footprint_of(const Task* task) {
  Footprint fp;
  const Frame* f = program_frame(task);
  if (!f) return fp;
  const Code& code = *f->code;
  uint32_t w = code.code[f->pc()];
  OpCode op = instr_op(w);
  char kind = 0;
  Access access = access_of(op, kind);
  if (access == Access::Any) return fp;
  fp.any = false;
  if (access == Access::None) {
    // A local step touches nothing another thread can see.
    fp.key = 0;
    fp.write = false;
    return fp;
  }
  std::string key(1, kind);
  if (kind != '[') key += operand_name(code, op, instr_arg(w));
  fp.key = std::hash<std::string>{}(key) | 1;
  fp.write = access == Access::Write;
  return fp;
}

namespace {

// fixed_name tells whether a global read cannot race: a built-in (no such global), or a
// function, class or module the program defined or imported (programs rarely rebind those).
bool fixed_name(Scheduler& s, const Code& code, uint32_t arg) {
  if (arg >= code.names.size()) return false;
  const std::string& name = code.names[arg];
  Module* main = s.vm().main_module();
  if (!main || !main->dict) return false;
  for (const auto& e : main->dict->entries) {
    if (!e.live || !e.key.is_obj() || !e.key.o || e.key.o->kind != ObjKind::Str) continue;
    if (static_cast<Str*>(e.key.o)->s != name) continue;
    if (!e.value.is_obj() || !e.value.o) return false;
    ObjKind k = e.value.o->kind;
    return k == ObjKind::Function || k == ObjKind::Class || k == ObjKind::Module;
  }
  return true;
}

}  // namespace

bool is_choice_point(Scheduler& s, const Task* task, Points points) {
  const Frame* f = program_frame(task);
  if (!f) return false;
  uint32_t w = f->code->code[f->pc()];
  if (points == Points::Lines) return (w & kLineStartBit) != 0;
  char kind = 0;
  OpCode op = instr_op(w);
  if (access_of(op, kind) == Access::None) return false;
  if (op == OpCode::LOAD_GLOBAL || op == OpCode::LOAD_NAME) return !fixed_name(s, *f->code, instr_arg(w));
  return true;
}

int64_t ScheduleDriver::planned(uint32_t k) {
  while (next_ < plan_.decisions.size() && plan_.decisions[next_].point < k) ++next_;
  if (next_ < plan_.decisions.size() && plan_.decisions[next_].point == k) return plan_.decisions[next_++].value;
  return -1;
}

void ScheduleDriver::after_choice(uint32_t k, const Footprint& fp, uint32_t id) {
  if (k == branch) sleep_ = branch_sleep;
  std::erase_if(sleep_, [&](const SleepEntry& e) { return e.id == id || dependent(e.fp, fp); });
}

uint32_t ScheduleDriver::choose_thread(Scheduler& s, const std::vector<uint32_t>& runnable, int32_t holder) {
  if (holder >= 0 && !is_choice_point(s, s.thread_task(static_cast<uint32_t>(holder)), plan_.points)) {
    return static_cast<uint32_t>(holder);
  }
  uint32_t k = points++;
  // The default policy: the running thread goes on; else the next thread after the last one.
  uint32_t def = runnable.front();
  if (holder >= 0) {
    def = static_cast<uint32_t>(holder);
  } else if (last_ >= 0) {
    for (uint32_t t : runnable) {
      if (t > static_cast<uint32_t>(last_)) {
        def = t;
        break;
      }
    }
  }
  uint32_t chosen = def;
  int64_t want = planned(k);
  if (want >= 0) {
    for (uint32_t t : runnable) {
      if (s.thread_id(t) == want) chosen = t;
    }
  } else if (pct) {
    for (size_t i = 0; i < pct->change_points.size(); ++i) {
      if (pct->change_points[i] == k) pct->priority[s.thread_id(def)] = i + 1;
    }
    uint64_t best = 0;
    for (uint32_t t : runnable) {
      uint64_t p = pct->priority_of(s.thread_id(t));
      if (p > best) {
        best = p;
        chosen = t;
      }
    }
  }
  Footprint fp = footprint_of(s.thread_task(chosen));
  if (record) {
    ChoiceNode node;
    node.preemptive = holder >= 0;
    for (uint32_t t : runnable) {
      if (t == def) node.def = static_cast<uint32_t>(node.options.size());
      if (t == chosen) node.chosen = static_cast<uint32_t>(node.options.size());
      node.options.push_back(s.thread_id(t));
      node.footprints.push_back(footprint_of(s.thread_task(t)));
    }
    node.sleep = sleep_;
    nodes.push_back(std::move(node));
  }
  if (chosen != def) {
    taken.decisions.push_back(Decision{k, s.thread_id(chosen)});
    bool checked = s.at_check();
    if (holder >= 0) {
      ++preemptions;
      if (!checked) ++unchecked;
    }
    if (narrate) {
      uint32_t from = def;
      const Frame* f = program_frame(s.thread_task(from));
      uint32_t line = line_of(f);
      std::string text = s.thread_name(from);
      if (holder >= 0) {
        text += " is preempted";
        if (line) text += " at line " + std::to_string(line);
        std::string src = line_text(s, line);
        if (!src.empty()) text += " (`" + src + "`)";
        text += " " + what_next(s, f) + "; " + s.thread_name(chosen) + " runs";
        text +=
            checked ? " (CPython 3.11 can switch here)" : " (free-threaded only: CPython 3.11 does not switch here)";
      } else {
        text += " is passed over: " + s.thread_name(chosen) + " runs first";
      }
      narration.push_back(text);
      EventLog& log = s.log();
      log.emit(EventKind::Forced, s.now(), s.thread_id(from), line, s.thread_id(chosen), 0, log.intern(text));
    }
  }
  if (last_ >= 0 && static_cast<uint32_t>(last_) != chosen) ++switches;
  last_ = static_cast<int32_t>(chosen);
  after_choice(k, fp, s.thread_id(chosen));
  return chosen;
}

void ScheduleDriver::order_ready(Scheduler& s, const std::vector<uint32_t>& tasks, std::vector<uint32_t>& order) {
  for (size_t i = 0; i + 1 < order.size(); ++i) {
    uint32_t k = points++;
    size_t left = order.size() - i;
    size_t pick = 0;
    int64_t want = planned(k);
    if (want >= 0 && static_cast<size_t>(want) < left) {
      pick = static_cast<size_t>(want);
    } else if (want < 0 && pct) {
      for (size_t c = 0; c < pct->change_points.size(); ++c) {
        if (pct->change_points[c] == k) pct->priority[tasks[order[i]]] = c + 1;
      }
      uint64_t best = 0;
      for (size_t j = 0; j < left; ++j) {
        uint64_t p = pct->priority_of(tasks[order[i + j]]);
        if (p > best) {
          best = p;
          pick = j;
        }
      }
    }
    if (record) {
      ChoiceNode node;
      node.ready_order = true;
      node.preemptive = true;
      for (size_t j = 0; j < left; ++j) {
        node.options.push_back(static_cast<uint32_t>(j));
        node.footprints.push_back(Footprint{});
      }
      node.chosen = static_cast<uint32_t>(pick);
      node.sleep = sleep_;
      nodes.push_back(std::move(node));
    }
    if (pick != 0) {
      taken.decisions.push_back(Decision{k, static_cast<uint32_t>(pick)});
      ++preemptions;
      ++switches;
      uint32_t passed = tasks[order[i]], first = tasks[order[i + pick]];
      if (narrate) {
        std::string text = s.task_name(first) + " runs before " + s.task_name(passed) +
                           " in this loop iteration (as if its wake-up had come first)";
        narration.push_back(text);
        EventLog& log = s.log();
        log.emit(EventKind::Forced, s.now(), passed, 0, first, 1, log.intern(text));
      }
      std::rotate(order.begin() + static_cast<std::ptrdiff_t>(i), order.begin() + static_cast<std::ptrdiff_t>(i + pick),
                  order.begin() + static_cast<std::ptrdiff_t>(i + pick + 1));
    }
    // A batch's callbacks run unknown code: no step stays asleep across one.
    sleep_.clear();
  }
}

}  // namespace interleave
