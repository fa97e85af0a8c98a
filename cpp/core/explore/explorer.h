#pragma once
// Explorer searches a threaded or asyncio program's schedules for one that breaks it:
// preemption-bounded exhaustive search (bounds 0, 1, 2, ... in turn) with sleep sets, or
// random PCT schedules. Each schedule is a fresh run from the start under a ScheduleDriver
// (runs are deterministic and short, so replay needs no snapshots). It reports the first
// bug, shrunk to fewer preemptions and switches, with a schedule string that
// `run --schedule S` replays bit for bit. It works in slices (advance) so hosts can show
// progress and cancel. docs/ARCHITECTURE.md ("Explorer") and docs/RUNTIME.md describe it.
#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "explore/schedule.h"
#include "sim/simulation.h"

namespace interleave {

struct ExploreOptions {
  bool pct = false;            // mode: false exhaustive, true PCT
  uint32_t preemptions = 2;    // exhaustive: the largest preemption bound
  uint64_t schedules = 10000;  // budget of schedules run
  uint64_t steps = 0;          // step budget per schedule; 0 = RunOptions::step_limit
  uint64_t seed = 1;           // PCT
  uint32_t depth = 2;          // PCT bug depth
  Points points = Points::Shared;
};

struct ExploreBug {
  std::string kind;  // exception, assertion, deadlock, hang, divergence
  std::string message;
  uint32_t line = 0;
  std::string schedule;
  uint32_t preemptions = 0;
  uint32_t switches = 0;
  uint64_t found_after = 0;  // schedules run when it was found
  std::string output;
  std::vector<std::string> narration;
  bool cpython311 = true;   // every preemption is one CPython 3.11's GIL can make (at an eval-breaker check)
  size_t first_length = 0;  // forced decisions of the schedule first found (before shrinking)
  size_t length = 0;        // forced decisions after shrinking
};

struct ExploreProgress {
  uint64_t explored = 0;
  uint32_t bound = 0;
  uint32_t bugs = 0;
  uint64_t pruned = 0;
};

class Explorer {
 public:
  Explorer(std::string source, RunOptions options, ExploreOptions explore);
  ~Explorer();

  // advance() runs at most max_schedules more schedules; true once the search is over.
  bool advance(uint64_t max_schedules);
  // stop() ends the search where it is (a host's cancel); the report says what was covered.
  void stop();
  bool done() const { return done_; }
  ExploreProgress progress() const;
  const std::vector<ExploreBug>& bugs() const { return bugs_; }
  bool exhaustive() const;
  std::string coverage() const;
  // report_json() is the report object of docs/RUNTIME.md (the CLI's --json).
  std::string report_json() const;
  std::string progress_json() const;
  // report_text is the report in words: coverage, then each bug with its narration and
  // `replay --schedule S` (replay is the run command, e.g. "interleave run main.py").
  std::string report_text(const std::string& replay) const;
  // error() is set when the program does not compile: nothing was explored.
  const std::string& error() const { return error_; }

 private:
  struct Work {
    Schedule plan;
    uint32_t branch = UINT32_MAX;
    std::vector<SleepEntry> sleep;
    uint32_t preemptions = 0;
  };
  struct Outcome {
    std::string kind;  // "" without a bug
    std::string message;
    uint32_t line = 0;
    std::string output;
    std::string key;  // what distinct_outcomes counts
    bool hang = false;
  };

  struct Pending {
    Outcome outcome;
    Schedule taken;
    uint32_t preemptions = 0;
    uint32_t switches = 0;
    uint64_t found_after = 0;
  };

  Outcome run(ScheduleDriver& driver);
  Outcome classify(const Simulation& sim);
  // consider() records a run's bug; true when the search stops there.
  bool consider(const Outcome& outcome, const ScheduleDriver& driver);
  // settle() reports a pending divergence once the search is over without a worse bug.
  void settle();
  void found(const Outcome& outcome, const Schedule& taken, uint32_t preemptions, uint32_t switches,
             uint64_t found_after);
  void branch_from(const Work& work, ScheduleDriver& driver);
  void judge(Outcome& outcome) const;
  void note(const Outcome& outcome, const ScheduleDriver& driver);

  std::string source_;
  std::unique_ptr<FrozenCache> cache_;  // the library compiled once for all the runs
  RunOptions options_;
  ExploreOptions explore_;
  std::string error_;
  bool done_ = false;
  bool stopped_ = false;
  bool budget_hit_ = false;
  bool stopped_at_bug_ = false;
  bool truncated_ = false;  // children dropped because the budget could never reach them
  bool have_divergence_ = false;
  Pending divergence_;
  uint64_t explored_ = 0;
  uint64_t pruned_ = 0;
  uint32_t bound_ = 0;
  std::vector<std::deque<Work>> queues_;  // by preemption count
  std::vector<uint64_t> run_at_bound_;    // schedules run per preemption count
  uint32_t horizon_ = 1;                  // PCT: choice points of the longest run so far
  bool have_default_ = false;
  bool no_points_ = false;  // the default schedule passed no choice point
  std::string default_output_;
  bool default_hang_ = false;
  std::string passing_;
  bool have_passing_ = false;
  std::set<std::string> outcomes_;
  std::vector<ExploreBug> bugs_;
  std::chrono::steady_clock::time_point started_;
  double seconds_ = 0.0;
  double first_bug_seconds_ = -1.0;
};

// json_text is s as a JSON string literal.
std::string json_text(const std::string& s);

}  // namespace interleave
