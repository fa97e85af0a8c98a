#include "chrome_trace.h"

#include <algorithm>
#include <iterator>

#include "json.h"

namespace interleave::cli {
namespace {

constexpr double kMicroseconds = 1e6;
constexpr size_t kFlushBytes = 1 << 20;

// kKindNames are EventKind's names, as kindName() in web/src/engine/events.ts gives them.
constexpr const char* kKindNames[] = {
    "TaskCreated", "TaskStart",     "TaskEnd",     "Line",          "Print",   "Sleep",        "Wake",    "Error",
    "Cpu",         "Running",       "Preempted",   "GilRequest",    "GilTake", "GilDrop",      "Blocked", "IoStart",
    "IoEnd",       "LoopIteration", "LoopBlocked", "TaskCancelled", "Idle",    "ProcessStart", "Forced",
};

std::string kind_name(uint16_t kind) {
  if (kind < std::size(kKindNames)) return kKindNames[kind];
  return "Kind" + std::to_string(kind);
}

// js_space returns the length of the whitespace character JavaScript's String#trim removes
// at text[i] in UTF-8 (ASCII space and controls, U+00A0, U+1680, U+2000-200A, U+2028,
// U+2029, U+202F, U+205F, U+3000, U+FEFF), or 0.
size_t js_space(std::string_view text, size_t i) {
  auto at = [&](size_t k) { return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0u; };
  unsigned c = at(0);
  if (c == ' ' || (c >= '\t' && c <= '\r')) return 1;
  if (c == 0xC2 && at(1) == 0xA0) return 2;
  if (c == 0xE1 && at(1) == 0x9A && at(2) == 0x80) return 3;
  if (c == 0xE2 && at(1) == 0x80 &&
      ((at(2) >= 0x80 && at(2) <= 0x8A) || at(2) == 0xA8 || at(2) == 0xA9 || at(2) == 0xAF))
    return 3;
  if (c == 0xE2 && at(1) == 0x81 && at(2) == 0x9F) return 3;
  if (c == 0xE3 && at(1) == 0x80 && at(2) == 0x80) return 3;
  if (c == 0xEF && at(1) == 0xBB && at(2) == 0xBF) return 3;
  return 0;
}

// js_trim is String#trim on UTF-8 text. Bytes inside other characters are never a space's
// first byte, so the scan may step over them one at a time.
std::string_view js_trim(std::string_view text) {
  size_t begin = std::string_view::npos;
  size_t end = 0;
  for (size_t i = 0; i < text.size();) {
    if (size_t n = js_space(text, i)) {
      i += n;
      continue;
    }
    if (begin == std::string_view::npos) begin = i;
    end = ++i;
  }
  return begin == std::string_view::npos ? std::string_view() : text.substr(begin, end - begin);
}

// base starts an event whose first keys are the event's own: {"ts":..,"pid":1,"tid":..
std::string base(const EventRecord& e) {
  std::string o = "{\"ts\":";
  json_number(o, e.time * kMicroseconds);
  o += ",\"pid\":1,\"tid\":" + std::to_string(e.task);
  return o;
}

// instant is an instant event on the task's track; args is the inside of its args object.
std::string instant(const EventRecord& e, std::string_view name, std::string_view cat, const std::string& args) {
  std::string o = base(e);
  o += ",\"name\":";
  json_string(o, name);
  o += ",\"ph\":\"i\",\"s\":\"t\",\"cat\":";
  json_string(o, cat);
  o += ",\"args\":{" + args + "}}";
  return o;
}

// span is a sleep or CPU slice of e.value seconds from the event.
std::string span(const EventRecord& e, std::string_view name) {
  std::string o = base(e);
  o += ",\"name\":\"" + std::string(name) + "\",\"ph\":\"X\",\"dur\":";
  json_number(o, e.value * kMicroseconds);
  o += ",\"cat\":\"" + std::string(name) + "\",\"args\":{\"seconds\":";
  json_number(o, e.value);
  o += ",\"line\":" + std::to_string(e.line) + "}}";
  return o;
}

std::string line_arg(const EventRecord& e) { return "\"line\":" + std::to_string(e.line); }

}  // namespace

ChromeTraceWriter::ChromeTraceWriter(std::FILE* out, std::string_view source, std::string_view process_name)
    : out_(out), source_(source) {
  for (size_t start = 0;;) {
    size_t newline = source_.find('\n', start);
    lines_.push_back(
        std::string_view(source_).substr(start, newline == std::string::npos ? std::string::npos : newline - start));
    if (newline == std::string::npos) break;
    start = newline + 1;
  }
  if (source_.empty()) lines_.clear();
  buf_ = "{\"traceEvents\":[";
  std::string o = "{\"name\":\"process_name\",\"ph\":\"M\",\"ts\":0,\"pid\":1,\"tid\":0,\"args\":{\"name\":";
  json_string(o, process_name);
  write(o + "}}");
}

void ChromeTraceWriter::add(const std::vector<EventRecord>& events, const std::vector<std::string>& strings) {
  for (const EventRecord& e : events) add_one(e, strings);
  if (buf_.size() >= kFlushBytes) flush();
}

bool ChromeTraceWriter::finish() {
  std::vector<std::pair<uint64_t, uint32_t>> open;
  for (const auto& [task, line] : open_lines_) open.emplace_back(line.order, task);
  std::sort(open.begin(), open.end());
  for (const auto& [order, task] : open) close_line(task, last_time_);
  buf_ += "],\"displayTimeUnit\":\"ms\"}";
  flush();
  return std::fflush(out_) == 0 && !std::ferror(out_);
}

void ChromeTraceWriter::add_one(const EventRecord& e, const std::vector<std::string>& strings) {
  const std::string* text = e.ref != kNoRef && e.ref < strings.size() ? &strings[e.ref] : nullptr;
  const auto kind = static_cast<EventKind>(e.kind);
  last_time_ = std::max(last_time_, e.time);
  if (!named_.count(e.task)) name_task(e.task, kind == EventKind::TaskCreated ? text : nullptr);
  // add_text appends ,"key":text to args (no comma when args is empty), if the event has text.
  std::string args;
  auto add_text = [&](std::string_view key) {
    if (!text) return;
    if (!args.empty()) args += ',';
    args += '"';
    args += key;
    args += "\":";
    json_string(args, *text);
  };
  switch (kind) {
    case EventKind::Line:
      close_line(e.task, e.time);
      open_lines_[e.task] = {e.line, e.time, opened_++};
      break;
    case EventKind::TaskEnd:
      close_line(e.task, e.time);
      args = e.flags == 1 ? "\"raised\":true" : "\"raised\":false";
      add_text("result");
      write(instant(e, "task end", "task", args));
      break;
    case EventKind::TaskCreated:
      add_text("name");
      args += args.empty() ? "\"parent\":" : ",\"parent\":";
      json_number(args, e.value);
      write(instant(e, "task created", "task", args));
      break;
    case EventKind::TaskStart: write(instant(e, "task start", "task", "")); break;
    case EventKind::Print:
      add_text("text");
      args += args.empty() ? "" : ",";
      args += line_arg(e);
      write(instant(e, "print", "output", args));
      break;
    case EventKind::Sleep:
    case EventKind::Cpu:
      write(span(e, kind == EventKind::Sleep ? "sleep" : "cpu"));
      last_time_ = std::max(last_time_, e.time + e.value);
      break;
    case EventKind::Wake: write(instant(e, "wake", "task", line_arg(e))); break;
    case EventKind::Error: write(instant(e, text ? std::string_view(*text) : "error", "error", line_arg(e))); break;
    default:
      args = "\"value\":";
      json_number(args, e.value);
      args += ",\"flags\":";
      args += std::to_string(e.flags);
      args += ',';
      args += line_arg(e);
      add_text("text");
      write(instant(e, kind_name(e.kind), "other", args));
  }
}

void ChromeTraceWriter::name_task(uint32_t task, const std::string* name) {
  named_.insert(task);
  std::string id = std::to_string(task);
  std::string o = "{\"name\":\"thread_name\",\"ph\":\"M\",\"ts\":0,\"pid\":1,\"tid\":" + id + ",\"args\":{\"name\":";
  json_string(o, name ? *name : task == 0 ? std::string("main") : "task " + id);
  write(o + "}}");
  write("{\"name\":\"thread_sort_index\",\"ph\":\"M\",\"ts\":0,\"pid\":1,\"tid\":" + id +
        ",\"args\":{\"sort_index\":" + id + "}}");
}

void ChromeTraceWriter::close_line(uint32_t task, double end) {
  auto it = open_lines_.find(task);
  if (it == open_lines_.end()) return;
  const OpenLine open = it->second;
  open_lines_.erase(it);
  std::string_view text =
      open.line >= 1 && open.line <= lines_.size() ? js_trim(lines_[open.line - 1]) : std::string_view();
  std::string o = "{\"name\":";
  json_string(
      o, text.empty() ? "line " + std::to_string(open.line) : std::to_string(open.line) + ": " + std::string(text));
  o += ",\"ph\":\"X\",\"ts\":";
  json_number(o, open.start * kMicroseconds);
  o += ",\"dur\":";
  json_number(o, std::max(0.0, end - open.start) * kMicroseconds);
  o += ",\"pid\":1,\"tid\":" + std::to_string(task) +
       ",\"cat\":\"line\",\"args\":{\"line\":" + std::to_string(open.line) + "}}";
  write(o);
}

void ChromeTraceWriter::write(const std::string& object) {
  if (!first_) buf_ += ',';
  first_ = false;
  buf_ += object;
}

void ChromeTraceWriter::flush() {
  if (!buf_.empty()) std::fwrite(buf_.data(), 1, buf_.size(), out_);
  buf_.clear();
}

}  // namespace interleave::cli
