#include "sim/simulation.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

namespace interleave {
namespace {

std::vector<EventRecord> all_events(Simulation& sim, uint64_t slice = 1'000'000) {
  std::vector<EventRecord> out;
  out.insert(out.end(), sim.events().begin(), sim.events().end());
  sim.clear_events();
  while (sim.advance(slice)) {
    out.insert(out.end(), sim.events().begin(), sim.events().end());
    sim.clear_events();
  }
  out.insert(out.end(), sim.events().begin(), sim.events().end());
  sim.clear_events();
  return out;
}

std::vector<uint32_t> lines_of(const std::vector<EventRecord>& ev) {
  std::vector<uint32_t> out;
  for (const auto& e : ev)
    if (e.kind == static_cast<uint16_t>(EventKind::Line)) out.push_back(e.line);
  return out;
}

TEST(Simulation, SyntaxErrorFinishesWithoutRunning) {
  Simulation sim;
  EXPECT_FALSE(sim.load("x = 1\ny = = 2\n"));
  const RunResult& r = sim.result();
  EXPECT_TRUE(r.finished);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->type, "SyntaxError");
  EXPECT_EQ(r.error->line, 2u);
  EXPECT_EQ(r.error->traceback, "SyntaxError: " + r.error->message + " (line 2)\n");
  EXPECT_FALSE(sim.advance(100));
  ASSERT_EQ(sim.events().size(), 1u);
  EXPECT_EQ(sim.events()[0].kind, static_cast<uint16_t>(EventKind::Error));
}

TEST(Simulation, CompileErrorReportsLine) {
  Simulation sim;
  EXPECT_FALSE(sim.load("def f():\n    pass\nbreak\n"));
  ASSERT_TRUE(sim.result().error);
  EXPECT_EQ(sim.result().error->message, "'break' outside loop");
  EXPECT_EQ(sim.result().error->line, 3u);
}

TEST(Simulation, LifecycleEvents) {
  Simulation sim;
  ASSERT_TRUE(sim.load("x = 1\nprint(x)\n"));
  std::vector<EventRecord> ev = all_events(sim);
  ASSERT_GE(ev.size(), 5u);
  EXPECT_EQ(ev.front().kind, static_cast<uint16_t>(EventKind::TaskCreated));
  EXPECT_EQ(ev.front().flags, 2);
  EXPECT_EQ(sim.strings()[ev.front().ref], "MainThread");
  EXPECT_EQ(ev[1].kind, static_cast<uint16_t>(EventKind::TaskStart));
  EXPECT_EQ(ev.back().kind, static_cast<uint16_t>(EventKind::TaskEnd));
  EXPECT_EQ(ev.back().flags, 0);
  EXPECT_EQ(sim.strings()[ev.back().ref], "None");
  EXPECT_EQ(lines_of(ev), (std::vector<uint32_t>{1, 2}));
  bool printed = false;
  for (const auto& e : ev) {
    if (e.kind == static_cast<uint16_t>(EventKind::Print)) {
      printed = true;
      EXPECT_EQ(sim.strings()[e.ref], "1\n");
      EXPECT_EQ(e.line, 2u);
    }
  }
  EXPECT_TRUE(printed);
  double last = 0;
  for (const auto& e : ev) {
    EXPECT_GE(e.time, last);
    last = e.time;
  }
  EXPECT_EQ(sim.result().events, ev.size());
}

TEST(Simulation, LoopsReportEachIterationsLines) {
  Simulation sim;
  ASSERT_TRUE(sim.load("total = 0\nfor i in range(3):\n    total += i\nprint(total)\n"));
  std::vector<EventRecord> ev = all_events(sim);
  EXPECT_EQ(lines_of(ev), (std::vector<uint32_t>{1, 2, 3, 2, 3, 2, 3, 2, 4}));
}

TEST(Simulation, OneLineLoopRepeatsItsLine) {
  Simulation sim;
  // CPython 3.11's sys.settrace sees 1, 2, 2, 2, 3: the test is repeated at the loop's bottom,
  // so the jump back into the body is what repeats the line.
  ASSERT_TRUE(sim.load("n = 0\nwhile n < 3: n += 1\nprint(n)\n"));
  std::vector<EventRecord> ev = all_events(sim);
  EXPECT_EQ(lines_of(ev), (std::vector<uint32_t>{1, 2, 2, 2, 3}));
}

TEST(Simulation, WhileLoopLinesFollowCPython) {
  Simulation sim;  // sys.settrace in CPython 3.11: 1, 2, 3, 2, 3, 2, 3, 2, 4
  ASSERT_TRUE(sim.load("n = 0\nwhile n < 3:\n    n += 1\nprint(n)\n"));
  std::vector<EventRecord> ev = all_events(sim);
  EXPECT_EQ(lines_of(ev), (std::vector<uint32_t>{1, 2, 3, 2, 3, 2, 3, 2, 4}));
}

TEST(Simulation, CallsReportTheCalleesLines) {
  Simulation sim;
  ASSERT_TRUE(sim.load("def f(x):\n    return x + 1\ny = f(1)\nprint(y)\n"));
  std::vector<EventRecord> ev = all_events(sim);
  EXPECT_EQ(lines_of(ev), (std::vector<uint32_t>{1, 3, 2, 4}));
}

TEST(Simulation, TraceLinesOffEmitsNoLineEvents) {
  RunOptions o;
  o.trace_lines = false;
  Simulation sim(o);
  ASSERT_TRUE(sim.load("for i in range(10):\n    pass\nprint('ok')\n"));
  std::vector<EventRecord> ev = all_events(sim);
  EXPECT_TRUE(lines_of(ev).empty());
  EXPECT_EQ(sim.result().output, "ok\n");
}

TEST(Simulation, AdvanceRunsInSlicesAndStreamsOutput) {
  Simulation sim;
  ASSERT_TRUE(sim.load("for i in range(5):\n    print(i)\n"));
  std::string streamed;
  int slices = 0;
  while (sim.advance(3)) {
    ++slices;
    streamed += sim.take_output();
    EXPECT_LE(sim.result().steps, static_cast<uint64_t>(3 * slices));
  }
  streamed += sim.take_output();
  EXPECT_GT(slices, 5);
  EXPECT_EQ(streamed, "0\n1\n2\n3\n4\n");
  EXPECT_EQ(sim.result().output, streamed);
  EXPECT_TRUE(sim.result().finished);
  EXPECT_EQ(sim.take_output(), "");
}

TEST(Simulation, StringTableDeduplicates) {
  Simulation sim;
  ASSERT_TRUE(sim.load("for i in range(3):\n    print('same')\n"));
  std::vector<EventRecord> ev = all_events(sim);
  std::vector<uint32_t> refs;
  for (const auto& e : ev)
    if (e.kind == static_cast<uint16_t>(EventKind::Print)) refs.push_back(e.ref);
  ASSERT_EQ(refs.size(), 3u);
  EXPECT_EQ(refs[0], refs[1]);
  EXPECT_EQ(refs[1], refs[2]);
}

TEST(Simulation, ElapsedFollowsTheCostModelAndSleeps) {
  RunOptions o;
  o.costs.instruction = 1e-6;
  o.costs.call = 0;
  o.costs.native_call = 0;
  o.costs.alloc = 0;
  Simulation sim(o);
  ASSERT_TRUE(sim.load("import time\ntime.sleep(1.5)\nx = 1\n"));
  std::vector<EventRecord> ev = all_events(sim);
  const RunResult& r = sim.result();
  EXPECT_NEAR(r.elapsed, 1.5 + r.steps * 1e-6, 1e-9);
  int sleeps = 0, wakes = 0;
  for (const auto& e : ev) {
    if (e.kind == static_cast<uint16_t>(EventKind::Sleep)) {
      ++sleeps;
      EXPECT_DOUBLE_EQ(e.value, 1.5);
      EXPECT_EQ(e.line, 2u);
    }
    if (e.kind == static_cast<uint16_t>(EventKind::Wake)) ++wakes;
  }
  EXPECT_EQ(sleeps, 1);
  EXPECT_EQ(wakes, 1);
}

TEST(Simulation, UncaughtErrorEmitsErrorAndTaskEnd) {
  Simulation sim;
  ASSERT_TRUE(sim.load("print('before')\nraise ValueError('nope')\n"));
  std::vector<EventRecord> ev = all_events(sim);
  const RunResult& r = sim.result();
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.output, "before\n");
  ASSERT_GE(ev.size(), 2u);
  const EventRecord& err = ev[ev.size() - 2];
  EXPECT_EQ(err.kind, static_cast<uint16_t>(EventKind::Error));
  EXPECT_EQ(sim.strings()[err.ref], "ValueError: nope");
  EXPECT_EQ(err.line, 2u);
  EXPECT_EQ(ev.back().kind, static_cast<uint16_t>(EventKind::TaskEnd));
  EXPECT_EQ(ev.back().flags, 1);
}

TEST(Simulation, StepLimitErrorEvent) {
  RunOptions o;
  o.step_limit = 500;
  Simulation sim(o);
  ASSERT_TRUE(sim.load("print('a')\nwhile True:\n    pass\n"));
  std::vector<EventRecord> ev = all_events(sim, 7);
  ASSERT_TRUE(sim.result().error);
  EXPECT_EQ(sim.result().error->type, "StepLimitError");
  EXPECT_EQ(sim.result().steps, 500u);
  EXPECT_EQ(sim.result().output, "a\n");
  bool error_event = false;
  for (const auto& e : ev) {
    if (e.kind == static_cast<uint16_t>(EventKind::Error)) {
      error_event = true;
      EXPECT_EQ(sim.strings()[e.ref], "StepLimitError: stopped after 500 steps (raise the limit with --step-limit)");
    }
  }
  EXPECT_TRUE(error_event);
}

TEST(Simulation, EndlessOutputStopsAtTheOutputLimit) {
  RunOptions o;
  o.output_limit = 1 << 20;
  Simulation sim(o);
  ASSERT_TRUE(sim.load("import sys\nprint('start')\nwhile True:\n    print('x' * 1000)\n    sys.stderr.write('e')\n"));
  size_t streamed = 0;
  while (sim.advance(10'000)) {
    streamed += sim.take_output().size();
    sim.clear_events();
  }
  streamed += sim.take_output().size();
  ASSERT_TRUE(sim.result().error);
  EXPECT_EQ(sim.result().error->type, "OutputLimitError");
  EXPECT_EQ(sim.result().error->message, "stopped after printing 1 MB (raise the limit with --output-limit)");
  EXPECT_EQ(sim.result().error->line, 4u);
  EXPECT_EQ(sim.result().output.substr(0, 6), "start\n");
  EXPECT_EQ(streamed, sim.result().output.size());
  EXPECT_LE(sim.result().output.size() + sim.result().error_output.size(), 1u << 20);
  EXPECT_GT(sim.result().output.size() + sim.result().error_output.size(), (1u << 20) - 1002);
}

TEST(Simulation, OutputLimitEndsTheRunAtTheSamePlaceWhateverTheSlice) {
  // The printing task stops at the limit, so steps, time and events do not depend on advance().
  auto end = [](uint64_t slice) {
    RunOptions o;
    o.output_limit = 1 << 16;
    Simulation sim(o);
    EXPECT_TRUE(sim.load("n = 0\nwhile True:\n    n += 1\n    print('x' * 100, n)\n"));
    size_t events = 0;
    while (sim.advance(slice)) {
      events += sim.events().size();
      sim.clear_events();
    }
    events += sim.events().size();
    return std::make_tuple(sim.result().steps, sim.result().elapsed, events, sim.result().output.size());
  };
  auto reference = end(1'000);
  EXPECT_EQ(end(20'000), reference);
  EXPECT_EQ(end(200'000), reference);
  EXPECT_EQ(end(1u << 30), reference);
}

TEST(Simulation, HundredThousandParametersCompileAndRun) {
  // A generated def with 100,000 parameters: the parser's and compiler's name checks are sets.
  std::string names, args;
  for (int i = 0; i < 100'000; ++i) names += (i ? ", a" : "a") + std::to_string(i);
  Simulation sim;
  ASSERT_TRUE(sim.load("def f(" + names + "):\n    return a0 + a99999\nprint(f(*range(100000)))\n"));
  sim.run();
  EXPECT_FALSE(sim.result().error) << sim.result().error->message;
  EXPECT_EQ(sim.result().output, "99999\n");
  Simulation dup;
  EXPECT_FALSE(dup.load("def g(" + names + ", a5):\n    pass\n"));
  EXPECT_EQ(dup.result().error->message, "duplicate argument 'a5' in function definition");
}

TEST(Simulation, GilHandOffsStopAtTheEventLimit) {
  // Two threads in sim.cpu(1e5) hand the GIL over every 5 ms without executing an instruction.
  RunOptions o;
  o.event_limit = 5000;
  Simulation sim(o);
  ASSERT_TRUE(
      sim.load("import sim, threading\ndef w():\n    sim.cpu(1e5)\n"
               "ts = [threading.Thread(target=w) for _ in range(2)]\nfor t in ts: t.start()\nfor t in ts: t.join()\n"));
  all_events(sim);
  ASSERT_TRUE(sim.result().error);
  EXPECT_EQ(sim.result().error->type, "EventLimitError");
  EXPECT_EQ(sim.result().error->message, "stopped after 5000 scheduling events (raise the limit with --event-limit)");
  EXPECT_LT(sim.result().elapsed, 100.0);
}

TEST(Simulation, TwoSimulationsSideBySide) {
  Simulation a, b;
  ASSERT_TRUE(a.load("x = 0\nfor i in range(100):\n    x += i\nprint(x)\n"));
  ASSERT_TRUE(b.load("print('b')\n"));
  // Both advance on every pass (no short circuit), so the two runs interleave to the end.
  bool a_running = true, b_running = true;
  while (a_running || b_running) {
    a_running = a.advance(5);
    b_running = b.advance(5);
  }
  EXPECT_EQ(a.result().output, "4950\n");
  EXPECT_EQ(b.result().output, "b\n");
}

TEST(Simulation, ReloadStartsAFreshRun) {
  Simulation sim;
  ASSERT_TRUE(sim.load("print(1)\n"));
  sim.run();
  ASSERT_TRUE(sim.load("print(2)\n"));
  sim.run();
  EXPECT_EQ(sim.result().output, "2\n");
  EXPECT_EQ(sim.take_output(), "2\n");
}

}  // namespace
}  // namespace interleave
