// Simulated processes (multiprocessing): per-process GILs run CPU work in parallel on the
// cores where threads cannot, cores are shared fairly, globals stay per process, and each
// process's first thread is announced with a ProcessStart event.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "runtime/run_trace_test_util.h"
#include "sim/simulation.h"

namespace interleave {
namespace {

using testing::error_of;
using testing::run;
using testing::Trace;

std::string cpu_program(const std::string& how) {
  return R"PY(
import sim, threading, time
from multiprocessing import Pool, Process

def work(n):
    sim.cpu(0.5)
    return n

if __name__ == "__main__":
    how = ")PY" +
         how + R"PY("
    if how == "serial":
        [work(n) for n in range(4)]
    elif how == "threads":
        ts = [threading.Thread(target=work, args=(n,)) for n in range(4)]
        for t in ts: t.start()
        for t in ts: t.join()
    elif how == "pool":
        with Pool(4) as pool:
            print(pool.map(work, range(4)))
    else:
        ps = [Process(target=work, args=(n,)) for n in range(4)]
        for p in ps: p.start()
        for p in ps: p.join()
)PY";
}

TEST(Processes, PoolOnFourCoresTakesAQuarterOfSerial) {
  RunOptions o;
  o.cores = 4;
  Trace serial = run(cpu_program("serial"), o);
  Trace threads = run(cpu_program("threads"), o);
  Trace pool = run(cpu_program("pool"), o);
  ASSERT_EQ(error_of(serial), "");
  ASSERT_EQ(error_of(threads), "");
  ASSERT_EQ(error_of(pool), "");
  EXPECT_EQ(pool.result.output, "[0, 1, 2, 3]\n");
  EXPECT_NEAR(serial.result.elapsed, 2.0, 0.01);
  EXPECT_GE(threads.result.elapsed, serial.result.elapsed - 0.01);
  double ratio = pool.result.elapsed / serial.result.elapsed;
  EXPECT_GE(ratio, 0.25);
  EXPECT_LT(ratio, 0.3);
}

TEST(Processes, MoreProcessesThanCoresShareThemFairly) {
  for (uint32_t cores : {1u, 2u, 4u}) {
    RunOptions o;
    o.cores = cores;
    Trace r = run(cpu_program("processes"), o);
    ASSERT_EQ(error_of(r), "");
    double ideal = 2.0 / cores;
    EXPECT_GT(r.result.elapsed, ideal);
    EXPECT_LT(r.result.elapsed, ideal + 0.1) << cores << " cores";
  }
}

TEST(Processes, EachProcessHasItsOwnGilAndAProcessStartEvent) {
  RunOptions o;
  o.cores = 4;
  Trace r = run(cpu_program("processes"), o);
  ASSERT_EQ(error_of(r), "");
  std::vector<EventRecord> starts = r.of(EventKind::ProcessStart);
  ASSERT_EQ(starts.size(), 4u);
  std::set<double> pids;
  for (const EventRecord& e : starts) pids.insert(e.value);
  EXPECT_EQ(pids, (std::set<double>{1, 2, 3, 4}));
  // GIL tenures of different processes overlap in time: count holders at once.
  std::set<uint32_t> holding;
  size_t most = 0;
  for (const EventRecord& e : r.events) {
    if (e.kind == static_cast<uint16_t>(EventKind::GilTake)) holding.insert(e.task);
    if (e.kind == static_cast<uint16_t>(EventKind::GilDrop)) holding.erase(e.task);
    most = std::max(most, holding.size());
  }
  EXPECT_GE(most, 4u);
}

TEST(Processes, GlobalsChangedInAChildStayInTheChild) {
  Trace r = run(R"PY(
from multiprocessing import Process
counter = 0
def bump():
    global counter
    counter += 1
    print("child", counter)
if __name__ == "__main__":
    ps = [Process(target=bump) for _ in range(2)]
    for p in ps:
        p.start()
        p.join()
    print("parent", counter)
)PY");
  ASSERT_EQ(error_of(r), "");
  EXPECT_EQ(r.result.output, "child 1\nchild 1\nparent 0\n");
}

TEST(Processes, ProgramsWithoutProcessesKeepOneProcess) {
  Trace r = run("import threading\nt = threading.Thread(target=print, args=(1,))\nt.start()\nt.join()\n");
  ASSERT_EQ(error_of(r), "");
  EXPECT_TRUE(r.of(EventKind::ProcessStart).empty());
}

}  // namespace
}  // namespace interleave
