// The scheduler through the whole engine: GIL hand-off, fairness, GIL on/off timing,
// deadlock reports, the seed's effect on races, determinism, --sequential, and that
// every wait ends with a wake.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "lang/bytecode.h"
#include "runtime/run_trace_test_util.h"
#include "sim/simulation.h"
#include "vm/frame.h"
#include "vm/task.h"

namespace interleave {
namespace {

using testing::error_of;
using testing::run;
using testing::Trace;

const char* kTwoCpuThreads = R"PY(
import sim
import threading
threads = [threading.Thread(target=sim.cpu, args=(0.5,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
)PY";

TEST(Scheduler, SequentialProgramRunsAsBefore) {
  Trace r = run("import time\nx = 0\nfor i in range(1000):\n    x += i\ntime.sleep(0.5)\nprint(x)\n");
  EXPECT_EQ(error_of(r), "");
  EXPECT_EQ(r.result.output, "499500\n");
  EXPECT_NEAR(r.result.elapsed, 0.5, 0.001);
  EXPECT_EQ(r.of(EventKind::Sleep).size(), 1u);
  EXPECT_EQ(r.of(EventKind::Wake).size(), 1u);
}

TEST(Scheduler, GilHandOffWaitsForTheSwitchInterval) {
  for (double interval : {0.005, 0.001}) {
    RunOptions o;
    o.switch_interval = interval;
    Trace r = run(kTwoCpuThreads, o);
    ASSERT_EQ(error_of(r), "");
    // Each forced switch (GilDrop flags 1) comes one switch interval (within the seeded ±5%)
    // after the holder took the GIL or the longest waiter asked for it, whichever is later.
    std::vector<std::pair<uint32_t, double>> waiting;  // GilRequest order
    double taken = 0;
    int drops = 0;
    for (const EventRecord& e : r.events) {
      if (e.kind == static_cast<uint16_t>(EventKind::GilRequest)) {
        waiting.emplace_back(e.task, e.time);
      } else if (e.kind == static_cast<uint16_t>(EventKind::GilTake)) {
        for (size_t i = 0; i < waiting.size(); ++i) {
          if (waiting[i].first == e.task) {
            waiting.erase(waiting.begin() + static_cast<long>(i));
            break;
          }
        }
        taken = e.time;
      } else if (e.kind == static_cast<uint16_t>(EventKind::GilDrop) && e.flags == 1) {
        ASSERT_FALSE(waiting.empty());
        double since = std::max(taken, waiting.front().second);
        EXPECT_GE(e.time - since, interval * 0.95 - 1e-9);
        EXPECT_LE(e.time - since, interval * 1.05 + 1e-6);
        ++drops;
      }
    }
    EXPECT_GE(drops, 10) << "interval " << interval;
  }
}

TEST(Scheduler, CpuThreadsTakeTurnsUnderTheGil) {
  Trace r = run(R"PY(
import threading
counts = [0, 0]
def spin(i):
    for _ in range(100000):
        counts[i] += 1
threads = [threading.Thread(target=spin, args=(i,)) for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counts)
)PY");
  ASSERT_EQ(error_of(r), "");
  EXPECT_EQ(r.result.output, "[100000, 100000]\n");
  // After both have started, the GIL alternates between the two workers.
  std::vector<uint32_t> takers;
  for (const EventRecord& e : r.of(EventKind::GilTake)) {
    if (e.task != 0) takers.push_back(e.task);
  }
  ASSERT_GE(takers.size(), 6u);
  int alternations = 0;
  for (size_t i = 1; i < takers.size(); ++i) alternations += takers[i] != takers[i - 1];
  EXPECT_GE(alternations, static_cast<int>(takers.size()) / 2);
}

TEST(Scheduler, GilOnSerialisesFreeThreadedRunsInParallel) {
  Trace with_gil = run(kTwoCpuThreads);
  EXPECT_NEAR(with_gil.result.elapsed, 1.0, 0.01);
  RunOptions free;
  free.gil = false;
  free.cores = 2;
  Trace parallel = run(kTwoCpuThreads, free);
  EXPECT_NEAR(parallel.result.elapsed, 0.5, 0.01);
  EXPECT_TRUE(parallel.of(EventKind::GilTake).empty());
  free.cores = 1;
  Trace one_core = run(kTwoCpuThreads, free);
  EXPECT_NEAR(one_core.result.elapsed, 1.0, 0.01);
  EXPECT_FALSE(one_core.of(EventKind::Preempted).empty());
}

TEST(Scheduler, DeadlockReportNamesEveryWaiter) {
  Trace r = run(R"PY(import threading
import time
a = threading.Lock()
b = threading.Lock()
def one():
    with a:
        time.sleep(0.1)
        with b:
            pass
def two():
    with b:
        time.sleep(0.1)
        with a:
            pass
t1 = threading.Thread(target=one)
t2 = threading.Thread(target=two)
t1.start()
t2.start()
t1.join()
)PY");
  ASSERT_TRUE(r.result.error);
  EXPECT_EQ(r.result.error->type, "DeadlockError");
  EXPECT_EQ(r.result.error->message,
            "Thread-1 (one) waits for Lock b, held by Thread-2 (two); Thread-2 (two) waits for Lock a, held by "
            "Thread-1 (one); MainThread waits for Thread-1 (one) to finish");
  EXPECT_EQ(r.result.error->line, 19u);
  EXPECT_NEAR(r.result.elapsed, 0.1, 0.001);
}

TEST(Scheduler, DeadlockReportNamesConditionsEventsAndQueues) {
  Trace r = run(R"PY(import threading, queue
ready = threading.Event()
jobs = queue.Queue()
def waiter():
    ready.wait()
def taker():
    jobs.get()
threading.Thread(target=waiter).start()
threading.Thread(target=taker).start()
lock = threading.Lock()
lock.acquire()
lock.acquire()
)PY");
  ASSERT_TRUE(r.result.error);
  EXPECT_EQ(r.result.error->message,
            "Thread-1 (waiter) waits for Event ready; Thread-2 (taker) waits for Queue jobs (empty); "
            "MainThread waits for Lock lock, held by MainThread");
}

const char* kRacyCounter = R"PY(
import threading
counter = 0
def work():
    global counter
    for _ in range(100000):
        counter += 1
threads = [threading.Thread(target=work) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)
)PY";

// forced_switches() counts the GIL drops the scheduler forced (GilDrop flags 1).
size_t forced_switches(const Trace& r) {
  size_t n = 0;
  for (const EventRecord& e : r.of(EventKind::GilDrop)) n += e.flags == 1 ? 1 : 0;
  return n;
}

TEST(Scheduler, WithTheGilAPlainIncrementLosesNoUpdates) {
  // CPython 3.11 prints 200000 every time: a thread gives up the GIL only where it checks the
  // eval breaker, and `counter += 1` has no check between its load and its store.
  for (uint64_t seed = 0; seed < 12; ++seed) {
    RunOptions o;
    o.seed = seed;
    Trace r = run(kRacyCounter, o);
    ASSERT_EQ(error_of(r), "");
    EXPECT_EQ(r.result.output, "200000\n") << "seed " << seed;
    EXPECT_GT(forced_switches(r), 2u) << "seed " << seed;
  }
}

TEST(Scheduler, FreeThreadedIncrementsLoseUpdates) {
  // Without the GIL, two cores run the threads at once and interleave at any instruction.
  int lost = 0;
  for (uint64_t seed = 0; seed < 6; ++seed) {
    RunOptions o;
    o.seed = seed;
    o.gil = false;
    Trace r = run(kRacyCounter, o);
    ASSERT_EQ(error_of(r), "");
    if (r.result.output != "200000\n") ++lost;
  }
  EXPECT_EQ(lost, 6);
}

const char* kRacyCall = R"PY(
import sys
import threading
sys.setswitchinterval(0.0001)
counter = 0
def noop():
    pass
def work():
    global counter
    for _ in range(1000):
        value = counter
        noop()
        counter = value + 1
threads = [threading.Thread(target=work) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)
)PY";

TEST(Scheduler, TheSeedDecidesWhetherARaceLosesUpdates) {
  // A call between the read and the write is a check (the callee's RESUME), so a switch can
  // land there; the seed moves where each forced switch lands.
  int lost = 0, exact = 0;
  for (uint64_t seed = 0; seed < 12; ++seed) {
    RunOptions o;
    o.seed = seed;
    Trace r = run(kRacyCall, o);
    ASSERT_EQ(error_of(r), "");
    if (r.result.output == "2000\n") ++exact;
    else ++lost;
    // The same seed always gives the same run.
    Trace again = run(kRacyCall, o);
    EXPECT_EQ(again.result.output, r.result.output) << "seed " << seed;
  }
  EXPECT_GT(lost, 0);
  EXPECT_GT(exact, 0);
}

// CheckProbe classifies where each thread the GIL is taken from stands, from the bytecode
// alone: where CPython 3.11 checks its eval breaker, or somewhere it does not.
struct CheckProbe : SwitchProbe {
  std::map<std::string, int> seen;  // "entry", "yield", "call", "loop", or the stray instruction
  void preempted(const Task& task) override {
    const Frame* f = task.frames.back();
    const std::vector<uint32_t>& code = f->code->code;
    uint32_t pc = f->pc();
    auto op = [&](uint32_t i) { return instr_op(code[i]); };
    if (pc == 0) {
      ++seen["entry"];  // RESUME 0: a function's or generator's start
      return;
    }
    if (op(pc - 1) == OpCode::YIELD_VALUE && (pc < 2 || op(pc - 2) != OpCode::SEND)) {
      ++seen["yield"];  // RESUME 1: after a plain yield
      return;
    }
    OpCode prev = op(pc - 1);
    if (prev == OpCode::CALL || prev == OpCode::CALL_METHOD || prev == OpCode::CALL_FUNCTION_EX) {
      ++seen["call"];  // CALL's check after a built-in returns
      return;
    }
    for (uint32_t i = pc; i < code.size(); ++i) {
      OpCode o = op(i);
      bool back = o == OpCode::JUMP_BACKWARD || o == OpCode::POP_JUMP_IF_TRUE || o == OpCode::POP_JUMP_IF_FALSE;
      if (back && instr_arg(code[i]) == pc) {
        ++seen["loop"];  // a backward jump's check, at its target
        return;
      }
    }
    ++seen[std::string("stray after ") + opcode_name(prev)];
  }
};

TEST(Scheduler, ForcedSwitchesHappenOnlyAtEvalBreakerChecks) {
  const char* programs[] = {
      kRacyCounter,
      kRacyCall,
      R"PY(
import threading
items = []
total = 0
class Box:
    def __init__(self):
        self.n = 0
box = Box()
def gen(n):
    for i in range(n):
        yield i * 2
def work():
    global total
    i = 0
    while i < 3000:
        box.n += 1
        total = total + len(items)
        for v in gen(3):
            total += v
        items.append(i)
        i += 1
threads = [threading.Thread(target=work) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(box.n, len(items))
)PY",
  };
  std::map<std::string, int> kinds;
  size_t grand = 0;
  for (const char* program : programs) {
    for (uint64_t seed = 0; seed < 3; ++seed) {
      CheckProbe probe;
      RunOptions o;
      o.seed = seed;
      o.switch_interval = 0.0002;
      o.probe = &probe;
      Trace r = run(program, o);
      ASSERT_EQ(error_of(r), "");
      size_t total = 0;
      for (const auto& [kind, n] : probe.seen) {
        EXPECT_TRUE(kind == "entry" || kind == "yield" || kind == "call" || kind == "loop")
            << n << " forced switches " << kind << " (seed " << seed << ")";
        kinds[kind] += n;
        total += static_cast<size_t>(n);
      }
      EXPECT_EQ(total, forced_switches(r));
      EXPECT_GT(total, 0u);
      grand += total;
    }
  }
  EXPECT_GT(grand, 100u);
  // Every kind of check point was met somewhere.
  for (const char* kind : {"entry", "yield", "call", "loop"}) EXPECT_GT(kinds[kind], 0) << kind;
  for (const auto& [kind, n] : kinds) std::printf("  %d forced switches at a check: %s\n", n, kind.c_str());
}

TEST(Scheduler, RunsAreDeterministic) {
  const char* source = R"PY(
import threading, queue, time, random
from concurrent.futures import ThreadPoolExecutor
q = queue.Queue(maxsize=2)
lock = threading.Lock()
total = 0
def producer():
    for i in range(20):
        q.put(i)
        time.sleep(random.random() / 100)
    q.put(None)
def consumer():
    global total
    while (item := q.get()) is not None:
        with lock:
            total += item
threads = [threading.Thread(target=producer), threading.Thread(target=consumer)]
for t in threads:
    t.start()
with ThreadPoolExecutor() as pool:
    print(sum(pool.map(lambda n: n * n, range(50))))
for t in threads:
    t.join()
print(total)
)PY";
  RunOptions o;
  o.seed = 7;
  Trace a = run(source, o);
  Trace b = run(source, o);
  ASSERT_EQ(error_of(a), "");
  EXPECT_EQ(a.result.output, "40425\n190\n");
  ASSERT_EQ(a.events.size(), b.events.size());
  EXPECT_EQ(std::memcmp(a.events.data(), b.events.data(), a.events.size() * sizeof(EventRecord)), 0);
  EXPECT_EQ(a.strings, b.strings);
  EXPECT_EQ(a.result.elapsed, b.result.elapsed);
}

TEST(Scheduler, EventsDoNotDependOnHowTheRunIsSliced) {
  for (bool gil : {true, false}) {
    RunOptions o;
    o.gil = gil;
    o.seed = 3;
    Trace whole = run(kRacyCounter, o, 1'000'000'000);
    for (uint64_t budget : {1u, 7u, 4096u, 200'000u}) {
      Trace sliced = run(kRacyCounter, o, budget);
      EXPECT_EQ(sliced.result.output, whole.result.output) << "gil " << gil << " budget " << budget;
      EXPECT_EQ(sliced.result.elapsed, whole.result.elapsed);
      ASSERT_EQ(sliced.events.size(), whole.events.size());
      EXPECT_EQ(std::memcmp(sliced.events.data(), whole.events.data(), whole.events.size() * sizeof(EventRecord)), 0)
          << "gil " << gil << " budget " << budget;
    }
  }
}

TEST(Scheduler, SequentialModeRunsEachThreadToCompletion) {
  const char* source = R"PY(
import threading, time
def worker(i):
    print("start", i)
    time.sleep(0.1)
    print("end", i)
threads = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
)PY";
  Trace together = run(source);
  EXPECT_EQ(together.result.output, "start 0\nstart 1\nstart 2\nend 0\nend 1\nend 2\n");
  EXPECT_NEAR(together.result.elapsed, 0.1, 0.001);
  RunOptions o;
  o.sequential = true;
  Trace apart = run(source, o);
  EXPECT_EQ(apart.result.output, "start 0\nend 0\nstart 1\nend 1\nstart 2\nend 2\n");
  EXPECT_NEAR(apart.result.elapsed, 0.3, 0.001);
}

TEST(Scheduler, EveryWaitEndsWithAWake) {
  Trace r = run(R"PY(
import threading, queue, time
from concurrent.futures import ThreadPoolExecutor, as_completed
cond = threading.Condition()
sem = threading.Semaphore(2)
barrier = threading.Barrier(3)
q = queue.Queue()
def worker(i):
    with sem:
        time.sleep(0.01 * i)
    barrier.wait()
    q.put(i)
    with cond:
        cond.notify_all()
threads = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
print(sorted(q.get() for _ in range(3)))
with ThreadPoolExecutor(max_workers=2) as pool:
    print(sorted(f.result() for f in as_completed([pool.submit(lambda n: (time.sleep(0.01), n)[1], i) for i in range(4)])))
for t in threads:
    t.join()
)PY");
  ASSERT_EQ(error_of(r), "");
  std::map<uint32_t, int> open;
  for (const EventRecord& e : r.events) {
    if (e.kind == static_cast<uint16_t>(EventKind::Blocked) || e.kind == static_cast<uint16_t>(EventKind::Sleep)) {
      EXPECT_EQ(open[e.task], 0) << "task " << e.task << " blocked twice at " << e.time;
      ++open[e.task];
    } else if (e.kind == static_cast<uint16_t>(EventKind::Wake)) {
      EXPECT_EQ(open[e.task], 1) << "task " << e.task << " woke without waiting at " << e.time;
      --open[e.task];
    }
  }
  for (const auto& [task, n] : open) EXPECT_EQ(n, 0) << "task " << task << " never woke";
}

TEST(Scheduler, ThreadExceptionsGoToStderr) {
  Trace r = run(
      "import threading\ndef boom():\n    raise ValueError('no')\nt = threading.Thread(target=boom)\nt.start()\nt.join()\nprint('after')\n");
  EXPECT_EQ(error_of(r), "");
  EXPECT_EQ(r.result.output, "after\n");
  EXPECT_EQ(
      r.result.error_output.rfind("Exception in thread Thread-1 (boom):\nTraceback (most recent call last):\n", 0), 0u);
  EXPECT_NE(
      r.result.error_output.find("  File \"main.py\", line 3, in boom\n    raise ValueError('no')\nValueError: no\n"),
      std::string::npos);
  bool raised_end = false;
  for (const EventRecord& e : r.of(EventKind::TaskEnd)) raised_end |= e.flags == 1 && r.text(e) == "ValueError: no";
  EXPECT_TRUE(raised_end);
}

TEST(Scheduler, BlockingInsideBuiltinCallsWorks) {
  Trace r = run(R"PY(
import time
from concurrent.futures import ThreadPoolExecutor
def slow(n):
    time.sleep(0.1)
    return n * 2
with ThreadPoolExecutor(max_workers=4) as pool:
    print(list(pool.map(slow, range(4))), sum(pool.map(slow, range(4))))
print(sorted(map(lambda s: (time.sleep(s), s)[1], [0.2, 0.1])))
)PY");
  EXPECT_EQ(error_of(r), "");
  EXPECT_EQ(r.result.output, "[0, 2, 4, 6] 12\n[0.1, 0.2]\n");
  EXPECT_NEAR(r.result.elapsed, 0.5, 0.001);
}

TEST(Scheduler, SwitchIntervalIsASetting) {
  Trace r =
      run("import sys\nprint(sys.getswitchinterval())\nsys.setswitchinterval(0.002)\nprint(sys.getswitchinterval())\n");
  EXPECT_EQ(r.result.output, "0.005\n0.002\n");
  RunOptions o;
  o.switch_interval = 0.01;
  EXPECT_EQ(run("import sys\nprint(sys.getswitchinterval())\n", o).result.output, "0.01\n");
}

TEST(Scheduler, ThousandThreadsContendingForALockRunQuickly) {
  auto start = std::chrono::steady_clock::now();
  Trace r = run(R"PY(
import threading
lock = threading.Lock()
count = 0
def work():
    global count
    for _ in range(20):
        with lock:
            count += 1
threads = [threading.Thread(target=work) for _ in range(1000)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(count)
)PY");
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(error_of(r), "");
  EXPECT_EQ(r.result.output, "20000\n");
  EXPECT_LT(seconds, 10.0);
}

TEST(Scheduler, NetworkRequestsHonourLatencyAndCapacity) {
  const char* source = R"PY(
import requests, threading
def get(i):
    requests.get("https://example.com/" + str(i))
threads = [threading.Thread(target=get, args=(i,)) for i in range(10)]
for t in threads:
    t.start()
for t in threads:
    t.join()
)PY";
  EXPECT_NEAR(run(source).result.elapsed, 0.25, 0.005);
  RunOptions o;
  o.network_capacity = 3;
  EXPECT_NEAR(run(source, o).result.elapsed, 1.0, 0.005);
  EXPECT_EQ(run(source, o).of(EventKind::IoEnd).size(), 10u);
}

}  // namespace
}  // namespace interleave
