// asyncio through the whole engine: CPython's ordering of tasks, callbacks and timers,
// cancellation, timeouts, task groups, queues, the simulated network's timings, the events a
// loop emits, blocking calls inside coroutines, deadlock reports and determinism.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "runtime/run_trace_test_util.h"
#include "sim/simulation.h"

namespace interleave {
namespace {

using testing::error_of;
using testing::run;
using testing::Trace;

// expect_run checks a program's output and that it ended without an error.
void expect_run(const std::string& source, const std::string& output, RunOptions options = {}) {
  Trace r = run(source, options);
  EXPECT_EQ(error_of(r), "");
  EXPECT_EQ(r.result.output, output);
}

TEST(Asyncio, RunReturnsTheResultAndSleepsOnTheClock) {
  Trace r = run(R"PY(
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    value = await asyncio.sleep(0.25, result="slept")
    print(value, f"{loop.time() - t0:.2f}", asyncio.get_event_loop() is loop)
    return 42
print(asyncio.run(main()))
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print(e)
)PY");
  EXPECT_EQ(error_of(r), "");
  EXPECT_EQ(r.result.output, "slept 0.25 True\n42\nno running event loop\n");
  EXPECT_NEAR(r.result.elapsed, 0.25, 0.01);
}

TEST(Asyncio, TasksStartInCreationOrderAndAreNamedLikeCPython) {
  expect_run(R"PY(
import asyncio
async def worker(name, steps):
    for i in range(steps):
        print(name, i)
        await asyncio.sleep(0)
    return name.upper()
async def main():
    print(asyncio.current_task().get_name())
    a = asyncio.create_task(worker("a", 3))
    b = asyncio.create_task(worker("b", 2), name="bee")
    c = asyncio.get_running_loop().create_task(worker("c", 1))
    print(a.get_name(), b.get_name(), c.get_name(), a.done())
    await asyncio.sleep(0)
    print("main")
    print([await a, await b, await c])
asyncio.run(main())
async def again():
    print(asyncio.current_task().get_name())
asyncio.run(again())
)PY",
             "Task-1\nTask-2 bee Task-4 False\na 0\nb 0\nc 0\nmain\na 1\nb 1\na 2\n['A', 'B', 'C']\nTask-7\n");
}

TEST(Asyncio, GatherKeepsArgumentOrderAndPropagatesTheFirstError) {
  Trace r = run(R"PY(
import asyncio
async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(name)
    print("done", name)
    return name
async def main():
    print(await asyncio.gather(job("slow", 0.3), job("fast", 0.1), job("mid", 0.2)))
    print(await asyncio.gather(job("ok", 0.1), job("bad", 0.05, True), return_exceptions=True))
    survivor = asyncio.create_task(job("survivor", 0.15))
    try:
        await asyncio.gather(survivor, job("broken", 0.05, True))
    except ValueError as e:
        print("raised", e, survivor.done())
    print(await survivor, await asyncio.gather())
asyncio.run(main())
)PY");
  EXPECT_EQ(error_of(r), "");
  EXPECT_EQ(r.result.output,
            "done fast\ndone mid\ndone slow\n['slow', 'fast', 'mid']\ndone ok\n['ok', ValueError('bad')]\n"
            "raised broken False\ndone survivor\nsurvivor []\n");
  EXPECT_NEAR(r.result.elapsed, 0.55, 0.01);
}

// Timers due at the same instant leave CPython's heapq in its tie order: at 2, at 0, at 1.
TEST(Asyncio, CallbacksAndTimersRunInCPythonsOrder) {
  expect_run(R"PY(
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    now = loop.time()
    for i in range(3):
        loop.call_at(now + 0.1, print, "at", i)
    loop.call_later(0.05, print, "later")
    loop.call_soon(print, "soon 1")
    h = loop.call_soon(print, "cancelled")
    loop.call_soon(print, "soon 2")
    h.cancel()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print("callback 1", f.result()))
    fut.add_done_callback(lambda f: print("callback 2"))
    loop.call_soon(fut.set_result, 7)
    print("main", h.cancelled())
    await asyncio.sleep(0.2)
    print(await fut)
asyncio.run(main())
)PY",
             "main True\nsoon 1\nsoon 2\ncallback 1 7\ncallback 2\nlater\nat 2\nat 0\nat 1\n7\n");
}

TEST(Asyncio, CancellationReachesTheInnermostAwait) {
  expect_run(R"PY(
import asyncio
async def inner():
    try:
        await asyncio.sleep(1)
    finally:
        print("inner cleans up")
async def worker():
    try:
        await inner()
    except asyncio.CancelledError as e:
        print("worker caught", e.args)
        raise
async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("stubborn ignores it")
    await asyncio.sleep(0.1)
    return "kept going"
async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0.1)
    print(t.cancel("stop"), t.done(), t.cancelled())
    try:
        await t
    except asyncio.CancelledError:
        print("awaiting raises", t.cancelled(), t.cancel())
    never = asyncio.create_task(worker())
    never.cancel()
    print(await asyncio.gather(never, return_exceptions=True))
    s = asyncio.create_task(stubborn())
    await asyncio.sleep(0.1)
    s.cancel()
    print(await s, s.cancelled(), s.cancelling(), s.uncancel())
    print(issubclass(asyncio.CancelledError, Exception), issubclass(asyncio.CancelledError, BaseException))
asyncio.run(main())
)PY",
             "True False False\ninner cleans up\nworker caught ('stop',)\nawaiting raises True False\n"
             "[CancelledError('')]\nstubborn ignores it\nkept going False 1 0\nFalse True\n");
}

TEST(Asyncio, WaitForAndTimeoutCancelTheWork) {
  Trace r = run(R"PY(
import asyncio
async def slow(delay):
    try:
        await asyncio.sleep(delay)
        return delay
    except asyncio.CancelledError:
        print("cancelled after", delay)
        raise
async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.wait_for(slow(0.1), 0.5))
    try:
        await asyncio.wait_for(slow(1.0), timeout=0.2)
    except TimeoutError:
        print("TimeoutError", f"{loop.time():.1f}", asyncio.TimeoutError is TimeoutError)
    try:
        async with asyncio.timeout(0.1) as cm:
            await slow(2.0)
    except TimeoutError:
        print("timeout block", cm.expired(), f"{loop.time():.1f}")
    async with asyncio.timeout(None) as cm:
        await asyncio.sleep(0.1)
    print(cm.when(), cm.expired())
asyncio.run(main())
)PY");
  EXPECT_EQ(error_of(r), "");
  EXPECT_EQ(
      r.result.output,
      "0.1\ncancelled after 1.0\nTimeoutError 0.3 True\ncancelled after 2.0\ntimeout block True 0.4\nNone False\n");
  EXPECT_NEAR(r.result.elapsed, 0.5, 0.01);
}

TEST(Asyncio, WaitModes) {
  expect_run(R"PY(
import asyncio
async def job(delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise RuntimeError(delay)
    return delay
def names(ts):
    return sorted(t.get_name() for t in ts)
async def main():
    ts = [asyncio.create_task(job(d), name=f"j{d}") for d in (0.1, 0.2, 0.3)]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print(names(done), names(pending))
    done, pending = await asyncio.wait(pending, timeout=0.13)
    print(names(done), names(pending))
    done, pending = await asyncio.wait(pending)
    print(names(done), names(pending))
    ts = [asyncio.create_task(job(0.1, True), name="bad"), asyncio.create_task(job(0.2), name="ok")]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print(names(done), names(pending), repr(ts[0].exception()))
    for f in asyncio.as_completed([job(0.3), job(0.1), job(0.2)]):
        print(await f)
asyncio.run(main())
)PY",
             "['j0.1'] ['j0.2', 'j0.3']\n['j0.2'] ['j0.3']\n['j0.3'] []\n['bad'] ['ok'] RuntimeError(0.1)\n"
             "0.1\n0.2\n0.3\n");
}

TEST(Asyncio, TaskGroupCancelsTheRestWhenOneFails) {
  expect_run(R"PY(
import asyncio
async def job(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
        if fail:
            raise ValueError(name)
        return name
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(job("one", 0.1))
        b = tg.create_task(job("two", 0.2), name="second")
    print(a.result(), b.result(), a.get_name(), b.get_name())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("broken", 0.1, True))
            slow = tg.create_task(job("slow", 0.5))
    except Exception as eg:
        print(type(eg).__name__, eg, [repr(e) for e in eg.exceptions], slow.cancelled())
asyncio.run(main())
)PY",
             "one two Task-2 second\nslow cancelled\nExceptionGroup unhandled errors in a TaskGroup (1 sub-exception) "
             "[\"ValueError('broken')\"] True\n");
}

TEST(Asyncio, QueuesLocksEventsAndSemaphores) {
  expect_run(R"PY(
import asyncio
async def producer(q):
    for i in range(4):
        await q.put(i)
        print("put", i)
async def consumer(q):
    for _ in range(4):
        await asyncio.sleep(0.05)
        print("got", await q.get())
        q.task_done()
async def user(lock, name):
    async with lock:
        print(name, "has the lock")
        await asyncio.sleep(0.01)
async def limited(sem, i, active):
    async with sem:
        active.append(i)
        print("inside", len(active))
        await asyncio.sleep(0.01)
        active.remove(i)
async def main():
    q = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(q), consumer(q))
    await q.join()
    lifo, prio = asyncio.LifoQueue(), asyncio.PriorityQueue()
    for item in [(2, "low"), (0, "urgent"), (1, "normal")]:
        lifo.put_nowait(item)
        prio.put_nowait(item)
    print([lifo.get_nowait()[1] for _ in range(3)], [prio.get_nowait()[1] for _ in range(3)])
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    lock = asyncio.Lock()
    await asyncio.gather(*(user(lock, n) for n in "abc"))
    event = asyncio.Event()
    waiters = [asyncio.create_task(event.wait()) for _ in range(2)]
    await asyncio.sleep(0)
    event.set()
    print(await asyncio.gather(*waiters))
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(limited(sem, i, []) for i in range(3)))
    try:
        asyncio.BoundedSemaphore(1).release()
    except ValueError as e:
        print(e)
asyncio.run(main())
)PY",
             "put 0\nput 1\ngot 0\nput 2\ngot 1\nput 3\ngot 2\ngot 3\n['normal', 'urgent', 'low'] "
             "['urgent', 'normal', 'low']\nQueueEmpty\na has the lock\nb has the lock\nc has the lock\n[True, True]\n"
             "inside 1\ninside 1\ninside 1\nBoundedSemaphore released too many times\n");
}

const char* kNetwork = R"PY(
import aiohttp
import asyncio
import sim
URLS = [f"https://example.com/page/{i}" for i in range(10)]
async def fetch(session, url):
    async with session.get(url) as response:
        return response.status, len(await response.text()), (await response.json())["url"] == url
async def main():
    loop = asyncio.get_running_loop()
    async with aiohttp.ClientSession() as session:
        start = loop.time()
        for url in URLS:
            await fetch(session, url)
        print(f"in turn {loop.time() - start:.2f}")
        start = loop.time()
        tasks = [asyncio.create_task(fetch(session, url)) for url in URLS]
        await asyncio.wait(tasks)
        print(f"together {loop.time() - start:.2f}", tasks[0].result())
        sim.network(capacity=3)
        start = loop.time()
        tasks = [asyncio.create_task(fetch(session, url)) for url in URLS]
        await asyncio.wait(tasks)
        print(f"capacity 3 {loop.time() - start:.2f}")
    try:
        await session.get(URLS[0])
    except RuntimeError as e:
        print(e)
asyncio.run(main())
)PY";

TEST(Asyncio, NetworkTimingsInTurnTogetherAndWithCapacity) {
  Trace r = run(kNetwork);
  EXPECT_EQ(error_of(r), "");
  EXPECT_EQ(r.result.output, "in turn 2.50\ntogether 0.25 (200, 156, True)\ncapacity 3 1.00\nSession is closed\n");
  EXPECT_NEAR(r.result.elapsed, 3.75, 0.02);
  // With capacity 3, seven of the last ten requests queue: IoStart at issue (flags 1) and when served (flags 2).
  uint32_t queued = 0;
  for (const EventRecord& e : r.of(EventKind::IoStart)) queued += e.flags == 1;
  EXPECT_EQ(queued, 7u);
  EXPECT_EQ(r.of(EventKind::IoStart).size(), 37u);
  EXPECT_EQ(r.of(EventKind::IoEnd).size(), 30u);
  uint32_t blocked_on_io = 0;
  for (const EventRecord& e : r.of(EventKind::Blocked)) {
    if (e.flags == 5 && r.text(e) == "GET https://example.com/page/0") ++blocked_on_io;
  }
  EXPECT_EQ(blocked_on_io, 3u);
}

TEST(Asyncio, RequestsInACoroutineBlocksTheLoop) {
  Trace r = run(R"PY(
import asyncio
import requests
async def fetch(i):
    response = requests.get(f"https://example.com/{i}")
    return response.status_code, response.ok, len(response.text), response.json()["status"]
async def ticker(ticks):
    while True:
        await asyncio.sleep(0.05)
        ticks.append(1)
async def main():
    loop = asyncio.get_running_loop()
    ticks = []
    t = asyncio.create_task(ticker(ticks))
    start = loop.time()
    print(await asyncio.gather(*(fetch(i) for i in range(3))), f"{loop.time() - start:.2f}", len(ticks))
    t.cancel()
asyncio.run(main())
)PY");
  EXPECT_EQ(error_of(r), "");
  EXPECT_EQ(r.result.output, "[(200, True, 146, 200), (200, True, 146, 200), (200, True, 146, 200)] 0.75 0\n");
  EXPECT_EQ(r.of(EventKind::LoopBlocked).size(), 3u);
}

TEST(Asyncio, TimeSleepInACoroutineIsReportedAsLoopBlocked) {
  Trace r = run(R"PY(
import asyncio
import time
async def ticker():
    await asyncio.sleep(0.1)
    print("tick", f"{asyncio.get_running_loop().time():.1f}")
async def blocker():
    await asyncio.sleep(0.01)
    time.sleep(0.3)
    print("blocker woke", f"{asyncio.get_running_loop().time():.1f}")
async def main():
    await asyncio.gather(ticker(), blocker())
asyncio.run(main())
)PY");
  EXPECT_EQ(error_of(r), "");
  EXPECT_EQ(r.result.output, "blocker woke 0.3\ntick 0.3\n");
  std::vector<EventRecord> blocked = r.of(EventKind::LoopBlocked);
  ASSERT_EQ(blocked.size(), 1u);
  EXPECT_EQ(blocked[0].task, r.task_named("Task-3"));
  EXPECT_NEAR(blocked[0].value, 0.3, 1e-9);
  EXPECT_NE(r.text(blocked[0]).find("time.sleep"), std::string::npos);
}

TEST(Asyncio, EventsShowEachTaskStepAndWhatItWaitsFor) {
  Trace r = run(R"PY(
import asyncio
async def child():
    await asyncio.sleep(0.5)
    return 1
async def main():
    t = asyncio.create_task(child())
    return await t
asyncio.run(main())
)PY");
  ASSERT_EQ(error_of(r), "");
  uint32_t main_task = r.task_named("Task-1");
  uint32_t child = r.task_named("Task-2");
  ASSERT_NE(main_task, 0u);
  ASSERT_NE(child, 0u);
  bool child_sleeps = false, main_waits = false, child_wakes = false, child_returns = false;
  for (const EventRecord& e : r.of(EventKind::Blocked)) {
    if (e.task == child && e.flags == 0 && r.text(e) == "sleep") {
      child_sleeps = true;
      EXPECT_NEAR(e.value, 0.5, 0.001);
    }
    if (e.task == main_task && e.flags == 6 && r.text(e) == "Task-2") main_waits = true;
  }
  for (const EventRecord& e : r.of(EventKind::Wake)) child_wakes |= e.task == child;
  for (const EventRecord& e : r.of(EventKind::TaskEnd))
    child_returns |= e.task == child && e.flags == 0 && r.text(e) == "1";
  EXPECT_TRUE(child_sleeps);
  EXPECT_TRUE(main_waits);
  EXPECT_TRUE(child_wakes);
  EXPECT_TRUE(child_returns);
  std::vector<EventRecord> iterations = r.of(EventKind::LoopIteration);
  ASSERT_FALSE(iterations.empty());
  EXPECT_EQ(r.text(iterations[0]), std::to_string(main_task));
}

TEST(Asyncio, AProgramThatCannotFinishEndsWithADeadlockReport) {
  Trace r = run(R"PY(
import asyncio
fut = None
async def main():
    global fut
    fut = asyncio.get_running_loop().create_future()
    await asyncio.sleep(0.1)
    await fut
asyncio.run(main())
)PY");
  ASSERT_TRUE(r.result.error);
  EXPECT_EQ(r.result.error->type, "DeadlockError");
  EXPECT_EQ(r.result.error->message.rfind("Task-1 waits for Future fut", 0), 0u) << r.result.error->message;
  EXPECT_NEAR(r.result.elapsed, 0.1, 0.01);
}

TEST(Asyncio, SequentialRunsEachTaskToCompletionWhenCreated) {
  RunOptions o;
  o.sequential = true;
  Trace r = run(R"PY(
import asyncio
async def job(name):
    print(name, "starts")
    await asyncio.sleep(0.2)
    return name
async def main():
    tasks = [asyncio.create_task(job(f"job-{i}")) for i in range(3)]
    print("created", [t.done() for t in tasks])
    print(await asyncio.gather(*tasks))
asyncio.run(main())
)PY",
                o);
  EXPECT_EQ(error_of(r), "");
  EXPECT_EQ(r.result.output,
            "job-0 starts\njob-1 starts\njob-2 starts\ncreated [True, True, True]\n['job-0', 'job-1', 'job-2']\n");
  EXPECT_NEAR(r.result.elapsed, 0.6, 0.01);
}

TEST(Asyncio, UnretrievedTaskExceptionsAreLoggedToStderr) {
  Trace r = run(R"PY(
import asyncio
async def boom():
    raise ValueError("lost")
async def main():
    asyncio.create_task(boom())
    await asyncio.sleep(0.01)
asyncio.run(main())
print("done")
)PY");
  EXPECT_EQ(error_of(r), "");
  EXPECT_EQ(r.result.output, "done\n");
  EXPECT_NE(r.result.error_output.find("Task exception was never retrieved\n"), std::string::npos)
      << r.result.error_output;
  EXPECT_NE(r.result.error_output.find("ValueError: lost\n"), std::string::npos) << r.result.error_output;
}

TEST(Asyncio, UncaughtErrorsLeaveAsyncioRun) {
  Trace r = run(R"PY(
import asyncio
async def main():
    await asyncio.sleep(0.1)
    raise KeyError("missing")
asyncio.run(main())
)PY");
  ASSERT_TRUE(r.result.error);
  EXPECT_EQ(error_of(r), "KeyError: 'missing'");
  EXPECT_EQ(r.result.error->line, 5u);
}

TEST(Asyncio, ToThreadRunsBesideTheLoop) {
  Trace r = run(R"PY(
import asyncio
import threading
import time
def blocking(delay):
    time.sleep(delay)
    return threading.current_thread().name
async def ticker(ticks):
    for _ in range(3):
        await asyncio.sleep(0.1)
        ticks.append(1)
async def main():
    ticks = []
    t = asyncio.create_task(ticker(ticks))
    print(await asyncio.gather(asyncio.to_thread(blocking, 0.35), asyncio.to_thread(blocking, 0.25)), len(ticks))
    await t
asyncio.run(main())
)PY");
  EXPECT_EQ(error_of(r), "");
  EXPECT_EQ(r.result.output, "['asyncio_0', 'asyncio_1'] 3\n");
  EXPECT_NEAR(r.result.elapsed, 0.35, 0.02);
}

// A run is a pure function of the program: repeated, or advanced in slices of any size.
TEST(Asyncio, RunsAreDeterministic) {
  Trace a = run(kNetwork);
  for (uint64_t budget : {uint64_t{100'000}, uint64_t{1}, uint64_t{7}, uint64_t{1'000'000'000}}) {
    Trace b = run(kNetwork, {}, budget);
    EXPECT_EQ(b.result.output, a.result.output) << "budget " << budget;
    ASSERT_EQ(a.events.size(), b.events.size()) << "budget " << budget;
    for (size_t i = 0; i < a.events.size(); ++i) {
      const EventRecord& x = a.events[i];
      const EventRecord& y = b.events[i];
      ASSERT_TRUE(x.time == y.time && x.value == y.value && x.task == y.task && x.kind == y.kind &&
                  x.flags == y.flags && x.line == y.line && a.text(x) == b.text(y))
          << "event " << i << " differs with budget " << budget;
    }
  }
}

}  // namespace
}  // namespace interleave
