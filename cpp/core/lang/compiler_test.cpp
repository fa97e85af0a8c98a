#include "lang/compiler.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "lang/disassembler.h"
#include "lang/parser.h"

namespace interleave {
namespace {

// Compiled keeps the AST alive next to the program compiled from it.
struct Compiled {
  std::unique_ptr<Program> program;
  std::optional<CompileError> error;
};

Compiled compile_source(const std::string& src) {
  ParseResult parsed = parse(src);
  if (parsed.error) return {nullptr, parsed.error};
  CompileResult r = compile(*parsed.module, "main.py");
  return {std::move(r.program), r.error};
}

const Code& main_code(const Compiled& c) { return *c.program->main; }

// find_code returns the nested code object named name (depth-first).
const Code* find_code(const Code& code, const std::string& name) {
  if (code.name == name) return &code;
  for (const auto& c : code.consts) {
    if (c.kind == ConstValue::Kind::Code) {
      if (const Code* found = find_code(*c.code, name)) return found;
    }
  }
  return nullptr;
}

std::vector<OpCode> ops_of(const Code& code) {
  std::vector<OpCode> out;
  for (uint32_t w : code.code) out.push_back(instr_op(w));
  return out;
}

bool has_op(const Code& code, OpCode op) {
  for (uint32_t w : code.code)
    if (instr_op(w) == op) return true;
  return false;
}

CompileError error_of(const std::string& src) {
  Compiled c = compile_source(src);
  EXPECT_TRUE(c.error.has_value()) << src;
  return c.error.value_or(CompileError{});
}

TEST(Compiler, AssignmentDisassembly) {
  Compiled c = compile_source("x = 1 + y\n");
  ASSERT_FALSE(c.error);
  std::string dis = disassemble(main_code(c), false);
  EXPECT_EQ(dis,
            "Disassembly of <module>:\n"
            "   1        0 LOAD_CONST              0 (1)\n"
            "            1 LOAD_GLOBAL             0 (y)\n"
            "            2 BINARY_ADD\n"
            "            3 STORE_GLOBAL            1 (x)\n"
            "            4 LOAD_CONST              1 (None)\n"
            "            5 RETURN_VALUE\n");
}

// A literal case compiles to a compare and a jump, as in CPython 3.11: no call per case.
TEST(Compiler, MatchCompilesToStraightLineJumps) {
  Compiled c = compile_source(
      "def f(s):\n    match s:\n        case 1 | 2:\n            return 'a'\n        case _:\n            return 'b'\n");
  ASSERT_FALSE(c.error);
  const Code* f = find_code(main_code(c), "f");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(
      ops_of(*f),
      (std::vector<OpCode>{
          OpCode::LOAD_FAST,    OpCode::COPY,        OpCode::LOAD_CONST, OpCode::COMPARE_EQ, OpCode::POP_JUMP_IF_FALSE,
          OpCode::JUMP,         OpCode::COPY,        OpCode::LOAD_CONST, OpCode::COMPARE_EQ, OpCode::POP_JUMP_IF_FALSE,
          OpCode::JUMP,         OpCode::POP_TOP,     OpCode::JUMP,       OpCode::POP_TOP,    OpCode::LOAD_CONST,
          OpCode::RETURN_VALUE, OpCode::JUMP,        OpCode::NOP,        OpCode::LOAD_CONST, OpCode::RETURN_VALUE,
          OpCode::LOAD_CONST,   OpCode::RETURN_VALUE}));
  Compiled k = compile_source(
      "match p:\n    case Point(x, y=[a, *_]):\n        pass\n    case {'k': v, **rest}:\n        pass\n");
  ASSERT_FALSE(k.error);
  EXPECT_TRUE(has_op(main_code(k), OpCode::MATCH_CLASS));
  EXPECT_TRUE(has_op(main_code(k), OpCode::MATCH_SEQUENCE));
  EXPECT_TRUE(has_op(main_code(k), OpCode::MATCH_KEYS));
  EXPECT_FALSE(has_op(main_code(k), OpCode::CALL));
}

TEST(Compiler, MatchAndExceptStarErrorsAreCPythons) {
  EXPECT_EQ(error_of("match x:\n    case y:\n        pass\n    case 1:\n        pass\n").message,
            "name capture 'y' makes remaining patterns unreachable");
  EXPECT_EQ(error_of("match x:\n    case _:\n        pass\n    case 1:\n        pass\n").message,
            "wildcard makes remaining patterns unreachable");
  EXPECT_EQ(error_of("match x:\n    case [a] | (b,):\n        pass\n").message,
            "alternative patterns bind different names");
  EXPECT_EQ(error_of("match x:\n    case [a, {'k': a}]:\n        pass\n").message,
            "multiple assignments to name 'a' in pattern");
  CompileError e = error_of("def f():\n    try:\n        pass\n    except* E:\n        return 1\n");
  EXPECT_EQ(e.message, "'break', 'continue' and 'return' cannot appear in an except* block");
  EXPECT_EQ(e.line, 5u);
  EXPECT_FALSE(compile_source("try:\n    pass\nexcept* E:\n    for i in x:\n        break\n").error);
}

TEST(Compiler, LocalsUseFastSlots) {
  Compiled c = compile_source("def f(a, b=2):\n    c = a + b\n    return c\n");
  ASSERT_FALSE(c.error);
  const Code* f = find_code(main_code(c), "f");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->argcount, 2u);
  EXPECT_EQ(f->varnames, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(ops_of(*f), (std::vector<OpCode>{OpCode::LOAD_FAST, OpCode::LOAD_FAST, OpCode::BINARY_ADD,
                                             OpCode::STORE_FAST, OpCode::LOAD_FAST_CHECK, OpCode::RETURN_VALUE}));
  EXPECT_TRUE(has_op(main_code(c), OpCode::MAKE_FUNCTION));
}

TEST(Compiler, ClosuresUseCells) {
  Compiled c = compile_source(
      "def outer():\n"
      "    n = 0\n"
      "    def inc():\n"
      "        nonlocal n\n"
      "        n += 1\n"
      "        return n\n"
      "    return inc\n");
  ASSERT_FALSE(c.error);
  const Code* outer = find_code(main_code(c), "outer");
  const Code* inc = find_code(main_code(c), "inc");
  ASSERT_TRUE(outer && inc);
  EXPECT_EQ(outer->cellvars, (std::vector<std::string>{"n"}));
  EXPECT_TRUE(outer->varnames.empty() || outer->varnames[0] != "n");
  EXPECT_EQ(inc->freevars, (std::vector<std::string>{"n"}));
  EXPECT_EQ(inc->qualname, "outer.<locals>.inc");
  EXPECT_TRUE(has_op(*outer, OpCode::LOAD_CLOSURE));
  EXPECT_TRUE(has_op(*inc, OpCode::LOAD_DEREF));
  EXPECT_TRUE(has_op(*inc, OpCode::STORE_DEREF));
}

TEST(Compiler, ParameterCapturedByClosure) {
  Compiled c = compile_source("def f(x):\n    return lambda: x\n");
  ASSERT_FALSE(c.error);
  const Code* f = find_code(main_code(c), "f");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->cellvars, (std::vector<std::string>{"x"}));
  EXPECT_EQ(f->cell2arg, (std::vector<int32_t>{0}));
}

TEST(Compiler, GlobalDeclarationUsesGlobalOps) {
  Compiled c = compile_source("count = 0\ndef bump():\n    global count\n    count += 1\n");
  ASSERT_FALSE(c.error);
  const Code* bump = find_code(main_code(c), "bump");
  ASSERT_TRUE(bump);
  EXPECT_TRUE(has_op(*bump, OpCode::LOAD_GLOBAL));
  EXPECT_TRUE(has_op(*bump, OpCode::STORE_GLOBAL));
  EXPECT_FALSE(has_op(*bump, OpCode::STORE_FAST));
}

TEST(Compiler, ClassBodyUsesNamesAndSuperMakesClassCell) {
  Compiled c = compile_source(
      "class A:\n"
      "    x = 1\n"
      "    def f(self):\n"
      "        return super().f()\n");
  ASSERT_FALSE(c.error);
  const Code* body = find_code(main_code(c), "A");
  const Code* f = find_code(main_code(c), "f");
  ASSERT_TRUE(body && f);
  EXPECT_TRUE(body->flags & kCodeClassBody);
  EXPECT_TRUE(has_op(*body, OpCode::STORE_NAME));
  EXPECT_EQ(body->cellvars, (std::vector<std::string>{"__class__"}));
  EXPECT_EQ(f->freevars, (std::vector<std::string>{"__class__"}));
  EXPECT_EQ(f->qualname, "A.f");
  EXPECT_TRUE(has_op(main_code(c), OpCode::CALL_CLASS_BODY));
  EXPECT_TRUE(has_op(main_code(c), OpCode::BUILD_CLASS));
}

TEST(Compiler, ComprehensionIsItsOwnScope) {
  Compiled c = compile_source("def f(xs):\n    return [x * 2 for x in xs if x]\n");
  ASSERT_FALSE(c.error);
  const Code* comp = find_code(main_code(c), "<listcomp>");
  ASSERT_TRUE(comp);
  EXPECT_EQ(comp->argcount, 1u);
  EXPECT_EQ(comp->varnames[0], ".0");
  EXPECT_EQ(comp->qualname, "f.<locals>.<listcomp>");
  EXPECT_TRUE(has_op(*comp, OpCode::LIST_APPEND));
  EXPECT_TRUE(has_op(*comp, OpCode::FOR_ITER));
}

TEST(Compiler, WalrusInComprehensionBindsEnclosingFunction) {
  Compiled c = compile_source("def f(xs):\n    r = [y for x in xs if (y := x)]\n    return y\n");
  ASSERT_FALSE(c.error);
  const Code* f = find_code(main_code(c), "f");
  const Code* comp = find_code(main_code(c), "<listcomp>");
  ASSERT_TRUE(f && comp);
  EXPECT_EQ(f->cellvars, (std::vector<std::string>{"y"}));
  EXPECT_EQ(comp->freevars, (std::vector<std::string>{"y"}));
}

TEST(Compiler, GeneratorAndCoroutineFlags) {
  Compiled c = compile_source(
      "def g():\n    yield 1\n"
      "async def co():\n    await g()\n"
      "h = (i for i in range(3))\n");
  ASSERT_FALSE(c.error);
  EXPECT_TRUE(find_code(main_code(c), "g")->flags & kCodeGenerator);
  EXPECT_TRUE(find_code(main_code(c), "co")->flags & kCodeCoroutine);
  EXPECT_TRUE(find_code(main_code(c), "<genexpr>")->flags & kCodeGenerator);
  EXPECT_TRUE(has_op(*find_code(main_code(c), "co"), OpCode::GET_AWAITABLE));
}

TEST(Compiler, AsyncComprehensionsAreAwaitedCoroutines) {
  Compiled c = compile_source(
      "async def f(xs):\n"
      "    return [x async for x in xs], (y async for y in xs)\n"
      "async def g():\n"
      "    yield 1\n");
  ASSERT_FALSE(c.error);
  const Code* f = find_code(main_code(c), "f");
  const Code* comp = find_code(main_code(c), "<listcomp>");
  const Code* gen = find_code(main_code(c), "<genexpr>");
  const Code* g = find_code(main_code(c), "g");
  ASSERT_TRUE(f && comp && gen && g);
  EXPECT_TRUE(comp->flags & kCodeCoroutine);
  EXPECT_TRUE(gen->flags & kCodeAsyncGenerator);
  EXPECT_TRUE(g->flags & kCodeAsyncGenerator);
  EXPECT_TRUE(has_op(*comp, OpCode::GET_ANEXT));
  EXPECT_TRUE(has_op(*comp, OpCode::END_ASYNC_FOR));
  EXPECT_TRUE(has_op(*f, OpCode::GET_AITER));
  EXPECT_TRUE(has_op(*f, OpCode::GET_AWAITABLE));
  EXPECT_TRUE(has_op(*g, OpCode::ASYNC_GEN_WRAP));
  EXPECT_TRUE(has_op(*gen, OpCode::ASYNC_GEN_WRAP));
}

TEST(Compiler, TryFinallyInlinesFinallyOnEachExit) {
  Compiled c = compile_source(
      "def f():\n"
      "    for i in range(3):\n"
      "        try:\n"
      "            if i:\n"
      "                return i\n"
      "        finally:\n"
      "            print('fin')\n");
  ASSERT_FALSE(c.error);
  const Code* f = find_code(main_code(c), "f");
  ASSERT_TRUE(f);
  int prints = 0;
  for (uint32_t w : f->code) {
    if (instr_op(w) == OpCode::LOAD_GLOBAL && f->names[instr_arg(w)] == "print") ++prints;
  }
  EXPECT_EQ(prints, 3);  // the return path, the normal path and the exception path
  EXPECT_TRUE(has_op(*f, OpCode::SETUP_FINALLY));
  EXPECT_TRUE(has_op(*f, OpCode::RERAISE));
}

TEST(Compiler, EveryInstructionHasALineAndLoopsMarkLineStarts) {
  Compiled c = compile_source("total = 0\nfor i in range(3):\n    total += i\nprint(total)\n");
  ASSERT_FALSE(c.error);
  const Code& m = main_code(c);
  ASSERT_EQ(m.code.size(), m.lines.size());
  for (uint32_t line : m.lines) EXPECT_GE(line, 1u);
  bool back_edge = false;
  for (uint32_t w : m.code) {
    if (instr_op(w) == OpCode::JUMP_BACKWARD) {
      back_edge = true;
      uint32_t target = instr_arg(w);
      EXPECT_EQ(instr_op(m.code[target]), OpCode::FOR_ITER);
      EXPECT_TRUE(m.code[target] & kLineStartBit);
      EXPECT_EQ(m.lines[target], 2u);
    }
  }
  EXPECT_TRUE(back_edge);
  EXPECT_TRUE(m.code[0] & kLineStartBit);
  EXPECT_GT(m.max_stack, 0u);
}

TEST(Compiler, FStringsUseFormatValueAndBuildString) {
  Compiled c = compile_source("x = 1\ns = f'a{x!r:>4}b{x}'\n");
  ASSERT_FALSE(c.error);
  EXPECT_TRUE(has_op(main_code(c), OpCode::FORMAT_VALUE));
  EXPECT_TRUE(has_op(main_code(c), OpCode::BUILD_STRING));
}

TEST(Compiler, MethodCallsUseLoadMethod) {
  Compiled c = compile_source("xs = []\nxs.append(1)\nxs.sort(reverse=True)\n");
  ASSERT_FALSE(c.error);
  EXPECT_TRUE(has_op(main_code(c), OpCode::LOAD_METHOD));
  EXPECT_TRUE(has_op(main_code(c), OpCode::CALL_METHOD));
  EXPECT_TRUE(has_op(main_code(c), OpCode::KW_NAMES));
}

TEST(Compiler, ErrorsHaveCPythonWordingAndLines) {
  struct Case {
    const char* src;
    const char* message;
    uint32_t line;
  };
  const Case cases[] = {
      {"x = 1\nreturn x\n", "'return' outside function", 2},
      {"class C:\n    return 1\n", "'return' outside function", 2},
      {"if True:\n    break\n", "'break' outside loop", 2},
      {"for x in y:\n    def g():\n        break\n", "'break' outside loop", 3},
      {"while 1:\n    pass\ncontinue\n", "'continue' not properly in loop", 3},
      {"def f():\n    await g()\n", "'await' outside async function", 2},
      {"await g()\n", "'await' outside function", 1},
      {"def f():\n    x = 1\n    def g():\n        nonlocal y\n", "no binding for nonlocal 'y' found", 4},
      {"nonlocal x\n", "nonlocal declaration not allowed at module level", 1},
      {"def f():\n    print(x)\n    global x\n", "name 'x' is used prior to global declaration", 3},
      {"def f():\n    x = 1\n    global x\n", "name 'x' is assigned to before global declaration", 3},
      {"def f(a, a):\n    pass\n", "duplicate argument 'a' in function definition", 1},
      {"yield 1\n", "'yield' outside function", 1},
      {"def f():\n    async with x:\n        pass\n", "'async with' outside async function", 2},
      {"a, *b, *c = x\n", "multiple starred expressions in assignment", 1},
      {"def f():\n    return [x async for x in y]\n", "asynchronous comprehension outside of an asynchronous function",
       2},
      {"def f():\n    return [await x for x in y]\n", "asynchronous comprehension outside of an asynchronous function",
       2},
  };
  for (const Case& k : cases) {
    CompileError e = error_of(k.src);
    EXPECT_EQ(e.type, "SyntaxError") << k.src;
    EXPECT_EQ(e.message, k.message) << k.src;
    EXPECT_EQ(e.line, k.line) << k.src;
  }
}

TEST(Compiler, BreakAndContinueThroughWithAndFinally) {
  Compiled c = compile_source(
      "for i in range(3):\n"
      "    with ctx() as c:\n"
      "        try:\n"
      "            continue\n"
      "        finally:\n"
      "            break\n");
  ASSERT_FALSE(c.error);
  EXPECT_TRUE(has_op(main_code(c), OpCode::BEFORE_WITH));
  EXPECT_TRUE(has_op(main_code(c), OpCode::SETUP_WITH));
  EXPECT_TRUE(has_op(main_code(c), OpCode::WITH_EXCEPT_START));
}

TEST(Compiler, StackDepthCoversDeepExpressions) {
  Compiled c = compile_source("x = [1, [2, [3, [4, [5, [6]]]]]]\n");
  ASSERT_FALSE(c.error);
  EXPECT_GE(main_code(c).max_stack, 6u);
}

}  // namespace
}  // namespace interleave
