// The simulated network: each request is answered latency seconds after it is served, at
// most capacity are served at once and the rest wait in order of issue (docs/NETWORK.md).
#include "runtime/scheduler.h"
#include "vm/object.h"
#include "vm/vm.h"

namespace interleave {

namespace {

// page_body is the HTML every simulated request answers with (docs/NETWORK.md).
std::string page_body(const std::string& url) {
  std::string rest = url;
  size_t scheme = rest.find("://");
  if (scheme != std::string::npos) rest = rest.substr(scheme + 3);
  size_t slash = rest.find('/');
  std::string host = slash == std::string::npos ? rest : rest.substr(0, slash);
  std::string path = slash == std::string::npos ? "/" : rest.substr(slash);
  return "\n\n<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>" + host + path + "</title></head>\n<body>\n<h1>" +
         host + "</h1>\n<p>You asked for " + path + ".</p>\n</body>\n</html>\n";
}

}  // namespace

uint32_t Scheduler::io_request(std::string method, std::string url) {
  uint32_t t = current();
  double time = now();
  requests_.emplace_back();
  Request& r = requests_.back();
  r.thread = t;
  r.task = event_task(t);
  r.method = std::move(method);
  r.url = std::move(url);
  uint32_t token = static_cast<uint32_t>(requests_.size());
  int64_t capacity = settings_.network_capacity;
  bool queued = capacity >= 0 && in_service_ >= capacity;
  emit(EventKind::IoStart, time, r.task, thread_line(t), static_cast<double>(token), queued ? 1 : 0,
       log_.intern(r.method + " " + r.url));
  if (queued) {
    io_queue_.push_back(token);
  } else {
    serve(token, time, false);
  }
  return token;
}

void Scheduler::serve(uint32_t token, double time, bool was_queued) {
  ++in_service_;
  const Request& r = requests_[token - 1];
  if (was_queued) {
    emit(EventKind::IoStart, time, r.task, 0, static_cast<double>(token), 2, log_.intern(r.method + " " + r.url));
  }
  add_timer(time + settings_.network_latency, TimerKind::IoDone, token, 0);
  if (active_ >= 0) vm_->request_block();
}

void Scheduler::complete_request(uint32_t token, double time) {
  Request& r = requests_[token - 1];
  r.done = true;
  --in_service_;
  emit(EventKind::IoEnd, time, r.task, 0, static_cast<double>(token), 0, log_.intern("200"));
  int64_t capacity = settings_.network_capacity;
  while (!io_queue_.empty() && (capacity < 0 || in_service_ < capacity)) {
    uint32_t next = io_queue_.front();
    io_queue_.pop_front();
    serve(next, time, true);
  }
  Thread& th = threads_[r.thread];
  if (r.call) {
    if (th.state == ThreadState::Blocked && th.wait == WaitKind::IoCall && th.wait_token == token) wake(r.thread, time);
    return;
  }
  th.completions.push_back(token);
  if (th.state == ThreadState::Blocked && th.wait == WaitKind::IoWait) wake(r.thread, time);
}

Value Scheduler::take_completions(uint32_t t) {
  Thread& th = threads_[t];
  ValueVec items;
  items.reserve(th.completions.size());
  for (uint32_t token : th.completions) items.push_back(Value::integer(token));
  th.completions.clear();
  th.wakeup_pending = false;
  return Value::object(vm_->new_list(std::move(items)));
}

Value Scheduler::response(uint32_t token) {
  const Request& r = requests_[token - 1];
  return Value::object(vm_->new_tuple({Value::integer(200), vm_->str_value(page_body(r.url))}));
}

bool Scheduler::io_wait(double timeout, Value& out) {
  uint32_t t = current();
  Thread& th = threads_[t];
  if (!th.completions.empty() || th.wakeup_pending) {
    out = take_completions(t);
    return true;
  }
  if (timeout == 0) {
    out = Value::object(vm_->new_list());
    return true;
  }
  th.wait = WaitKind::IoWait;
  th.deadline = timeout < 0 ? -1.0 : now() + timeout;
  return suspend(t, out);
}

void Scheduler::io_wakeup(int64_t thread) {
  double time = now();
  for (uint32_t i = 0; i < threads_.size(); ++i) {
    Thread& th = threads_[i];
    if (thread >= 0 ? i != static_cast<uint64_t>(thread) : !th.loop) continue;
    if (th.state == ThreadState::Blocked && th.wait == WaitKind::IoWait) {
      wake(i, time);
    } else if (th.state != ThreadState::Done) {
      th.wakeup_pending = true;
    }
  }
}

bool Scheduler::io_result(uint32_t token, Value& out) {
  if (token == 0 || token > requests_.size()) return false;
  out = response(token);
  return true;
}

bool Scheduler::io_call(std::string method, std::string url, Value& out) {
  uint32_t t = current();
  std::string lower;
  for (char c : method) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  std::string call = "requests." + lower + "('" + url + "')";
  uint32_t token = io_request(std::move(method), std::move(url));
  requests_[token - 1].call = true;
  Thread& th = threads_[t];
  th.wait = WaitKind::IoCall;
  th.wait_token = token;
  th.deadline = -1.0;
  th.wait_call = std::move(call);
  return suspend(t, out);
}

}  // namespace interleave
