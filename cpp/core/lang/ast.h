#pragma once
// The syntax tree the parser builds and the compiler walks. It mirrors CPython's
// `ast` module (same node names and fields) so that Python's own documentation is
// the reference for what each node means. Every node carries its 1-based source line.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace interleave::ast {

enum class ExprKind : uint8_t {
  Name,
  Constant,
  JoinedStr,
  FormattedValue,
  BinOp,
  UnaryOp,
  BoolOp,
  Compare,
  Call,
  Attribute,
  Subscript,
  Slice,
  List,
  Tuple,
  Dict,
  Set,
  ListComp,
  SetComp,
  DictComp,
  GeneratorExp,
  Lambda,
  IfExp,
  Starred,
  Await,
  Yield,
  YieldFrom,
  NamedExpr,
};

enum class StmtKind : uint8_t {
  Expr,
  Assign,
  AugAssign,
  AnnAssign,
  FunctionDef,
  ClassDef,
  Return,
  If,
  While,
  For,
  Break,
  Continue,
  Pass,
  Try,
  Raise,
  With,
  Assert,
  Delete,
  Global,
  Nonlocal,
  Import,
  ImportFrom,
  AsyncFunctionDef,
  AsyncFor,
  AsyncWith,
  Match,
};

// Context says whether a Name/Attribute/Subscript/Tuple/List/Starred is read, assigned or deleted.
enum class Context : uint8_t { Load, Store, Del };

enum class BinOpKind : uint8_t {
  Add,
  Sub,
  Mult,
  Div,
  FloorDiv,
  Mod,
  Pow,
  LShift,
  RShift,
  BitOr,
  BitXor,
  BitAnd,
  MatMult
};
enum class UnaryOpKind : uint8_t { Not, USub, UAdd, Invert };
enum class BoolOpKind : uint8_t { And, Or };
enum class CmpOpKind : uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

struct Expr {
  ExprKind kind;
  uint32_t line = 0;
  uint32_t col = 0;
  Expr(ExprKind k, uint32_t l, uint32_t c = 0) : kind(k), line(l), col(c) {}
  virtual ~Expr() = default;
};
struct Stmt {
  StmtKind kind;
  uint32_t line = 0;
  uint32_t col = 0;
  Stmt(StmtKind k, uint32_t l, uint32_t c = 0) : kind(k), line(l), col(c) {}
  virtual ~Stmt() = default;
};
using ExprPtr = std::unique_ptr<Expr>;
using StmtPtr = std::unique_ptr<Stmt>;
using ExprList = std::vector<ExprPtr>;
using Body = std::vector<StmtPtr>;

// ---- expressions ----
struct Name : Expr {
  std::string id;
  Context ctx = Context::Load;
  Name(uint32_t l) : Expr(ExprKind::Name, l) {}
};

// ConstantKind: what literal a Constant holds. An Int literal that does not fit in 64 bits
// keeps its digits (with any 0x/0o/0b prefix) in s, and i is 1.
enum class ConstantKind : uint8_t { None, True, False, Int, Float, Str, Ellipsis, Bytes };
struct Constant : Expr {
  ConstantKind ckind = ConstantKind::None;
  int64_t i = 0;
  double f = 0.0;
  std::string s;  // UTF-8
  Constant(uint32_t l) : Expr(ExprKind::Constant, l) {}
};
// JoinedStr is an f-string: values are Constant(Str) and FormattedValue parts.
struct JoinedStr : Expr {
  ExprList values;
  JoinedStr(uint32_t l) : Expr(ExprKind::JoinedStr, l) {}
};
// FormattedValue: conversion is -1 (none), 's', 'r' or 'a'; format_spec is a JoinedStr or null.
struct FormattedValue : Expr {
  ExprPtr value;
  int conversion = -1;
  ExprPtr format_spec;
  FormattedValue(uint32_t l) : Expr(ExprKind::FormattedValue, l) {}
};
struct BinOp : Expr {
  ExprPtr left;
  BinOpKind op;
  ExprPtr right;
  BinOp(uint32_t l) : Expr(ExprKind::BinOp, l) {}
};
struct UnaryOp : Expr {
  UnaryOpKind op;
  ExprPtr operand;
  UnaryOp(uint32_t l) : Expr(ExprKind::UnaryOp, l) {}
};
struct BoolOp : Expr {
  BoolOpKind op;
  ExprList values;
  BoolOp(uint32_t l) : Expr(ExprKind::BoolOp, l) {}
};
struct Compare : Expr {
  ExprPtr left;
  std::vector<CmpOpKind> ops;
  ExprList comparators;
  Compare(uint32_t l) : Expr(ExprKind::Compare, l) {}
};
struct Keyword {
  std::string arg; /* empty for **kwargs */
  ExprPtr value;
  uint32_t line = 0;
};
// Call: positional args may include Starred (f(*xs)); keywords with empty arg are **kw.
struct Call : Expr {
  ExprPtr func;
  ExprList args;
  std::vector<Keyword> keywords;
  Call(uint32_t l) : Expr(ExprKind::Call, l) {}
};
struct Attribute : Expr {
  ExprPtr value;
  std::string attr;
  Context ctx = Context::Load;
  Attribute(uint32_t l) : Expr(ExprKind::Attribute, l) {}
};
struct Subscript : Expr {
  ExprPtr value;
  ExprPtr slice;
  Context ctx = Context::Load;
  Subscript(uint32_t l) : Expr(ExprKind::Subscript, l) {}
};
struct Slice : Expr {
  ExprPtr lower, upper, step;
  Slice(uint32_t l) : Expr(ExprKind::Slice, l) {}
};
struct List : Expr {
  ExprList elts;
  Context ctx = Context::Load;
  List(uint32_t l) : Expr(ExprKind::List, l) {}
};
struct Tuple : Expr {
  ExprList elts;
  Context ctx = Context::Load;
  Tuple(uint32_t l) : Expr(ExprKind::Tuple, l) {}
};
// Dict: a null key means `**value` unpacking.
struct Dict : Expr {
  ExprList keys;
  ExprList values;
  Dict(uint32_t l) : Expr(ExprKind::Dict, l) {}
};
struct Set : Expr {
  ExprList elts;
  Set(uint32_t l) : Expr(ExprKind::Set, l) {}
};
struct Comprehension {
  ExprPtr target;
  ExprPtr iter;
  ExprList ifs;
  bool is_async = false;
};
struct ListComp : Expr {
  ExprPtr elt;
  std::vector<Comprehension> generators;
  ListComp(uint32_t l) : Expr(ExprKind::ListComp, l) {}
};
struct SetComp : Expr {
  ExprPtr elt;
  std::vector<Comprehension> generators;
  SetComp(uint32_t l) : Expr(ExprKind::SetComp, l) {}
};
struct DictComp : Expr {
  ExprPtr key;
  ExprPtr value;
  std::vector<Comprehension> generators;
  DictComp(uint32_t l) : Expr(ExprKind::DictComp, l) {}
};
struct GeneratorExp : Expr {
  ExprPtr elt;
  std::vector<Comprehension> generators;
  GeneratorExp(uint32_t l) : Expr(ExprKind::GeneratorExp, l) {}
};

// Arg / Arguments mirror ast.arguments; a def's annotations (parameters, then "return") are kept in order.
struct Arg {
  std::string name;
  uint32_t line = 0;
};
struct Arguments {
  std::vector<Arg> posonlyargs;
  std::vector<Arg> args;
  std::unique_ptr<Arg> vararg;  // *args
  std::vector<Arg> kwonlyargs;
  ExprList kw_defaults;                                      // one per kwonlyarg; null where none
  std::unique_ptr<Arg> kwarg;                                // **kwargs
  ExprList defaults;                                         // for the last len(defaults) of posonlyargs+args
  std::vector<std::pair<std::string, ExprPtr>> annotations;  // annotations: the def's __annotations__
};
struct Lambda : Expr {
  Arguments args;
  ExprPtr body;
  Lambda(uint32_t l) : Expr(ExprKind::Lambda, l) {}
};
struct IfExp : Expr {
  ExprPtr test, body, orelse;
  IfExp(uint32_t l) : Expr(ExprKind::IfExp, l) {}
};
struct Starred : Expr {
  ExprPtr value;
  Context ctx = Context::Load;
  Starred(uint32_t l) : Expr(ExprKind::Starred, l) {}
};
struct Await : Expr {
  ExprPtr value;
  Await(uint32_t l) : Expr(ExprKind::Await, l) {}
};
struct Yield : Expr {
  ExprPtr value; /* may be null */
  Yield(uint32_t l) : Expr(ExprKind::Yield, l) {}
};
struct YieldFrom : Expr {
  ExprPtr value;
  YieldFrom(uint32_t l) : Expr(ExprKind::YieldFrom, l) {}
};
struct NamedExpr : Expr {
  ExprPtr target;
  ExprPtr value;
  NamedExpr(uint32_t l) : Expr(ExprKind::NamedExpr, l) {}
};

// ---- statements ----
struct ExprStmt : Stmt {
  ExprPtr value;
  ExprStmt(uint32_t l) : Stmt(StmtKind::Expr, l) {}
};
// Assign: `a = b = value` has two targets.
struct Assign : Stmt {
  ExprList targets;
  ExprPtr value;
  Assign(uint32_t l) : Stmt(StmtKind::Assign, l) {}
};
struct AugAssign : Stmt {
  ExprPtr target;
  BinOpKind op;
  ExprPtr value;
  AugAssign(uint32_t l) : Stmt(StmtKind::AugAssign, l) {}
};
// AnnAssign: `x: int = 3`; value may be null (`x: int`); simple: the target is a bare name.
struct AnnAssign : Stmt {
  ExprPtr target;
  ExprPtr annotation;
  ExprPtr value;
  bool simple = false;
  AnnAssign(uint32_t l) : Stmt(StmtKind::AnnAssign, l) {}
};
// FunctionDef also represents AsyncFunctionDef (kind tells which).
struct FunctionDef : Stmt {
  std::string name;
  Arguments args;
  Body body;
  ExprList decorator_list;
  std::string docstring;
  FunctionDef(uint32_t l, bool is_async = false)
      : Stmt(is_async ? StmtKind::AsyncFunctionDef : StmtKind::FunctionDef, l) {}
};
// ClassDef::docstring is the body's leading string literal (empty if none), as for FunctionDef.
struct ClassDef : Stmt {
  std::string name;
  ExprList bases;
  std::vector<Keyword> keywords;
  Body body;
  ExprList decorator_list;
  std::string docstring;
  ClassDef(uint32_t l) : Stmt(StmtKind::ClassDef, l) {}
};
struct Return : Stmt {
  ExprPtr value;
  Return(uint32_t l) : Stmt(StmtKind::Return, l) {}
};
struct If : Stmt {
  ExprPtr test;
  Body body;
  Body orelse;
  If(uint32_t l) : Stmt(StmtKind::If, l) {}
};
struct While : Stmt {
  ExprPtr test;
  Body body;
  Body orelse;
  While(uint32_t l) : Stmt(StmtKind::While, l) {}
};
// For also represents AsyncFor.
struct For : Stmt {
  ExprPtr target;
  ExprPtr iter;
  Body body;
  Body orelse;
  For(uint32_t l, bool is_async = false) : Stmt(is_async ? StmtKind::AsyncFor : StmtKind::For, l) {}
};
struct Break : Stmt {
  Break(uint32_t l) : Stmt(StmtKind::Break, l) {}
};
struct Continue : Stmt {
  Continue(uint32_t l) : Stmt(StmtKind::Continue, l) {}
};
struct Pass : Stmt {
  Pass(uint32_t l) : Stmt(StmtKind::Pass, l) {}
};
struct ExceptHandler {
  ExprPtr type; /* null: bare except */
  std::string name;
  Body body;
  uint32_t line = 0;
};
// Try with star set is CPython's TryStar (`except*` handlers).
struct Try : Stmt {
  bool star = false;
  Body body;
  std::vector<ExceptHandler> handlers;
  Body orelse;
  Body finalbody;
  Try(uint32_t l) : Stmt(StmtKind::Try, l) {}
};
struct Raise : Stmt {
  ExprPtr exc;
  ExprPtr cause;
  Raise(uint32_t l) : Stmt(StmtKind::Raise, l) {}
};
struct WithItem {
  ExprPtr context_expr;
  ExprPtr optional_vars;
};
// With also represents AsyncWith.
struct With : Stmt {
  std::vector<WithItem> items;
  Body body;
  With(uint32_t l, bool is_async = false) : Stmt(is_async ? StmtKind::AsyncWith : StmtKind::With, l) {}
};
struct Assert : Stmt {
  ExprPtr test;
  ExprPtr msg;
  Assert(uint32_t l) : Stmt(StmtKind::Assert, l) {}
};
struct Delete : Stmt {
  ExprList targets;
  Delete(uint32_t l) : Stmt(StmtKind::Delete, l) {}
};
struct Global : Stmt {
  std::vector<std::string> names;
  Global(uint32_t l) : Stmt(StmtKind::Global, l) {}
};
struct Nonlocal : Stmt {
  std::vector<std::string> names;
  Nonlocal(uint32_t l) : Stmt(StmtKind::Nonlocal, l) {}
};
// Alias: `import a.b as c` has name "a.b", asname "c".
struct Alias {
  std::string name;
  std::string asname;
  uint32_t line = 0;
};
struct Import : Stmt {
  std::vector<Alias> names;
  Import(uint32_t l) : Stmt(StmtKind::Import, l) {}
};
struct ImportFrom : Stmt {
  std::string module;
  std::vector<Alias> names;
  int level = 0;
  ImportFrom(uint32_t l) : Stmt(StmtKind::ImportFrom, l) {}
};

// Pattern is one node of a `case` pattern (CPython's ast.pattern), all kinds in one struct:
// MatchValue (value), MatchSingleton (singleton), MatchSequence (patterns), MatchMapping
// (keys, patterns, name = the **rest capture), MatchClass (value = the class, patterns,
// kwd_attrs, kwd_patterns), MatchStar (name), MatchAs (pattern, name), MatchOr (patterns).
// An empty name is the wildcard `_` (MatchAs, MatchStar) or no **rest.
enum class PatternKind : uint8_t {
  MatchValue,
  MatchSingleton,
  MatchSequence,
  MatchMapping,
  MatchClass,
  MatchStar,
  MatchAs,
  MatchOr
};
struct Pattern;
using PatternPtr = std::unique_ptr<Pattern>;
struct Pattern {
  PatternKind kind;
  uint32_t line = 0;
  uint32_t col = 0;
  ExprPtr value;
  ConstantKind singleton = ConstantKind::None;
  std::vector<PatternPtr> patterns;
  ExprList keys;
  std::vector<std::string> kwd_attrs;
  std::vector<PatternPtr> kwd_patterns;
  PatternPtr pattern;
  std::string name;
  Pattern(PatternKind k, uint32_t l, uint32_t c) : kind(k), line(l), col(c) {}
};
struct MatchCase {
  PatternPtr pattern;
  ExprPtr guard;
  Body body;
  uint32_t line = 0;
};
struct Match : Stmt {
  ExprPtr subject;
  std::vector<MatchCase> cases;
  Match(uint32_t l) : Stmt(StmtKind::Match, l) {}
};

struct Module {
  Body body;
  std::string docstring;
};

}  // namespace interleave::ast
