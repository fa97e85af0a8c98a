#pragma once
// Task is one thread of Python execution (the main program, a thread, or later an
// asyncio driver): a stack of heap frames the VM runs in bounded slices.
#include <cstdint>
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

struct Task {
  uint32_t id = 0;
  std::string name;
  uint32_t parent = 0;
  std::vector<Frame*> frames;  // innermost last
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
