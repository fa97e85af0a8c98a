// Manual scheduling ("You are the scheduler"): fixed choice lists drive the shipped
// challenges (public/challenges) into their failures, a run stops at a choice point when
// the choices run out, bad choices are reported, and exhaustive search shows what a unit
// can and cannot break.
#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "sim/simulation.h"

namespace interleave {
namespace {

// challenge() reads public/challenges/<name> from the source tree this test was built from.
std::string challenge(const std::string& name) {
  std::string here = __FILE__;
  std::string root = here.substr(0, here.rfind("cpp/core/runtime/"));
  std::ifstream in(root + "public/challenges/" + name);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_FALSE(text.str().empty()) << "cannot read public/challenges/" << name;
  return text.str();
}

// L and I are one choice as the page sends it: a thread id, run for a line or an instruction.
ManualChoice L(uint32_t thread) { return ManualChoice{thread, ManualUnit::Line}; }
ManualChoice I(uint32_t thread) { return ManualChoice{thread, ManualUnit::Instruction}; }

struct Outcome {
  RunResult result;
  ManualState state;
  std::vector<EventRecord> events;
};

Outcome drive(const std::string& source, std::vector<ManualChoice> choices, bool manual = true,
              uint64_t steps_per_advance = 1000) {
  RunOptions options;
  options.manual = manual;
  options.choices = std::move(choices);
  Simulation sim(options);
  Outcome out;
  if (sim.load(source)) {
    while (sim.advance(steps_per_advance)) {
      out.events.insert(out.events.end(), sim.events().begin(), sim.events().end());
      sim.clear_events();
    }
  }
  out.events.insert(out.events.end(), sim.events().begin(), sim.events().end());
  out.result = sim.result();
  out.state = sim.manual_state();
  return out;
}

std::string error_of(const Outcome& o) {
  return o.result.error ? o.result.error->type + ": " + o.result.error->message : "";
}

const ManualThread* thread_named(const Outcome& o, const std::string& name) {
  for (const ManualThread& t : o.state.threads) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

// explore() runs every order of choices (depth first) and hands each ended run to leaf.
size_t explore(const std::string& source, ManualUnit unit, std::vector<ManualChoice> prefix,
               const std::function<void(const Outcome&, const std::vector<ManualChoice>&)>& leaf, size_t budget) {
  if (budget == 0) return 0;
  Outcome o = drive(source, prefix);
  if (!o.state.waiting) {
    leaf(o, prefix);
    return 1;
  }
  size_t runs = 0;
  for (const ManualThread& t : o.state.threads) {
    if (!t.runnable) continue;
    std::vector<ManualChoice> next = prefix;
    next.push_back(ManualChoice{t.id, unit});
    runs += explore(source, unit, next, leaf, budget - runs);
    if (runs >= budget) break;
  }
  return runs;
}

TEST(Manual, StopsAtTheFirstChoiceAndDescribesEveryThread) {
  Outcome o = drive(challenge("counter.py"), {});
  EXPECT_FALSE(o.result.finished);
  EXPECT_TRUE(o.state.waiting);
  EXPECT_EQ(o.state.choices_used, 0u);
  EXPECT_EQ(o.state.error, "");
  ASSERT_EQ(o.state.threads.size(), 2u);
  const ManualThread& main = o.state.threads[0];
  EXPECT_EQ(main.name, "MainThread");
  EXPECT_EQ(main.id, 0u);
  EXPECT_EQ(main.line, 16u);  // first.start(), waiting inside threading
  EXPECT_EQ(main.next, "");
  EXPECT_TRUE(main.runnable);
  const ManualThread& first = o.state.threads[1];
  EXPECT_EQ(first.name, "Thread-1 (add_one)");
  EXPECT_EQ(first.index, 1u);
  EXPECT_EQ(first.line, 11u);  // counter += 1
  EXPECT_EQ(first.next, "LOAD_GLOBAL counter");
  EXPECT_TRUE(first.runnable);
}

TEST(Manual, UnitsAreOneInstructionOrOneLine) {
  std::string source = challenge("counter.py");
  Outcome one = drive(source, {I(1)});
  EXPECT_EQ(thread_named(one, "Thread-1 (add_one)")->next, "LOAD_CONST 1");
  EXPECT_EQ(one.state.choices_used, 1u);
  Outcome line = drive(source, {L(0)});
  EXPECT_EQ(thread_named(line, "MainThread")->line, 17u);  // second.start()
  EXPECT_EQ(thread_named(line, "Thread-1 (add_one)")->next, "LOAD_GLOBAL counter");
}

// walk() picks a random runnable thread at each choice point (seeded) until the run ends.
Outcome walk(const std::string& source, uint64_t seed) {
  std::vector<ManualChoice> choices;
  uint64_t state = seed * 0x9E3779B97F4A7C15ull + 1;
  for (;;) {
    Outcome o = drive(source, choices);
    if (!o.state.waiting) return o;
    std::vector<uint32_t> ids;
    for (const ManualThread& t : o.state.threads) {
      if (t.runnable) ids.push_back(t.id);
    }
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    choices.push_back(L(ids[state % ids.size()]));
  }
}

TEST(Manual, CounterLosesAnUpdateWhenASwitchSplitsTheLoadAndTheStore) {
  // Thread-1 loads 0; main starts Thread-2, which adds its 1; Thread-1 stores its stale 0 + 1.
  Outcome o = drive(challenge("counter.py"), {I(1), L(0), L(0), L(2), L(2), L(1)});
  EXPECT_TRUE(o.result.finished);
  EXPECT_EQ(error_of(o), "AssertionError: an update was lost: counter is 1, not 2");
  EXPECT_EQ(o.result.output, "counter = 1\n");
  EXPECT_EQ(o.state.choices_used, 6u);
  // The shared state lists plain globals only: not the module, the function or the threads.
  ASSERT_EQ(o.state.globals.size(), 1u);
  EXPECT_EQ(o.state.globals[0].name, "counter");
  EXPECT_EQ(o.state.globals[0].value, "1");
  EXPECT_FALSE(o.state.waiting);
}

TEST(Manual, CounterNeverLosesAnUpdateLineByLine) {
  // counter += 1 is one line: no order of whole lines can split it.
  size_t failures = 0;
  size_t runs = explore(
      challenge("counter.py"), ManualUnit::Line, {},
      [&](const Outcome& o, const std::vector<ManualChoice>&) {
        if (o.result.error || o.result.output != "counter = 2\n") ++failures;
      },
      20000);
  EXPECT_GT(runs, 10u);
  EXPECT_LT(runs, 20000u);
  EXPECT_EQ(failures, 0u);
}

TEST(Manual, LastTicketIsSoldTwiceWhenBothFansCheckFirst) {
  Outcome o = drive(challenge("last_ticket.py"), {L(1), L(0), L(0), L(2), L(2), L(1), L(2)});
  EXPECT_NE(o.result.error_output.find("Exception in thread Bob:"), std::string::npos);
  EXPECT_NE(o.result.error_output.find("IndexError: pop from empty list"), std::string::npos);
  EXPECT_TRUE(o.state.waiting);
  EXPECT_EQ(thread_named(o, "Bob")->state, "done");
  ASSERT_EQ(o.state.globals.size(), 1u);
  EXPECT_EQ(o.state.globals[0].name + " = " + o.state.globals[0].value, "tickets = []");
}

TEST(Manual, OppositeLockOrdersDeadlock) {
  Outcome o = drive(challenge("two_locks.py"), {L(1), L(0), L(0), L(2), L(2), L(1), L(2)});
  EXPECT_TRUE(o.result.finished);
  EXPECT_EQ(error_of(o),
            "DeadlockError: Alice waits for Lock knife, held by Bob; Bob waits for Lock fork, held by Alice; "
            "MainThread waits for Alice to finish");
  const ManualThread* alice = thread_named(o, "Alice");
  EXPECT_EQ(alice->state, "blocked");
  EXPECT_EQ(alice->detail, "Lock knife, held by Bob");
  for (const ManualThread& t : o.state.threads) EXPECT_FALSE(t.runnable);
}

TEST(Manual, SomeRandomOrdersOfTheDinersDeadlockAndOthersEat) {
  size_t deadlocks = 0, clean = 0;
  std::string source = challenge("two_locks.py");
  for (uint64_t seed = 1; seed <= 10; ++seed) {
    Outcome o = walk(source, seed);
    if (o.result.error && o.result.error->type == "DeadlockError") ++deadlocks;
    else if (!o.result.error && o.result.output == "Alice eats\nBob eats\nboth have eaten\n") ++clean;
    else if (!o.result.error && o.result.output == "Bob eats\nAlice eats\nboth have eaten\n") ++clean;
    else ADD_FAILURE() << "unexpected run: " << error_of(o) << " " << o.result.output;
  }
  EXPECT_GT(deadlocks, 0u);
  EXPECT_GT(clean, 0u);
}

TEST(Manual, ALockedCounterSurvivesRandomOrders) {
  const char* source = R"PY(
import threading
counter = 0
lock = threading.Lock()
def add_one():
    global counter
    with lock:
        value = counter
        counter = value + 1
threads = [threading.Thread(target=add_one) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)
)PY";
  for (uint64_t seed = 1; seed <= 10; ++seed) {
    Outcome o = walk(source, seed);
    EXPECT_EQ(error_of(o), "") << "seed " << seed;
    EXPECT_EQ(o.result.output, "2\n") << "seed " << seed;
  }
}

TEST(Manual, AReleasedLockMakesItsWaiterAChoiceAtOnce) {
  const char* source = R"PY(
import threading
lock = threading.Lock()
def worker():
    with lock:
        pass
lock.acquire()
t = threading.Thread(target=worker, name="worker")
t.start()
lock.release()
x = 1
t.join()
)PY";
  // The worker blocks on the lock, main runs alone until its release() returns, and the
  // worker is a choice at once, holding the lock.
  Outcome o = drive(source, {L(1)});
  ASSERT_TRUE(o.state.waiting) << error_of(o);
  const ManualThread* worker = thread_named(o, "worker");
  EXPECT_TRUE(worker->runnable);
  EXPECT_EQ(worker->state, "ready");
  EXPECT_EQ(thread_named(o, "MainThread")->line, 10u);
}

TEST(Manual, ABadChoiceIsReportedAndTheRunWaits) {
  std::string source = challenge("counter.py");
  Outcome missing = drive(source, {L(7)});
  EXPECT_TRUE(missing.state.waiting);
  EXPECT_FALSE(missing.result.finished);
  EXPECT_EQ(missing.state.choices_used, 0u);
  EXPECT_EQ(missing.state.error,
            "choice 1 names thread id 7, which does not exist; the threads that can run are MainThread, Thread-1 "
            "(add_one)");
  Outcome blocked = drive(source, {I(1), L(0), L(0), L(0)});
  EXPECT_EQ(blocked.state.choices_used, 3u);
  EXPECT_EQ(blocked.state.error,
            "choice 4 names MainThread, which waits for Thread-2 (add_one) to start; the threads that can run are "
            "Thread-1 (add_one), Thread-2 (add_one)");
}

TEST(Manual, ReplayingTheSameChoicesGivesTheSameRun) {
  std::string source = challenge("two_locks.py");
  std::vector<ManualChoice> choices = {L(1), L(0), I(0), L(0), I(2), L(1)};
  Outcome a = drive(source, choices);
  Outcome b = drive(source, choices);
  ASSERT_EQ(a.events.size(), b.events.size());
  EXPECT_EQ(0, std::memcmp(a.events.data(), b.events.data(), a.events.size() * sizeof(EventRecord)));
  // A unit that advance() cuts short goes on in the next call: slicing changes nothing.
  for (uint64_t slice : {1ull, 7ull, 1'000'000ull}) {
    Outcome sliced = drive(source, choices, true, slice);
    ASSERT_EQ(sliced.events.size(), a.events.size()) << "slice " << slice;
    EXPECT_EQ(0, std::memcmp(sliced.events.data(), a.events.data(), a.events.size() * sizeof(EventRecord)))
        << "slice " << slice;
  }
  // Undo is a replay without the last choice: it stops where the last choice was made.
  choices.pop_back();
  Outcome undone = drive(source, choices);
  EXPECT_TRUE(undone.state.waiting);
  EXPECT_EQ(undone.state.choices_used, choices.size());
}

TEST(Manual, SleepersWakeAtTheirTimeAndIdleTimeJumps) {
  const char* source = R"PY(
import threading, time
def napper():
    time.sleep(0.5)
    print("awake")
t = threading.Thread(target=napper)
t.start()
print("main")
t.join()
)PY";
  // Once the napper sleeps, only main can run; then nothing can, and time jumps to 0.5 s.
  Outcome o = drive(source, {L(1)});
  EXPECT_TRUE(o.result.finished) << error_of(o);
  EXPECT_EQ(o.result.output, "main\nawake\n");
  EXPECT_NEAR(o.result.elapsed, 0.5, 0.001);
  EXPECT_EQ(o.state.choices_used, 1u);
}

TEST(Manual, ChoicesAreIgnoredWithoutManualMode) {
  std::string source = challenge("counter.py");
  Outcome plain = drive(source, {}, false);
  Outcome with_choices = drive(source, {I(1), L(0)}, false);
  EXPECT_EQ(plain.result.output, "counter = 2\n");
  EXPECT_FALSE(plain.result.error);
  ASSERT_EQ(plain.events.size(), with_choices.events.size());
  EXPECT_EQ(0, std::memcmp(plain.events.data(), with_choices.events.data(), plain.events.size() * sizeof(EventRecord)));
  EXPECT_TRUE(plain.state.threads.empty());
}

TEST(Manual, ChallengesPassUnderTheNormalScheduler) {
  for (const char* name : {"counter.py", "last_ticket.py", "two_locks.py"}) {
    Outcome o = drive(challenge(name), {}, false);
    EXPECT_TRUE(o.result.finished) << name;
    EXPECT_FALSE(o.result.error) << name << ": " << error_of(o);
    EXPECT_EQ(o.result.error_output, "") << name;
  }
}

}  // namespace
}  // namespace interleave
