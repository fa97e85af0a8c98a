// Names for what threads wait on, and the deadlock report. An object is named by the
// global of __main__ that refers to it ("Lock b"), an attribute or item of one
// ("Lock account.lock", "Lock forks[2]"), else by kind and a number in order of first
// mention ("Lock #1"), so reports are deterministic.
#include "runtime/scheduler.h"
#include "vm/object.h"
#include "vm/vm.h"

namespace interleave {

namespace {
constexpr size_t kMaxItemsSearched = 64;

bool is_str(Value v) { return v.is_obj() && v.o && v.o->kind == ObjKind::Str; }
}  // namespace

std::string Scheduler::number_repr(double v) {
  std::string out;
  if (!vm_->to_repr(Value::number(v), out)) {
    vm_->clear_exception();
    out = std::to_string(v);
  }
  return out;
}

std::string Scheduler::global_name(Value v) {
  Module* main = vm_->main_module();
  if (!main || !main->dict) return "";
  const auto& entries = main->dict->entries;
  for (const auto& e : entries) {
    if (!e.live || !is_str(e.key)) continue;
    const std::string& key = static_cast<Str*>(e.key.o)->s;
    if (key.size() > 1 && key[0] == '_' && key[1] == '_') continue;
    if (e.value.is_same(v)) return key;
  }
  for (const auto& e : entries) {
    if (!e.live || !is_str(e.key) || !e.value.is_obj() || !e.value.o) continue;
    const std::string& key = static_cast<Str*>(e.key.o)->s;
    if (key.size() > 1 && key[0] == '_' && key[1] == '_') continue;
    Obj* o = e.value.o;
    if (o->kind == ObjKind::Instance) {
      Dict* attrs = static_cast<Instance*>(o)->attrs;
      if (!attrs) continue;
      for (const auto& a : attrs->entries) {
        if (a.live && is_str(a.key) && a.value.is_same(v)) return key + "." + static_cast<Str*>(a.key.o)->s;
      }
    } else if (o->kind == ObjKind::List || o->kind == ObjKind::Tuple) {
      const ValueVec& items = o->kind == ObjKind::List ? static_cast<List*>(o)->items : static_cast<Tuple*>(o)->items;
      for (size_t i = 0; i < items.size() && i < kMaxItemsSearched; ++i) {
        if (items[i].is_same(v)) return key + "[" + std::to_string(i) + "]";
      }
    }
  }
  return "";
}

std::string Scheduler::describe(Value label) {
  if (is_str(label)) return static_cast<Str*>(label.o)->s;
  if (label.is_obj() && label.o && label.o->kind == ObjKind::Tuple) {
    const auto& items = static_cast<Tuple*>(label.o)->items;
    if (items.size() == 2 && is_str(items[1])) return describe(items[0]) + " " + static_cast<Str*>(items[1].o)->s;
  }
  if (!label.is_obj() || !label.o || label.o->kind != ObjKind::Instance) return "an object";
  Instance* in = static_cast<Instance*>(label.o);
  std::string kind = in->cls == lock_class_ ? std::string("Lock") : in->cls->name->s;
  std::string name = global_name(label);
  if (!name.empty()) return kind + " " + name;
  auto it = label_numbers_.find(in->uid);
  uint32_t n;
  if (it != label_numbers_.end()) {
    n = it->second;
  } else {
    n = ++label_counts_[kind];
    label_numbers_.emplace(in->uid, n);
  }
  return kind + " #" + std::to_string(n);
}

std::string Scheduler::wait_description(uint32_t t) {
  const Thread& th = threads_[t];
  switch (th.wait) {
    case WaitKind::Lock: {
      const Lock& lock = locks_[th.wait_lock];
      Value label = lock.label.is_none() && lock.obj ? Value::object(lock.obj) : lock.label;
      bool held = lock.locked && lock.owner >= 0;
      if (lock.reason == static_cast<uint16_t>(BlockReason::Join)) {
        return (held ? threads_[lock.owner].name : describe(label)) + " to finish";
      }
      std::string what = describe(label);
      if (lock.reason == static_cast<uint16_t>(BlockReason::Lock) && held)
        what += ", held by " + threads_[lock.owner].name;
      return what;
    }
    case WaitKind::IoWait: return th.deadline >= 0 ? "I/O or a timer" : "I/O";
    case WaitKind::IoCall: {
      const Request& r = requests_[th.wait_token - 1];
      return r.method + " " + r.url;
    }
    case WaitKind::Sleep: return "time.sleep(" + number_repr(th.sleep_seconds) + ")";
    case WaitKind::None: break;
  }
  return "the GIL";
}

std::string Scheduler::deadlock_report() {
  std::vector<std::string> parts;
  std::vector<std::string> last;
  for (uint32_t t = 0; t < threads_.size(); ++t) {
    const Thread& th = threads_[t];
    if (th.state == ThreadState::Done) continue;
    std::vector<std::string>& out = th.is_main ? last : parts;
    bool listed = false;
    if (th.wait == WaitKind::IoWait) {
      // An idle event loop is described by its coroutines: the tasks it created last.
      for (int pass = 0; pass < 2; ++pass) {
        for (const Logical& lg : logicals_) {
          if (lg.thread != t || lg.state != LogicalState::Blocked || lg.root != (pass == 1)) continue;
          out.push_back(lg.name + " waits for " + lg.waits_for);
          listed = true;
        }
      }
    }
    if (!listed && (th.state == ThreadState::Blocked || th.parked))
      out.push_back(th.name + " waits for " + wait_description(t));
  }
  parts.insert(parts.end(), last.begin(), last.end());
  std::string report;
  for (const std::string& p : parts) {
    if (!report.empty()) report += "; ";
    report += p;
  }
  return report.empty() ? std::string("every thread is waiting and nothing can wake it") : report;
}

}  // namespace interleave
