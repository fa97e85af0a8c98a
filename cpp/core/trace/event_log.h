#pragma once
// EventLog collects a run's events and its string table. Strings are deduplicated so
// a program printing the same line a million times stores it once.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "trace/event.h"

namespace interleave {

class EventLog {
 public:
  // intern() is the string's index in the table, adding it on first use.
  uint32_t intern(std::string_view s) {
    auto it = index_.find(std::string(s));
    if (it != index_.end()) return it->second;
    uint32_t i = static_cast<uint32_t>(strings_.size());
    strings_.emplace_back(s);
    index_.emplace(strings_.back(), i);
    return i;
  }

  void emit(EventKind kind, double time, uint32_t task, uint32_t line, double value = 0.0, uint16_t flags = 0,
            uint32_t ref = kNoRef) {
    if (keep_) records_.push_back(EventRecord{time, value, task, static_cast<uint16_t>(kind), flags, line, ref});
    ++total_;
  }
  // keep(false) counts events without keeping them (a host that reports only the count).
  void keep(bool on) { keep_ = on; }
  bool keeping() const { return keep_; }
  // counter() is the event count itself: a host that only counts line events adds to it
  // directly (SimContext::line_counter) and skips building records it would not keep.
  uint64_t* counter() { return &total_; }

  const std::vector<EventRecord>& records() const { return records_; }
  void clear() { records_.clear(); }
  uint64_t total() const { return total_; }
  const std::vector<std::string>& strings() const { return strings_; }

 private:
  std::vector<EventRecord> records_;
  std::vector<std::string> strings_;
  std::unordered_map<std::string, uint32_t> index_;  // lookup only
  uint64_t total_ = 0;
  bool keep_ = true;
};

}  // namespace interleave
