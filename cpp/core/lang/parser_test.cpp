// Parser tests. The tables of valid programs and CPython-worded errors were produced
// with CPython 3.11's ast module, rendered in ast_dump's format, so every expectation
// is what CPython itself parses.
#include "lang/parser.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "lang/ast_dump.h"

namespace interleave {
namespace {

struct Case {
  const char* source;
  const char* expected;
};

std::string error_text(const CompileError& e) { return e.type + ": " + e.message + " @" + std::to_string(e.line); }

// P parses a program: its dump, or its error as "Type: message @line".
std::string P(std::string_view source, bool positions = false) {
  ParseResult r = parse(source);
  if (r.error) return error_text(*r.error);
  EXPECT_TRUE(r.module != nullptr);
  ast::DumpOptions options;
  options.positions = positions;
  return ast::dump(*r.module, options);
}

// E parses one expression statement and dumps just the expression.
std::string E(std::string_view source) {
  std::string out = P(source);
  if (out.rfind("(Expr ", 0) != 0) return out;
  return out.substr(6, out.size() - 7);
}

const Case kStatements[] = {
    {R"py(x = 1)py", R"py((Assign [(Name:Store x)] 1))py"},
    {R"py(a = b = c = 0)py", R"py((Assign [(Name:Store a) (Name:Store b) (Name:Store c)] 0))py"},
    {R"py(a, b = b, a)py", R"py((Assign [(Tuple:Store (Name:Store a) (Name:Store b))] (Tuple (Name b) (Name a))))py"},
    {R"py([a, *rest] = xs)py",
     R"py((Assign [(List:Store (Name:Store a) (Starred:Store (Name:Store rest)))] (Name xs)))py"},
    {R"py((a, b), c = d)py",
     R"py((Assign [(Tuple:Store (Tuple:Store (Name:Store a) (Name:Store b)) (Name:Store c))] (Name d)))py"},
    {R"py(*a, b = c)py", R"py((Assign [(Tuple:Store (Starred:Store (Name:Store a)) (Name:Store b))] (Name c)))py"},
    {R"py(x.y = 1)py", R"py((Assign [(Attribute:Store (Name x) y)] 1))py"},
    {R"py(x[0] = 1)py", R"py((Assign [(Subscript:Store (Name x) 0)] 1))py"},
    {R"py(x[1:2] = y)py", R"py((Assign [(Subscript:Store (Name x) (Slice 1 2 _))] (Name y)))py"},
    {R"py(a.b.c = d[e][f] = g)py",
     R"py((Assign [(Attribute:Store (Attribute (Name a) b) c) (Subscript:Store (Subscript (Name d) (Name e)) (Name f))] (Name g)))py"},
    {R"py(x += 1)py", R"py((AugAssign (Name:Store x) Add 1))py"},
    {R"py(x -= 1)py", R"py((AugAssign (Name:Store x) Sub 1))py"},
    {R"py(x *= 2)py", R"py((AugAssign (Name:Store x) Mult 2))py"},
    {R"py(x /= 2)py", R"py((AugAssign (Name:Store x) Div 2))py"},
    {R"py(x //= 2)py", R"py((AugAssign (Name:Store x) FloorDiv 2))py"},
    {R"py(x %= 2)py", R"py((AugAssign (Name:Store x) Mod 2))py"},
    {R"py(x **= 2)py", R"py((AugAssign (Name:Store x) Pow 2))py"},
    {R"py(x >>= 1)py", R"py((AugAssign (Name:Store x) RShift 1))py"},
    {R"py(x <<= 1)py", R"py((AugAssign (Name:Store x) LShift 1))py"},
    {R"py(x &= 1)py", R"py((AugAssign (Name:Store x) BitAnd 1))py"},
    {R"py(x |= 1)py", R"py((AugAssign (Name:Store x) BitOr 1))py"},
    {R"py(x ^= 1)py", R"py((AugAssign (Name:Store x) BitXor 1))py"},
    {R"py(x @= m)py", R"py((AugAssign (Name:Store x) MatMult (Name m)))py"},
    {R"py(a.b += 1)py", R"py((AugAssign (Attribute:Store (Name a) b) Add 1))py"},
    {R"py(a[0] -= 1)py", R"py((AugAssign (Subscript:Store (Name a) 0) Sub 1))py"},
    {R"py(x: int)py", R"py((AnnAssign (Name:Store x)))py"},
    {R"py(x: int = 5)py", R"py((AnnAssign (Name:Store x) 5))py"},
    {R"py(a.b: str = 's')py", R"py((AnnAssign (Attribute:Store (Name a) b) "s"))py"},
    {R"py(a[0]: int)py", R"py((AnnAssign (Subscript:Store (Name a) 0)))py"},
    {R"py((x): int = 1)py", R"py((AnnAssign (Name:Store x) 1))py"},
    {R"py(x: int = yield)py", R"py((AnnAssign (Name:Store x) (Yield)))py"},
    {R"py(def f(): pass)py", R"py((FunctionDef f (args) [(Pass)]))py"},
    {R"py(def f(a, b=1, *args, c, d=2, **kw): return a)py",
     R"py((FunctionDef f (args a b=1 *args c d=2 **kw) [(Return (Name a))]))py"},
    {R"py(def f(a, /, b, *, c): pass)py", R"py((FunctionDef f (args a / b * c) [(Pass)]))py"},
    {R"py(def f(a=1, /, b=2): pass)py", R"py((FunctionDef f (args a=1 / b=2) [(Pass)]))py"},
    {R"py(def f(*, a): pass)py", R"py((FunctionDef f (args * a) [(Pass)]))py"},
    {R"py(def f(a: int, *b: str, c: float = 1.0, **d: dict) -> None: pass)py",
     R"py((FunctionDef f (args a *b c=1.0 **d) [(Pass)]))py"},
    {R"py(@dec
def f(): pass)py",
     R"py((FunctionDef f (args) [(Pass)] (decorators (Name dec))))py"},
    {R"py(@a.b(c)
@d
def f(): pass)py",
     R"py((FunctionDef f (args) [(Pass)] (decorators (Call (Attribute (Name a) b) (Name c)) (Name d))))py"},
    {R"py(@x[0]
class A: pass)py",
     R"py((ClassDef A [(Pass)] (decorators (Subscript (Name x) 0))))py"},
    {R"py(async def f():
    await g())py",
     R"py((AsyncFunctionDef f (args) [(Expr (Await (Call (Name g))))]))py"},
    {R"py(@dec
async def f(): pass)py",
     R"py((AsyncFunctionDef f (args) [(Pass)] (decorators (Name dec))))py"},
    {R"py(class A: pass)py", R"py((ClassDef A [(Pass)]))py"},
    {R"py(class A(B, C): pass)py", R"py((ClassDef A (bases (Name B) (Name C)) [(Pass)]))py"},
    {R"py(class A(B, metaclass=M, **kw): pass)py",
     R"py((ClassDef A (bases (Name B) metaclass=(Name M) **(Name kw)) [(Pass)]))py"},
    {R"py(class A():
    x = 1
    def m(self): return self.x)py",
     R"py((ClassDef A [(Assign [(Name:Store x)] 1) (FunctionDef m (args self) [(Return (Attribute (Name self) x))])]))py"},
    {R"py(return)py", R"py((Return))py"},
    {R"py(def f():
    return 1, 2)py",
     R"py((FunctionDef f (args) [(Return (Tuple 1 2))]))py"},
    {R"py(def f():
    return *a, b)py",
     R"py((FunctionDef f (args) [(Return (Tuple (Starred (Name a)) (Name b)))]))py"},
    {R"py(if x: pass)py", R"py((If (Name x) [(Pass)]))py"},
    {R"py(if x:
    a
elif y:
    b
elif z:
    c
else:
    d)py",
     R"py((If (Name x) [(Expr (Name a))] [(If (Name y) [(Expr (Name b))] [(If (Name z) [(Expr (Name c))] [(Expr (Name d))])])]))py"},
    {R"py(if x: a
else: b)py",
     R"py((If (Name x) [(Expr (Name a))] [(Expr (Name b))]))py"},
    {R"py(while x:
    break
else:
    pass)py",
     R"py((While (Name x) [(Break)] [(Pass)]))py"},
    {R"py(while 1: continue)py", R"py((While 1 [(Continue)]))py"},
    {R"py(for x in y: pass)py", R"py((For (Name:Store x) (Name y) [(Pass)]))py"},
    {R"py(for x, y in z:
    pass
else:
    pass)py",
     R"py((For (Tuple:Store (Name:Store x) (Name:Store y)) (Name z) [(Pass)] [(Pass)]))py"},
    {R"py(for (a, b), *c in d: pass)py",
     R"py((For (Tuple:Store (Tuple:Store (Name:Store a) (Name:Store b)) (Starred:Store (Name:Store c))) (Name d) [(Pass)]))py"},
    {R"py(for x in *a, b: pass)py", R"py((For (Name:Store x) (Tuple (Starred (Name a)) (Name b)) [(Pass)]))py"},
    {R"py(for i, in x: pass)py", R"py((For (Tuple:Store (Name:Store i)) (Name x) [(Pass)]))py"},
    {R"py(for x.y in z: pass)py", R"py((For (Attribute:Store (Name x) y) (Name z) [(Pass)]))py"},
    {R"py(for x[0] in z: pass)py", R"py((For (Subscript:Store (Name x) 0) (Name z) [(Pass)]))py"},
    {R"py(async def f():
    async for x in y:
        pass)py",
     R"py((AsyncFunctionDef f (args) [(AsyncFor (Name:Store x) (Name y) [(Pass)])]))py"},
    {R"py(try:
    a
except E:
    b)py",
     R"py((Try [(Expr (Name a))] (except (Name E) [(Expr (Name b))])))py"},
    {R"py(try:
    a
except (E, F) as e:
    b
except G:
    c
except:
    d
else:
    e
finally:
    f)py",
     R"py((Try [(Expr (Name a))] (except (Tuple (Name E) (Name F)) as e [(Expr (Name b))]) (except (Name G) [(Expr (Name c))]) (except [(Expr (Name d))]) (else [(Expr (Name e))]) (finally [(Expr (Name f))])))py"},
    {R"py(try:
    a
finally:
    b)py",
     R"py((Try [(Expr (Name a))] (finally [(Expr (Name b))])))py"},
    {R"py(raise)py", R"py((Raise))py"},
    {R"py(raise E)py", R"py((Raise (Name E)))py"},
    {R"py(raise E('m') from cause)py", R"py((Raise (Call (Name E) "m") from (Name cause)))py"},
    {R"py(raise E from None)py", R"py((Raise (Name E) from None))py"},
    {R"py(with a: pass)py", R"py((With (item (Name a)) [(Pass)]))py"},
    {R"py(with a as b, c as d: pass)py",
     R"py((With (item (Name a) as (Name:Store b)) (item (Name c) as (Name:Store d)) [(Pass)]))py"},
    {R"py(with a as (b, c): pass)py",
     R"py((With (item (Name a) as (Tuple:Store (Name:Store b) (Name:Store c))) [(Pass)]))py"},
    {R"py(with (a as b, c as d): pass)py",
     R"py((With (item (Name a) as (Name:Store b)) (item (Name c) as (Name:Store d)) [(Pass)]))py"},
    {R"py(with (a, b): pass)py", R"py((With (item (Name a)) (item (Name b)) [(Pass)]))py"},
    {R"py(with (a, b) as c: pass)py", R"py((With (item (Tuple (Name a) (Name b)) as (Name:Store c)) [(Pass)]))py"},
    {R"py(with (a): pass)py", R"py((With (item (Name a)) [(Pass)]))py"},
    {R"py(with (a as b,): pass)py", R"py((With (item (Name a) as (Name:Store b)) [(Pass)]))py"},
    {R"py(with open(f) as g, h: pass)py",
     R"py((With (item (Call (Name open) (Name f)) as (Name:Store g)) (item (Name h)) [(Pass)]))py"},
    {R"py(async def f():
    async with a as b:
        pass)py",
     R"py((AsyncFunctionDef f (args) [(AsyncWith (item (Name a) as (Name:Store b)) [(Pass)])]))py"},
    {R"py(assert x)py", R"py((Assert (Name x)))py"},
    {R"py(assert x, 'msg')py", R"py((Assert (Name x) "msg"))py"},
    {R"py(del x)py", R"py((Delete (Name:Del x)))py"},
    {R"py(del x, y[0], z.a)py", R"py((Delete (Name:Del x) (Subscript:Del (Name y) 0) (Attribute:Del (Name z) a)))py"},
    {R"py(del (a, b), [c])py", R"py((Delete (Tuple:Del (Name:Del a) (Name:Del b)) (List:Del (Name:Del c))))py"},
    {R"py(del (a))py", R"py((Delete (Name:Del a)))py"},
    {R"py(global a, b)py", R"py((Global a b))py"},
    {R"py(def f():
    nonlocal x)py",
     R"py((FunctionDef f (args) [(Nonlocal x)]))py"},
    {R"py(import a)py", R"py((Import a))py"},
    {R"py(import a.b.c)py", R"py((Import a.b.c))py"},
    {R"py(import a.b as c, d)py", R"py((Import a.b as c d))py"},
    {R"py(from a import b)py", R"py((ImportFrom a b))py"},
    {R"py(from a.b import c as d, e)py", R"py((ImportFrom a.b c as d e))py"},
    {R"py(from a import (b, c,))py", R"py((ImportFrom a b c))py"},
    {R"py(from a import *)py", R"py((ImportFrom a *))py"},
    {R"py(from __future__ import annotations)py", R"py((ImportFrom __future__ annotations))py"},
    {R"py(pass)py", R"py((Pass))py"},
    {R"py(x = 1; y = 2)py",
     R"py((Assign [(Name:Store x)] 1)
(Assign [(Name:Store y)] 2))py"},
    {R"py(x = 1;)py", R"py((Assign [(Name:Store x)] 1))py"},
    {R"py(if x: a = 1; b = 2)py", R"py((If (Name x) [(Assign [(Name:Store a)] 1) (Assign [(Name:Store b)] 2)]))py"},
    {R"py(f(x))py", R"py((Expr (Call (Name f) (Name x))))py"},
    {R"py(x)py", R"py((Expr (Name x)))py"},
    {R"py(...)py", R"py((Expr ...))py"},
    {R"py('''docstring'''
x = 1)py",
     R"py((Expr "docstring")
(Assign [(Name:Store x)] 1))py"},
    {R"py(match = 1)py", R"py((Assign [(Name:Store match)] 1))py"},
    {R"py(case = 2)py", R"py((Assign [(Name:Store case)] 2))py"},
    {R"py(type = 3)py", R"py((Assign [(Name:Store type)] 3))py"},
    {R"py(match(x))py", R"py((Expr (Call (Name match) (Name x))))py"},
    {R"py(match.x = 1)py", R"py((Assign [(Attribute:Store (Name match) x)] 1))py"},
    {R"py(match[0] = 1)py", R"py((Assign [(Subscript:Store (Name match) 0)] 1))py"},
    {R"py(type(x))py", R"py((Expr (Call (Name type) (Name x))))py"},
    {R"py(print(match, case, type))py", R"py((Expr (Call (Name print) (Name match) (Name case) (Name type))))py"},
    {R"py(x = yield)py", R"py((Assign [(Name:Store x)] (Yield)))py"},
    {R"py(def g():
    x = yield 1
    y = yield from z
    yield
    yield a, b)py",
     R"py((FunctionDef g (args) [(Assign [(Name:Store x)] (Yield 1)) (Assign [(Name:Store y)] (YieldFrom (Name z))) (Expr (Yield)) (Expr (Yield (Tuple (Name a) (Name b))))]))py"},
    {R"py(lambda: 0)py", R"py((Expr (Lambda (args) 0)))py"},
    {R"py(x = lambda a, *b, c=1, **d: a)py", R"py((Assign [(Name:Store x)] (Lambda (args a *b c=1 **d) (Name a))))py"},
};

const Case kExpressions[] = {
    {R"py(a + b * c)py", R"py((BinOp (Name a) Add (BinOp (Name b) Mult (Name c))))py"},
    {R"py((a + b) * c)py", R"py((BinOp (BinOp (Name a) Add (Name b)) Mult (Name c)))py"},
    {R"py(a - b - c)py", R"py((BinOp (BinOp (Name a) Sub (Name b)) Sub (Name c)))py"},
    {R"py(a ** b ** c)py", R"py((BinOp (Name a) Pow (BinOp (Name b) Pow (Name c))))py"},
    {R"py(-a ** b)py", R"py((UnaryOp USub (BinOp (Name a) Pow (Name b))))py"},
    {R"py((-a) ** b)py", R"py((BinOp (UnaryOp USub (Name a)) Pow (Name b)))py"},
    {R"py(-2 ** 2)py", R"py((UnaryOp USub (BinOp 2 Pow 2)))py"},
    {R"py(a ** -b)py", R"py((BinOp (Name a) Pow (UnaryOp USub (Name b))))py"},
    {R"py(~a + -b * +c)py",
     R"py((BinOp (UnaryOp Invert (Name a)) Add (BinOp (UnaryOp USub (Name b)) Mult (UnaryOp UAdd (Name c)))))py"},
    {R"py(a | b ^ c & d)py", R"py((BinOp (Name a) BitOr (BinOp (Name b) BitXor (BinOp (Name c) BitAnd (Name d)))))py"},
    {R"py(a << b >> c)py", R"py((BinOp (BinOp (Name a) LShift (Name b)) RShift (Name c)))py"},
    {R"py(a + b << c)py", R"py((BinOp (BinOp (Name a) Add (Name b)) LShift (Name c)))py"},
    {R"py(a @ b)py", R"py((BinOp (Name a) MatMult (Name b)))py"},
    {R"py(a // b % c / d)py", R"py((BinOp (BinOp (BinOp (Name a) FloorDiv (Name b)) Mod (Name c)) Div (Name d)))py"},
    {R"py(a < b <= c > d >= e == f != g)py",
     R"py((Compare (Name a) Lt (Name b) LtE (Name c) Gt (Name d) GtE (Name e) Eq (Name f) NotEq (Name g)))py"},
    {R"py(a in b not in c)py", R"py((Compare (Name a) In (Name b) NotIn (Name c)))py"},
    {R"py(a is b is not c)py", R"py((Compare (Name a) Is (Name b) IsNot (Name c)))py"},
    {R"py(not a == b)py", R"py((UnaryOp Not (Compare (Name a) Eq (Name b))))py"},
    {R"py(not not a)py", R"py((UnaryOp Not (UnaryOp Not (Name a))))py"},
    {R"py(a and b or c and d)py", R"py((BoolOp Or (BoolOp And (Name a) (Name b)) (BoolOp And (Name c) (Name d))))py"},
    {R"py(a or b or c)py", R"py((BoolOp Or (Name a) (Name b) (Name c)))py"},
    {R"py(a and (b or c))py", R"py((BoolOp And (Name a) (BoolOp Or (Name b) (Name c))))py"},
    {R"py(not a and b)py", R"py((BoolOp And (UnaryOp Not (Name a)) (Name b)))py"},
    {R"py(a if b else c)py", R"py((IfExp (Name b) (Name a) (Name c)))py"},
    {R"py(a if b else c if d else e)py", R"py((IfExp (Name b) (Name a) (IfExp (Name d) (Name c) (Name e))))py"},
    {R"py((a if b else c) if d else e)py", R"py((IfExp (Name d) (IfExp (Name b) (Name a) (Name c)) (Name e)))py"},
    {R"py(lambda: a if b else c)py", R"py((Lambda (args) (IfExp (Name b) (Name a) (Name c))))py"},
    {R"py(a if b else lambda: c)py", R"py((IfExp (Name b) (Name a) (Lambda (args) (Name c))))py"},
    {R"py((x := 1))py", R"py((NamedExpr (Name:Store x) 1))py"},
    {R"py(f(x := 1))py", R"py((Call (Name f) (NamedExpr (Name:Store x) 1)))py"},
    {R"py([y := 1, y])py", R"py((List (NamedExpr (Name:Store y) 1) (Name y)))py"},
    {R"py(a[x := 1])py", R"py((Subscript (Name a) (NamedExpr (Name:Store x) 1)))py"},
    {R"py(f())py", R"py((Call (Name f)))py"},
    {R"py(f(a, b))py", R"py((Call (Name f) (Name a) (Name b)))py"},
    {R"py(f(a, b=1))py", R"py((Call (Name f) (Name a) b=1))py"},
    {R"py(f(*a, **b))py", R"py((Call (Name f) (Starred (Name a)) **(Name b)))py"},
    {R"py(f(a, *b, c, *d, e=1, **f, g=2))py",
     R"py((Call (Name f) (Name a) (Starred (Name b)) (Name c) (Starred (Name d)) e=1 **(Name f) g=2))py"},
    {R"py(f(x for x in y))py", R"py((Call (Name f) (GeneratorExp (Name x) (for (Name:Store x) in (Name y)))))py"},
    {R"py(f(a)(b))py", R"py((Call (Call (Name f) (Name a)) (Name b)))py"},
    {R"py(f(a,))py", R"py((Call (Name f) (Name a)))py"},
    {R"py(a.b)py", R"py((Attribute (Name a) b))py"},
    {R"py(a.b.c)py", R"py((Attribute (Attribute (Name a) b) c))py"},
    {R"py(a[0])py", R"py((Subscript (Name a) 0))py"},
    {R"py(a[1:2])py", R"py((Subscript (Name a) (Slice 1 2 _)))py"},
    {R"py(a[:])py", R"py((Subscript (Name a) (Slice _ _ _)))py"},
    {R"py(a[::])py", R"py((Subscript (Name a) (Slice _ _ _)))py"},
    {R"py(a[::2])py", R"py((Subscript (Name a) (Slice _ _ 2)))py"},
    {R"py(a[1:])py", R"py((Subscript (Name a) (Slice 1 _ _)))py"},
    {R"py(a[:2])py", R"py((Subscript (Name a) (Slice _ 2 _)))py"},
    {R"py(a[1:2:3])py", R"py((Subscript (Name a) (Slice 1 2 3)))py"},
    {R"py(a[i, j])py", R"py((Subscript (Name a) (Tuple (Name i) (Name j))))py"},
    {R"py(a[1:2, ::3, ...])py", R"py((Subscript (Name a) (Tuple (Slice 1 2 _) (Slice _ _ 3) ...)))py"},
    {R"py(a[i,])py", R"py((Subscript (Name a) (Tuple (Name i))))py"},
    {R"py(a[()])py", R"py((Subscript (Name a) (Tuple)))py"},
    {R"py(a[*b])py", R"py((Subscript (Name a) (Tuple (Starred (Name b)))))py"},
    {R"py(a.b[c](d).e)py", R"py((Attribute (Call (Subscript (Attribute (Name a) b) (Name c)) (Name d)) e))py"},
    {R"py(1)py", R"py(1)py"},
    {R"py(1.5)py", R"py(1.5)py"},
    {R"py(1e10)py", R"py(10000000000.0)py"},
    {R"py(1E-3)py", R"py(0.001)py"},
    {R"py(.5)py", R"py(0.5)py"},
    {R"py(5.)py", R"py(5.0)py"},
    {R"py(0x1F)py", R"py(31)py"},
    {R"py(0o17)py", R"py(15)py"},
    {R"py(0b101)py", R"py(5)py"},
    {R"py(1_000_000)py", R"py(1000000)py"},
    {R"py(0)py", R"py(0)py"},
    {R"py(00)py", R"py(0)py"},
    {R"py(0.0)py", R"py(0.0)py"},
    {R"py(1e400)py", R"py(inf)py"},
    {R"py(0xffff_ffff)py", R"py(4294967295)py"},
    {R"py('s')py", R"py("s")py"},
    {R"py("s")py", R"py("s")py"},
    {R"py('a' 'b')py", R"py("ab")py"},
    {R"py('''x
y''')py",
     R"py("x\ny")py"},
    {R"py(r'\n')py", R"py("\\n")py"},
    {R"py(u'x')py", R"py("x")py"},
    {R"py('\n\t\\')py", R"py("\n\t\\")py"},
    {R"py(True)py", R"py(True)py"},
    {R"py(False)py", R"py(False)py"},
    {R"py(None)py", R"py(None)py"},
    {R"py(...)py", R"py(...)py"},
    {R"py(())py", R"py((Tuple))py"},
    {R"py((1,))py", R"py((Tuple 1))py"},
    {R"py(1,)py", R"py((Tuple 1))py"},
    {R"py((1, 2))py", R"py((Tuple 1 2))py"},
    {R"py(1, 2,)py", R"py((Tuple 1 2))py"},
    {R"py([])py", R"py((List))py"},
    {R"py([1])py", R"py((List 1))py"},
    {R"py([1, 2,])py", R"py((List 1 2))py"},
    {R"py({})py", R"py((Dict))py"},
    {R"py({1: 2})py", R"py((Dict 1 2))py"},
    {R"py({1: 2, **d, 3: 4})py", R"py((Dict 1 2 ** (Name d) 3 4))py"},
    {R"py({**a})py", R"py((Dict ** (Name a)))py"},
    {R"py({1})py", R"py((Set 1))py"},
    {R"py({1, 2})py", R"py((Set 1 2))py"},
    {R"py({*a, b})py", R"py((Set (Starred (Name a)) (Name b)))py"},
    {R"py([*a, *b])py", R"py((List (Starred (Name a)) (Starred (Name b))))py"},
    {R"py((*a, b))py", R"py((Tuple (Starred (Name a)) (Name b)))py"},
    {R"py([x for x in y])py", R"py((ListComp (Name x) (for (Name:Store x) in (Name y))))py"},
    {R"py([x for x in y if a if b])py",
     R"py((ListComp (Name x) (for (Name:Store x) in (Name y) if (Name a) if (Name b))))py"},
    {R"py([x for x in y for z in x])py",
     R"py((ListComp (Name x) (for (Name:Store x) in (Name y)) (for (Name:Store z) in (Name x))))py"},
    {R"py([(x, y) for x, y in z])py",
     R"py((ListComp (Tuple (Name x) (Name y)) (for (Tuple:Store (Name:Store x) (Name:Store y)) in (Name z))))py"},
    {R"py({x for x in y})py", R"py((SetComp (Name x) (for (Name:Store x) in (Name y))))py"},
    {R"py({k: v for k, v in d.items()})py",
     R"py((DictComp (Name k) (Name v) (for (Tuple:Store (Name:Store k) (Name:Store v)) in (Call (Attribute (Name d) items)))))py"},
    {R"py((x for x in y))py", R"py((GeneratorExp (Name x) (for (Name:Store x) in (Name y))))py"},
    {R"py([x async for x in y])py", R"py((ListComp (Name x) (async for (Name:Store x) in (Name y))))py"},
    {R"py([x for x in range(3) if x % 2 == 0])py",
     R"py((ListComp (Name x) (for (Name:Store x) in (Call (Name range) 3) if (Compare (BinOp (Name x) Mod 2) Eq 0))))py"},
    {R"py(lambda: 0)py", R"py((Lambda (args) 0))py"},
    {R"py(lambda x: x)py", R"py((Lambda (args x) (Name x)))py"},
    {R"py(lambda x, y=1: x)py", R"py((Lambda (args x y=1) (Name x)))py"},
    {R"py(lambda *args, **kw: 0)py", R"py((Lambda (args *args **kw) 0))py"},
    {R"py(lambda *, a: a)py", R"py((Lambda (args * a) (Name a)))py"},
    {R"py(lambda a, /, b: a)py", R"py((Lambda (args a / b) (Name a)))py"},
    {R"py(await x)py", R"py((Await (Name x)))py"},
    {R"py(await x ** 2)py", R"py((BinOp (Await (Name x)) Pow 2))py"},
    {R"py(-await x)py", R"py((UnaryOp USub (Await (Name x))))py"},
    {R"py((yield))py", R"py((Yield))py"},
    {R"py((yield x))py", R"py((Yield (Name x)))py"},
    {R"py((yield from x))py", R"py((YieldFrom (Name x)))py"},
    {R"py(a.b(c).d[e])py", R"py((Subscript (Attribute (Call (Attribute (Name a) b) (Name c)) d) (Name e)))py"},
    {R"py(x[a:b, c])py", R"py((Subscript (Name x) (Tuple (Slice (Name a) (Name b) _) (Name c))))py"},
    {R"py(f(**{'a': 1}))py", R"py((Call (Name f) **(Dict "a" 1)))py"},
    {R"py(print(*a, sep=''))py", R"py((Call (Name print) (Starred (Name a)) sep=""))py"},
};

const Case kFStrings[] = {
    {R"py(f'abc')py", R"py((JoinedStr "abc"))py"},
    {R"py(f'')py", R"py((JoinedStr))py"},
    {R"py(f'{x}')py", R"py((JoinedStr (FormattedValue (Name x))))py"},
    {R"py(f'{x!r}')py", R"py((JoinedStr (FormattedValue (Name x) !r)))py"},
    {R"py(f'{x!s}')py", R"py((JoinedStr (FormattedValue (Name x) !s)))py"},
    {R"py(f'{x!a}')py", R"py((JoinedStr (FormattedValue (Name x) !a)))py"},
    {R"py(f'{x:>10}')py", R"py((JoinedStr (FormattedValue (Name x) (JoinedStr ">10"))))py"},
    {R"py(f'{x:{w}}')py", R"py((JoinedStr (FormattedValue (Name x) (JoinedStr (FormattedValue (Name w))))))py"},
    {R"py(f'{x:{w}.{p}f}')py",
     R"py((JoinedStr (FormattedValue (Name x) (JoinedStr (FormattedValue (Name w)) "." (FormattedValue (Name p)) "f"))))py"},
    {R"py(f'{x!r:>{w}}')py",
     R"py((JoinedStr (FormattedValue (Name x) !r (JoinedStr ">" (FormattedValue (Name w))))))py"},
    {R"py(f'{x=}')py", R"py((JoinedStr "x=" (FormattedValue (Name x) !r)))py"},
    {R"py(f'{x = }')py", R"py((JoinedStr "x = " (FormattedValue (Name x) !r)))py"},
    {R"py(f'{x=!s}')py", R"py((JoinedStr "x=" (FormattedValue (Name x) !s)))py"},
    {R"py(f'{x=:>5}')py", R"py((JoinedStr "x=" (FormattedValue (Name x) (JoinedStr ">5"))))py"},
    {R"py(f'a{x=}b')py", R"py((JoinedStr "ax=" (FormattedValue (Name x) !r) "b"))py"},
    {R"py(f'{{}}')py", R"py((JoinedStr "{}"))py"},
    {R"py(f'{{{x}}}')py", R"py((JoinedStr "{" (FormattedValue (Name x)) "}"))py"},
    {R"py(f'{x}{y}')py", R"py((JoinedStr (FormattedValue (Name x)) (FormattedValue (Name y))))py"},
    {R"py(f'a{x}b{y}c')py", R"py((JoinedStr "a" (FormattedValue (Name x)) "b" (FormattedValue (Name y)) "c"))py"},
    {R"py('a' f'{x}' 'b')py", R"py((JoinedStr "a" (FormattedValue (Name x)) "b"))py"},
    {R"py(f'{x}' '')py", R"py((JoinedStr (FormattedValue (Name x))))py"},
    {R"py('a' f'')py", R"py((JoinedStr "a"))py"},
    {R"py(f'{x}' f'{y}')py", R"py((JoinedStr (FormattedValue (Name x)) (FormattedValue (Name y))))py"},
    {R"py(f'{x:}')py", R"py((JoinedStr (FormattedValue (Name x) (JoinedStr))))py"},
    {R"py(f'{a["k"]}')py", R"py((JoinedStr (FormattedValue (Subscript (Name a) "k"))))py"},
    {R"py(f"{a['k']}")py", R"py((JoinedStr (FormattedValue (Subscript (Name a) "k"))))py"},
    {R"py(f'{(lambda: 1)()}')py", R"py((JoinedStr (FormattedValue (Call (Lambda (args) 1)))))py"},
    {R"py(f'{x, y}')py", R"py((JoinedStr (FormattedValue (Tuple (Name x) (Name y)))))py"},
    {R"py(f'{x if y else z}')py", R"py((JoinedStr (FormattedValue (IfExp (Name y) (Name x) (Name z)))))py"},
    {R"py(f'{3.14:.2f}')py", R"py((JoinedStr (FormattedValue 3.14 (JoinedStr ".2f"))))py"},
    {R"py(f'{x:%Y-%m-%d}')py", R"py((JoinedStr (FormattedValue (Name x) (JoinedStr "%Y-%m-%d"))))py"},
    {R"py(rf'\d{x}')py", R"py((JoinedStr "\\d" (FormattedValue (Name x))))py"},
    {R"py(fr'{x}\n')py", R"py((JoinedStr (FormattedValue (Name x)) "\\n"))py"},
    {R"py(f'\n{x}\t')py", R"py((JoinedStr "\n" (FormattedValue (Name x)) "\t"))py"},
    {R"py(f'\{x}')py", R"py((JoinedStr "\\" (FormattedValue (Name x))))py"},
    {R"py(f'{x}\N{BULLET}')py", R"py((JoinedStr (FormattedValue (Name x)) "•"))py"},
    {R"py(f'''{
x
}''')py",
     R"py((JoinedStr (FormattedValue (Name x))))py"},
    {R"py(f'{f"{x}"}')py", R"py((JoinedStr (FormattedValue (JoinedStr (FormattedValue (Name x))))))py"},
    {R"py(f'{x!r:^{w}.{p}}')py",
     R"py((JoinedStr (FormattedValue (Name x) !r (JoinedStr "^" (FormattedValue (Name w)) "." (FormattedValue (Name p))))))py"},
    {R"py(f'{a == b}')py", R"py((JoinedStr (FormattedValue (Compare (Name a) Eq (Name b)))))py"},
    {R"py(f'{a != b}')py", R"py((JoinedStr (FormattedValue (Compare (Name a) NotEq (Name b)))))py"},
    {R"py(f'{a <= b}')py", R"py((JoinedStr (FormattedValue (Compare (Name a) LtE (Name b)))))py"},
    {R"py(f'{a > b}')py", R"py((JoinedStr (FormattedValue (Compare (Name a) Gt (Name b)))))py"},
};

const Case kCPythonErrors[] = {
    {R"py(  x = 1)py", R"py(IndentationError: unexpected indent @1)py"},
    {R"py(x = 1
    y = 2)py",
     R"py(IndentationError: unexpected indent @2)py"},
    {R"py(if x:
    a
  b)py",
     R"py(IndentationError: unindent does not match any outer indentation level @3)py"},
    {R"py(if x:
pass)py",
     R"py(IndentationError: expected an indented block after 'if' statement on line 1 @2)py"},
    {R"py(if x:
    a
elif y:
pass)py",
     R"py(IndentationError: expected an indented block after 'elif' statement on line 3 @4)py"},
    {R"py(if x:
    a
else:
pass)py",
     R"py(IndentationError: expected an indented block after 'else' statement on line 3 @4)py"},
    {R"py(while x:
pass)py",
     R"py(IndentationError: expected an indented block after 'while' statement on line 1 @2)py"},
    {R"py(for x in y:
pass)py",
     R"py(IndentationError: expected an indented block after 'for' statement on line 1 @2)py"},
    {R"py(def f():
return)py",
     R"py(IndentationError: expected an indented block after function definition on line 1 @2)py"},
    {R"py(class A:
x = 1)py",
     R"py(IndentationError: expected an indented block after class definition on line 1 @2)py"},
    {R"py(try:
pass)py",
     R"py(IndentationError: expected an indented block after 'try' statement on line 1 @2)py"},
    {R"py(try:
    a
except:
pass)py",
     R"py(IndentationError: expected an indented block after 'except' statement on line 3 @4)py"},
    {R"py(try:
    a
finally:
pass)py",
     R"py(IndentationError: expected an indented block after 'finally' statement on line 3 @4)py"},
    {R"py(with a:
pass)py",
     R"py(IndentationError: expected an indented block after 'with' statement on line 1 @2)py"},
    {R"py(if x:)py", R"py(IndentationError: expected an indented block after 'if' statement on line 1 @1)py"},
    {R"py(async def f():
pass)py",
     R"py(IndentationError: expected an indented block after function definition on line 1 @2)py"},
    {R"py(s = 'abc)py", R"py(SyntaxError: unterminated string literal (detected at line 1) @1)py"},
    {R"py(s = 'abc
t = 1)py",
     R"py(SyntaxError: unterminated string literal (detected at line 1) @1)py"},
    {R"py(x = 1
s = "abc)py",
     R"py(SyntaxError: unterminated string literal (detected at line 2) @2)py"},
    {R"py(s = '''abc

def)py",
     R"py(SyntaxError: unterminated triple-quoted string literal (detected at line 3) @1)py"},
    {R"py(s = f'abc)py", R"py(SyntaxError: unterminated string literal (detected at line 1) @1)py"},
    {R"py(x = 'a\
b)py",
     R"py(SyntaxError: unterminated string literal (detected at line 2) @1)py"},
    {R"py(x = (1,
2,
)py",
     R"py(SyntaxError: '(' was never closed @1)py"},
    {R"py(foo(1, 2
x = 3
)py",
     R"py(SyntaxError: '(' was never closed @1)py"},
    {R"py(x = [
(
)py",
     R"py(SyntaxError: '(' was never closed @2)py"},
    {R"py(x = ))py", R"py(SyntaxError: unmatched ')' @1)py"},
    {R"py(x = (])py", R"py(SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' @1)py"},
    {R"py(x = (
])py",
     R"py(SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' on line 1 @2)py"},
    {R"py(x = {1: 2))py", R"py(SyntaxError: closing parenthesis ')' does not match opening parenthesis '{' @1)py"},
    {R"py(f(a)))py", R"py(SyntaxError: unmatched ')' @1)py"},
    {R"py(x = (1 2))py", R"py(SyntaxError: invalid syntax. Perhaps you forgot a comma? @1)py"},
    {R"py(x = [a b])py", R"py(SyntaxError: invalid syntax. Perhaps you forgot a comma? @1)py"},
    {R"py(f(a b))py", R"py(SyntaxError: invalid syntax. Perhaps you forgot a comma? @1)py"},
    {R"py(f(a, b c))py", R"py(SyntaxError: invalid syntax. Perhaps you forgot a comma? @1)py"},
    {R"py(x = {1 2})py", R"py(SyntaxError: invalid syntax. Perhaps you forgot a comma? @1)py"},
    {R"py(x = a b)py", R"py(SyntaxError: invalid syntax @1)py"},
    {R"py(x = [1, 2 3])py", R"py(SyntaxError: invalid syntax. Perhaps you forgot a comma? @1)py"},
    {R"py(print 'x')py", R"py(SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)? @1)py"},
    {R"py(print x)py", R"py(SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)? @1)py"},
    {R"py(exec 'code')py", R"py(SyntaxError: Missing parentheses in call to 'exec'. Did you mean exec(...)? @1)py"},
    {R"py(f() = 1)py",
     R"py(SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='? @1)py"},
    {R"py(1 = x)py", R"py(SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='? @1)py"},
    {R"py(x + 1 = 2)py",
     R"py(SyntaxError: cannot assign to expression here. Maybe you meant '==' instead of '='? @1)py"},
    {R"py((a, f()) = 1)py", R"py(SyntaxError: cannot assign to function call @1)py"},
    {R"py(f() = g() = 1)py", R"py(SyntaxError: cannot assign to function call @1)py"},
    {R"py(f() = 1 if x else 2)py",
     R"py(SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='? @1)py"},
    {R"py(a < b = 1)py", R"py(SyntaxError: cannot assign to comparison @1)py"},
    {R"py(not a = 1)py", R"py(SyntaxError: cannot assign to expression @1)py"},
    {R"py(f() = yield x)py", R"py(SyntaxError: cannot assign to function call @1)py"},
    {R"py(True = 1)py", R"py(SyntaxError: cannot assign to True @1)py"},
    {R"py(None = 1)py", R"py(SyntaxError: cannot assign to None @1)py"},
    {R"py(... = 1)py", R"py(SyntaxError: cannot assign to ellipsis here. Maybe you meant '==' instead of '='? @1)py"},
    {R"py(x = f() = 1)py", R"py(SyntaxError: cannot assign to function call @1)py"},
    {R"py([a, 1] = x)py", R"py(SyntaxError: cannot assign to literal @1)py"},
    {R"py((yield) = 1)py",
     R"py(SyntaxError: cannot assign to yield expression here. Maybe you meant '==' instead of '='? @1)py"},
    {R"py(del f())py", R"py(SyntaxError: cannot delete function call @1)py"},
    {R"py(del x + 1)py", R"py(SyntaxError: cannot delete expression @1)py"},
    {R"py(del (x for x in y))py", R"py(SyntaxError: cannot delete generator expression @1)py"},
    {R"py(del *a)py", R"py(SyntaxError: cannot delete starred @1)py"},
    {R"py(del [a, f()])py", R"py(SyntaxError: cannot delete function call @1)py"},
    {R"py(for f() in x: pass)py", R"py(SyntaxError: cannot assign to function call @1)py"},
    {R"py(for x + 1 in y: pass)py", R"py(SyntaxError: cannot assign to expression @1)py"},
    {R"py([x for f() in y])py", R"py(SyntaxError: cannot assign to function call @1)py"},
    {R"py(if x = 1: pass)py", R"py(SyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='? @1)py"},
    {R"py(while x = 1: pass)py", R"py(SyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='? @1)py"},
    {R"py([x = 1])py", R"py(SyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='? @1)py"},
    {R"py(if x.y = 1: pass)py",
     R"py(SyntaxError: cannot assign to attribute here. Maybe you meant '==' instead of '='? @1)py"},
    {R"py(if x[0] = 1: pass)py",
     R"py(SyntaxError: cannot assign to subscript here. Maybe you meant '==' instead of '='? @1)py"},
    {R"py((a.b := 1))py", R"py(SyntaxError: cannot use assignment expressions with attribute @1)py"},
    {R"py(a, b += 1)py", R"py(SyntaxError: 'tuple' is an illegal expression for augmented assignment @1)py"},
    {R"py(f() += 1)py", R"py(SyntaxError: 'function call' is an illegal expression for augmented assignment @1)py"},
    {R"py([a] += 1)py", R"py(SyntaxError: 'list' is an illegal expression for augmented assignment @1)py"},
    {R"py((a, b): int)py", R"py(SyntaxError: only single target (not tuple) can be annotated @1)py"},
    {R"py([a]: int)py", R"py(SyntaxError: only single target (not list) can be annotated @1)py"},
    {R"py(f(): int)py", R"py(SyntaxError: illegal target for annotation @1)py"},
    {R"py(x = 1abc)py", R"py(SyntaxError: invalid decimal literal @1)py"},
    {R"py(x = 0777)py",
     R"py(SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers @1)py"},
    {R"py(x = 0o8)py", R"py(SyntaxError: invalid digit '8' in octal literal @1)py"},
    {R"py(x = 0b2)py", R"py(SyntaxError: invalid digit '2' in binary literal @1)py"},
    {R"py(x = 0x)py", R"py(SyntaxError: invalid hexadecimal literal @1)py"},
    {R"py(x = 1_)py", R"py(SyntaxError: invalid decimal literal @1)py"},
    {R"py(x = 1__0)py", R"py(SyntaxError: invalid decimal literal @1)py"},
    {R"py(x = 0o)py", R"py(SyntaxError: invalid octal literal @1)py"},
    {R"py(x = 0b1_)py", R"py(SyntaxError: invalid binary literal @1)py"},
    {R"py(x = 1e)py", R"py(SyntaxError: invalid decimal literal @1)py"},
    {R"py(x = 1.e+)py", R"py(SyntaxError: invalid decimal literal @1)py"},
    {R"py(x = €)py", R"py(SyntaxError: invalid character '€' (U+20AC) @1)py"},
    {R"py(x =  )py", R"py(SyntaxError: invalid non-printable character U+00A0 @1)py"},
    {R"py(€ = 1)py", R"py(SyntaxError: invalid character '€' (U+20AC) @1)py"},
    {R"py(x$ = 1)py", R"py(SyntaxError: invalid syntax @1)py"},
    {R"py(x = $)py", R"py(SyntaxError: invalid syntax @1)py"},
    {R"py(x = ?)py", R"py(SyntaxError: invalid syntax @1)py"},
    {R"py(x = a!)py", R"py(SyntaxError: invalid syntax @1)py"},
    {R"py(f(a=1, 2))py", R"py(SyntaxError: positional argument follows keyword argument @1)py"},
    {R"py(f(**k, *a))py", R"py(SyntaxError: iterable argument unpacking follows keyword argument unpacking @1)py"},
    {R"py(f(**k, a))py", R"py(SyntaxError: positional argument follows keyword argument unpacking @1)py"},
    {R"py(f(a.b=1))py", R"py(SyntaxError: expression cannot contain assignment, perhaps you meant "=="? @1)py"},
    {R"py(f(x for x in y, 1))py", R"py(SyntaxError: Generator expression must be parenthesized @1)py"},
    {R"py(f(1, x for x in y))py", R"py(SyntaxError: Generator expression must be parenthesized @1)py"},
    {R"py(f(True=1))py", R"py(SyntaxError: cannot assign to True @1)py"},
    {R"py(def f(a=1, b): pass)py", R"py(SyntaxError: non-default argument follows default argument @1)py"},
    {R"py(def f(*, **k): pass)py", R"py(SyntaxError: named arguments must follow bare * @1)py"},
    {R"py(def f(*): pass)py", R"py(SyntaxError: named arguments must follow bare * @1)py"},
    {R"py(def f(/, a): pass)py", R"py(SyntaxError: at least one argument must precede / @1)py"},
    {R"py(def f(*a, /): pass)py", R"py(SyntaxError: / must be ahead of * @1)py"},
    {R"py(def f(a, /, b, /): pass)py", R"py(SyntaxError: / may appear only once @1)py"},
    {R"py(def f(**k, a): pass)py", R"py(SyntaxError: arguments cannot follow var-keyword argument @1)py"},
    {R"py(def f(*a, *b): pass)py", R"py(SyntaxError: * argument may appear only once @1)py"},
    {R"py(def f(**k=1): pass)py", R"py(SyntaxError: var-keyword argument cannot have default value @1)py"},
    {R"py(def f(*a=1): pass)py", R"py(SyntaxError: var-positional argument cannot have default value @1)py"},
    {R"py(def f(a=): pass)py", R"py(SyntaxError: expected default value expression @1)py"},
    {R"py(lambda *: 1)py", R"py(SyntaxError: named arguments must follow bare * @1)py"},
    {R"py(lambda a=1, b: 1)py", R"py(SyntaxError: non-default argument follows default argument @1)py"},
    {R"py(def f: pass)py", R"py(SyntaxError: expected '(' @1)py"},
    {R"py(x = f'{}')py", R"py(SyntaxError: f-string: empty expression not allowed @1)py"},
    {R"py(x = f'{ }')py", R"py(SyntaxError: f-string: empty expression not allowed @1)py"},
    {R"py(x = f'{a')py", R"py(SyntaxError: f-string: expecting '}' @1)py"},
    {R"py(x = f'}')py", R"py(SyntaxError: f-string: single '}' is not allowed @1)py"},
    {R"py(x = f'{a}}')py", R"py(SyntaxError: f-string: single '}' is not allowed @1)py"},
    {R"py(x = f'{a!x}')py", R"py(SyntaxError: f-string: invalid conversion character: expected 's', 'r', or 'a' @1)py"},
    {R"py(x = f'{a!}')py", R"py(SyntaxError: f-string: invalid conversion character: expected 's', 'r', or 'a' @1)py"},
    {R"py(x = f'{\'a\'}')py", R"py(SyntaxError: f-string expression part cannot include a backslash @1)py"},
    {R"py(x = f'{a#}')py", R"py(SyntaxError: f-string expression part cannot include '#' @1)py"},
    {R"py(x = f'{!r}')py", R"py(SyntaxError: f-string: expression required before '!' @1)py"},
    {R"py(x = f'{=}')py", R"py(SyntaxError: f-string: expression required before '=' @1)py"},
    {R"py(x = f'{:}')py", R"py(SyntaxError: f-string: expression required before ':' @1)py"},
    {R"py(x = f'{a:{b:{c}}}')py", R"py(SyntaxError: f-string: expressions nested too deeply @1)py"},
    {R"py(x = f'{a b}')py", R"py(SyntaxError: f-string: invalid syntax. Perhaps you forgot a comma? @1)py"},
    {R"py(x = f'{*a}')py", R"py(SyntaxError: f-string: cannot use starred expression here @1)py"},
    {R"py(x = f'{a!r=}')py", R"py(SyntaxError: f-string: expecting '}' @1)py"},
    {R"py(x = f'{a)}')py", R"py(SyntaxError: f-string: unmatched ')' @1)py"},
    {R"py(x = f'{a(}')py",
     R"py(SyntaxError: f-string: closing parenthesis '}' does not match opening parenthesis '(' @1)py"},
    {R"py(x = f'{a[)}')py",
     R"py(SyntaxError: f-string: closing parenthesis ')' does not match opening parenthesis '[' @1)py"},
    {R"py(x = f'{"a}')py", R"py(SyntaxError: f-string: unterminated string @1)py"},
    {R"py(x = f'{1abc}')py", R"py(SyntaxError: invalid decimal literal @1)py"},
    {R"py(x = f'{a +}')py", R"py(SyntaxError: f-string: invalid syntax @1)py"},
    {R"py(x = f'{lambda x: 1}')py", R"py(SyntaxError: f-string: invalid syntax @1)py"},
    {R"py(from a import b,)py", R"py(SyntaxError: trailing comma not allowed without surrounding parentheses @1)py"},
    {R"py(from a import (*))py", R"py(SyntaxError: invalid syntax @1)py"},
    {R"py(import a as b.c)py", R"py(SyntaxError: invalid syntax @1)py"},
    {R"py(import)py", R"py(SyntaxError: invalid syntax @1)py"},
    {R"py(from a import)py", R"py(SyntaxError: invalid syntax @1)py"},
    {R"py(global)py", R"py(SyntaxError: invalid syntax @1)py"},
    {R"py(x = 1;; y = 2)py", R"py(SyntaxError: invalid syntax @1)py"},
    {R"py(x = 1 +)py", R"py(SyntaxError: invalid syntax @1)py"},
    {R"py(x = (1 +
))py",
     R"py(SyntaxError: invalid syntax @2)py"},
    {R"py(x: int, y = 1)py", R"py(SyntaxError: invalid syntax @1)py"},
    {R"py(else: pass)py", R"py(SyntaxError: invalid syntax @1)py"},
    {R"py(elif x: pass)py", R"py(SyntaxError: invalid syntax @1)py"},
    {R"py(except: pass)py", R"py(SyntaxError: invalid syntax @1)py"},
    {R"py(finally: pass)py", R"py(SyntaxError: invalid syntax @1)py"},
    {R"py(if x:
    pass
else:
    pass
else:
    pass)py",
     R"py(SyntaxError: invalid syntax @5)py"},
    {R"py(try:
    x)py",
     R"py(SyntaxError: expected 'except' or 'finally' block @2)py"},
    {R"py(try:
    x
y = 1)py",
     R"py(SyntaxError: expected 'except' or 'finally' block @3)py"},
    {R"py(try:
    x
except A, B:
    pass)py",
     R"py(SyntaxError: multiple exception types must be parenthesized @3)py"},
    {R"py(x = \
)py",
     R"py(SyntaxError: unexpected EOF while parsing @1)py"},
    {R"py(x = 1 \ 2)py", R"py(SyntaxError: unexpected character after line continuation character @1)py"},
    {R"py(x = 1\)py", R"py(SyntaxError: unexpected EOF while parsing @1)py"},
    {R"py(if x:
	a
        b)py",
     R"py(TabError: inconsistent use of tabs and spaces in indentation @3)py"},
    {R"py(if x:
        a
	b)py",
     R"py(TabError: inconsistent use of tabs and spaces in indentation @3)py"},
    {R"py(a if b)py", R"py(SyntaxError: expected 'else' after 'if' expression @1)py"},
    {R"py(x = (a if b))py", R"py(SyntaxError: expected 'else' after 'if' expression @1)py"},
    {R"py(x = 1 if 2 else)py", R"py(SyntaxError: invalid syntax @1)py"},
    {R"py([x for x in])py", R"py(SyntaxError: invalid syntax @1)py"},
    {R"py({1: 2, 3})py", R"py(SyntaxError: ':' expected after dictionary key @1)py"},
    {R"py({1: })py", R"py(SyntaxError: expression expected after dictionary key and ':' @1)py"},
    {R"py({1: 2, 3:})py", R"py(SyntaxError: expression expected after dictionary key and ':' @1)py"},
    {R"py({1: 2, 3 4})py", R"py(SyntaxError: ':' expected after dictionary key @1)py"},
    {R"py({**a: 1})py", R"py(SyntaxError: invalid syntax @1)py"},
    {R"py((*a))py", R"py(SyntaxError: cannot use starred expression here @1)py"},
    {R"py((**a))py", R"py(SyntaxError: cannot use double starred expression here @1)py"},
    {R"py([x, y for x in z])py", R"py(SyntaxError: did you forget parentheses around the comprehension target? @1)py"},
    {R"py([*a for a in b])py", R"py(SyntaxError: iterable unpacking cannot be used in comprehension @1)py"},
    {R"py({**a for a in b})py", R"py(SyntaxError: dict unpacking cannot be used in dict comprehension @1)py"},
    {R"py(x = [**a])py", R"py(SyntaxError: invalid syntax @1)py"},
    {R"py(def f() x: pass)py", R"py(SyntaxError: expected ':' @1)py"},
    {R"py(class A x: pass)py", R"py(SyntaxError: invalid syntax @1)py"},
    {R"py(class A
)py",
     R"py(SyntaxError: expected ':' @1)py"},
    {R"py(for x in y z: pass)py", R"py(SyntaxError: invalid syntax @1)py"},
    {R"py(for x in y
    pass)py",
     R"py(SyntaxError: expected ':' @1)py"},
    {R"py(while x
    pass)py",
     R"py(SyntaxError: expected ':' @1)py"},
    {R"py(with a
    pass)py",
     R"py(SyntaxError: expected ':' @1)py"},
    {R"py(try
)py",
     R"py(SyntaxError: expected ':' @1)py"},
    {R"py(try:
    x
except E
)py",
     R"py(SyntaxError: expected ':' @3)py"},
    {R"py(lambda x x)py", R"py(SyntaxError: invalid syntax @1)py"},
    {R"py(x = '\x4')py",
     R"py(SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \xXX escape @1)py"},
    {R"py(x = '\u00e')py",
     R"py(SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-4: truncated \uXXXX escape @1)py"},
    {R"py(x = '\U00110000')py",
     R"py(SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character @1)py"},
    {R"py(x = '\N')py",
     R"py(SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: malformed \N character escape @1)py"},
    {R"py(x = = 1
s = 'abc)py",
     R"py(SyntaxError: unterminated string literal (detected at line 2) @2)py"},
    {R"py(x = = 1
foo()py",
     R"py(SyntaxError: invalid syntax @1)py"},
    {R"py(x = = 1
foo))py",
     R"py(SyntaxError: unmatched ')' @2)py"},
    {R"py(x = = 1
  y)py",
     R"py(SyntaxError: invalid syntax @1)py"},
    {R"py(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((())))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))py",
     R"py(SyntaxError: too many nested parentheses @1)py"},
    {R"py(x = yield = 1)py", R"py(SyntaxError: assignment to yield expression not possible @1)py"},
    {R"py(@dec
x = 1)py",
     R"py(SyntaxError: invalid syntax @2)py"},
    {R"py(async x = 1)py", R"py(SyntaxError: invalid syntax @1)py"},
    {R"py(x = lambda: yield)py", R"py(SyntaxError: invalid syntax @1)py"},
    {R"py(x := 1)py", R"py(SyntaxError: invalid syntax @1)py"},
    {R"py(x = y := 1)py", R"py(SyntaxError: invalid syntax @1)py"},
    {R"py(def f(a, (b, c)): pass)py", R"py(SyntaxError: Function parameters cannot be parenthesized @1)py"},
};

TEST(ParserTables, Statements) {
  for (const Case& c : kStatements) EXPECT_EQ(P(c.source), c.expected) << c.source;
}

TEST(ParserTables, Expressions) {
  for (const Case& c : kExpressions) EXPECT_EQ(E(c.source), c.expected) << c.source;
}

TEST(ParserTables, FStrings) {
  for (const Case& c : kFStrings) EXPECT_EQ(E(c.source), c.expected) << c.source;
}

TEST(ParserTables, CPythonErrors) {
  for (const Case& c : kCPythonErrors) EXPECT_EQ(P(c.source), c.expected) << c.source;
}

TEST(Parser, EmptyAndBlankPrograms) {
  EXPECT_EQ(P(""), "");
  EXPECT_EQ(P("\n\n"), "");
  EXPECT_EQ(P("   \n# only a comment"), "");
  EXPECT_EQ(P("\xEF\xBB\xBFx = 1"), "(Assign [(Name:Store x)] 1)");
  EXPECT_EQ(P("x = 1\r\nif x:\r\n    y = 2\r\n"),
            "(Assign [(Name:Store x)] 1)\n(If (Name x) [(Assign [(Name:Store y)] 2)])");
}

TEST(Parser, Precedence) {
  EXPECT_EQ(E("-2 ** 2"), "(UnaryOp USub (BinOp 2 Pow 2))");
  EXPECT_EQ(E("2 ** -1"), "(BinOp 2 Pow (UnaryOp USub 1))");
  EXPECT_EQ(E("a ** b ** c"), "(BinOp (Name a) Pow (BinOp (Name b) Pow (Name c)))");
  EXPECT_EQ(E("a - b - c"), "(BinOp (BinOp (Name a) Sub (Name b)) Sub (Name c))");
  EXPECT_EQ(E("a + b * c ** d"), "(BinOp (Name a) Add (BinOp (Name b) Mult (BinOp (Name c) Pow (Name d))))");
  EXPECT_EQ(E("a | b & c"), "(BinOp (Name a) BitOr (BinOp (Name b) BitAnd (Name c)))");
  EXPECT_EQ(E("not a in b"), "(UnaryOp Not (Compare (Name a) In (Name b)))");
  EXPECT_EQ(E("a or b and not c"), "(BoolOp Or (Name a) (BoolOp And (Name b) (UnaryOp Not (Name c))))");
  EXPECT_EQ(E("await a ** b"), "(BinOp (Await (Name a)) Pow (Name b))");
  EXPECT_EQ(E("a < b < c"), "(Compare (Name a) Lt (Name b) Lt (Name c))");
  EXPECT_EQ(E("x if a or b else y"), "(IfExp (BoolOp Or (Name a) (Name b)) (Name x) (Name y))");
}

TEST(Parser, ConstantValues) {
  ParseResult r = parse("9223372036854775807\n0x7fffffffffffffff\n1_0.5e1_0\n'\\u00e9\\x41\\101\\0'\n0b11\n");
  ASSERT_FALSE(r.error);
  auto value = [&](size_t i) -> const ast::Constant& {
    return static_cast<const ast::Constant&>(*static_cast<const ast::ExprStmt&>(*r.module->body.at(i)).value);
  };
  EXPECT_EQ(value(0).ckind, ast::ConstantKind::Int);
  EXPECT_EQ(value(0).i, INT64_MAX);
  EXPECT_EQ(value(1).i, INT64_MAX);
  EXPECT_EQ(value(2).ckind, ast::ConstantKind::Float);
  EXPECT_DOUBLE_EQ(value(2).f, 10.5e10);
  EXPECT_EQ(value(3).s, std::string("\xC3\xA9"
                                    "AA") +
                            '\0');
  EXPECT_EQ(value(4).i, 3);
}

TEST(Parser, StringEscapesAndConcatenation) {
  EXPECT_EQ(E(R"('a\tb\\c\'d\"e')"), R"("a\tb\\c'd\"e")");
  EXPECT_EQ(E(R"(r'a\tb\'')"), R"("a\\tb\\'")");
  EXPECT_EQ(E(R"('\q')"), R"("\\q")");
  EXPECT_EQ(E("'''a\nb''' \"c\""), R"("a\nbc")");
  EXPECT_EQ(E("'a\\\nb'"), R"("ab")");
  EXPECT_EQ(E(R"('\N{EM DASH}\N{bullet}')"), "\"\xE2\x80\x94\xE2\x80\xA2\"");
  EXPECT_EQ(E(R"('\U0001F600')"), "\"\xF0\x9F\x98\x80\"");
  EXPECT_EQ(P(R"(x = '\N{NO SUCH NAME}')"),
            R"(SyntaxError: unsupported \N{NO SUCH NAME} escape: the playground knows only common character names; )"
            R"(use a \u escape @1)");
  EXPECT_EQ(E("'caf\xC3\xA9'"), "\"caf\xC3\xA9\"");
}

TEST(Parser, Docstrings) {
  ParseResult r = parse(
      "'''module doc'''\n"
      "def f():\n"
      "    \"function doc\"\n"
      "    return 1\n"
      "class A:\n"
      "    '''class doc'''\n"
      "def g():\n"
      "    x = 'not a docstring'\n"
      "def h():\n"
      "    f'not a docstring'\n");
  ASSERT_FALSE(r.error);
  const ast::Module& m = *r.module;
  EXPECT_EQ(m.docstring, "module doc");
  EXPECT_EQ(m.body.at(0)->kind, ast::StmtKind::Expr);  // the docstring stays in the body
  EXPECT_EQ(static_cast<const ast::FunctionDef&>(*m.body.at(1)).docstring, "function doc");
  EXPECT_EQ(static_cast<const ast::FunctionDef&>(*m.body.at(1)).body.size(), 2u);
  EXPECT_EQ(static_cast<const ast::ClassDef&>(*m.body.at(2)).docstring, "class doc");
  EXPECT_EQ(static_cast<const ast::FunctionDef&>(*m.body.at(3)).docstring, "");
  EXPECT_EQ(static_cast<const ast::FunctionDef&>(*m.body.at(4)).docstring, "");
  EXPECT_EQ(parse("x = 1\n'late'\n").module->docstring, "");
}

TEST(Parser, FunctionArguments) {
  ParseResult r = parse("def f(a, b=1, /, c=2, *args, d, e=3, **kw): pass\n");
  ASSERT_FALSE(r.error);
  const auto& f = static_cast<const ast::FunctionDef&>(*r.module->body.at(0));
  ASSERT_EQ(f.args.posonlyargs.size(), 2u);
  EXPECT_EQ(f.args.posonlyargs[1].name, "b");
  ASSERT_EQ(f.args.args.size(), 1u);
  EXPECT_EQ(f.args.defaults.size(), 2u);
  ASSERT_TRUE(f.args.vararg);
  EXPECT_EQ(f.args.vararg->name, "args");
  ASSERT_EQ(f.args.kwonlyargs.size(), 2u);
  ASSERT_EQ(f.args.kw_defaults.size(), 2u);
  EXPECT_EQ(f.args.kw_defaults[0], nullptr);
  EXPECT_NE(f.args.kw_defaults[1], nullptr);
  ASSERT_TRUE(f.args.kwarg);
  EXPECT_EQ(f.args.kwarg->name, "kw");
  EXPECT_EQ(P("def f(a, b=1, /, c=2, *args, d, e=3, **kw): pass"),
            "(FunctionDef f (args a b=1 / c=2 *args d e=3 **kw) [(Pass)])");
}

TEST(Parser, StatementPositions) {
  EXPECT_EQ(P("@dec\n"
              "def f(x):\n"
              "    if x:\n"
              "        return g(\n"
              "            x,\n"
              "            y=1)\n"
              "    elif x > 1:\n"
              "        pass\n",
              true),
            "(FunctionDef@2:0 f (args x@2) [(If@3:4 (Name@3:7 x) [(Return@4:8 (Call@4:15 (Name@4:15 g) "
            "(Name@5:12 x) y@6=(Constant@6:14 1)))] [(If@7:4 (Compare@7:9 (Name@7:9 x) Gt (Constant@7:13 1)) "
            "[(Pass@8:8)])])] (decorators (Name@1:1 dec)))");
  EXPECT_EQ(P("try:\n    a\nexcept E as e:\n    b\n", true),
            "(Try@1:0 [(Expr@2:4 (Name@2:4 a))] (except@3 (Name@3:7 E) as e [(Expr@4:4 (Name@4:4 b))]))");
  EXPECT_EQ(P("x = 1; y = (2 +\n  3)\n", true),
            "(Assign@1:0 [(Name:Store@1:0 x)] (Constant@1:4 1))\n"
            "(Assign@1:7 [(Name:Store@1:7 y)] (BinOp@1:12 (Constant@1:12 2) Add (Constant@2:2 3)))");
  EXPECT_EQ(P("async def f():\n    async with a:\n        pass\n", true),
            "(AsyncFunctionDef@1:0 f (args) [(AsyncWith@2:4 (item (Name@2:15 a)) [(Pass@3:8)])])");
}

TEST(Parser, ExpressionPositionsIncludeParentheses) {
  EXPECT_EQ(P("(a + b) * c", true),
            "(Expr@1:0 (BinOp@1:0 (BinOp@1:1 (Name@1:1 a) Add (Name@1:5 b)) Mult (Name@1:10 c)))");
  EXPECT_EQ(P("(a).b", true), "(Expr@1:0 (Attribute@1:0 (Name@1:1 a) b))");
  EXPECT_EQ(P("f(x for x in y)", true),
            "(Expr@1:0 (Call@1:0 (Name@1:0 f) (GeneratorExp@1:1 (Name@1:2 x) (for (Name:Store@1:8 x) in "
            "(Name@1:13 y)))))");
  EXPECT_EQ(P("x = 'caf\xC3\xA9' + y", true),
            "(Assign@1:0 [(Name:Store@1:0 x)] (BinOp@1:4 (Constant@1:4 \"caf\xC3\xA9\") Add (Name@1:14 y)))");
}

TEST(Parser, FStringPositions) {
  // Parts take the whole string's position; embedded expressions keep their own.
  EXPECT_EQ(P("x = f'a{b}c{d!r:>{w}}'", true),
            "(Assign@1:0 [(Name:Store@1:0 x)] (JoinedStr@1:4 (Constant@1:4 \"a\") (FormattedValue@1:4 "
            "(Name@1:8 b)) (Constant@1:4 \"c\") (FormattedValue@1:4 (Name@1:12 d) !r (JoinedStr@1:4 "
            "(Constant@1:4 \">\") (FormattedValue@1:4 (Name@1:18 w))))))");
  EXPECT_EQ(P("x = (f'{a}'\n     f'''\n{b +\n c}''')", true),
            "(Assign@1:0 [(Name:Store@1:0 x)] (JoinedStr@1:5 (FormattedValue@1:5 (Name@1:8 a)) "
            "(Constant@1:5 \"\\n\") (FormattedValue@1:5 (BinOp@3:1 (Name@3:1 b) Add (Name@4:1 c)))))");
}

TEST(Parser, FStringSelfDocumenting) {
  EXPECT_EQ(E("f'{x=}'"), "(JoinedStr \"x=\" (FormattedValue (Name x) !r))");
  EXPECT_EQ(E("f'{ x = }'"), "(JoinedStr \" x = \" (FormattedValue (Name x) !r))");
  EXPECT_EQ(E("f'{x=!s}'"), "(JoinedStr \"x=\" (FormattedValue (Name x) !s))");
  EXPECT_EQ(E("f'{x=:>4}'"), "(JoinedStr \"x=\" (FormattedValue (Name x) (JoinedStr \">4\")))");
  EXPECT_EQ(E("f'{a.b()=}'"), "(JoinedStr \"a.b()=\" (FormattedValue (Call (Attribute (Name a) b)) !r))");
}

TEST(Parser, ErrorLinesPointAtTheProblem) {
  EXPECT_EQ(P("x = 1\ny = 2\nz = (3,\n"), "SyntaxError: '(' was never closed @3");
  EXPECT_EQ(P("def f():\n    x = 1\n    return x +\n"), "SyntaxError: invalid syntax @3");
  EXPECT_EQ(P("a = 1\nb = 2\nc = 'oops\nd = 4\n"), "SyntaxError: unterminated string literal (detected at line 3) @3");
  EXPECT_EQ(P("a = '''x\ny\n"), "SyntaxError: unterminated triple-quoted string literal (detected at line 2) @1");
  EXPECT_EQ(P("if a:\n    b\n   c\n"), "IndentationError: unindent does not match any outer indentation level @3");
  EXPECT_EQ(P("for x in y:\n\n\n"), "IndentationError: expected an indented block after 'for' statement on line 1 @3");
  EXPECT_EQ(P("x = [1, 2\ny = 3\n"), "SyntaxError: '[' was never closed @1");
  ParseResult r = parse("x = (1 2)");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->col, 5u);
}

TEST(Parser, UnsupportedConstructs) {
  const Case cases[] = {
      {"x = 1\ny = 2j", "SyntaxError: complex numbers are not supported @2"},
      {"x = 1.5J", "SyntaxError: complex numbers are not supported @1"},
      {"x = 'a' Rb'b'", "SyntaxError: cannot mix bytes and nonbytes literals @1"},
      {"from . import a", "SyntaxError: relative imports are not supported @1"},
      {"x = 1\nfrom .mod import a", "SyntaxError: relative imports are not supported @2"},
      {"from ... import a", "SyntaxError: relative imports are not supported @1"},
      {"type X = int", "SyntaxError: 'type' statements are not supported @1"},
      {"type X[T] = list[T]", "SyntaxError: 'type' statements are not supported @1"},
  };
  for (const Case& c : cases) EXPECT_EQ(P(c.source), c.expected) << c.source;
}

TEST(Parser, MatchStatements) {
  const Case cases[] = {
      {"match x:\n    case 1 | -2 | 'a' 'b':\n        pass",
       "(Match (Name x) (case (MatchOr (MatchValue 1) (MatchValue (UnaryOp USub 2)) (MatchValue \"ab\")) [(Pass)]))"},
      {"match x, y:\n    case [a, *rest] if a:\n        pass",
       "(Match (Tuple (Name x) (Name y)) (case (MatchSequence (MatchAs a) (MatchStar rest)) (if (Name a)) [(Pass)]))"},
      {"match (x):\n    case (1, _) | (*_, 2):\n        pass",
       "(Match (Name x) (case (MatchOr (MatchSequence (MatchValue 1) (MatchAs)) (MatchSequence (MatchStar) (MatchValue 2))) [(Pass)]))"},
      {"match -x:\n    case {'k': v, C.K: None, **rest}:\n        pass",
       "(Match (UnaryOp USub (Name x)) (case (MatchMapping \"k\" (MatchAs v) (Attribute (Name C) K) (MatchSingleton None) **rest) [(Pass)]))"},
      {"match p:\n    case mod.Point(0, y=[_]) as pt:\n        pass",
       "(Match (Name p) (case (MatchAs (MatchClass (Attribute (Name mod) Point) (MatchValue 0) y=(MatchSequence (MatchAs))) pt) [(Pass)]))"},
      {"match p:\n    case a, b:\n        pass\n    case _:\n        pass",
       "(Match (Name p) (case (MatchSequence (MatchAs a) (MatchAs b)) [(Pass)]) (case (MatchAs) [(Pass)]))"},
      {"match x:\n    case P(a=1, b):\n        pass", "SyntaxError: positional patterns follow keyword patterns @2"},
      {"match x:\n    case 1 as _:\n        pass", "SyntaxError: cannot use '_' as a target @2"},
      {"match x:\n    case 1 as 2:\n        pass", "SyntaxError: invalid pattern target @2"},
      {"match x:\n    case f'a':\n        pass",
       "SyntaxError: patterns may only match literals and attribute lookups @2"},
      {"match x:\n    case *a:\n        pass", "SyntaxError: invalid syntax @2"},
      {"match x:\n    case {**_}:\n        pass", "SyntaxError: invalid syntax @2"},
      {"match x:\n    case a + 1:\n        pass", "SyntaxError: invalid syntax @2"},
      {"match x:\n    case 1\n        pass", "SyntaxError: expected ':' @2"},
      {"match x:\npass", "IndentationError: expected an indented block after 'match' statement on line 1 @2"},
      {"match x:\n    case 1:\n    pass",
       "IndentationError: expected an indented block after 'case' statement on line 2 @3"},
      {"try:\n    pass\nexcept* E as e:\n    pass", "(TryStar [(Pass)] (except (Name E) as e [(Pass)]))"},
      {"try:\n    pass\nexcept* E:\n    pass\nexcept F:\n    pass",
       "SyntaxError: cannot have both 'except' and 'except*' on the same 'try' @5"},
      {"try:\n    pass\nexcept*:\n    pass", "SyntaxError: expected one or more exception types @3"},
  };
  for (const Case& c : cases) EXPECT_EQ(P(c.source), c.expected) << c.source;
}

TEST(Parser, IntLiteralsBeyondSixtyFourBitsKeepTheirDigits) {
  EXPECT_EQ(P("x = 99999999999999999999"), "(Assign [(Name:Store x)] 99999999999999999999)");
  EXPECT_EQ(P("x = 0xFFFFFFFFFFFFFFFF"), "(Assign [(Name:Store x)] 0xFFFFFFFFFFFFFFFF)");
  EXPECT_EQ(P("x = 9223372036854775808"), "(Assign [(Name:Store x)] 9223372036854775808)");
}

TEST(Parser, SyntaxErrorsTakePrecedenceOverDeferredChecks) {
  // CPython reports these only after parsing the whole file, so a later syntax error wins.
  EXPECT_EQ(P("x = b'a'\ny = 1j\nz = (\n"), "SyntaxError: '(' was never closed @3");
  EXPECT_EQ(P("def f(a, a): pass\nx = = 1\n"), "SyntaxError: invalid syntax @2");
  EXPECT_EQ(P("from . import a\nx = 1j\n"), "SyntaxError: relative imports are not supported @1");
  EXPECT_EQ(P("x = 1j\nfrom . import a\n"), "SyntaxError: complex numbers are not supported @1");
  EXPECT_EQ(P("x = f'{1j}'\n"), "SyntaxError: complex numbers are not supported @1");
}

TEST(Parser, SoftKeywordsAreNames) {
  EXPECT_EQ(P("match = 3\ncase = match\ntype = case"),
            "(Assign [(Name:Store match)] 3)\n(Assign [(Name:Store case)] (Name match))\n"
            "(Assign [(Name:Store type)] (Name case))");
  EXPECT_EQ(P("match(x)\nmatch[0]\nmatch.y\ntype(x)"),
            "(Expr (Call (Name match) (Name x)))\n(Expr (Subscript (Name match) 0))\n"
            "(Expr (Attribute (Name match) y))\n(Expr (Call (Name type) (Name x)))");
}

TEST(Parser, CompilerLevelChecks) {
  const Case cases[] = {
      {"x = *a", "SyntaxError: can't use starred expression here @1"},
      {"*a", "SyntaxError: can't use starred expression here @1"},
      {"*a = 1", "SyntaxError: starred assignment target must be in a list or tuple @1"},
      {"a, *b, *c = 1", "SyntaxError: multiple starred expressions in assignment @1"},
      {"for *a in b: pass", "SyntaxError: starred assignment target must be in a list or tuple @1"},
      {"def f(x, x): pass", "SyntaxError: duplicate argument 'x' in function definition @1"},
      {"lambda a, *a: 0", "SyntaxError: duplicate argument 'a' in function definition @1"},
      {"f(x=1, x=2)", "SyntaxError: keyword argument repeated: x @1"},
      {"try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass", "SyntaxError: default 'except:' must be last @3"},
  };
  for (const Case& c : cases) EXPECT_EQ(P(c.source), c.expected) << c.source;
}

TEST(Parser, NestingLimits) {
  EXPECT_EQ(P(std::string(1000, '-') + "1"), "RecursionError: maximum recursion depth exceeded during compilation @1");
  std::string nots;
  for (int i = 0; i < 1000; ++i) nots += "not ";
  EXPECT_EQ(P(nots + "x"), "RecursionError: maximum recursion depth exceeded during compilation @1");
  std::string sum = "x = 1";
  for (int i = 0; i < 5000; ++i) sum += "+1";
  EXPECT_EQ(P(sum), "RecursionError: maximum recursion depth exceeded during compilation @1");
  std::string attrs = "x = a";
  for (int i = 0; i < 3000; ++i) attrs += ".b";
  EXPECT_EQ(P(attrs), "RecursionError: maximum recursion depth exceeded during compilation @1");
  std::string pow = "x = 2";
  for (int i = 0; i < 1000; ++i) pow += " ** 2";
  EXPECT_EQ(P(pow), "RecursionError: maximum recursion depth exceeded during compilation @1");
  std::string lambdas = "x = ";
  for (int i = 0; i < 1000; ++i) lambdas += "lambda: ";
  EXPECT_EQ(P(lambdas + "0"), "RecursionError: maximum recursion depth exceeded during compilation @1");
  EXPECT_EQ(P("x = " + std::string(201, '(') + std::string(201, ')')), "SyntaxError: too many nested parentheses @1");
  // Deep but legal nesting parses.
  EXPECT_EQ(P("x = " + std::string(190, '[') + std::string(190, ']')).substr(0, 10), "(Assign [(");
  std::string calls = "x = ";
  for (int i = 0; i < 150; ++i) calls += "f(";
  calls += std::string(150, ')');
  EXPECT_EQ(P(calls).substr(0, 10), "(Assign [(");
  std::string chain = "x = 0";
  for (int i = 0; i < 900; ++i) chain += " + 1";
  EXPECT_EQ(P(chain).substr(0, 10), "(Assign [(");
  std::string blocks;
  for (int i = 0; i < 98; ++i) blocks += std::string(static_cast<size_t>(i), ' ') + "if x:\n";
  blocks += std::string(98, ' ') + "pass\n";
  EXPECT_EQ(P(blocks).substr(0, 4), "(If ");
  std::string deeper;
  for (int i = 0; i < 101; ++i) deeper += std::string(static_cast<size_t>(i), ' ') + "if x:\n";
  deeper += std::string(101, ' ') + "pass\n";
  EXPECT_EQ(P(deeper), "IndentationError: too many levels of indentation @101");
  std::string elifs = "if a:\n    pass\n";
  for (int i = 0; i < 1200; ++i) elifs += "elif a:\n    pass\n";
  EXPECT_EQ(P(elifs), "RecursionError: maximum recursion depth exceeded during compilation @2002");
}

// kSamples are small complete programs whose prefixes and mutations must never crash.
const char* const kSamples[] = {
    R"py(import threading, time

counter = 0
lock = threading.Lock()

def worker(n: int) -> None:
    """Increment the shared counter."""
    global counter
    for i in range(n):
        with lock:
            counter += 1
        time.sleep(0.001 * (i % 3))

threads = [threading.Thread(target=worker, args=(10,)) for _ in range(4)]
for t in threads: t.start()
for t in threads: t.join()
print(f"counter = {counter!r:>8}", sep='', end="\n")
)py",
    R"py(import asyncio

async def fetch(name, delay=0.5, *, retries=3, **extra):
    try:
        await asyncio.sleep(delay)
    except (ValueError, KeyError) as exc:
        raise RuntimeError("bad") from exc
    else:
        return {name: [x ** 2 for x in range(5) if x % 2], **extra}
    finally:
        pass

async def main():
    results = await asyncio.gather(*(fetch(n) for n in "abc"))
    async for item in agen():
        print(item)
    lam = lambda a, /, b=2, *c, d, **e: (a, b, c, d, e)
    x = y = (z := 3) if results else None
    del x
    assert y is None or y != 0, "msg"
    return results[1:2, ::3]

asyncio.run(main())
)py",
    R"py(class Node(object, metaclass=type):
    '''A node.'''
    def __init__(self, value, children=()):
        self.value, self.children = value, list(children)

    @property
    def size(self):
        return 1 + sum(c.size for c in self.children)

    def walk(self):
        yield self.value
        for c in self.children:
            yield from c.walk()

tree = Node(1, [Node(2), Node(3, [Node(4)])])
while tree.size > 100:
    break
else:
    print({k: v for k, v in enumerate(tree.walk())}, {*range(3)}, [*"ab"], (1,), ...)
)py",
};

// Rng is a fixed-seed xorshift generator so fuzz cases are reproducible.
struct Rng {
  uint64_t state = 0x9E3779B97F4A7C15ull;
  uint64_t next() {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  }
  size_t below(size_t n) { return static_cast<size_t>(next() % n); }
};

TEST(ParserFuzz, SamplesParse) {
  for (const char* s : kSamples) {
    ParseResult r = parse(s);
    EXPECT_FALSE(r.error) << (r.error ? error_text(*r.error) : "") << "\n" << s;
  }
}

TEST(ParserFuzz, EveryPrefixIsHandled) {
  for (const char* s : kSamples) {
    std::string_view full(s);
    for (size_t n = 0; n <= full.size(); ++n) {
      ParseResult r = parse(full.substr(0, n));
      EXPECT_TRUE(r.error.has_value() != (r.module != nullptr));
      if (r.error) {
        EXPECT_FALSE(r.error->message.empty());
        EXPECT_GE(r.error->line, 1u);
      }
    }
  }
}

TEST(ParserFuzz, RandomMutationsAreHandled) {
  static const char kAlphabet[] = "()[]{}:;,.'\"\\#=+-*/%<>!@&|^~ \t\n\r0123456789abcxyz_fbrj\x80\xC3\xA9\xFF\xE2";
  static const char* const kTokens[] = {"if ",    "else", "lambda", "yield", "await ", "async ", "def ",
                                        "class ", "f'{",  "}",      "'''",   "\"\"\"", "\\\n",   "\n    ",
                                        "\n",     "**",   ":=",     "...",   "match ", "*"};
  Rng rng;
  int errors = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string src = kSamples[rng.below(3)];
    int edits = 1 + static_cast<int>(rng.below(4));
    for (int e = 0; e < edits; ++e) {
      size_t at = rng.below(src.size() + 1);
      switch (rng.below(4)) {
        case 0:
          if (!src.empty() && at < src.size()) src.erase(at, 1 + rng.below(8));
          break;
        case 1: src.insert(at, 1, kAlphabet[rng.below(sizeof kAlphabet - 1)]); break;
        case 2: src.insert(at, kTokens[rng.below(sizeof kTokens / sizeof kTokens[0])]); break;
        default:
          if (at < src.size()) src[at] = kAlphabet[rng.below(sizeof kAlphabet - 1)];
          break;
      }
    }
    ParseResult r = parse(src);
    ASSERT_TRUE(r.error.has_value() != (r.module != nullptr)) << src;
    if (r.error) {
      ++errors;
      EXPECT_FALSE(r.error->message.empty()) << src;
      EXPECT_GE(r.error->line, 1u) << src;
    }
  }
  EXPECT_GT(errors, 1000);
}

TEST(ParserFuzz, PathologicalInputs) {
  struct Input {
    std::string source;
    bool valid;
  };
  const Input inputs[] = {
      {std::string(100000, '('), false},
      {std::string(100000, '['), false},
      {std::string(100000, '-') + "x", false},
      {"x = " + std::string(50000, '~') + "1", false},
      {std::string(10000, '@') + "\ndef f(): pass", false},
      {"f'{" + std::string(300, '(') + "x" + std::string(300, ')') + "}'", false},
      {"f'{" + std::string(150, '(') + "x" + std::string(150, ')') + "}'", true},
      {"f'" + std::string(5000, '{') + std::string(5000, '}') + "'", true},
      {"x = " + std::string(20000, '"'), true},
      {std::string(5000, '\t') + "x", false},
      {"if x:\n" + std::string(100000, ' ') + "y\n", true},
      {"lambda " + std::string(10000, '*'), false},
      {"x = a" + std::string(10000, ',') + "b", false},
      {std::string("\0\0\0", 3), false},
      {"x = f'{f\"{x!r:>{w}}\"}'", true},
  };
  for (const Input& in : inputs) {
    ParseResult r = parse(in.source);
    EXPECT_EQ(!r.error.has_value(), in.valid) << in.source.substr(0, 40);
  }
}

}  // namespace
}  // namespace interleave
