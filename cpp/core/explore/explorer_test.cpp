#include "explore/explorer.h"

#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <sstream>

#include "sim/simulation.h"

namespace interleave {
namespace {

std::string program(const std::string& name) {
  std::ifstream in(std::string(INTERLEAVE_SOURCE_DIR) + "/tests/explore/" + name);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_FALSE(text.str().empty()) << name;
  return text.str();
}

struct Explored {
  std::unique_ptr<Explorer> explorer;
  const ExploreBug* bug = nullptr;
};

Explored explore(const std::string& source, ExploreOptions options = {}) {
  Explored e;
  e.explorer = std::make_unique<Explorer>(source, RunOptions{}, options);
  while (!e.explorer->advance(16)) {
  }
  if (!e.explorer->bugs().empty()) e.bug = &e.explorer->bugs().front();
  return e;
}

struct Replayed {
  RunResult result;
  std::vector<EventRecord> events;
  std::vector<std::string> forced;
};

Replayed replay(const std::string& source, const std::string& schedule) {
  RunOptions o;
  o.schedule = schedule;
  Simulation sim(o);
  sim.load(source);
  Replayed r;
  while (sim.advance(1 << 20)) {
  }
  r.result = sim.result();
  r.events = sim.events();
  r.forced = sim.forced();
  return r;
}

std::string error_text(const RunResult& r) {
  if (!r.error) return "";
  return r.error->message.empty() ? r.error->type : r.error->type + ": " + r.error->message;
}

// expect_bug explores a buggy program and checks the report and its replay.
void expect_bug(const std::string& file, const std::string& kind, uint32_t max_preemptions) {
  SCOPED_TRACE(file);
  std::string source = program(file);
  Explored e = explore(source);
  ASSERT_NE(e.bug, nullptr) << e.explorer->coverage();
  EXPECT_EQ(e.bug->kind, kind) << e.bug->message;
  EXPECT_LE(e.bug->preemptions, max_preemptions);
  EXPECT_LE(e.bug->length, e.bug->first_length);
  EXPECT_EQ(e.bug->narration.size(), e.bug->length);
  Schedule plan;
  ASSERT_TRUE(decode_schedule(e.bug->schedule, plan)) << e.bug->schedule;
  EXPECT_LE(e.bug->schedule.size(), 4096u);
  Replayed r = replay(source, e.bug->schedule);
  EXPECT_EQ(r.result.output, e.bug->output);
  EXPECT_EQ(r.forced, e.bug->narration);
  if (kind != "exception" && kind != "divergence") {
    EXPECT_EQ(error_text(r.result), e.bug->message);
  }
  // Bit for bit: a second replay gives the same events.
  Replayed again = replay(source, e.bug->schedule);
  ASSERT_EQ(again.events.size(), r.events.size());
  for (size_t i = 0; i < r.events.size(); ++i) {
    EXPECT_EQ(std::memcmp(&again.events[i], &r.events[i], sizeof(EventRecord)), 0) << i;
  }
  size_t forced = 0;
  for (const EventRecord& ev : r.events) forced += ev.kind == static_cast<uint16_t>(EventKind::Forced);
  EXPECT_EQ(forced, e.bug->length);
}

void expect_clean(const std::string& file) {
  SCOPED_TRACE(file);
  Explored e = explore(program(file));
  EXPECT_EQ(e.bug, nullptr) << e.bug->kind << " " << e.bug->message << " " << e.bug->schedule;
  EXPECT_TRUE(e.explorer->exhaustive()) << e.explorer->coverage();
  EXPECT_NE(e.explorer->coverage().find("with at most 2 preemptions checked (exhaustive"), std::string::npos)
      << e.explorer->coverage();
}

TEST(Explorer, LostUpdateIsFoundThoughTheDefaultRunShowsNone) {
  std::string source = program("lost_update.py");
  Simulation plain;
  plain.load(source);
  plain.run();
  EXPECT_EQ(plain.result().output, "counter = 6\n");
  EXPECT_FALSE(plain.result().error);
  expect_bug("lost_update.py", "assertion", 1);
  Explored e = explore(source);
  ASSERT_NE(e.bug, nullptr);
  bool narrated = false;
  for (const std::string& n : e.bug->narration) {
    narrated |=
        n.find("after reading counter=") != std::string::npos && n.find("before writing it back") != std::string::npos;
  }
  EXPECT_TRUE(narrated) << e.bug->narration.back();
}

TEST(Explorer, CheckThenAct) { expect_bug("check_then_act.py", "assertion", 1); }
TEST(Explorer, LazyInitialisation) { expect_bug("lazy_init.py", "assertion", 1); }

TEST(Explorer, OppositeLockOrdersDeadlock) {
  expect_bug("lock_order.py", "deadlock", 2);
  Explored e = explore(program("lock_order.py"));
  ASSERT_NE(e.bug, nullptr);
  EXPECT_NE(e.bug->message.find("alice_lock"), std::string::npos) << e.bug->message;
  EXPECT_NE(e.bug->message.find("bob_lock"), std::string::npos) << e.bug->message;
}

TEST(Explorer, AsyncioReadAwaitWrite) { expect_bug("asyncio_read_await_write.py", "assertion", 2); }
TEST(Explorer, AsyncioReadyOrder) {
  expect_bug("asyncio_ready_order.py", "assertion", 1);
  Explored e = explore(program("asyncio_ready_order.py"));
  ASSERT_NE(e.bug, nullptr);
  EXPECT_EQ(e.bug->preemptions, 1u);
  Replayed r = replay(program("asyncio_ready_order.py"), e.bug->schedule);
  size_t ready_order = 0;
  for (const EventRecord& ev : r.events) {
    ready_order += ev.kind == static_cast<uint16_t>(EventKind::Forced) && ev.flags == 1;
  }
  EXPECT_EQ(ready_order, 1u);
  Simulation plain;
  plain.load(program("asyncio_ready_order.py"));
  plain.run();
  EXPECT_FALSE(plain.result().error);
}

TEST(Explorer, MissingTaskDone) { expect_bug("missing_task_done.py", "deadlock", 0); }
TEST(Explorer, AsyncioMissingTaskDone) { expect_bug("asyncio_missing_task_done.py", "deadlock", 0); }

TEST(Explorer, CorrectVersionsComeBackClean) {
  expect_clean("lost_update_lock.py");
  expect_clean("check_then_act_lock.py");
  expect_clean("lazy_init_lock.py");
  expect_clean("lock_order_fixed.py");
  expect_clean("asyncio_lock.py");
  expect_clean("queue_task_done.py");
  expect_clean("asyncio_queue_task_done.py");
}

TEST(Explorer, DivergenceWithoutAssert) {
  std::string source = program("lost_update.py");
  source = source.substr(0, source.find("assert counter"));
  Explored e = explore(source);
  ASSERT_NE(e.bug, nullptr);
  EXPECT_EQ(e.bug->kind, "divergence");
  EXPECT_NE(e.bug->output, "counter = 6\n");
}

TEST(Explorer, HangIsAStepBudgetTheDefaultScheduleDoesNotExceed) {
  std::string source =
      "import threading\n"
      "ready = False\n"
      "def setter():\n"
      "    global ready\n"
      "    ready = True\n"
      "t = threading.Thread(target=setter)\n"
      "t.start()\n"
      "while not ready:\n"
      "    pass\n"
      "t.join()\n"
      "print('ready')\n";
  ExploreOptions o;
  o.steps = 20000;
  Explored e = explore(source, o);
  ASSERT_NE(e.bug, nullptr);
  EXPECT_EQ(e.bug->kind, "hang");
  EXPECT_EQ(e.bug->preemptions, 1u);
  EXPECT_NE(e.bug->message.find("StepLimitError"), std::string::npos) << e.bug->message;
}

TEST(Explorer, PctIsSeededAndFindsTheLostUpdate) {
  ExploreOptions o;
  o.pct = true;
  o.seed = 7;
  o.schedules = 2000;
  Explored a = explore(program("lost_update.py"), o);
  Explored b = explore(program("lost_update.py"), o);
  ASSERT_NE(a.bug, nullptr);
  ASSERT_NE(b.bug, nullptr);
  EXPECT_EQ(a.bug->schedule, b.bug->schedule);
  // Shrinking looks for fewer preemptions than the random schedule had.
  EXPECT_EQ(a.bug->preemptions, 1u);
  EXPECT_LE(a.bug->length, a.bug->first_length);
  EXPECT_EQ(replay(program("lost_update.py"), a.bug->schedule).result.output, a.bug->output);
  EXPECT_EQ(a.bug->found_after, b.bug->found_after);
  EXPECT_NE(a.explorer->report_json().find("\"mode\":\"pct\""), std::string::npos);
}

TEST(Explorer, BudgetAndCoverage) {
  ExploreOptions o;
  o.schedules = 3;
  Explored e = explore(program("lost_update_lock.py"), o);
  EXPECT_EQ(e.explorer->progress().explored, 3u);
  EXPECT_FALSE(e.explorer->exhaustive());
  EXPECT_NE(e.explorer->coverage().find("budget of 3 reached"), std::string::npos) << e.explorer->coverage();
}

TEST(Explorer, LinePointsSwitchOnlyBetweenLines) {
  ExploreOptions o;
  o.points = Points::Lines;
  // check-then-act spans two lines: found.
  Explored e = explore(program("check_then_act.py"), o);
  ASSERT_NE(e.bug, nullptr);
  EXPECT_EQ(e.bug->schedule[0], 'l');
  EXPECT_EQ(replay(program("check_then_act.py"), e.bug->schedule).result.output, e.bug->output);
  // `counter += 1` is one line: no switch can split it.
  Explored lines = explore(program("lost_update.py"), o);
  EXPECT_EQ(lines.bug, nullptr);
  EXPECT_TRUE(lines.explorer->exhaustive());
}

TEST(Explorer, SleepSetsPruneIndependentSteps) {
  // Two threads that touch different globals: many orders are equivalent.
  std::string source =
      "import threading\n"
      "a = 0\n"
      "b = 0\n"
      "def f():\n"
      "    global a\n"
      "    for i in range(3):\n"
      "        a = a + 1\n"
      "def g():\n"
      "    global b\n"
      "    for i in range(3):\n"
      "        b = b + 1\n"
      "t1 = threading.Thread(target=f)\n"
      "t2 = threading.Thread(target=g)\n"
      "t1.start(); t2.start(); t1.join(); t2.join()\n"
      "print(a, b)\n";
  ExploreOptions o;
  o.preemptions = 3;
  Explored e = explore(source, o);
  EXPECT_EQ(e.bug, nullptr);
  EXPECT_TRUE(e.explorer->exhaustive());
  EXPECT_GT(e.explorer->progress().pruned, 0u);
  EXPECT_NE(e.explorer->coverage().find("equivalent ones pruned"), std::string::npos);
}

TEST(Schedule, EncodeDecode) {
  Schedule s;
  s.points = Points::Lines;
  s.decisions = {{3, 2}, {17, 0}};
  EXPECT_EQ(encode_schedule(s), "l3.2_17.0");
  Schedule back;
  ASSERT_TRUE(decode_schedule("l3.2_17.0", back));
  EXPECT_EQ(back.points, Points::Lines);
  ASSERT_EQ(back.decisions.size(), 2u);
  EXPECT_EQ(back.decisions[1].point, 17u);
  EXPECT_TRUE(decode_schedule("s", back));
  EXPECT_FALSE(decode_schedule("", back));
  EXPECT_FALSE(decode_schedule("x1.2", back));
  EXPECT_FALSE(decode_schedule("s1.2_", back));
  EXPECT_FALSE(decode_schedule("s5.1_3.1", back));
  EXPECT_FALSE(decode_schedule("s1", back));
}

TEST(Schedule, BadScheduleIsAnError) {
  RunOptions o;
  o.schedule = "nope";
  Simulation sim(o);
  EXPECT_FALSE(sim.load("print(1)\n"));
  ASSERT_TRUE(sim.result().error);
  EXPECT_EQ(sim.result().error->type, "ScheduleError");
}

TEST(Schedule, PlainRunsHaveNoForcedEvents) {
  Simulation sim;
  sim.load(program("lost_update.py"));
  sim.run();
  for (const EventRecord& ev : sim.events()) EXPECT_NE(ev.kind, static_cast<uint16_t>(EventKind::Forced));
}

}  // namespace
}  // namespace interleave
