#include "vm/vm.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "lang/compiler.h"
#include "lang/parser.h"
#include "sim/simulation.h"
#include "vm/random.h"
#include "vm/task.h"

namespace interleave {
namespace {

// ---- running whole programs through the Simulation facade ----

RunResult run(const std::string& src, RunOptions options = {}) {
  Simulation sim(std::move(options));
  sim.load(src);
  return sim.run();
}

std::string output_of(const std::string& src) {
  RunResult r = run(src);
  EXPECT_FALSE(r.error.has_value()) << (r.error ? r.error->traceback : "");
  return r.output;
}

TEST(VmPrograms, ArithmeticAndCalls) {
  EXPECT_EQ(output_of("def f(a, b=2):\n    return a * b + 1\nprint(f(3), f(4, b=5), 7 // 2, -7 % 3, 2 ** 10)\n"),
            "7 21 3 2 1024\n");
}

TEST(VmPrograms, ClosuresAndNonlocal) {
  EXPECT_EQ(output_of("def counter():\n"
                      "    n = 0\n"
                      "    def inc(k=1):\n"
                      "        nonlocal n\n"
                      "        n += k\n"
                      "        return n\n"
                      "    return inc\n"
                      "c = counter()\n"
                      "c(); c(5)\n"
                      "print(c(), [f() for f in [lambda i=i: i * i for i in range(4)]])\n"),
            "7 [0, 1, 4, 9]\n");
}

TEST(VmPrograms, ClassesSuperPropertiesAndMro) {
  EXPECT_EQ(output_of("class A:\n"
                      "    def who(self): return 'A'\n"
                      "class B(A):\n"
                      "    def who(self): return 'B' + super().who()\n"
                      "class C(A):\n"
                      "    def who(self): return 'C' + super().who()\n"
                      "class D(B, C):\n"
                      "    def __init__(self, v):\n"
                      "        self._v = v\n"
                      "    def who(self): return 'D' + super().who()\n"
                      "    @property\n"
                      "    def v(self): return self._v * 2\n"
                      "    @v.setter\n"
                      "    def v(self, x): self._v = x\n"
                      "    @classmethod\n"
                      "    def make(cls): return cls(1)\n"
                      "    @staticmethod\n"
                      "    def s(): return 's'\n"
                      "d = D.make()\n"
                      "d.v = 21\n"
                      "print(d.who(), d.v, D.s(), [k.__name__ for k in D.__mro__])\n"),
            "DBCA 42 s ['D', 'B', 'C', 'A', 'object']\n");
}

TEST(VmPrograms, GeneratorsSendYieldFromAndClose) {
  EXPECT_EQ(output_of("def inner():\n"
                      "    a = yield 'a'\n"
                      "    b = yield 'b'\n"
                      "    return a + b\n"
                      "def outer():\n"
                      "    x = yield from inner()\n"
                      "    yield x\n"
                      "g = outer()\n"
                      "print(next(g), g.send(1), g.send(2))\n"
                      "def fin():\n"
                      "    try:\n"
                      "        yield 1\n"
                      "    finally:\n"
                      "        print('closed')\n"
                      "f = fin()\n"
                      "next(f)\n"
                      "f.close()\n"
                      "print(sum(i * i for i in range(5)), list(zip('xy', outer())))\n"),
            "a b 3\nclosed\n30 [('x', 'a'), ('y', 'b')]\n");
}

TEST(VmPrograms, TryFinallyControlFlow) {
  EXPECT_EQ(output_of("def f():\n"
                      "    for i in range(3):\n"
                      "        try:\n"
                      "            return i\n"
                      "        finally:\n"
                      "            if i == 0:\n"
                      "                continue\n"
                      "    return 'end'\n"
                      "def g():\n"
                      "    try:\n"
                      "        raise ValueError('x')\n"
                      "    finally:\n"
                      "        return 'swallowed'\n"
                      "def h():\n"
                      "    try:\n"
                      "        try:\n"
                      "            raise KeyError('a')\n"
                      "        except KeyError:\n"
                      "            raise TypeError('b')\n"
                      "    except TypeError as e:\n"
                      "        return repr(e.__context__)\n"
                      "print(f(), g(), h())\n"),
            "1 swallowed KeyError('a')\n");
}

TEST(VmPrograms, WithStatementsCallExitOnEveryPath) {
  EXPECT_EQ(output_of("class Ctx:\n"
                      "    def __init__(self, n): self.n = n\n"
                      "    def __enter__(self):\n"
                      "        print('enter', self.n)\n"
                      "        return self.n\n"
                      "    def __exit__(self, t, e, tb):\n"
                      "        print('exit', self.n, t.__name__ if t else None)\n"
                      "        return t is KeyError\n"
                      "for i in range(2):\n"
                      "    with Ctx(i) as a, Ctx(i + 10) as b:\n"
                      "        if i == 0:\n"
                      "            continue\n"
                      "        raise KeyError('k')\n"
                      "print('done')\n"),
            "enter 0\nenter 10\nexit 10 None\nexit 0 None\nenter 1\nenter 11\nexit 11 KeyError\nexit 1 None\ndone\n");
}

TEST(VmPrograms, UnpackingAndStarredCalls) {
  EXPECT_EQ(output_of("a, *b, c = range(6)\n"
                      "(p, q), r = (1, 2), 3\n"
                      "def kw(*args, **kwargs): return args, kwargs\n"
                      "print(a, b, c, p, q, r, kw(1, *[2, 3], x=1, **{'y': 2}))\n"),
            "0 [1, 2, 3, 4] 5 1 2 3 ((1, 2, 3), {'x': 1, 'y': 2})\n");
}

TEST(VmPrograms, MainGuardAndModules) {
  EXPECT_EQ(output_of("import math\nfrom math import sqrt as s\n"
                      "if __name__ == '__main__':\n    print(s(16), math.floor(2.5))\n"),
            "4.0 2\n");
}

TEST(VmPrograms, AsyncGeneratorsAndComprehensionsWithoutALoop) {
  EXPECT_EQ(output_of("async def agen(n):\n"
                      "    for i in range(n):\n"
                      "        yield i\n"
                      "async def sq(x):\n"
                      "    return x * x\n"
                      "async def main():\n"
                      "    a = [x async for x in agen(4) if x % 2]\n"
                      "    b = {x: await sq(x) for x in range(3)}\n"
                      "    g = agen(1)\n"
                      "    first = await g.__anext__()\n"
                      "    try:\n"
                      "        await g.__anext__()\n"
                      "    except StopAsyncIteration:\n"
                      "        first += 100\n"
                      "    async for v in agen(2):\n"
                      "        first += v\n"
                      "    return a, b, first\n"
                      "c = main()\n"
                      "try:\n"
                      "    c.send(None)\n"
                      "except StopIteration as e:\n"
                      "    print(e.value)\n"),
            "([1, 3], {0: 0, 1: 1, 2: 4}, 101)\n");
}

TEST(VmPrograms, ExceptionGroups) {
  EXPECT_EQ(output_of("eg = BaseExceptionGroup('m', [ValueError(1), KeyError('k')])\n"
                      "print(type(eg).__name__, eg, len(eg.exceptions), isinstance(eg, Exception))\n"
                      "try:\n"
                      "    raise eg\n"
                      "except ExceptionGroup as e:\n"
                      "    print(repr(e.exceptions[0]))\n"),
            "ExceptionGroup m (2 sub-exceptions) 2 True\nValueError(1)\n");
}

// ---- errors and tracebacks ----

// The boxed form is CPython 3.11's output for the same program, byte for byte.
TEST(VmErrors, UncaughtExceptionGroupIsBoxedAsInCPython) {
  RunResult r =
      run("def f():\n"
          "    raise ExceptionGroup(\"eg\", [ValueError(1), TypeError(\"two\")])\n"
          "try:\n"
          "    f()\n"
          "except* ValueError:\n"
          "    pass\n");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->traceback,
            "  + Exception Group Traceback (most recent call last):\n"
            "  |   File \"main.py\", line 4, in <module>\n"
            "  |     f()\n"
            "  |   File \"main.py\", line 2, in f\n"
            "  |     raise ExceptionGroup(\"eg\", [ValueError(1), TypeError(\"two\")])\n"
            "  | ExceptionGroup: eg (1 sub-exception)\n"
            "  +-+---------------- 1 ----------------\n"
            "    | TypeError: two\n"
            "    +------------------------------------\n");
}

TEST(VmErrors, TracebackTextMatchesCPython) {
  RunResult r =
      run("def helper():\n"
          "    pass\n"
          "\n"
          "def main():\n"
          "    x = 0\n"
          "    return 1 / x\n"
          "\n"
          "\n"
          "main()\n");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->type, "ZeroDivisionError");
  EXPECT_EQ(r.error->message, "division by zero");
  EXPECT_EQ(r.error->line, 6u);
  EXPECT_EQ(r.error->traceback,
            "Traceback (most recent call last):\n"
            "  File \"main.py\", line 9, in <module>\n"
            "    main()\n"
            "  File \"main.py\", line 6, in main\n"
            "    return 1 / x\n"
            "ZeroDivisionError: division by zero\n");
}

TEST(VmErrors, ChainedExceptionsPrintBothTracebacks) {
  RunResult r =
      run("try:\n"
          "    {}['k']\n"
          "except KeyError:\n"
          "    raise ValueError('bad')\n");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->traceback,
            "Traceback (most recent call last):\n"
            "  File \"main.py\", line 2, in <module>\n"
            "    {}['k']\n"
            "KeyError: 'k'\n"
            "\n"
            "During handling of the above exception, another exception occurred:\n"
            "\n"
            "Traceback (most recent call last):\n"
            "  File \"main.py\", line 4, in <module>\n"
            "    raise ValueError('bad')\n"
            "ValueError: bad\n");
  RunResult c =
      run("class E(Exception): pass\n"
          "def f():\n"
          "    raise E('custom') from KeyError('k')\n"
          "f()\n");
  ASSERT_TRUE(c.error);
  EXPECT_EQ(c.error->traceback,
            "KeyError: 'k'\n"
            "\n"
            "The above exception was the direct cause of the following exception:\n"
            "\n"
            "Traceback (most recent call last):\n"
            "  File \"main.py\", line 4, in <module>\n"
            "    f()\n"
            "  File \"main.py\", line 3, in f\n"
            "    raise E('custom') from KeyError('k')\n"
            "E: custom\n");
}

TEST(VmErrors, ReraiseKeepsOriginalTraceback) {
  RunResult r =
      run("def f():\n"
          "    try:\n"
          "        1 / 0\n"
          "    except ZeroDivisionError:\n"
          "        raise\n"
          "f()\n");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->line, 3u);
  EXPECT_EQ(r.error->traceback,
            "Traceback (most recent call last):\n"
            "  File \"main.py\", line 6, in <module>\n"
            "    f()\n"
            "  File \"main.py\", line 3, in f\n"
            "    1 / 0\n"
            "ZeroDivisionError: division by zero\n");
}

TEST(VmErrors, NameAndUnboundLocalWording) {
  RunResult a = run("print(undefined_name)\n");
  ASSERT_TRUE(a.error);
  EXPECT_EQ(a.error->type, "NameError");
  EXPECT_EQ(a.error->message, "name 'undefined_name' is not defined");
  RunResult b = run("def f():\n    print(x)\n    x = 1\nf()\n");
  ASSERT_TRUE(b.error);
  EXPECT_EQ(b.error->type, "UnboundLocalError");
  EXPECT_EQ(b.error->message, "cannot access local variable 'x' where it is not associated with a value");
  EXPECT_EQ(b.error->line, 2u);
}

TEST(VmErrors, ArgumentBindingErrors) {
  EXPECT_EQ(output_of("def f(a, b, /, c, *, d=4): pass\n"
                      "for call in (lambda: f(1), lambda: f(1, 2, 3, 4), lambda: f(1, 2, 3, e=1),\n"
                      "             lambda: f(1, 2, c=3, c2=1), lambda: f(1, b=2, c=3)):\n"
                      "    try:\n"
                      "        call()\n"
                      "    except TypeError as e:\n"
                      "        print(e)\n"),
            "f() missing 2 required positional arguments: 'b' and 'c'\n"
            "f() takes 3 positional arguments but 4 were given\n"
            "f() got an unexpected keyword argument 'e'\n"
            "f() got an unexpected keyword argument 'c2'\n"
            "f() got some positional-only arguments passed as keyword arguments: 'b'\n");
}

TEST(VmErrors, UnknownModuleAndMissingName) {
  RunResult a = run("x = 1\nimport numpy\n");
  ASSERT_TRUE(a.error);
  EXPECT_EQ(a.error->type, "ModuleNotFoundError");
  EXPECT_EQ(a.error->message, "no module named 'numpy' in the playground");
  EXPECT_EQ(a.error->line, 2u);
  RunResult b = run("from math import nope\n");
  ASSERT_TRUE(b.error);
  EXPECT_EQ(b.error->type, "ImportError");
  EXPECT_EQ(b.error->message, "cannot import name 'nope' from 'math'");
}

TEST(VmLimits, StepLimitKeepsPartialOutput) {
  RunOptions o;
  o.step_limit = 1000;
  RunResult r = run("print('starting')\nn = 0\nwhile True:\n    n += 1\n", o);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->type, "StepLimitError");
  EXPECT_EQ(r.error->message, "stopped after 1000 steps (raise the limit with --step-limit)");
  EXPECT_EQ(r.output, "starting\n");
  EXPECT_EQ(r.steps, 1000u);
  EXPECT_TRUE(r.finished);
}

TEST(VmLimits, StepLimitInsideNestedCallCannotBeCaught) {
  RunOptions o;
  o.step_limit = 5000;
  RunResult r =
      run("def key(x):\n"
          "    while True:\n"
          "        pass\n"
          "try:\n"
          "    sorted([1, 2], key=key)\n"
          "except BaseException:\n"
          "    print('caught')\n",
          o);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->type, "StepLimitError");
  EXPECT_EQ(r.output, "");
}

TEST(VmLimits, RecursionErrorCollapsesRepeatedLines) {
  RunResult r = run("def rec(n):\n    return rec(n + 1)\nrec(0)\n");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->type, "RecursionError");
  EXPECT_EQ(r.error->message, "maximum recursion depth exceeded");
  EXPECT_EQ(r.error->line, 2u);
  EXPECT_NE(r.error->traceback.find("  [Previous line repeated "), std::string::npos);
  EXPECT_LT(r.error->traceback.size(), 1000u);
}

TEST(VmLimits, RecursionIsCatchable) {
  EXPECT_EQ(output_of("def rec(n):\n    return rec(n + 1)\n"
                      "try:\n    rec(0)\nexcept RecursionError as e:\n    print('caught', e)\n"
                      "print(rec.__name__)\n"),
            "caught maximum recursion depth exceeded\nrec\n");
}

TEST(VmLimits, NativeNestingIsBounded) {
  RunResult r = run("def f(n):\n    return sorted([1, 2], key=lambda x: f(n + 1))\nf(0)\n");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->type, "RecursionError");
}

TEST(VmLimits, MemoryLimitRaisesMemoryError) {
  RunOptions o;
  o.memory_limit = 16u << 20;
  RunResult r =
      run("chunk = 'x' * 1000\ndata = []\ni = 0\nwhile True:\n    data.append(chunk + str(i))\n    i += 1\n", o);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->type, "MemoryError");
  EXPECT_NE(r.error->message.find("memory limit (16 MB)"), std::string::npos);
}

TEST(VmLimits, GarbageIsCollected) {
  RunOptions o;
  o.memory_limit = 32u << 20;
  o.step_limit = 50'000'000;
  RunResult r =
      run("class Node:\n"
          "    def __init__(self, v, nxt): self.v = v; self.nxt = nxt\n"
          "keep = None\n"
          "for i in range(300000):\n"
          "    tmp = [str(i)] * 10\n"
          "    keep = Node(i, keep if i % 1000 else None)\n"
          "n = 0\n"
          "while keep:\n"
          "    n += 1\n"
          "    keep = keep.nxt\n"
          "print(n)\n",
          o);
  EXPECT_FALSE(r.error) << r.error->traceback;
  EXPECT_EQ(r.output, "1000\n");
}

// ---- driving tasks directly ----

class TestContext : public SimContext {
 public:
  double now() const override { return 0.0; }
  void write(Task*, std::string_view text, uint32_t) override { out.append(text); }
  void sleep(Task*, double, uint32_t) override {}
  void cpu(Task*, double, uint32_t) override {}
  MersenneTwister& random() override { return mt; }
  std::string out;
  MersenneTwister mt;
};

// Harness owns a VM with one program loaded; the program outlives the VM.
struct Harness {
  TestContext ctx;
  std::unique_ptr<Program> program;
  VM vm{ctx};
  Task* main = nullptr;

  explicit Harness(const std::string& src) {
    ParseResult parsed = parse(src);
    EXPECT_FALSE(parsed.error);
    CompileResult compiled = compile(*parsed.module);
    EXPECT_FALSE(compiled.error);
    program = std::move(compiled.program);
    vm.configure(VmConfig{});
    main = vm.start_main(*program);
  }
  RunStatus finish(Task* t) {
    RunStatus s;
    do {
      s = vm.run_task(t, 1u << 30);
    } while (s == RunStatus::Budget);
    return s;
  }
  Value global(const char* name) {
    Value out;
    EXPECT_TRUE(vm.get_attr(Value::object(vm.main_module()), vm.intern(name), out));
    return out;
  }
  std::vector<std::string> log() {
    std::vector<std::string> out;
    Value l = global("log");
    for (Value v : static_cast<List*>(l.o)->items) out.push_back(static_cast<Str*>(v.o)->s);
    return out;
  }
};

constexpr const char* kWorkers =
    "log = []\n"
    "def worker(name, n):\n"
    "    for i in range(n):\n"
    "        log.append(name + str(i))\n"
    "    return n\n";

struct Spec {
  const char* name;
  int n;
};

// own_steps runs one worker alone, one instruction at a time, and returns the 1-based
// step counts (of that task alone) after which each append became visible.
std::vector<uint64_t> own_steps(const Spec& spec) {
  Harness h(kWorkers);
  EXPECT_EQ(h.finish(h.main), RunStatus::Finished);
  Task* t = h.vm.spawn_task(spec.name, h.global("worker"), {h.vm.str_value(spec.name), Value::integer(spec.n)}, 0);
  std::vector<uint64_t> at;
  uint64_t steps = 0;
  size_t seen = 0;
  for (;;) {
    uint64_t before = h.vm.steps();
    RunStatus s = h.vm.run_task(t, 1);
    steps += h.vm.steps() - before;
    size_t now = h.log().size();
    if (now > seen) {
      at.push_back(steps);
      seen = now;
    }
    if (s != RunStatus::Budget) {
      EXPECT_EQ(s, RunStatus::Finished);
      break;
    }
  }
  return at;
}

void check_round_robin(uint64_t k) {
  const std::vector<Spec> specs = {{"a", 5}, {"b", 3}, {"c", 7}};
  std::vector<std::tuple<uint64_t, size_t, uint64_t, std::string>> expected;
  for (size_t j = 0; j < specs.size(); ++j) {
    std::vector<uint64_t> at = own_steps(specs[j]);
    ASSERT_EQ(at.size(), static_cast<size_t>(specs[j].n));
    for (size_t i = 0; i < at.size(); ++i) {
      expected.emplace_back((at[i] - 1) / k, j, at[i], std::string(specs[j].name) + std::to_string(i));
    }
  }
  std::sort(expected.begin(), expected.end());

  Harness h(kWorkers);
  ASSERT_EQ(h.finish(h.main), RunStatus::Finished);
  std::vector<Task*> tasks;
  for (const Spec& s : specs) {
    tasks.push_back(h.vm.spawn_task(s.name, h.global("worker"), {h.vm.str_value(s.name), Value::integer(s.n)}, 0));
  }
  bool any = true;
  while (any) {
    any = false;
    for (Task* t : tasks) {
      if (t->state == TaskState::Finished) continue;
      uint64_t before = h.vm.steps();
      RunStatus s = h.vm.run_task(t, k);
      uint64_t used = h.vm.steps() - before;
      if (s == RunStatus::Budget) {
        EXPECT_EQ(used, k);
        any = true;
      } else {
        EXPECT_EQ(s, RunStatus::Finished);
        EXPECT_LE(used, k);
      }
    }
  }
  std::vector<std::string> want;
  for (const auto& e : expected) want.push_back(std::get<3>(e));
  EXPECT_EQ(h.log(), want) << "budget " << k;
  for (size_t j = 0; j < tasks.size(); ++j) {
    EXPECT_TRUE(tasks[j]->result.is_int());
    EXPECT_EQ(tasks[j]->result.i, specs[j].n);
    EXPECT_EQ(h.vm.run_task(tasks[j], 10), RunStatus::Finished);
  }
}

TEST(VmTasks, RoundRobinInterleavingMatchesSchedule) {
  for (uint64_t k : {1u, 2u, 3u, 7u, 10u, 1000u}) check_round_robin(k);
}

// A program exercising frames, generators, handlers and classes gives the same output
// when run one instruction at a time as in one go.
constexpr const char* kStackless =
    "class Acc:\n"
    "    def __init__(self, start):\n"
    "        self.total = start\n"
    "    def __enter__(self): return self\n"
    "    def __exit__(self, *a): print('exit'); return False\n"
    "    @property\n"
    "    def doubled(self): return self.total * 2\n"
    "def gen(n):\n"
    "    for i in range(n):\n"
    "        try:\n"
    "            yield i\n"
    "        finally:\n"
    "            pass\n"
    "def risky(x):\n"
    "    if x % 3 == 0:\n"
    "        raise ValueError(x)\n"
    "    return x\n"
    "with Acc(1) as acc:\n"
    "    for v in gen(10):\n"
    "        try:\n"
    "            acc.total += risky(v)\n"
    "        except ValueError as e:\n"
    "            print('skip', e)\n"
    "print(acc.total, acc.doubled, sorted([3, 1, 2], key=lambda q: -q))\n";

TEST(VmTasks, ResumingAfterEveryInstruction) {
  Harness whole(kStackless);
  ASSERT_EQ(whole.finish(whole.main), RunStatus::Finished);
  Harness stepped(kStackless);
  RunStatus s;
  uint64_t calls = 0;
  do {
    s = stepped.vm.run_task(stepped.main, 1);
    ++calls;
  } while (s == RunStatus::Budget);
  EXPECT_EQ(s, RunStatus::Finished);
  EXPECT_EQ(stepped.ctx.out, whole.ctx.out);
  EXPECT_EQ(stepped.vm.steps(), whole.vm.steps());
  EXPECT_GT(calls, whole.vm.steps() / 2);
  EXPECT_EQ(whole.ctx.out, "skip 0\nskip 3\nskip 6\nskip 9\nexit\n28 56 [3, 2, 1]\n");
}

TEST(VmTasks, UncaughtErrorEndsTheTask) {
  Harness h("def boom():\n    raise KeyError('x')\n");
  ASSERT_EQ(h.finish(h.main), RunStatus::Finished);
  Task* t = h.vm.spawn_task("T", h.global("boom"), {}, 0);
  EXPECT_EQ(h.finish(t), RunStatus::Error);
  EXPECT_TRUE(h.vm.isinstance(t->exception, h.vm.types().key_error));
  EXPECT_EQ(h.vm.exception_data(t->exception)->traceback_innermost_first.front().line, 2u);
  EXPECT_EQ(h.vm.run_task(t, 5), RunStatus::Error);
}

TEST(VmTasks, NativeCallRunsNestedLoop) {
  Harness h("def square(x):\n    return x * x\n");
  ASSERT_EQ(h.finish(h.main), RunStatus::Finished);
  Value out;
  ASSERT_TRUE(h.vm.call(h.global("square"), {Value::integer(12)}, out));
  EXPECT_TRUE(out.is_int());
  EXPECT_EQ(out.i, 144);
}

TEST(VmDeterminism, SameProgramSameEvents) {
  const std::string src =
      "import random, time\n"
      "random.seed(3)\n"
      "class P:\n"
      "    def __init__(self): self.v = random.random()\n"
      "ps = [P() for _ in range(50)]\n"
      "s = {p: i for i, p in enumerate(ps)}\n"
      "time.sleep(0.1)\n"
      "print(sorted(s.values())[:5], len({id(p) for p in ps}))\n";
  auto collect = [&]() {
    Simulation sim;
    sim.load(src);
    std::vector<std::tuple<double, double, uint32_t, uint16_t, uint16_t, uint32_t, std::string>> ev;
    while (true) {
      bool more = sim.advance(37);
      for (const EventRecord& e : sim.events()) {
        ev.emplace_back(e.time, e.value, e.task, e.kind, e.flags, e.line, e.ref == kNoRef ? "" : sim.strings()[e.ref]);
      }
      sim.clear_events();
      if (!more) break;
    }
    return std::make_pair(ev, sim.result().output);
  };
  auto a = collect();
  auto b = collect();
  EXPECT_EQ(a.first, b.first);
  EXPECT_EQ(a.second, b.second);
  EXPECT_FALSE(a.first.empty());
}

}  // namespace
}  // namespace interleave
