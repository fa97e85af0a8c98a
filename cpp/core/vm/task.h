#pragma once
// Task is one thread of Python execution (the main program, a thread, or later an
// asyncio driver): a stack of heap frames the VM runs in bounded slices.
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <vector>

#include "vm/frame.h"
#include "vm/value.h"

namespace interleave {

enum class TaskState : uint8_t { Runnable, Blocked, Finished };

// RunStatus says why run_task() returned.
enum class RunStatus : uint8_t {
  Budget,    // the instruction budget ran out; the task is still runnable
  Blocked,   // a native asked the runtime to block the task (e.g. a sleep under threads)
  Finished,  // the task returned; Task::result holds the value
  Error,     // the task ended with an uncaught exception in Task::exception
};

// FrameStack is a task's stack of frames: a vector whose push and pop are inline in the run
// loop (std::vector's push_back was an out-of-line call on every Python call), growing by
// doubling out of line.
class FrameStack {
 public:
  FrameStack() = default;
  FrameStack(const FrameStack&) = delete;
  FrameStack& operator=(const FrameStack&) = delete;
  ~FrameStack() { delete[] data_; }
  __attribute__((always_inline)) void push_back(Frame* f) {
    if (__builtin_expect(size_ == capacity_, 0)) grow();
    data_[size_++] = f;
  }
  void pop_back() { --size_; }
  Frame* back() const { return data_[size_ - 1]; }
  Frame* operator[](size_t i) const { return data_[i]; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  Frame* const* begin() const { return data_; }
  Frame* const* end() const { return data_ + size_; }
  std::reverse_iterator<Frame* const*> rbegin() const { return std::reverse_iterator<Frame* const*>(end()); }
  std::reverse_iterator<Frame* const*> rend() const { return std::reverse_iterator<Frame* const*>(begin()); }

 private:
  __attribute__((noinline)) void grow() {
    uint32_t cap = capacity_ ? capacity_ * 2 : 16;
    Frame** d = new Frame*[cap];
    for (uint32_t i = 0; i < size_; ++i) d[i] = data_[i];
    delete[] data_;
    data_ = d;
    capacity_ = cap;
  }
  Frame** data_ = nullptr;
  uint32_t size_ = 0;
  uint32_t capacity_ = 0;
};

struct Task {
  uint32_t id = 0;
  std::string name;
  uint32_t parent = 0;
  FrameStack frames;  // innermost last
  TaskState state = TaskState::Runnable;
  bool started = false;
  Value result;            // return value once finished
  Value exception;         // uncaught exception once finished with an error
  Value exc_info;          // the exception being handled (sys.exc_info()), none if none
  uint32_t last_line = 0;  // last traced line, for Line events
  Value start_callable;    // a task that starts by calling a built-in
  ValueVec start_args;
  void* runtime_data = nullptr;  // owned by the runtime driving the task
};

}  // namespace interleave
