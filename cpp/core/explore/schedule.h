#pragma once
// Schedules for the explorer (explore/explorer.h): the compact string that names one
// interleaving, and ScheduleDriver, the scheduler hook that follows a schedule, records the
// choice points a run passes (for the search) and narrates forced switches (for replay).
// A run under a driver is a manual run (one core, the GIL) whose choices the driver makes:
// threads switch only at choice points, and an event loop runs each batch of ready
// handles in the driver's order. docs/RUNTIME.md ("Schedules") describes the model.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "runtime/manual.h"

namespace interleave {

struct Task;

// Points says where a thread may be preempted: before every instruction that touches
// shared state, or only where such an instruction starts a line.
enum class Points : uint8_t { Shared, Lines };

// Decision forces choice point `point` (counted from 0 in the run) to take `value`: a
// thread's event id, or for an event loop's batch the position among the handles left.
struct Decision {
  uint32_t point = 0;
  uint32_t value = 0;
};

// Schedule is the decisions that differ from the default policy, in point order.
struct Schedule {
  Points points = Points::Shared;
  std::vector<Decision> decisions;
};

// encode_schedule is "s" or "l" (the points) then "POINT.VALUE" entries joined by "_".
std::string encode_schedule(const Schedule& s);
// decode_schedule reads encode_schedule's text; false when it is not one.
bool decode_schedule(std::string_view text, Schedule& out);

// Footprint is what a pending step reads or writes: one shared location (a global, an
// attribute name, containers as one location), or anything (calls, library code).
struct Footprint {
  uint64_t key = 0;
  bool write = false;
  bool any = true;
};
bool dependent(const Footprint& a, const Footprint& b);

// SleepEntry is a thread whose pending step need not be tried here (sleep sets).
struct SleepEntry {
  uint32_t id = 0;
  Footprint fp;
};

// ChoiceNode is one choice point a run passed, as the search needs it.
struct ChoiceNode {
  bool ready_order = false;       // an event loop's batch order, not a thread switch
  bool preemptive = false;        // another option than the default costs one preemption
  std::vector<uint32_t> options;  // thread event ids, or positions among the handles left
  std::vector<Footprint> footprints;
  uint32_t def = 0;               // index in options of the default policy's pick
  uint32_t chosen = 0;            // index in options of what the run took
  std::vector<SleepEntry> sleep;  // asleep on arrival
};

// PctPlan is one random schedule of PCT (probabilistic concurrency testing): random
// priorities, the running thread demoted at depth - 1 random choice points.
struct PctPlan {
  uint64_t rng = 0;
  uint32_t depth = 2;
  std::vector<uint32_t> change_points;
  std::unordered_map<uint32_t, uint64_t> priority;
  uint64_t next_random();
  uint64_t priority_of(uint32_t id);
};

class ScheduleDriver : public ChoiceHook {
 public:
  explicit ScheduleDriver(Schedule plan) : plan_(std::move(plan)) {}

  bool narrate = false;          // emit a Forced event at each forced switch (replays)
  bool record = false;           // keep every ChoiceNode (the search)
  uint32_t branch = UINT32_MAX;  // the node at which branch_sleep takes effect
  std::vector<SleepEntry> branch_sleep;
  PctPlan* pct = nullptr;

  // What the run did.
  std::vector<ChoiceNode> nodes;
  Schedule taken;            // the forced decisions followed: replaying it is this run
  uint32_t preemptions = 0;  // forced switches away from a thread that could go on
  uint32_t unchecked = 0;    // of those, where CPython 3.11 does not check for a switch
  uint32_t switches = 0;     // changes of the running thread at choice points
  uint32_t points = 0;       // choice points passed
  std::vector<std::string> narration;

  uint32_t choose_thread(Scheduler& s, const std::vector<uint32_t>& runnable, int32_t holder) override;
  void order_ready(Scheduler& s, const std::vector<uint32_t>& tasks, std::vector<uint32_t>& order) override;

 private:
  // planned() is the value the plan forces at point k, or -1.
  int64_t planned(uint32_t k);
  void after_choice(uint32_t k, const Footprint& fp, uint32_t id);
  Schedule plan_;
  size_t next_ = 0;
  int32_t last_ = -1;
  std::vector<SleepEntry> sleep_;
};

// footprint_of is what task's next program instruction touches.
Footprint footprint_of(const Task* task);
// is_choice_point tells whether a thread about to run task's next instruction may be preempted there.
bool is_choice_point(Scheduler& s, const Task* task, Points points);

}  // namespace interleave
