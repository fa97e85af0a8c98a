#include "lang/compiler.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "lang/native_stack.h"

namespace interleave {
namespace {

using namespace ast;

// ---------------------------------------------------------------------------
// Symbol tables
// ---------------------------------------------------------------------------

enum SymFlag : uint32_t {
  kDefLocal = 1,
  kDefParam = 2,
  kDefGlobal = 4,
  kDefNonlocal = 8,
  kUse = 16,
};

enum class ScopeKind : uint8_t { Module, Function, Class, Comprehension };
enum class Binding : uint8_t { Local, Cell, Free, GlobalExplicit, GlobalImplicit };

struct Scope {
  ScopeKind kind = ScopeKind::Module;
  std::string name;
  Scope* parent = nullptr;
  uint32_t line = 0;
  std::vector<std::unique_ptr<Scope>> children;
  std::unordered_map<std::string, uint32_t> flags;  // lookup only; order below
  std::vector<std::string> order;                   // names in order of first appearance
  std::vector<std::string> params;
  std::set<std::string> deleted;                        // names that appear in `del`
  std::unordered_map<std::string, uint32_t> decl_line;  // line of each global/nonlocal statement
  bool generator = false;
  bool coroutine = false;
  bool needs_class_cell = false;
  bool has_annotations = false;  // has_annotations: a module or class body with `x: T` creates __annotations__
  std::unordered_map<std::string, Binding> bind;
  std::vector<std::string> cellvars;
  std::vector<std::string> freevars;
  const char* comp_desc = "";  // "list comprehension", ... for error messages
};

class SymtableBuilder {
 public:
  std::unique_ptr<Scope> build(const Module& m) {
    auto root = std::make_unique<Scope>();
    root->kind = ScopeKind::Module;
    root->name = "<module>";
    cur_ = root.get();
    visit_body(m.body);
    if (!error_) analyze(root.get(), {});
    return root;
  }
  std::optional<CompileError> error_;
  std::unordered_map<const void*, Scope*> scope_of;  // AST node -> its scope (lookup only)

 private:
  Scope* cur_ = nullptr;

  void fail(std::string msg, uint32_t line) {
    if (!error_) error_ = CompileError{"SyntaxError", std::move(msg), line, 0};
  }

  void add(const std::string& name, uint32_t flag) {
    auto it = cur_->flags.find(name);
    if (it == cur_->flags.end()) {
      cur_->order.push_back(name);
      cur_->flags.emplace(name, flag);
    } else {
      it->second |= flag;
    }
  }
  static void add_to(Scope* s, const std::string& name, uint32_t flag) {
    auto it = s->flags.find(name);
    if (it == s->flags.end()) {
      s->order.push_back(name);
      s->flags.emplace(name, flag);
    } else {
      it->second |= flag;
    }
  }

  Scope* push_scope(ScopeKind kind, std::string name, const void* node, uint32_t line) {
    auto s = std::make_unique<Scope>();
    s->kind = kind;
    s->name = std::move(name);
    s->parent = cur_;
    s->line = line;
    Scope* raw = s.get();
    cur_->children.push_back(std::move(s));
    scope_of[node] = raw;
    cur_ = raw;
    return raw;
  }
  void pop_scope() { cur_ = cur_->parent; }

  void visit_body(const Body& body) {
    for (const auto& s : body) visit_stmt(*s);
  }

  void visit_args_defaults(const Arguments& a) {
    for (const auto& d : a.defaults) visit_expr(*d);
    for (const auto& an : a.annotations) visit_expr(*an.second);
    for (const auto& d : a.kw_defaults)
      if (d) visit_expr(*d);
  }

  void add_params(const Arguments& a, uint32_t line) {
    auto param = [&](const std::string& n) {
      auto it = cur_->flags.find(n);
      if (it != cur_->flags.end() && (it->second & kDefParam)) {
        fail("duplicate argument '" + n + "' in function definition", line);
      }
      add(n, kDefParam);
      cur_->params.push_back(n);
    };
    for (const auto& p : a.posonlyargs) param(p.name);
    for (const auto& p : a.args) param(p.name);
    for (const auto& p : a.kwonlyargs) param(p.name);
    if (a.vararg) param(a.vararg->name);
    if (a.kwarg) param(a.kwarg->name);
  }

  void visit_stmt(const Stmt& s) {
    switch (s.kind) {
      case StmtKind::Expr: visit_expr(*static_cast<const ExprStmt&>(s).value); break;
      case StmtKind::Assign: {
        const auto& a = static_cast<const Assign&>(s);
        visit_expr(*a.value);
        for (const auto& t : a.targets) visit_expr(*t);
        break;
      }
      case StmtKind::AugAssign: {
        const auto& a = static_cast<const AugAssign&>(s);
        visit_expr(*a.value);
        if (a.target->kind == ExprKind::Name) {
          add(static_cast<const Name&>(*a.target).id, kDefLocal | kUse);
        } else {
          visit_expr(*a.target);
        }
        break;
      }
      case StmtKind::AnnAssign: {
        const auto& a = static_cast<const AnnAssign&>(s);
        if (a.value) visit_expr(*a.value);
        visit_expr(*a.target);
        if (cur_->kind == ScopeKind::Module || cur_->kind == ScopeKind::Class) {
          visit_expr(*a.annotation);
          cur_->has_annotations = true;
        }
        break;
      }
      case StmtKind::FunctionDef:
      case StmtKind::AsyncFunctionDef: {
        const auto& f = static_cast<const FunctionDef&>(s);
        for (const auto& d : f.decorator_list) visit_expr(*d);
        visit_args_defaults(f.args);
        add(f.name, kDefLocal);
        Scope* sc = push_scope(ScopeKind::Function, f.name, &f, f.line);
        sc->coroutine = s.kind == StmtKind::AsyncFunctionDef;
        add_params(f.args, f.line);
        visit_body(f.body);
        pop_scope();
        break;
      }
      case StmtKind::ClassDef: {
        const auto& c = static_cast<const ClassDef&>(s);
        for (const auto& d : c.decorator_list) visit_expr(*d);
        for (const auto& b : c.bases) visit_expr(*b);
        for (const auto& k : c.keywords) visit_expr(*k.value);
        add(c.name, kDefLocal);
        push_scope(ScopeKind::Class, c.name, &c, c.line);
        visit_body(c.body);
        pop_scope();
        break;
      }
      case StmtKind::Return: {
        const auto& r = static_cast<const Return&>(s);
        if (r.value) visit_expr(*r.value);
        break;
      }
      case StmtKind::If: {
        const auto& i = static_cast<const If&>(s);
        visit_expr(*i.test);
        visit_body(i.body);
        visit_body(i.orelse);
        break;
      }
      case StmtKind::While: {
        const auto& w = static_cast<const While&>(s);
        visit_expr(*w.test);
        visit_body(w.body);
        visit_body(w.orelse);
        break;
      }
      case StmtKind::For:
      case StmtKind::AsyncFor: {
        const auto& f = static_cast<const For&>(s);
        if (s.kind == StmtKind::AsyncFor && !cur_->coroutine) {
          fail("'async for' outside async function", s.line);
        }
        visit_expr(*f.iter);
        visit_expr(*f.target);
        visit_body(f.body);
        visit_body(f.orelse);
        break;
      }
      case StmtKind::Try: {
        const auto& t = static_cast<const Try&>(s);
        visit_body(t.body);
        for (const auto& h : t.handlers) {
          if (h.type) visit_expr(*h.type);
          if (!h.name.empty()) add(h.name, kDefLocal);
          visit_body(h.body);
        }
        visit_body(t.orelse);
        visit_body(t.finalbody);
        break;
      }
      case StmtKind::Raise: {
        const auto& r = static_cast<const Raise&>(s);
        if (r.exc) visit_expr(*r.exc);
        if (r.cause) visit_expr(*r.cause);
        break;
      }
      case StmtKind::With:
      case StmtKind::AsyncWith: {
        const auto& w = static_cast<const With&>(s);
        if (s.kind == StmtKind::AsyncWith && !cur_->coroutine) {
          fail("'async with' outside async function", s.line);
        }
        for (const auto& item : w.items) {
          visit_expr(*item.context_expr);
          if (item.optional_vars) visit_expr(*item.optional_vars);
        }
        visit_body(w.body);
        break;
      }
      case StmtKind::Assert: {
        const auto& a = static_cast<const Assert&>(s);
        visit_expr(*a.test);
        if (a.msg) visit_expr(*a.msg);
        break;
      }
      case StmtKind::Delete: {
        const auto& d = static_cast<const Delete&>(s);
        for (const auto& t : d.targets) visit_expr(*t);
        break;
      }
      case StmtKind::Global:
      case StmtKind::Nonlocal: {
        bool global = s.kind == StmtKind::Global;
        const auto& names = global ? static_cast<const Global&>(s).names : static_cast<const Nonlocal&>(s).names;
        if (!global && cur_->kind == ScopeKind::Module) {
          fail("nonlocal declaration not allowed at module level", s.line);
          break;
        }
        const char* what = global ? "global" : "nonlocal";
        for (const auto& n : names) {
          auto it = cur_->flags.find(n);
          uint32_t f = it == cur_->flags.end() ? 0 : it->second;
          if (f & kDefParam) {
            fail("name '" + n + "' is parameter and " + what, s.line);
          } else if (f & kUse) {
            fail("name '" + n + "' is used prior to " + what + " declaration", s.line);
          } else if (f & kDefLocal) {
            fail("name '" + n + "' is assigned to before " + what + " declaration", s.line);
          } else if (global && (f & kDefNonlocal)) {
            fail("name '" + n + "' is nonlocal and global", s.line);
          } else if (!global && (f & kDefGlobal)) {
            fail("name '" + n + "' is nonlocal and global", s.line);
          }
          add(n, global ? kDefGlobal : kDefNonlocal);
          cur_->decl_line.emplace(n, s.line);
        }
        break;
      }
      case StmtKind::Import: {
        const auto& im = static_cast<const Import&>(s);
        for (const auto& a : im.names) {
          std::string bound = a.asname.empty() ? a.name.substr(0, a.name.find('.')) : a.asname;
          add(bound, kDefLocal);
        }
        break;
      }
      case StmtKind::ImportFrom: {
        const auto& im = static_cast<const ImportFrom&>(s);
        for (const auto& a : im.names) {
          if (a.name == "*") {
            if (cur_->kind != ScopeKind::Module) fail("import * only allowed at module level", s.line);
            continue;
          }
          add(a.asname.empty() ? a.name : a.asname, kDefLocal);
        }
        break;
      }
      case StmtKind::Match: {
        const auto& m = static_cast<const Match&>(s);
        visit_expr(*m.subject);
        for (const auto& c : m.cases) {
          visit_pattern(*c.pattern);
          if (c.guard) visit_expr(*c.guard);
          visit_body(c.body);
        }
        break;
      }
      case StmtKind::Break:
      case StmtKind::Continue:
      case StmtKind::Pass: break;
    }
  }

  void visit_pattern(const Pattern& p) {
    if (p.value) visit_expr(*p.value);
    for (const auto& k : p.keys) visit_expr(*k);
    for (const auto& q : p.patterns) visit_pattern(*q);
    for (const auto& q : p.kwd_patterns) visit_pattern(*q);
    if (p.pattern) visit_pattern(*p.pattern);
    if (!p.name.empty()) add(p.name, kDefLocal);
  }

  void visit_comprehension(const Expr& e, const std::vector<Comprehension>& gens, const char* name, const char* desc,
                           const Expr* elt, const Expr* key, const Expr* value) {
    // The first iterable is evaluated in the enclosing scope.
    visit_expr(*gens[0].iter);
    Scope* sc = push_scope(ScopeKind::Comprehension, name, &e, e.line);
    sc->comp_desc = desc;
    sc->generator = std::strcmp(name, "<genexpr>") == 0;
    for (const auto& g : gens) sc->coroutine |= g.is_async;
    add(".0", kDefParam);
    sc->params.push_back(".0");
    for (size_t i = 0; i < gens.size(); ++i) {
      const auto& g = gens[i];
      if (i > 0) visit_expr(*g.iter);
      visit_expr(*g.target);
      for (const auto& c : g.ifs) visit_expr(*c);
    }
    if (elt) visit_expr(*elt);
    if (key) visit_expr(*key);
    if (value) visit_expr(*value);
    pop_scope();
    // An async list/set/dict comprehension is awaited where it is built, so the enclosing
    // scope must be able to await; an async generator expression is just created.
    if (sc->coroutine && !sc->generator) {
      if (cur_->kind == ScopeKind::Comprehension) {
        cur_->coroutine = true;
      } else if (cur_->kind != ScopeKind::Function || !cur_->coroutine) {
        fail("asynchronous comprehension outside of an asynchronous function", e.line);
      }
    }
  }

  void check_yield(const Expr& e, const char* what) {
    if (cur_->kind == ScopeKind::Module || cur_->kind == ScopeKind::Class) {
      fail(std::string("'") + what + "' outside function", e.line);
    } else if (cur_->kind == ScopeKind::Comprehension && !cur_->generator) {
      fail(std::string("'") + what + "' inside " + cur_->comp_desc, e.line);
    } else if (cur_->kind == ScopeKind::Comprehension) {
      fail(std::string("'") + what + "' inside generator expression", e.line);
    }
  }

  void visit_expr(const Expr& e) {
    switch (e.kind) {
      case ExprKind::Name: {
        const auto& n = static_cast<const Name&>(e);
        if (n.ctx == Context::Load) {
          add(n.id, kUse);
          if (n.id == "super" && cur_->kind == ScopeKind::Function) add("__class__", kUse);
          if (n.id == "super" && cur_->kind == ScopeKind::Comprehension) add("__class__", kUse);
        } else {
          add(n.id, kDefLocal);
          if (n.ctx == Context::Del) cur_->deleted.insert(n.id);
        }
        break;
      }
      case ExprKind::Constant: break;
      case ExprKind::JoinedStr:
        for (const auto& v : static_cast<const JoinedStr&>(e).values) visit_expr(*v);
        break;
      case ExprKind::FormattedValue: {
        const auto& f = static_cast<const FormattedValue&>(e);
        visit_expr(*f.value);
        if (f.format_spec) visit_expr(*f.format_spec);
        break;
      }
      case ExprKind::BinOp: {
        const auto& b = static_cast<const BinOp&>(e);
        visit_expr(*b.left);
        visit_expr(*b.right);
        break;
      }
      case ExprKind::UnaryOp: visit_expr(*static_cast<const UnaryOp&>(e).operand); break;
      case ExprKind::BoolOp:
        for (const auto& v : static_cast<const BoolOp&>(e).values) visit_expr(*v);
        break;
      case ExprKind::Compare: {
        const auto& c = static_cast<const Compare&>(e);
        visit_expr(*c.left);
        for (const auto& v : c.comparators) visit_expr(*v);
        break;
      }
      case ExprKind::Call: {
        const auto& c = static_cast<const Call&>(e);
        visit_expr(*c.func);
        for (const auto& a : c.args) visit_expr(*a);
        for (const auto& k : c.keywords) visit_expr(*k.value);
        break;
      }
      case ExprKind::Attribute: visit_expr(*static_cast<const Attribute&>(e).value); break;
      case ExprKind::Subscript: {
        const auto& s = static_cast<const Subscript&>(e);
        visit_expr(*s.value);
        visit_expr(*s.slice);
        break;
      }
      case ExprKind::Slice: {
        const auto& s = static_cast<const Slice&>(e);
        if (s.lower) visit_expr(*s.lower);
        if (s.upper) visit_expr(*s.upper);
        if (s.step) visit_expr(*s.step);
        break;
      }
      case ExprKind::List:
        for (const auto& v : static_cast<const List&>(e).elts) visit_expr(*v);
        break;
      case ExprKind::Tuple:
        for (const auto& v : static_cast<const Tuple&>(e).elts) visit_expr(*v);
        break;
      case ExprKind::Set:
        for (const auto& v : static_cast<const Set&>(e).elts) visit_expr(*v);
        break;
      case ExprKind::Dict: {
        const auto& d = static_cast<const Dict&>(e);
        for (size_t i = 0; i < d.values.size(); ++i) {
          if (d.keys[i]) visit_expr(*d.keys[i]);
          visit_expr(*d.values[i]);
        }
        break;
      }
      case ExprKind::ListComp: {
        const auto& c = static_cast<const ListComp&>(e);
        visit_comprehension(e, c.generators, "<listcomp>", "list comprehension", c.elt.get(), nullptr, nullptr);
        break;
      }
      case ExprKind::SetComp: {
        const auto& c = static_cast<const SetComp&>(e);
        visit_comprehension(e, c.generators, "<setcomp>", "set comprehension", c.elt.get(), nullptr, nullptr);
        break;
      }
      case ExprKind::DictComp: {
        const auto& c = static_cast<const DictComp&>(e);
        visit_comprehension(e, c.generators, "<dictcomp>", "dict comprehension", nullptr, c.key.get(), c.value.get());
        break;
      }
      case ExprKind::GeneratorExp: {
        const auto& c = static_cast<const GeneratorExp&>(e);
        visit_comprehension(e, c.generators, "<genexpr>", "generator expression", c.elt.get(), nullptr, nullptr);
        break;
      }
      case ExprKind::Lambda: {
        const auto& l = static_cast<const Lambda&>(e);
        visit_args_defaults(l.args);
        push_scope(ScopeKind::Function, "<lambda>", &e, e.line);
        add_params(l.args, e.line);
        visit_expr(*l.body);
        pop_scope();
        break;
      }
      case ExprKind::IfExp: {
        const auto& i = static_cast<const IfExp&>(e);
        visit_expr(*i.test);
        visit_expr(*i.body);
        visit_expr(*i.orelse);
        break;
      }
      case ExprKind::Starred: visit_expr(*static_cast<const Starred&>(e).value); break;
      case ExprKind::Await: {
        if (cur_->kind == ScopeKind::Module || cur_->kind == ScopeKind::Class) {
          fail("'await' outside function", e.line);
        } else if (cur_->kind == ScopeKind::Comprehension) {
          cur_->coroutine = true;
        } else if (!cur_->coroutine) {
          fail("'await' outside async function", e.line);
        }
        visit_expr(*static_cast<const Await&>(e).value);
        break;
      }
      case ExprKind::Yield: {
        check_yield(e, "yield");
        cur_->generator = true;
        const auto& y = static_cast<const Yield&>(e);
        if (y.value) visit_expr(*y.value);
        break;
      }
      case ExprKind::YieldFrom: {
        check_yield(e, "yield from");
        if (cur_->coroutine) fail("'yield from' inside async function", e.line);
        cur_->generator = true;
        visit_expr(*static_cast<const YieldFrom&>(e).value);
        break;
      }
      case ExprKind::NamedExpr: {
        const auto& n = static_cast<const NamedExpr&>(e);
        visit_expr(*n.value);
        if (n.target->kind != ExprKind::Name) {
          fail("cannot use assignment expressions with this target", e.line);
          break;
        }
        const std::string& id = static_cast<const Name&>(*n.target).id;
        if (cur_->kind == ScopeKind::Comprehension) {
          Scope* s = cur_;
          while (s->kind == ScopeKind::Comprehension) s = s->parent;
          if (s->kind == ScopeKind::Class) {
            fail("assignment expression within a comprehension cannot be used in a class body", e.line);
            break;
          }
          if (s->kind == ScopeKind::Module) {
            for (Scope* c = cur_; c != s; c = c->parent) add_to(c, id, kDefGlobal);
          } else {
            add_to(s, id, kDefLocal);
            for (Scope* c = cur_; c != s; c = c->parent) add_to(c, id, kDefNonlocal);
          }
        } else {
          add(id, kDefLocal);
        }
        break;
      }
    }
  }

  // analyze resolves every name of s; bound holds names that enclosing function scopes bind.
  void analyze(Scope* s, const std::set<std::string>& bound) {
    for (const auto& name : s->order) {
      uint32_t f = s->flags[name];
      Binding b;
      if (f & kDefGlobal) {
        b = Binding::GlobalExplicit;
      } else if (f & kDefNonlocal) {
        if (!bound.count(name)) {
          auto dl = s->decl_line.find(name);
          fail("no binding for nonlocal '" + name + "' found", dl == s->decl_line.end() ? s->line : dl->second);
          return;
        }
        b = Binding::Free;
      } else if (f & (kDefLocal | kDefParam)) {
        b = Binding::Local;
      } else if (s->kind != ScopeKind::Module && bound.count(name)) {
        b = Binding::Free;
      } else {
        b = Binding::GlobalImplicit;
      }
      s->bind[name] = b;
      if (b == Binding::Free) s->freevars.push_back(name);
    }
    std::set<std::string> child_bound;
    if (s->kind == ScopeKind::Function || s->kind == ScopeKind::Comprehension) {
      child_bound = bound;
      for (const auto& name : s->order) {
        Binding b = s->bind[name];
        if (b == Binding::Local) child_bound.insert(name);
        if (b == Binding::GlobalExplicit) child_bound.erase(name);
      }
    } else if (s->kind == ScopeKind::Class) {
      child_bound = bound;
      child_bound.insert("__class__");
    }
    for (auto& c : s->children) {
      analyze(c.get(), child_bound);
      if (error_) return;
      for (const auto& name : c->freevars) {
        auto it = s->bind.find(name);
        if (s->kind == ScopeKind::Class && name == "__class__") {
          s->needs_class_cell = true;
          continue;
        }
        if ((s->kind == ScopeKind::Function || s->kind == ScopeKind::Comprehension) && it != s->bind.end() &&
            (it->second == Binding::Local || it->second == Binding::Cell)) {
          if (it->second == Binding::Local) {
            it->second = Binding::Cell;
            s->cellvars.push_back(name);
          }
          continue;
        }
        if (std::find(s->freevars.begin(), s->freevars.end(), name) == s->freevars.end()) {
          s->freevars.push_back(name);
          if (it == s->bind.end()) s->bind[name] = Binding::Free;
        }
      }
    }
    if (s->needs_class_cell) s->cellvars.push_back("__class__");
  }
};

// ---------------------------------------------------------------------------
// Code generation
// ---------------------------------------------------------------------------

enum class FBlockKind : uint8_t {
  WhileLoop,
  ForLoop,
  TryExcept,
  FinallyTry,
  FinallyEnd,
  With,
  AsyncWith,
  HandlerCleanup,
  PopValue,
  ExceptStarHandler,
};

// kMaxBlocks is CPython's CO_MAXBLOCKS: loops, try and with blocks open at once in a body.
constexpr size_t kMaxBlocks = 20;

struct FBlock {
  FBlockKind kind;
  int start = -1;  // loop: continue target label
  int exit = -1;   // loop: break target label
  const Body* finalbody = nullptr;
  std::string name;  // HandlerCleanup: the `as` name, empty if none
};

struct Unit {
  Code* code = nullptr;
  Scope* scope = nullptr;
  std::vector<FBlock> fblocks;
  std::vector<int32_t> label_pos;
  struct Patch {
    uint32_t at;
    int label;
    bool may_go_back;
  };
  std::vector<Patch> patches;
  std::unordered_map<std::string, uint32_t> name_index;
  std::map<std::string, uint32_t> const_index;
  uint32_t line = 0;
  std::set<std::string> checked_locals;  // locals that may be unbound (need LOAD_FAST_CHECK)
};

// stack_effect returns the change in stack depth after op; jump selects the taken branch.
int stack_effect(OpCode op, uint32_t arg, bool jump) {
  switch (op) {
    case OpCode::NOP: return 0;
    case OpCode::POP_TOP: return -1;
    case OpCode::ROT_TWO:
    case OpCode::ROT_THREE:
    case OpCode::ROT_FOUR: return 0;
    case OpCode::DUP_TOP: return 1;
    case OpCode::DUP_TOP_TWO: return 2;
    case OpCode::LOAD_CONST:
    case OpCode::LOAD_FAST:
    case OpCode::LOAD_FAST_CHECK:
    case OpCode::LOAD_GLOBAL:
    case OpCode::LOAD_NAME:
    case OpCode::LOAD_DEREF:
    case OpCode::LOAD_CLOSURE:
    case OpCode::LOAD_CLASSDEREF: return 1;
    case OpCode::STORE_FAST:
    case OpCode::STORE_GLOBAL:
    case OpCode::STORE_NAME:
    case OpCode::STORE_DEREF: return -1;
    case OpCode::DELETE_FAST:
    case OpCode::DELETE_GLOBAL:
    case OpCode::DELETE_NAME:
    case OpCode::DELETE_DEREF: return 0;
    case OpCode::LOAD_ATTR: return 0;
    case OpCode::STORE_ATTR: return -2;
    case OpCode::DELETE_ATTR: return -1;
    case OpCode::LOAD_METHOD: return 1;
    case OpCode::BINARY_SUBSCR: return -1;
    case OpCode::STORE_SUBSCR: return -3;
    case OpCode::DELETE_SUBSCR: return -2;
    case OpCode::BUILD_SLICE: return 1 - static_cast<int>(arg);
    case OpCode::UNARY_NOT:
    case OpCode::UNARY_NEGATIVE:
    case OpCode::UNARY_POSITIVE:
    case OpCode::UNARY_INVERT: return 0;
    case OpCode::IS_OP:
    case OpCode::CONTAINS_OP: return -1;
    case OpCode::JUMP:
    case OpCode::JUMP_BACKWARD: return 0;
    case OpCode::POP_JUMP_IF_FALSE:
    case OpCode::POP_JUMP_IF_TRUE: return -1;
    case OpCode::JUMP_IF_FALSE_OR_POP:
    case OpCode::JUMP_IF_TRUE_OR_POP: return jump ? 0 : -1;
    case OpCode::GET_ITER: return 0;
    case OpCode::FOR_ITER: return jump ? -1 : 1;
    case OpCode::BUILD_TUPLE:
    case OpCode::BUILD_LIST:
    case OpCode::BUILD_STRING: return 1 - static_cast<int>(arg);
    case OpCode::BUILD_SET: return 1 - static_cast<int>(arg & ~kBuildSetConstant);
    case OpCode::BUILD_MAP: return 1 - 2 * static_cast<int>(arg);
    case OpCode::LIST_APPEND:
    case OpCode::SET_ADD: return -1;
    case OpCode::LIST_EXTEND: return -1;
    case OpCode::MAP_ADD: return -2;
    case OpCode::SET_UPDATE:
    case OpCode::DICT_UPDATE:
    case OpCode::DICT_MERGE: return -1;
    case OpCode::LIST_TO_TUPLE: return 0;
    case OpCode::UNPACK_SEQUENCE: return static_cast<int>(arg) - 1;
    case OpCode::UNPACK_EX: return static_cast<int>((arg & 0xFF) + (arg >> 8));
    case OpCode::FORMAT_VALUE: return (arg & kFormatHasSpec) ? -1 : 0;
    case OpCode::MAKE_FUNCTION: return -__builtin_popcount(arg);
    case OpCode::KW_NAMES: return 0;
    case OpCode::CALL: return -static_cast<int>(arg);
    case OpCode::CALL_METHOD: return -static_cast<int>(arg) - 1;
    case OpCode::CALL_FUNCTION_EX: return -1 - static_cast<int>(arg & 1);
    case OpCode::RETURN_VALUE: return -1;
    case OpCode::YIELD_VALUE: return 0;
    case OpCode::GET_YIELD_FROM_ITER:
    case OpCode::GET_AWAITABLE:
    case OpCode::GET_AITER: return 0;
    case OpCode::SEND: return jump ? -1 : 0;
    case OpCode::GET_ANEXT: return 1;
    case OpCode::END_ASYNC_FOR: return -2;
    case OpCode::BEFORE_ASYNC_WITH: return 1;
    case OpCode::SETUP_FINALLY: return jump ? 1 : 0;
    case OpCode::SETUP_WITH: return 0;
    case OpCode::POP_BLOCK:
    case OpCode::POP_EXCEPT: return 0;
    case OpCode::RERAISE: return -1;
    case OpCode::CHECK_EXC_MATCH: return 0;
    case OpCode::BEFORE_WITH: return 1;
    case OpCode::WITH_EXCEPT_START: return 1;
    case OpCode::RAISE_VARARGS: return -static_cast<int>(arg);
    case OpCode::LOAD_ASSERTION_ERROR: return 1;
    case OpCode::IMPORT_NAME: return 1;
    case OpCode::IMPORT_FROM: return 1;
    case OpCode::IMPORT_STAR: return -1;
    case OpCode::CALL_CLASS_BODY: return 0;
    case OpCode::BUILD_CLASS: return -2 - static_cast<int>(arg);
    case OpCode::LOAD_LOCALS: return 1;
    case OpCode::ASYNC_GEN_WRAP: return 0;
    case OpCode::COPY:
    case OpCode::GET_LEN:
    case OpCode::MATCH_MAPPING:
    case OpCode::MATCH_SEQUENCE:
    case OpCode::MATCH_KEYS: return 1;
    case OpCode::SWAP:
    case OpCode::CHECK_EG_MATCH: return 0;
    case OpCode::MATCH_CLASS: return -2;
    case OpCode::PREP_RERAISE_STAR: return -1;
    default:
      if (op >= OpCode::BINARY_ADD && op <= OpCode::INPLACE_MATRIX_MULTIPLY) return -1;
      if (op >= OpCode::COMPARE_EQ && op <= OpCode::COMPARE_GE) return -1;
      return 0;
  }
}

bool is_jump(OpCode op) {
  switch (op) {
    case OpCode::JUMP:
    case OpCode::JUMP_BACKWARD:
    case OpCode::POP_JUMP_IF_FALSE:
    case OpCode::POP_JUMP_IF_TRUE:
    case OpCode::JUMP_IF_FALSE_OR_POP:
    case OpCode::JUMP_IF_TRUE_OR_POP:
    case OpCode::FOR_ITER:
    case OpCode::SEND:
    case OpCode::SETUP_FINALLY:
    case OpCode::SETUP_WITH: return true;
    default: return false;
  }
}

bool is_terminal(OpCode op) {
  return op == OpCode::JUMP || op == OpCode::JUMP_BACKWARD || op == OpCode::RETURN_VALUE ||
         op == OpCode::RAISE_VARARGS || op == OpCode::RERAISE;
}

std::string const_key(const ConstValue& c) {
  switch (c.kind) {
    case ConstValue::Kind::None: return "N";
    case ConstValue::Kind::True: return "T";
    case ConstValue::Kind::False: return "F";
    case ConstValue::Kind::Ellipsis: return "E";
    case ConstValue::Kind::Int: return c.s.empty() ? "i" + std::to_string(c.i) : "b" + c.s;
    case ConstValue::Kind::Float: {
      uint64_t bits;
      std::memcpy(&bits, &c.f, sizeof bits);
      return "f" + std::to_string(bits);
    }
    case ConstValue::Kind::Str: return "s" + std::to_string(c.s.size()) + ":" + c.s;
    case ConstValue::Kind::Bytes: return "b" + std::to_string(c.s.size()) + ":" + c.s;
    case ConstValue::Kind::Tuple: {
      std::string k = "(" + std::to_string(c.items.size()) + ":";
      for (const auto& it : c.items) {
        std::string sub = const_key(it);
        k += std::to_string(sub.size()) + ":" + sub;
      }
      return k + ")";
    }
    case ConstValue::Kind::Code: return "";
  }
  return "";
}

class Compiler {
 public:
  explicit Compiler(std::string filename) : filename_(std::move(filename)) {}

  CompileResult run(const Module& m) {
    SymtableBuilder st;
    std::unique_ptr<Scope> root = st.build(m);
    if (st.error_) return {nullptr, st.error_};
    scope_of_ = &st.scope_of;
    program_ = std::make_unique<Program>();
    Code* code = new_code("<module>", "<module>", root.get(), 1);
    code->flags |= kCodeModule;
    code->docstring = m.docstring;
    enter(code, root.get());
    unit().line = m.body.empty() ? 1 : m.body.front()->line;
    emit_setup_annotations();
    compile_body(m.body);
    emit_const_none();
    emit(OpCode::RETURN_VALUE);
    finish_unit();
    program_->main = code;
    if (error_) return {nullptr, error_};
    return {std::move(program_), std::nullopt};
  }

 private:
  std::string filename_;
  std::unique_ptr<Program> program_;
  std::vector<Unit> units_;
  const std::unordered_map<const void*, Scope*>* scope_of_ = nullptr;
  std::optional<CompileError> error_;

  Unit& unit() { return units_.back(); }
  Code& code() { return *units_.back().code; }

  void fail(std::string msg, uint32_t line) {
    if (!error_) error_ = CompileError{"SyntaxError", std::move(msg), line, 0};
  }

  // push_fblock opens a loop/try/with block; past kMaxBlocks it fails as CPython's
  // CO_MAXBLOCKS does, which also bounds compile_with's recursion over its items.
  void push_fblock(FBlock b) {
    if (unit().fblocks.size() >= kMaxBlocks) fail("too many statically nested blocks", unit().line);
    unit().fblocks.push_back(std::move(b));
  }

  Code* new_code(std::string name, std::string qualname, Scope* scope, uint32_t line) {
    auto c = std::make_unique<Code>();
    c->name = std::move(name);
    c->qualname = std::move(qualname);
    c->filename = filename_;
    c->first_line = line;
    (void)scope;
    Code* raw = c.get();
    program_->codes.push_back(std::move(c));
    return raw;
  }

  void enter(Code* c, Scope* s) {
    units_.emplace_back();
    Unit& u = units_.back();
    u.code = c;
    u.scope = s;
    u.line = c->first_line;
    // Parameters come first in varnames, then the scope's other plain locals.
    // param_index: parameter name -> position, so scopes with many parameters stay linear.
    std::unordered_map<std::string, int32_t> param_index;
    for (size_t i = 0; i < s->params.size(); ++i) param_index[s->params[i]] = static_cast<int32_t>(i);
    if (s->kind == ScopeKind::Function || s->kind == ScopeKind::Comprehension) {
      for (const auto& p : s->params) c->varnames.push_back(p);
      for (const auto& n : s->order) {
        if (s->bind[n] == Binding::Local && !param_index.count(n)) c->varnames.push_back(n);
      }
      for (const auto& n : c->varnames) {
        bool is_param = param_index.count(n) > 0;
        if (!is_param || s->deleted.count(n)) u.checked_locals.insert(n);
      }
    }
    c->cellvars = s->cellvars;
    c->freevars = s->freevars;
    for (const auto& cv : c->cellvars) {
      auto at = param_index.find(cv);
      c->cell2arg.push_back(at == param_index.end() ? -1 : at->second);
    }
    if (s->generator && s->coroutine) {
      c->flags |= kCodeAsyncGenerator;
    } else if (s->coroutine) {
      c->flags |= kCodeCoroutine;
    } else if (s->generator) {
      c->flags |= kCodeGenerator;
    }
    if (s->kind == ScopeKind::Class) c->flags |= kCodeClassBody;
  }

  // ---- emission ----
  uint32_t emit(OpCode op, uint32_t arg = 0) {
    if (arg > kMaxArg) {
      fail("program too large", unit().line);
      arg = 0;
    }
    code().code.push_back(make_instr(op, arg));
    code().lines.push_back(unit().line);
    return static_cast<uint32_t>(code().code.size() - 1);
  }
  int new_label() {
    unit().label_pos.push_back(-1);
    return static_cast<int>(unit().label_pos.size() - 1);
  }
  void bind(int label) { unit().label_pos[label] = static_cast<int32_t>(code().code.size()); }
  void emit_jump(OpCode op, int label, bool may_go_back = true) {
    uint32_t at = emit(op, 0);
    unit().patches.push_back({at, label, may_go_back});
  }

  uint32_t add_const(ConstValue c) {
    if (c.kind == ConstValue::Kind::Code) {
      code().consts.push_back(std::move(c));
      return static_cast<uint32_t>(code().consts.size() - 1);
    }
    std::string key = const_key(c);
    auto it = unit().const_index.find(key);
    if (it != unit().const_index.end()) return it->second;
    code().consts.push_back(std::move(c));
    uint32_t idx = static_cast<uint32_t>(code().consts.size() - 1);
    unit().const_index.emplace(std::move(key), idx);
    return idx;
  }
  void emit_const(ConstValue c) { emit(OpCode::LOAD_CONST, add_const(std::move(c))); }
  void emit_const_none() { emit_const(ConstValue{}); }
  void emit_const_str(const std::string& s) {
    ConstValue c;
    c.kind = ConstValue::Kind::Str;
    c.s = s;
    emit_const(std::move(c));
  }
  uint32_t add_name(const std::string& n) {
    auto it = unit().name_index.find(n);
    if (it != unit().name_index.end()) return it->second;
    code().names.push_back(n);
    uint32_t idx = static_cast<uint32_t>(code().names.size() - 1);
    unit().name_index.emplace(n, idx);
    return idx;
  }

  // finish_unit resolves labels, marks line starts, computes the stack depth and pops the unit.
  void finish_unit() {
    Unit& u = unit();
    Code& c = code();
    size_t n = c.code.size();
    std::vector<bool> target(n + 1, false);
    for (const auto& p : u.patches) {
      int32_t pos = u.label_pos[p.label];
      if (pos < 0) {
        fail("internal compiler error: unbound label", u.line);
        pos = 0;
      }
      OpCode op = instr_op(c.code[p.at]);
      if (op == OpCode::JUMP && p.may_go_back && static_cast<uint32_t>(pos) <= p.at) {
        op = OpCode::JUMP_BACKWARD;
      }
      c.code[p.at] = make_instr(op, static_cast<uint32_t>(pos));
      target[pos] = true;
    }
    for (size_t i = 0; i < n; ++i) {
      bool start = i == 0 || c.lines[i] != c.lines[i - 1] || target[i];
      if (start) c.code[i] |= kLineStartBit;
    }
    c.max_stack = error_ ? 0 : compute_stack_depth(c) + 4;
    units_.pop_back();
  }

  uint32_t compute_stack_depth(const Code& c) {
    size_t n = c.code.size();
    std::vector<int> depth(n + 1, -1);
    std::vector<uint32_t> work;
    int maxd = 0;
    auto push = [&](uint32_t i, int d) {
      if (i >= n) return;
      if (d > maxd) maxd = d;
      if (depth[i] < d) {
        depth[i] = d;
        work.push_back(i);
      }
    };
    if (n) push(0, 0);
    while (!work.empty()) {
      uint32_t i = work.back();
      work.pop_back();
      int d = depth[i];
      uint32_t w = c.code[i];
      OpCode op = instr_op(w);
      uint32_t arg = instr_arg(w);
      if (is_jump(op)) {
        int dj = d + stack_effect(op, arg, true);
        if (op == OpCode::SETUP_WITH) dj = d;
        push(arg, dj);
      }
      if (!is_terminal(op)) push(i + 1, d + stack_effect(op, arg, false));
    }
    return static_cast<uint32_t>(maxd);
  }

  // ---- names ----
  Binding binding_of(const std::string& name) {
    Scope* s = unit().scope;
    auto it = s->bind.find(name);
    if (it != s->bind.end()) return it->second;
    if (std::find(s->freevars.begin(), s->freevars.end(), name) != s->freevars.end()) return Binding::Free;
    return Binding::GlobalImplicit;
  }
  uint32_t cell_index(const std::string& name) {
    const Code& c = code();
    for (size_t i = 0; i < c.cellvars.size(); ++i)
      if (c.cellvars[i] == name) return static_cast<uint32_t>(i);
    for (size_t i = 0; i < c.freevars.size(); ++i)
      if (c.freevars[i] == name) return static_cast<uint32_t>(c.cellvars.size() + i);
    fail("internal compiler error: no cell for '" + name + "'", unit().line);
    return 0;
  }
  uint32_t local_index(const std::string& name) {
    const Code& c = code();
    for (size_t i = 0; i < c.varnames.size(); ++i)
      if (c.varnames[i] == name) return static_cast<uint32_t>(i);
    fail("internal compiler error: no local '" + name + "'", unit().line);
    return 0;
  }

  void name_op(const std::string& name, Context ctx) {
    Scope* s = unit().scope;
    Binding b = binding_of(name);
    if (s->kind == ScopeKind::Module) {
      uint32_t i = add_name(name);
      emit(ctx == Context::Load    ? OpCode::LOAD_GLOBAL
           : ctx == Context::Store ? OpCode::STORE_GLOBAL
                                   : OpCode::DELETE_GLOBAL,
           i);
      return;
    }
    if (s->kind == ScopeKind::Class) {
      switch (b) {
        case Binding::GlobalExplicit: {
          uint32_t i = add_name(name);
          emit(ctx == Context::Load    ? OpCode::LOAD_GLOBAL
               : ctx == Context::Store ? OpCode::STORE_GLOBAL
                                       : OpCode::DELETE_GLOBAL,
               i);
          return;
        }
        case Binding::Free: {
          uint32_t i = cell_index(name);
          if (ctx == Context::Load) {
            emit(OpCode::LOAD_CLASSDEREF, i);
          } else {
            emit(ctx == Context::Store ? OpCode::STORE_DEREF : OpCode::DELETE_DEREF, i);
          }
          return;
        }
        default: {
          uint32_t i = add_name(name);
          emit(ctx == Context::Load    ? OpCode::LOAD_NAME
               : ctx == Context::Store ? OpCode::STORE_NAME
                                       : OpCode::DELETE_NAME,
               i);
          return;
        }
      }
    }
    switch (b) {
      case Binding::Local: {
        uint32_t i = local_index(name);
        if (ctx == Context::Load) {
          emit(unit().checked_locals.count(name) ? OpCode::LOAD_FAST_CHECK : OpCode::LOAD_FAST, i);
        } else {
          emit(ctx == Context::Store ? OpCode::STORE_FAST : OpCode::DELETE_FAST, i);
        }
        return;
      }
      case Binding::Cell:
      case Binding::Free: {
        uint32_t i = cell_index(name);
        emit(ctx == Context::Load    ? OpCode::LOAD_DEREF
             : ctx == Context::Store ? OpCode::STORE_DEREF
                                     : OpCode::DELETE_DEREF,
             i);
        return;
      }
      case Binding::GlobalExplicit:
      case Binding::GlobalImplicit: {
        uint32_t i = add_name(name);
        emit(ctx == Context::Load    ? OpCode::LOAD_GLOBAL
             : ctx == Context::Store ? OpCode::STORE_GLOBAL
                                     : OpCode::DELETE_GLOBAL,
             i);
        return;
      }
    }
  }

  // ---- statements ----
  void compile_body(const Body& body) {
    for (const auto& s : body) {
      compile_stmt(*s);
      if (error_) return;
    }
  }

  void set_line(uint32_t line) {
    if (line) unit().line = line;
  }

  void compile_stmt(const Stmt& s) {
    set_line(s.line);
    switch (s.kind) {
      case StmtKind::Expr: {
        const Expr& v = *static_cast<const ExprStmt&>(s).value;
        if (v.kind == ExprKind::Constant) {
          if (static_cast<const Constant&>(v).ckind != ConstantKind::Str) emit(OpCode::NOP);
          break;
        }
        compile_expr(v);
        emit(OpCode::POP_TOP);
        break;
      }
      case StmtKind::Assign: {
        const auto& a = static_cast<const Assign&>(s);
        compile_expr(*a.value);
        for (size_t i = 0; i < a.targets.size(); ++i) {
          if (i + 1 < a.targets.size()) emit(OpCode::DUP_TOP);
          compile_store(*a.targets[i]);
        }
        break;
      }
      case StmtKind::AugAssign: compile_augassign(static_cast<const AugAssign&>(s)); break;
      case StmtKind::AnnAssign: {
        const auto& a = static_cast<const AnnAssign&>(s);
        if (a.value) {
          compile_expr(*a.value);
          compile_store(*a.target);
        } else if (a.target->kind != ExprKind::Name) {
          compile_expr(*a.target);
          emit(OpCode::POP_TOP);
        }
        if (unit().scope->has_annotations) {
          compile_expr(*a.annotation);
          if (a.simple) {
            name_op("__annotations__", Context::Load);
            emit_const_str(static_cast<const Name&>(*a.target).id);
            set_line(s.line);
            emit(OpCode::STORE_SUBSCR);
          } else {
            emit(OpCode::POP_TOP);
          }
        }
        break;
      }
      case StmtKind::FunctionDef:
      case StmtKind::AsyncFunctionDef: compile_functiondef(static_cast<const FunctionDef&>(s)); break;
      case StmtKind::ClassDef: compile_classdef(static_cast<const ClassDef&>(s)); break;
      case StmtKind::Return: compile_return(static_cast<const Return&>(s)); break;
      case StmtKind::If: compile_if(static_cast<const If&>(s)); break;
      case StmtKind::While: compile_while(static_cast<const While&>(s)); break;
      case StmtKind::For: compile_for(static_cast<const For&>(s)); break;
      case StmtKind::AsyncFor: compile_async_for(static_cast<const For&>(s)); break;
      case StmtKind::Break: compile_break(s.line); break;
      case StmtKind::Continue: compile_continue(s.line); break;
      case StmtKind::Pass: emit(OpCode::NOP); break;
      case StmtKind::Try: compile_try(static_cast<const Try&>(s)); break;
      case StmtKind::Match: compile_match(static_cast<const Match&>(s)); break;
      case StmtKind::Raise: {
        const auto& r = static_cast<const Raise&>(s);
        uint32_t n = 0;
        if (r.exc) {
          compile_expr(*r.exc);
          n = 1;
          if (r.cause) {
            compile_expr(*r.cause);
            n = 2;
          }
        }
        set_line(s.line);
        emit(OpCode::RAISE_VARARGS, n);
        break;
      }
      case StmtKind::With: compile_with(static_cast<const With&>(s), 0, false); break;
      case StmtKind::AsyncWith: compile_with(static_cast<const With&>(s), 0, true); break;
      case StmtKind::Assert: {
        const auto& a = static_cast<const Assert&>(s);
        int ok = new_label();
        compile_jump_if(*a.test, true, ok);
        set_line(s.line);
        emit(OpCode::LOAD_ASSERTION_ERROR);
        if (a.msg) {
          compile_expr(*a.msg);
          set_line(s.line);
          emit(OpCode::CALL, 1);
        }
        emit(OpCode::RAISE_VARARGS, 1);
        bind(ok);
        break;
      }
      case StmtKind::Delete: {
        for (const auto& t : static_cast<const Delete&>(s).targets) compile_delete(*t);
        break;
      }
      case StmtKind::Global:
      case StmtKind::Nonlocal: break;
      case StmtKind::Import: {
        for (const auto& a : static_cast<const Import&>(s).names) {
          emit(OpCode::IMPORT_NAME, add_name(a.name));
          if (!a.asname.empty()) {
            name_op(a.asname, Context::Store);
          } else if (a.name.find('.') != std::string::npos) {
            // `import a.b` binds the package a: import a.b (the leaf), then look a up.
            std::string top = a.name.substr(0, a.name.find('.'));
            emit(OpCode::POP_TOP);
            emit(OpCode::IMPORT_NAME, add_name(top));
            name_op(top, Context::Store);
          } else {
            name_op(a.name, Context::Store);
          }
        }
        break;
      }
      case StmtKind::ImportFrom: {
        const auto& im = static_cast<const ImportFrom&>(s);
        if (im.module == "__future__" && im.level == 0) break;
        std::string mod = std::string(static_cast<size_t>(im.level), '.') + im.module;
        emit(OpCode::IMPORT_NAME, add_name(mod));
        for (const auto& a : im.names) {
          if (a.name == "*") {
            emit(OpCode::IMPORT_STAR);
            return;
          }
          emit(OpCode::IMPORT_FROM, add_name(a.name));
          name_op(a.asname.empty() ? a.name : a.asname, Context::Store);
        }
        emit(OpCode::POP_TOP);
        break;
      }
    }
  }

  void compile_augassign(const AugAssign& a) {
    OpCode op = static_cast<OpCode>(static_cast<int>(OpCode::INPLACE_ADD) + static_cast<int>(a.op));
    const Expr& t = *a.target;
    switch (t.kind) {
      case ExprKind::Name: {
        const auto& n = static_cast<const Name&>(t);
        name_op(n.id, Context::Load);
        compile_expr(*a.value);
        set_line(a.line);
        emit(op);
        name_op(n.id, Context::Store);
        break;
      }
      case ExprKind::Attribute: {
        const auto& at = static_cast<const Attribute&>(t);
        compile_expr(*at.value);
        emit(OpCode::DUP_TOP);
        emit(OpCode::LOAD_ATTR, add_name(at.attr));
        compile_expr(*a.value);
        set_line(a.line);
        emit(op);
        emit(OpCode::ROT_TWO);
        emit(OpCode::STORE_ATTR, add_name(at.attr));
        break;
      }
      case ExprKind::Subscript: {
        const auto& sb = static_cast<const Subscript&>(t);
        compile_expr(*sb.value);
        compile_slice_or_expr(*sb.slice);
        emit(OpCode::DUP_TOP_TWO);
        emit(OpCode::BINARY_SUBSCR);
        compile_expr(*a.value);
        set_line(a.line);
        emit(op);
        emit(OpCode::ROT_THREE);
        emit(OpCode::STORE_SUBSCR);
        break;
      }
      default: fail("'" + expr_desc(t) + "' is an illegal expression for augmented assignment", a.line);
    }
  }

  static std::string expr_desc(const Expr& e) {
    switch (e.kind) {
      case ExprKind::Call: return "function call";
      case ExprKind::Constant: return "literal";
      case ExprKind::Tuple: return "tuple";
      case ExprKind::List: return "list";
      case ExprKind::Compare: return "comparison";
      case ExprKind::BinOp:
      case ExprKind::UnaryOp:
      case ExprKind::BoolOp: return "expression";
      default: return "expression";
    }
  }

  // emit_setup_annotations gives a module or class body that annotates names its __annotations__ dict.
  void emit_setup_annotations() {
    if (!unit().scope->has_annotations) return;
    emit(OpCode::BUILD_MAP, 0);
    name_op("__annotations__", Context::Store);
  }

  void compile_store(const Expr& t) {
    switch (t.kind) {
      case ExprKind::Name: name_op(static_cast<const Name&>(t).id, Context::Store); break;
      case ExprKind::Attribute: {
        const auto& a = static_cast<const Attribute&>(t);
        compile_expr(*a.value);
        set_line(t.line);
        emit(OpCode::STORE_ATTR, add_name(a.attr));
        break;
      }
      case ExprKind::Subscript: {
        const auto& s = static_cast<const Subscript&>(t);
        compile_expr(*s.value);
        compile_slice_or_expr(*s.slice);
        set_line(t.line);
        emit(OpCode::STORE_SUBSCR);
        break;
      }
      case ExprKind::Tuple:
      case ExprKind::List: {
        const ExprList& elts =
            t.kind == ExprKind::Tuple ? static_cast<const Tuple&>(t).elts : static_cast<const List&>(t).elts;
        int star = -1;
        for (size_t i = 0; i < elts.size(); ++i) {
          if (elts[i]->kind == ExprKind::Starred) {
            if (star >= 0) {
              fail("multiple starred expressions in assignment", t.line);
              return;
            }
            star = static_cast<int>(i);
          }
        }
        set_line(t.line);
        if (star < 0) {
          emit(OpCode::UNPACK_SEQUENCE, static_cast<uint32_t>(elts.size()));
        } else {
          uint32_t before = static_cast<uint32_t>(star);
          uint32_t after = static_cast<uint32_t>(elts.size() - star - 1);
          if (before > 255 || after > 0x7FFF) {
            fail("too many expressions in star-unpacking assignment", t.line);
            return;
          }
          emit(OpCode::UNPACK_EX, before | (after << 8));
        }
        for (const auto& e : elts) {
          if (e->kind == ExprKind::Starred) {
            compile_store(*static_cast<const Starred&>(*e).value);
          } else {
            compile_store(*e);
          }
        }
        break;
      }
      case ExprKind::Starred: fail("starred assignment target must be in a list or tuple", t.line); break;
      default: fail("cannot assign to " + expr_desc(t), t.line);
    }
  }

  void compile_delete(const Expr& t) {
    set_line(t.line);
    switch (t.kind) {
      case ExprKind::Name: name_op(static_cast<const Name&>(t).id, Context::Del); break;
      case ExprKind::Attribute: {
        const auto& a = static_cast<const Attribute&>(t);
        compile_expr(*a.value);
        emit(OpCode::DELETE_ATTR, add_name(a.attr));
        break;
      }
      case ExprKind::Subscript: {
        const auto& s = static_cast<const Subscript&>(t);
        compile_expr(*s.value);
        compile_slice_or_expr(*s.slice);
        emit(OpCode::DELETE_SUBSCR);
        break;
      }
      case ExprKind::Tuple:
        for (const auto& e : static_cast<const Tuple&>(t).elts) compile_delete(*e);
        break;
      case ExprKind::List:
        for (const auto& e : static_cast<const List&>(t).elts) compile_delete(*e);
        break;
      default: fail("cannot delete " + expr_desc(t), t.line);
    }
  }

  // ---- functions and classes ----
  std::string child_qualname(const std::string& name) {
    Scope* s = unit().scope;
    if (s->kind == ScopeKind::Module) return name;
    if (s->kind == ScopeKind::Class) return code().qualname + "." + name;
    return code().qualname + ".<locals>." + name;
  }

  // make_closure emits the closure tuple (if any) for child scope and returns MAKE_FUNCTION flags.
  uint32_t emit_closure(const Code* child) {
    if (child->freevars.empty()) return 0;
    for (const auto& name : child->freevars) emit(OpCode::LOAD_CLOSURE, cell_index(name));
    emit(OpCode::BUILD_TUPLE, static_cast<uint32_t>(child->freevars.size()));
    return kFnClosure;
  }

  uint32_t emit_defaults(const Arguments& a) {
    uint32_t flags = 0;
    if (!a.defaults.empty()) {
      for (const auto& d : a.defaults) compile_expr(*d);
      emit(OpCode::BUILD_TUPLE, static_cast<uint32_t>(a.defaults.size()));
      flags |= kFnDefaults;
    }
    uint32_t nkw = 0;
    for (size_t i = 0; i < a.kwonlyargs.size(); ++i) {
      if (i < a.kw_defaults.size() && a.kw_defaults[i]) {
        emit_const_str(a.kwonlyargs[i].name);
        compile_expr(*a.kw_defaults[i]);
        ++nkw;
      }
    }
    if (nkw) {
      emit(OpCode::BUILD_MAP, nkw);
      flags |= kFnKwDefaults;
    }
    return flags;
  }

  void set_arg_counts(Code* c, const Arguments& a) {
    c->posonlyargcount = static_cast<uint32_t>(a.posonlyargs.size());
    c->argcount = static_cast<uint32_t>(a.posonlyargs.size() + a.args.size());
    c->kwonlyargcount = static_cast<uint32_t>(a.kwonlyargs.size());
    c->varargs = a.vararg != nullptr;
    c->varkw = a.kwarg != nullptr;
  }

  void emit_make_function(const Code* child, uint32_t flags, uint32_t line) {
    set_line(line);
    flags |= emit_closure(child);
    ConstValue cv;
    cv.kind = ConstValue::Kind::Code;
    cv.code = child;
    emit(OpCode::LOAD_CONST, add_const(std::move(cv)));
    emit(OpCode::MAKE_FUNCTION, flags);
  }

  Scope* scope_for(const void* node) {
    auto it = scope_of_->find(node);
    return it == scope_of_->end() ? nullptr : it->second;
  }

  void compile_functiondef(const FunctionDef& f) {
    for (const auto& d : f.decorator_list) compile_expr(*d);
    set_line(f.line);
    uint32_t flags = emit_defaults(f.args);
    Scope* s = scope_for(&f);
    Code* child = new_code(f.name, child_qualname(f.name), s, f.line);
    if (unit().scope->kind == ScopeKind::Function || unit().scope->kind == ScopeKind::Comprehension) {
      child->flags |= kCodeNested;
    }
    set_arg_counts(child, f.args);
    child->docstring = f.docstring;
    enter(child, s);
    compile_body(f.body);
    if (f.body.empty() || f.body.back()->kind != StmtKind::Return) {
      emit_const_none();
      emit(OpCode::RETURN_VALUE);
    }
    finish_unit();
    emit_make_function(child, flags, f.line);
    if (!f.args.annotations.empty()) {
      // compile_functiondef: the annotations dict goes on the function before decorators see it.
      emit(OpCode::DUP_TOP);
      for (const auto& an : f.args.annotations) {
        emit_const_str(an.first);
        compile_expr(*an.second);
      }
      emit(OpCode::BUILD_MAP, static_cast<uint32_t>(f.args.annotations.size()));
      emit(OpCode::ROT_TWO);
      emit(OpCode::STORE_ATTR, add_name("__annotations__"));
    }
    for (size_t i = f.decorator_list.size(); i-- > 0;) emit(OpCode::CALL, 1);
    name_op(f.name, Context::Store);
  }

  void compile_lambda(const Lambda& l) {
    uint32_t flags = emit_defaults(l.args);
    Scope* s = scope_for(&l);
    Code* child = new_code("<lambda>", child_qualname("<lambda>"), s, l.line);
    set_arg_counts(child, l.args);
    enter(child, s);
    compile_expr(*l.body);
    emit(OpCode::RETURN_VALUE);
    finish_unit();
    emit_make_function(child, flags, l.line);
  }

  void compile_classdef(const ClassDef& c) {
    for (const auto& d : c.decorator_list) compile_expr(*d);
    set_line(c.line);
    emit_const_str(c.name);
    bool starred = false;
    for (const auto& b : c.bases) starred |= b->kind == ExprKind::Starred;
    if (starred) {
      compile_sequence(c.bases, OpCode::BUILD_TUPLE, c.line);
    } else {
      for (const auto& b : c.bases) compile_expr(*b);
      set_line(c.line);
      emit(OpCode::BUILD_TUPLE, static_cast<uint32_t>(c.bases.size()));
    }
    for (const auto& k : c.keywords) {
      if (k.arg.empty()) {
        fail("'**' in a class statement's keywords is not supported", c.line);
        return;
      }
      emit_const_str(k.arg);
      compile_expr(*k.value);
    }
    if (!c.keywords.empty()) emit(OpCode::BUILD_MAP, static_cast<uint32_t>(c.keywords.size()));
    Scope* s = scope_for(&c);
    Code* body = new_code(c.name, child_qualname(c.name), s, c.line);
    enter(body, s);
    emit(OpCode::LOAD_NAME, add_name("__name__"));
    emit(OpCode::STORE_NAME, add_name("__module__"));
    emit_const_str(body->qualname);
    emit(OpCode::STORE_NAME, add_name("__qualname__"));
    emit_setup_annotations();
    size_t start = 0;
    if (!c.body.empty() && c.body[0]->kind == StmtKind::Expr) {
      const Expr& v = *static_cast<const ExprStmt&>(*c.body[0]).value;
      if (v.kind == ExprKind::Constant && static_cast<const Constant&>(v).ckind == ConstantKind::Str) {
        set_line(c.body[0]->line);
        emit_const_str(static_cast<const Constant&>(v).s);
        emit(OpCode::STORE_NAME, add_name("__doc__"));
        start = 1;
      }
    }
    for (size_t i = start; i < c.body.size(); ++i) {
      compile_stmt(*c.body[i]);
      if (error_) break;
    }
    if (s->needs_class_cell) {
      emit(OpCode::LOAD_CLOSURE, cell_index("__class__"));
      emit(OpCode::STORE_NAME, add_name("__classcell__"));
    }
    emit(OpCode::LOAD_LOCALS);
    emit(OpCode::RETURN_VALUE);
    finish_unit();
    emit_make_function(body, 0, c.line);
    emit(OpCode::CALL_CLASS_BODY);
    emit(OpCode::BUILD_CLASS, c.keywords.empty() ? 0 : 1);
    for (size_t i = c.decorator_list.size(); i-- > 0;) emit(OpCode::CALL, 1);
    name_op(c.name, Context::Store);
  }

  // ---- control flow ----
  void compile_return(const Return& r) {
    Scope* s = unit().scope;
    if (s->kind == ScopeKind::Module || s->kind == ScopeKind::Class) {
      fail("'return' outside function", r.line);
      return;
    }
    if (r.value && (code().flags & kCodeAsyncGenerator)) {
      fail("'return' with value in async generator", r.line);
      return;
    }
    if (r.value) {
      compile_expr(*r.value);
    } else {
      emit_const_none();
    }
    set_line(r.line);
    unwind_fblocks(true, nullptr);
    set_line(r.line);
    emit(OpCode::RETURN_VALUE);
  }

  // unwind_fblocks emits the exits of every open block (innermost first) down to stop.
  void unwind_fblocks(bool preserve_tos, const FBlock* stop) {
    std::vector<FBlock>& fb = unit().fblocks;
    std::vector<FBlock> saved;
    while (!fb.empty()) {
      if (stop && fb.back().kind == stop->kind && fb.back().start == stop->start && fb.back().exit == stop->exit) {
        break;
      }
      FBlock b = fb.back();
      fb.pop_back();
      saved.push_back(b);
      unwind_fblock(b, preserve_tos);
    }
    for (size_t i = saved.size(); i-- > 0;) fb.push_back(saved[i]);
  }

  void unwind_fblock(const FBlock& b, bool preserve_tos) {
    switch (b.kind) {
      case FBlockKind::WhileLoop: break;
      case FBlockKind::ForLoop:
      case FBlockKind::PopValue:
        if (preserve_tos) emit(OpCode::ROT_TWO);
        emit(OpCode::POP_TOP);
        break;
      case FBlockKind::TryExcept: emit(OpCode::POP_BLOCK); break;
      case FBlockKind::FinallyTry:
        emit(OpCode::POP_BLOCK);
        // A break/continue/return inside the finally body must drop the preserved value.
        if (preserve_tos) push_fblock({FBlockKind::PopValue, -1, -1, nullptr, {}});
        compile_body(*b.finalbody);
        if (preserve_tos) unit().fblocks.pop_back();
        break;
      case FBlockKind::FinallyEnd:
        if (preserve_tos) emit(OpCode::ROT_TWO);
        emit(OpCode::POP_TOP);
        emit(OpCode::POP_EXCEPT);
        break;
      case FBlockKind::With:
      case FBlockKind::AsyncWith:
        emit(OpCode::POP_BLOCK);
        if (preserve_tos) emit(OpCode::ROT_TWO);
        emit_const_none();
        emit(OpCode::DUP_TOP);
        emit(OpCode::DUP_TOP);
        emit(OpCode::CALL, 3);
        if (b.kind == FBlockKind::AsyncWith) emit_await();
        emit(OpCode::POP_TOP);
        break;
      case FBlockKind::ExceptStarHandler:
        fail("'break', 'continue' and 'return' cannot appear in an except* block", unit().line);
        break;
      case FBlockKind::HandlerCleanup:
        if (!b.name.empty()) emit(OpCode::POP_BLOCK);
        emit(OpCode::POP_EXCEPT);
        if (!b.name.empty()) {
          emit_const_none();
          name_op(b.name, Context::Store);
          name_op(b.name, Context::Del);
        }
        break;
    }
  }

  const FBlock* innermost_loop() {
    auto& fb = unit().fblocks;
    for (size_t i = fb.size(); i-- > 0;) {
      if (fb[i].kind == FBlockKind::WhileLoop || fb[i].kind == FBlockKind::ForLoop) return &fb[i];
    }
    return nullptr;
  }

  void compile_break(uint32_t line) {
    const FBlock* loop = innermost_loop();
    if (!loop) {
      fail("'break' outside loop", line);
      return;
    }
    FBlock l = *loop;
    unwind_fblocks(false, &l);
    unwind_fblock(l, false);
    set_line(line);
    emit_jump(OpCode::JUMP, l.exit);
  }

  void compile_continue(uint32_t line) {
    const FBlock* loop = innermost_loop();
    if (!loop) {
      fail("'continue' not properly in loop", line);
      return;
    }
    FBlock l = *loop;
    unwind_fblocks(false, &l);
    set_line(line);
    emit_jump(OpCode::JUMP, l.start);
  }

  void compile_if(const If& s) {
    int end = new_label();
    int orelse = s.orelse.empty() ? end : new_label();
    compile_jump_if(*s.test, false, orelse);
    compile_body(s.body);
    if (!s.orelse.empty()) {
      emit_jump(OpCode::JUMP, end);
      bind(orelse);
      compile_body(s.orelse);
    }
    bind(end);
  }

  static bool is_const_true(const Expr& e) {
    if (e.kind != ExprKind::Constant) return false;
    const auto& c = static_cast<const Constant&>(e);
    switch (c.ckind) {
      case ConstantKind::True: return true;
      case ConstantKind::Int: return c.i != 0;
      case ConstantKind::Str:
      case ConstantKind::Bytes: return !c.s.empty();
      default: return false;
    }
  }

  // compile_while tests at the top and again at the bottom, jumping back into the body, as
  // CPython 3.11 does: the backward jump is where the loop checks the eval breaker, so a
  // thread switch lands after the bottom test, not before the top one.
  void compile_while(const While& w) {
    int start = new_label(), body = new_label(), orelse = new_label(), end = new_label();
    bool forever = is_const_true(*w.test);
    bind(start);
    if (!forever) compile_jump_if(*w.test, false, orelse);
    bind(body);
    push_fblock({FBlockKind::WhileLoop, start, end, nullptr, {}});
    compile_body(w.body);
    unit().fblocks.pop_back();
    set_line(w.line);
    if (forever) {
      emit_jump(OpCode::JUMP, body);
    } else {
      compile_jump_if(*w.test, true, body);
    }
    bind(orelse);
    compile_body(w.orelse);
    bind(end);
  }

  void compile_for(const For& f) {
    int start = new_label(), cleanup = new_label(), end = new_label();
    compile_expr(*f.iter);
    set_line(f.line);
    emit(OpCode::GET_ITER);
    bind(start);
    emit_jump(OpCode::FOR_ITER, cleanup);
    push_fblock({FBlockKind::ForLoop, start, end, nullptr, {}});
    compile_store(*f.target);
    compile_body(f.body);
    unit().fblocks.pop_back();
    emit_jump(OpCode::JUMP, start);
    bind(cleanup);
    compile_body(f.orelse);
    bind(end);
  }

  void compile_async_for(const For& f) {
    int start = new_label(), except = new_label(), end = new_label();
    compile_expr(*f.iter);
    set_line(f.line);
    emit(OpCode::GET_AITER);
    bind(start);
    emit_jump(OpCode::SETUP_FINALLY, except);
    emit(OpCode::GET_ANEXT);
    emit_await_tail();
    emit(OpCode::POP_BLOCK);
    push_fblock({FBlockKind::ForLoop, start, end, nullptr, {}});
    compile_store(*f.target);
    compile_body(f.body);
    unit().fblocks.pop_back();
    set_line(f.line);
    emit_jump(OpCode::JUMP, start);
    bind(except);
    emit(OpCode::END_ASYNC_FOR);
    compile_body(f.orelse);
    bind(end);
  }

  void compile_try(const Try& t) {
    if (!t.finalbody.empty()) {
      int fin_exc = new_label(), end = new_label();
      emit_jump(OpCode::SETUP_FINALLY, fin_exc);
      push_fblock({FBlockKind::FinallyTry, -1, -1, &t.finalbody, {}});
      if (t.star) {
        compile_try_star(t);
      } else if (!t.handlers.empty()) {
        compile_try_except(t);
      } else {
        compile_body(t.body);
      }
      unit().fblocks.pop_back();
      emit(OpCode::POP_BLOCK);
      compile_body(t.finalbody);
      emit_jump(OpCode::JUMP, end);
      bind(fin_exc);
      push_fblock({FBlockKind::FinallyEnd, -1, -1, nullptr, {}});
      compile_body(t.finalbody);
      unit().fblocks.pop_back();
      emit(OpCode::RERAISE);
      bind(end);
    } else if (t.star) {
      compile_try_star(t);
    } else {
      compile_try_except(t);
    }
  }

  // compile_try_star compiles `try: ... except* T:` as CPython 3.11 does: the handlers see
  // [orig list rest]; each takes the part of rest matching its type (CHECK_EG_MATCH), what
  // a handler raises joins the list, and PREP_RERAISE_STAR combines the list with orig.
  void compile_try_star(const Try& t) {
    int except = new_label(), orelse = new_label(), end = new_label(), cleanup = new_label();
    int reraise_star = new_label(), reraise = new_label();
    set_line(t.line);
    emit_jump(OpCode::SETUP_FINALLY, except);
    push_fblock({FBlockKind::TryExcept, -1, -1, nullptr, {}});
    compile_body(t.body);
    unit().fblocks.pop_back();
    emit(OpCode::POP_BLOCK);
    emit_jump(OpCode::JUMP, orelse, false);
    bind(except);
    emit_jump(OpCode::SETUP_FINALLY, cleanup);
    push_fblock({FBlockKind::ExceptStarHandler, -1, -1, nullptr, {}});
    size_t n = t.handlers.size();
    for (size_t i = 0; i < n; ++i) {
      const ExceptHandler& h = t.handlers[i];
      set_line(h.line);
      int next = new_label(), except_with_error = new_label(), no_match = new_label();
      int cleanup_end = new_label();
      if (i == 0) {
        emit(OpCode::BUILD_LIST, 0);
        emit(OpCode::COPY, 2);
      }
      compile_expr(*h.type);
      set_line(h.line);
      emit(OpCode::CHECK_EG_MATCH);
      emit(OpCode::COPY, 1);
      emit_const_none();
      emit(OpCode::IS_OP, 0);
      emit_jump(OpCode::POP_JUMP_IF_TRUE, no_match, false);
      if (!h.name.empty()) {
        name_op(h.name, Context::Store);
      } else {
        emit(OpCode::POP_TOP);
      }
      emit_jump(OpCode::SETUP_FINALLY, cleanup_end);
      push_fblock({FBlockKind::HandlerCleanup, -1, -1, nullptr, h.name});
      compile_body(h.body);
      unit().fblocks.pop_back();
      emit(OpCode::POP_BLOCK);
      if (!h.name.empty()) {
        emit_const_none();
        name_op(h.name, Context::Store);
        name_op(h.name, Context::Del);
      }
      emit_jump(OpCode::JUMP, next, false);
      bind(cleanup_end);
      if (!h.name.empty()) {
        emit_const_none();
        name_op(h.name, Context::Store);
        name_op(h.name, Context::Del);
      }
      emit(OpCode::LIST_APPEND, 2);
      emit(OpCode::POP_EXCEPT);
      emit_jump(OpCode::JUMP, except_with_error, false);
      bind(next);
      emit(OpCode::NOP);
      emit_jump(OpCode::JUMP, except_with_error, false);
      bind(no_match);
      emit(OpCode::POP_TOP);
      bind(except_with_error);
      if (i == n - 1) {
        emit(OpCode::LIST_APPEND, 1);
        emit_jump(OpCode::JUMP, reraise_star, false);
      }
    }
    unit().fblocks.pop_back();
    bind(reraise_star);
    emit(OpCode::PREP_RERAISE_STAR);
    emit(OpCode::COPY, 1);
    emit_const_none();
    emit(OpCode::IS_OP, 1);
    emit_jump(OpCode::POP_JUMP_IF_TRUE, reraise, false);
    emit(OpCode::POP_TOP);
    emit(OpCode::POP_BLOCK);
    emit(OpCode::POP_EXCEPT);
    emit_jump(OpCode::JUMP, end, false);
    bind(reraise);
    emit(OpCode::POP_BLOCK);
    emit(OpCode::RERAISE);
    bind(cleanup);
    emit(OpCode::RERAISE);
    bind(orelse);
    compile_body(t.orelse);
    bind(end);
  }

  void compile_try_except(const Try& t) {
    int handler = new_label(), end = new_label();
    set_line(t.line);
    emit_jump(OpCode::SETUP_FINALLY, handler);
    push_fblock({FBlockKind::TryExcept, -1, -1, nullptr, {}});
    compile_body(t.body);
    unit().fblocks.pop_back();
    emit(OpCode::POP_BLOCK);
    compile_body(t.orelse);
    emit_jump(OpCode::JUMP, end);
    bind(handler);
    for (size_t i = 0; i < t.handlers.size(); ++i) {
      const ExceptHandler& h = t.handlers[i];
      set_line(h.line ? h.line : t.line);
      if (!h.type && i + 1 < t.handlers.size()) {
        fail("default 'except:' must be last", h.line);
        return;
      }
      int next = new_label();
      if (h.type) {
        compile_expr(*h.type);
        set_line(h.line ? h.line : t.line);
        emit(OpCode::CHECK_EXC_MATCH);
        emit_jump(OpCode::POP_JUMP_IF_FALSE, next);
      }
      if (!h.name.empty()) {
        name_op(h.name, Context::Store);
        int cleanup = new_label();
        emit_jump(OpCode::SETUP_FINALLY, cleanup);
        push_fblock({FBlockKind::HandlerCleanup, -1, -1, nullptr, h.name});
        compile_body(h.body);
        unit().fblocks.pop_back();
        emit(OpCode::POP_BLOCK);
        emit(OpCode::POP_EXCEPT);
        emit_const_none();
        name_op(h.name, Context::Store);
        name_op(h.name, Context::Del);
        emit_jump(OpCode::JUMP, end);
        bind(cleanup);
        emit_const_none();
        name_op(h.name, Context::Store);
        name_op(h.name, Context::Del);
        emit(OpCode::RERAISE);
      } else {
        emit(OpCode::POP_TOP);
        push_fblock({FBlockKind::HandlerCleanup, -1, -1, nullptr, {}});
        compile_body(h.body);
        unit().fblocks.pop_back();
        emit(OpCode::POP_EXCEPT);
        emit_jump(OpCode::JUMP, end);
      }
      bind(next);
    }
    emit(OpCode::RERAISE);
    bind(end);
  }

  // ---- match statements: CPython 3.11's pattern compiler (compile.c) ----
  // A pattern consumes the subject on top of the stack. Captured values stay on the
  // stack (stores[0] nearest the top) until the whole pattern has matched; a failure
  // jumps to fail_pop[n], which pops the n values above the case's subject.
  struct PatternCtx {
    std::vector<std::string> stores;
    bool allow_irrefutable = false;
    std::vector<int> fail_pop;
    int on_top = 0;
  };

  static bool is_wildcard(const Pattern& p) { return p.kind == PatternKind::MatchAs && !p.pattern && p.name.empty(); }
  static bool is_star_wildcard(const Pattern& p) { return p.kind == PatternKind::MatchStar && p.name.empty(); }

  void ensure_fail_pop(PatternCtx& pc, size_t n) {
    while (pc.fail_pop.size() < n + 1) pc.fail_pop.push_back(new_label());
  }
  void jump_to_fail_pop(PatternCtx& pc, OpCode op) {
    size_t pops = static_cast<size_t>(pc.on_top) + pc.stores.size();
    ensure_fail_pop(pc, pops);
    emit_jump(op, pc.fail_pop[pops], false);
  }
  void emit_and_reset_fail_pop(PatternCtx& pc) {
    if (pc.fail_pop.empty()) return;
    for (size_t i = pc.fail_pop.size(); --i > 0;) {
      bind(pc.fail_pop[i]);
      emit(OpCode::POP_TOP);
    }
    bind(pc.fail_pop[0]);
    pc.fail_pop.clear();
  }
  void pattern_rotate(int count) {
    while (count > 1) emit(OpCode::SWAP, static_cast<uint32_t>(count--));
  }
  bool pattern_store_name(const std::string& name, PatternCtx& pc, uint32_t line) {
    if (name.empty()) {
      emit(OpCode::POP_TOP);
      return true;
    }
    if (std::find(pc.stores.begin(), pc.stores.end(), name) != pc.stores.end()) {
      fail("multiple assignments to name '" + name + "' in pattern", line);
      return false;
    }
    pattern_rotate(pc.on_top + static_cast<int>(pc.stores.size()) + 1);
    pc.stores.push_back(name);
    return true;
  }

  bool compile_subpattern(const Pattern& p, PatternCtx& pc) {
    bool allow = pc.allow_irrefutable;
    pc.allow_irrefutable = true;
    bool ok = compile_pattern(p, pc);
    pc.allow_irrefutable = allow;
    return ok;
  }

  bool compile_pattern(const Pattern& p, PatternCtx& pc) {
    set_line(p.line);
    switch (p.kind) {
      case PatternKind::MatchValue: {
        ExprKind k = p.value->kind;
        if (k != ExprKind::Constant && k != ExprKind::Attribute && k != ExprKind::UnaryOp) {
          fail("patterns may only match literals and attribute lookups", p.line);
          return false;
        }
        compile_expr(*p.value);
        set_line(p.line);
        emit(OpCode::COMPARE_EQ);
        jump_to_fail_pop(pc, OpCode::POP_JUMP_IF_FALSE);
        return true;
      }
      case PatternKind::MatchSingleton: {
        ConstValue c;
        c.kind = p.singleton == ConstantKind::None   ? ConstValue::Kind::None
                 : p.singleton == ConstantKind::True ? ConstValue::Kind::True
                                                     : ConstValue::Kind::False;
        emit_const(std::move(c));
        emit(OpCode::IS_OP, 0);
        jump_to_fail_pop(pc, OpCode::POP_JUMP_IF_FALSE);
        return true;
      }
      case PatternKind::MatchSequence: return compile_pattern_sequence(p, pc);
      case PatternKind::MatchMapping: return compile_pattern_mapping(p, pc);
      case PatternKind::MatchClass: return compile_pattern_class(p, pc);
      case PatternKind::MatchStar: return pattern_store_name(p.name, pc, p.line);
      case PatternKind::MatchAs: {
        if (!p.pattern) {
          if (!pc.allow_irrefutable) {
            fail(p.name.empty() ? std::string("wildcard makes remaining patterns unreachable")
                                : "name capture '" + p.name + "' makes remaining patterns unreachable",
                 p.line);
            return false;
          }
          return pattern_store_name(p.name, pc, p.line);
        }
        ++pc.on_top;
        emit(OpCode::COPY, 1);
        if (!compile_pattern(*p.pattern, pc)) return false;
        --pc.on_top;
        return pattern_store_name(p.name, pc, p.line);
      }
      case PatternKind::MatchOr: return compile_pattern_or(p, pc);
    }
    return false;
  }

  bool compile_pattern_sequence(const Pattern& p, PatternCtx& pc) {
    const auto& pats = p.patterns;
    int size = static_cast<int>(pats.size());
    int star = -1;
    bool only_wildcard = true, star_wildcard = false;
    for (int i = 0; i < size; ++i) {
      const Pattern& q = *pats[static_cast<size_t>(i)];
      if (q.kind == PatternKind::MatchStar) {
        if (star >= 0) {
          fail("multiple starred names in sequence pattern", q.line);
          return false;
        }
        star_wildcard = is_star_wildcard(q);
        only_wildcard &= star_wildcard;
        star = i;
        continue;
      }
      only_wildcard &= is_wildcard(q);
    }
    ++pc.on_top;
    emit(OpCode::MATCH_SEQUENCE);
    jump_to_fail_pop(pc, OpCode::POP_JUMP_IF_FALSE);
    if (star < 0) {
      emit(OpCode::GET_LEN);
      emit_int(size);
      emit(OpCode::COMPARE_EQ);
      jump_to_fail_pop(pc, OpCode::POP_JUMP_IF_FALSE);
    } else if (!only_wildcard || size > 1) {
      emit(OpCode::GET_LEN);
      emit_int(size - 1);
      emit(OpCode::COMPARE_GE);
      jump_to_fail_pop(pc, OpCode::POP_JUMP_IF_FALSE);
    }
    --pc.on_top;
    if (only_wildcard) {
      emit(OpCode::POP_TOP);
      return true;
    }
    if (star_wildcard) {
      ++pc.on_top;
      for (int i = 0; i < size; ++i) {
        const Pattern& q = *pats[static_cast<size_t>(i)];
        if (is_wildcard(q) || i == star) continue;
        emit(OpCode::COPY, 1);
        if (i < star) {
          emit_int(i);
        } else {
          emit(OpCode::GET_LEN);
          emit_int(size - i);
          emit(OpCode::BINARY_SUBTRACT);
        }
        emit(OpCode::BINARY_SUBSCR);
        if (!compile_subpattern(q, pc)) return false;
      }
      --pc.on_top;
      emit(OpCode::POP_TOP);
      return true;
    }
    if (star >= 0) {
      emit(OpCode::UNPACK_EX, static_cast<uint32_t>(star) | (static_cast<uint32_t>(size - star - 1) << 8));
    } else {
      emit(OpCode::UNPACK_SEQUENCE, static_cast<uint32_t>(size));
    }
    pc.on_top += size;
    for (const auto& q : pats) {
      --pc.on_top;
      if (!compile_subpattern(*q, pc)) return false;
    }
    return true;
  }

  void emit_int(int64_t v) {
    ConstValue c;
    c.kind = ConstValue::Kind::Int;
    c.i = v;
    emit_const(std::move(c));
  }

  bool compile_pattern_mapping(const Pattern& p, PatternCtx& pc) {
    size_t size = p.keys.size();
    ++pc.on_top;
    emit(OpCode::MATCH_MAPPING);
    jump_to_fail_pop(pc, OpCode::POP_JUMP_IF_FALSE);
    if (!size && p.name.empty()) {
      --pc.on_top;
      emit(OpCode::POP_TOP);
      return true;
    }
    if (size) {
      emit(OpCode::GET_LEN);
      emit_int(static_cast<int64_t>(size));
      emit(OpCode::COMPARE_GE);
      jump_to_fail_pop(pc, OpCode::POP_JUMP_IF_FALSE);
    }
    std::set<std::string> seen;
    for (const auto& key : p.keys) {
      if (key->kind == ExprKind::Constant) {
        const auto& c = static_cast<const Constant&>(*key);
        std::string shown;
        switch (c.ckind) {
          case ConstantKind::Str: shown = "'" + c.s + "'"; break;
          case ConstantKind::Int: shown = c.s.empty() ? std::to_string(c.i) : c.s; break;
          case ConstantKind::None: shown = "None"; break;
          case ConstantKind::True: shown = "True"; break;
          case ConstantKind::False: shown = "False"; break;
          default: break;
        }
        if (!shown.empty() && !seen.insert(shown).second) {
          fail("mapping pattern checks duplicate key (" + shown + ")", p.line);
          return false;
        }
      } else if (key->kind != ExprKind::Attribute && key->kind != ExprKind::UnaryOp) {
        fail("mapping pattern keys may only match literals and attribute lookups", p.line);
        return false;
      }
      compile_expr(*key);
    }
    set_line(p.line);
    emit(OpCode::BUILD_TUPLE, static_cast<uint32_t>(size));
    emit(OpCode::MATCH_KEYS);
    pc.on_top += 2;
    emit(OpCode::COPY, 1);
    emit_const_none();
    emit(OpCode::IS_OP, 1);
    jump_to_fail_pop(pc, OpCode::POP_JUMP_IF_FALSE);
    emit(OpCode::UNPACK_SEQUENCE, static_cast<uint32_t>(size));
    pc.on_top += static_cast<int>(size) - 1;
    for (const auto& q : p.patterns) {
      --pc.on_top;
      if (!compile_subpattern(*q, pc)) return false;
    }
    pc.on_top -= 2;
    if (!p.name.empty()) {
      emit(OpCode::BUILD_MAP, 0);
      emit(OpCode::SWAP, 3);
      emit(OpCode::DICT_UPDATE, 2);
      emit(OpCode::UNPACK_SEQUENCE, static_cast<uint32_t>(size));
      for (size_t n = size; n > 0; --n) {
        emit(OpCode::COPY, static_cast<uint32_t>(1 + n));
        emit(OpCode::SWAP, 2);
        emit(OpCode::DELETE_SUBSCR);
      }
      return pattern_store_name(p.name, pc, p.line);
    }
    emit(OpCode::POP_TOP);
    emit(OpCode::POP_TOP);
    return true;
  }

  bool compile_pattern_class(const Pattern& p, PatternCtx& pc) {
    size_t nargs = p.patterns.size(), nattrs = p.kwd_attrs.size();
    for (size_t i = 0; i < nattrs; ++i) {
      for (size_t j = i + 1; j < nattrs; ++j) {
        if (p.kwd_attrs[i] == p.kwd_attrs[j]) {
          fail("attribute name repeated in class pattern: " + p.kwd_attrs[i], p.kwd_patterns[j]->line);
          return false;
        }
      }
    }
    compile_expr(*p.value);
    set_line(p.line);
    ConstValue names;
    names.kind = ConstValue::Kind::Tuple;
    for (const auto& a : p.kwd_attrs) {
      ConstValue s;
      s.kind = ConstValue::Kind::Str;
      s.s = a;
      names.items.push_back(std::move(s));
    }
    emit_const(std::move(names));
    emit(OpCode::MATCH_CLASS, static_cast<uint32_t>(nargs));
    emit(OpCode::COPY, 1);
    emit_const_none();
    emit(OpCode::IS_OP, 1);
    ++pc.on_top;
    jump_to_fail_pop(pc, OpCode::POP_JUMP_IF_FALSE);
    emit(OpCode::UNPACK_SEQUENCE, static_cast<uint32_t>(nargs + nattrs));
    pc.on_top += static_cast<int>(nargs + nattrs) - 1;
    for (size_t i = 0; i < nargs + nattrs; ++i) {
      --pc.on_top;
      const Pattern& q = i < nargs ? *p.patterns[i] : *p.kwd_patterns[i - nargs];
      if (is_wildcard(q)) {
        emit(OpCode::POP_TOP);
        continue;
      }
      if (!compile_subpattern(q, pc)) return false;
    }
    return true;
  }

  bool compile_pattern_or(const Pattern& p, PatternCtx& pc) {
    int end = new_label();
    size_t size = p.patterns.size();
    PatternCtx old = pc;
    std::vector<std::string> control;
    for (size_t i = 0; i < size; ++i) {
      const Pattern& alt = *p.patterns[i];
      set_line(alt.line);
      pc.stores.clear();
      pc.allow_irrefutable = i == size - 1 && old.allow_irrefutable;
      pc.fail_pop.clear();
      pc.on_top = 0;
      emit(OpCode::COPY, 1);
      if (!compile_pattern(alt, pc)) return false;
      size_t nstores = pc.stores.size();
      if (i == 0) {
        control = pc.stores;
      } else if (nstores != control.size()) {
        fail("alternative patterns bind different names", alt.line);
        return false;
      } else if (nstores) {
        for (size_t icontrol = nstores; icontrol-- > 0;) {
          const std::string& name = control[icontrol];
          auto it = std::find(pc.stores.begin(), pc.stores.end(), name);
          if (it == pc.stores.end()) {
            fail("alternative patterns bind different names", alt.line);
            return false;
          }
          size_t istores = static_cast<size_t>(it - pc.stores.begin());
          if (icontrol != istores) {
            size_t rotations = istores + 1;
            std::vector<std::string> rotated(pc.stores.begin(), pc.stores.begin() + static_cast<long>(rotations));
            pc.stores.erase(pc.stores.begin(), pc.stores.begin() + static_cast<long>(rotations));
            pc.stores.insert(pc.stores.begin() + static_cast<long>(icontrol - istores), rotated.begin(), rotated.end());
            while (rotations--) pattern_rotate(static_cast<int>(icontrol) + 1);
          }
        }
      }
      emit_jump(OpCode::JUMP, end, false);
      emit_and_reset_fail_pop(pc);
    }
    pc = old;
    emit(OpCode::POP_TOP);
    jump_to_fail_pop(pc, OpCode::JUMP);
    bind(end);
    int nrots = static_cast<int>(control.size()) + 1 + pc.on_top + static_cast<int>(pc.stores.size());
    for (const auto& name : control) {
      pattern_rotate(nrots);
      if (std::find(pc.stores.begin(), pc.stores.end(), name) != pc.stores.end()) {
        fail("multiple assignments to name '" + name + "' in pattern", p.line);
        return false;
      }
      pc.stores.push_back(name);
    }
    emit(OpCode::POP_TOP);
    return true;
  }

  void compile_match(const Match& m) {
    compile_expr(*m.subject);
    int end = new_label();
    size_t cases = m.cases.size();
    const MatchCase& last = m.cases.back();
    size_t has_default = is_wildcard(*last.pattern) && cases > 1 ? 1 : 0;
    for (size_t i = 0; i < cases - has_default; ++i) {
      const MatchCase& c = m.cases[i];
      set_line(c.pattern->line);
      bool copy = i != cases - has_default - 1;
      if (copy) emit(OpCode::COPY, 1);
      PatternCtx pc;
      pc.allow_irrefutable = c.guard != nullptr || i == cases - 1;
      if (!compile_pattern(*c.pattern, pc)) return;
      for (const auto& n : pc.stores) name_op(n, Context::Store);
      if (c.guard) {
        ensure_fail_pop(pc, 0);
        compile_jump_if(*c.guard, false, pc.fail_pop[0]);
      }
      if (copy) emit(OpCode::POP_TOP);
      compile_body(c.body);
      emit_jump(OpCode::JUMP, end, false);
      set_line(c.pattern->line);
      emit_and_reset_fail_pop(pc);
    }
    if (has_default) {
      set_line(last.pattern->line);
      emit(OpCode::NOP);
      if (last.guard) compile_jump_if(*last.guard, false, end);
      compile_body(last.body);
    }
    bind(end);
  }

  // compile_with() compiles `with` and `async with`; the async form awaits __aenter__,
  // __aexit__ and the exit call made on an exception.
  void compile_with(const With& w, size_t index, bool is_async) {
    const WithItem& item = w.items[index];
    int handler = new_label(), suppress = new_label(), end = new_label();
    compile_expr(*item.context_expr);
    set_line(w.line);
    if (is_async) {
      emit(OpCode::BEFORE_ASYNC_WITH);
      emit_await();
    } else {
      emit(OpCode::BEFORE_WITH);
    }
    emit_jump(OpCode::SETUP_WITH, handler);
    if (item.optional_vars) {
      compile_store(*item.optional_vars);
    } else {
      emit(OpCode::POP_TOP);
    }
    push_fblock({is_async ? FBlockKind::AsyncWith : FBlockKind::With, -1, -1, nullptr, {}});
    if (index + 1 < w.items.size()) {
      if (!error_) compile_with(w, index + 1, is_async);
    } else {
      compile_body(w.body);
    }
    unit().fblocks.pop_back();
    set_line(w.line);
    emit(OpCode::POP_BLOCK);
    emit_const_none();
    emit(OpCode::DUP_TOP);
    emit(OpCode::DUP_TOP);
    emit(OpCode::CALL, 3);
    if (is_async) emit_await();
    emit(OpCode::POP_TOP);
    emit_jump(OpCode::JUMP, end);
    bind(handler);
    emit(OpCode::WITH_EXCEPT_START);
    if (is_async) emit_await();
    emit_jump(OpCode::POP_JUMP_IF_TRUE, suppress);
    emit(OpCode::RERAISE);
    bind(suppress);
    emit(OpCode::POP_TOP);
    emit(OpCode::POP_EXCEPT);
    emit(OpCode::POP_TOP);
    bind(end);
  }

  // emit_await turns the awaitable on top of the stack into its result.
  void emit_await() {
    emit(OpCode::GET_AWAITABLE);
    emit_await_tail();
  }
  void emit_await_tail() {
    int loop = new_label(), exit = new_label();
    emit_const_none();
    bind(loop);
    emit_jump(OpCode::SEND, exit);
    emit(OpCode::YIELD_VALUE);
    emit_jump(OpCode::JUMP, loop, false);
    bind(exit);
  }

  // ---- expressions ----
  void compile_jump_if(const Expr& e, bool cond, int target) {
    switch (e.kind) {
      case ExprKind::UnaryOp: {
        const auto& u = static_cast<const UnaryOp&>(e);
        if (u.op == UnaryOpKind::Not) {
          compile_jump_if(*u.operand, !cond, target);
          return;
        }
        break;
      }
      case ExprKind::BoolOp: {
        const auto& b = static_cast<const BoolOp&>(e);
        bool is_or = b.op == BoolOpKind::Or;
        int next = (is_or == cond) ? target : new_label();
        for (size_t i = 0; i + 1 < b.values.size(); ++i) compile_jump_if(*b.values[i], is_or, next);
        compile_jump_if(*b.values.back(), cond, target);
        if (next != target) bind(next);
        return;
      }
      case ExprKind::IfExp: {
        const auto& i = static_cast<const IfExp&>(e);
        int end = new_label(), next = new_label();
        compile_jump_if(*i.test, false, next);
        compile_jump_if(*i.body, cond, target);
        emit_jump(OpCode::JUMP, end);
        bind(next);
        compile_jump_if(*i.orelse, cond, target);
        bind(end);
        return;
      }
      case ExprKind::Compare: {
        const auto& c = static_cast<const Compare&>(e);
        if (c.ops.size() > 1) {
          int cleanup = new_label(), end = new_label();
          compile_expr(*c.left);
          for (size_t i = 0; i + 1 < c.ops.size(); ++i) {
            compile_expr(*c.comparators[i]);
            emit(OpCode::DUP_TOP);
            emit(OpCode::ROT_THREE);
            set_line(e.line);
            emit_compare(c.ops[i]);
            emit_jump(OpCode::POP_JUMP_IF_FALSE, cleanup);
          }
          compile_expr(*c.comparators.back());
          set_line(e.line);
          emit_compare(c.ops.back());
          emit_jump(cond ? OpCode::POP_JUMP_IF_TRUE : OpCode::POP_JUMP_IF_FALSE, target);
          emit_jump(OpCode::JUMP, end);
          bind(cleanup);
          emit(OpCode::POP_TOP);
          if (!cond) emit_jump(OpCode::JUMP, target);
          bind(end);
          return;
        }
        break;
      }
      default: break;
    }
    compile_expr(e);
    set_line(e.line);
    emit_jump(cond ? OpCode::POP_JUMP_IF_TRUE : OpCode::POP_JUMP_IF_FALSE, target);
  }

  void emit_compare(CmpOpKind op) {
    switch (op) {
      case CmpOpKind::Is: emit(OpCode::IS_OP, 0); break;
      case CmpOpKind::IsNot: emit(OpCode::IS_OP, 1); break;
      case CmpOpKind::In: emit(OpCode::CONTAINS_OP, 0); break;
      case CmpOpKind::NotIn: emit(OpCode::CONTAINS_OP, 1); break;
      default: emit(static_cast<OpCode>(static_cast<int>(OpCode::COMPARE_EQ) + static_cast<int>(op)));
    }
  }

  static bool const_of(const Expr& e, ConstValue& out) {
    if (e.kind == ExprKind::Constant) {
      const auto& c = static_cast<const Constant&>(e);
      switch (c.ckind) {
        case ConstantKind::None: out.kind = ConstValue::Kind::None; return true;
        case ConstantKind::True: out.kind = ConstValue::Kind::True; return true;
        case ConstantKind::False: out.kind = ConstValue::Kind::False; return true;
        case ConstantKind::Int:
          out.kind = ConstValue::Kind::Int;
          out.i = c.i;
          out.s = c.s;
          return true;
        case ConstantKind::Float:
          out.kind = ConstValue::Kind::Float;
          out.f = c.f;
          return true;
        case ConstantKind::Str:
          out.kind = ConstValue::Kind::Str;
          out.s = c.s;
          return true;
        case ConstantKind::Bytes:
          out.kind = ConstValue::Kind::Bytes;
          out.s = c.s;
          return true;
        case ConstantKind::Ellipsis: out.kind = ConstValue::Kind::Ellipsis; return true;
      }
    }
    if (e.kind == ExprKind::UnaryOp) {
      const auto& u = static_cast<const UnaryOp&>(e);
      if (u.op == UnaryOpKind::USub && u.operand->kind == ExprKind::Constant) {
        const auto& c = static_cast<const Constant&>(*u.operand);
        if (c.ckind == ConstantKind::Int && c.s.empty()) {
          out.kind = ConstValue::Kind::Int;
          out.i = -c.i;
          return true;
        }
        if (c.ckind == ConstantKind::Float) {
          out.kind = ConstValue::Kind::Float;
          out.f = -c.f;
          return true;
        }
      }
    }
    if (e.kind == ExprKind::Tuple) {
      const auto& t = static_cast<const Tuple&>(e);
      ConstValue tv;
      tv.kind = ConstValue::Kind::Tuple;
      for (const auto& el : t.elts) {
        ConstValue item;
        if (!const_of(*el, item)) return false;
        tv.items.push_back(std::move(item));
      }
      out = std::move(tv);
      return true;
    }
    return false;
  }

  void compile_slice_or_expr(const Expr& e) {
    if (e.kind == ExprKind::Slice) {
      const auto& s = static_cast<const Slice&>(e);
      if (s.lower) compile_expr(*s.lower);
      else emit_const_none();
      if (s.upper) compile_expr(*s.upper);
      else emit_const_none();
      uint32_t n = 2;
      if (s.step) {
        compile_expr(*s.step);
        n = 3;
      }
      set_line(e.line);
      emit(OpCode::BUILD_SLICE, n);
      return;
    }
    compile_expr(e);
  }

  // compile_sequence builds a list/tuple/set display that contains starred items.
  void compile_sequence(const ExprList& elts, OpCode build, uint32_t line) {
    bool starred = false;
    for (const auto& e : elts) starred |= e->kind == ExprKind::Starred;
    if (!starred) {
      bool constant = build == OpCode::BUILD_SET && elts.size() >= 3;
      for (const auto& e : elts) {
        ConstValue c;
        if (constant && !const_of(*e, c)) constant = false;
        compile_expr(*e);
      }
      set_line(line);
      emit(build, static_cast<uint32_t>(elts.size()) | (constant ? kBuildSetConstant : 0));
      return;
    }
    bool is_set = build == OpCode::BUILD_SET;
    set_line(line);
    emit(is_set ? OpCode::BUILD_SET : OpCode::BUILD_LIST, 0);
    for (const auto& e : elts) {
      if (e->kind == ExprKind::Starred) {
        compile_expr(*static_cast<const Starred&>(*e).value);
        set_line(line);
        emit(is_set ? OpCode::SET_UPDATE : OpCode::LIST_EXTEND, 1);
      } else {
        compile_expr(*e);
        set_line(line);
        emit(is_set ? OpCode::SET_ADD : OpCode::LIST_APPEND, 1);
      }
    }
    if (build == OpCode::BUILD_TUPLE) emit(OpCode::LIST_TO_TUPLE);
  }

  void compile_call(const Call& c) {
    bool simple = true;
    for (const auto& a : c.args) simple &= a->kind != ExprKind::Starred;
    for (const auto& k : c.keywords) simple &= !k.arg.empty();
    if (simple && c.func->kind == ExprKind::Attribute) {
      const auto& at = static_cast<const Attribute&>(*c.func);
      compile_expr(*at.value);
      set_line(c.func->line);
      emit(OpCode::LOAD_METHOD, add_name(at.attr));
      for (const auto& a : c.args) compile_expr(*a);
      for (const auto& k : c.keywords) compile_expr(*k.value);
      set_line(c.line);
      emit_kw_names(c);
      emit(OpCode::CALL_METHOD, static_cast<uint32_t>(c.args.size() + c.keywords.size()));
      return;
    }
    compile_expr(*c.func);
    if (simple) {
      for (const auto& a : c.args) compile_expr(*a);
      for (const auto& k : c.keywords) compile_expr(*k.value);
      set_line(c.line);
      emit_kw_names(c);
      emit(OpCode::CALL, static_cast<uint32_t>(c.args.size() + c.keywords.size()));
      return;
    }
    set_line(c.line);
    emit(OpCode::BUILD_LIST, 0);
    for (const auto& a : c.args) {
      if (a->kind == ExprKind::Starred) {
        compile_expr(*static_cast<const Starred&>(*a).value);
        set_line(c.line);
        emit(OpCode::LIST_EXTEND, 1 | kExtendCallArgs);
      } else {
        compile_expr(*a);
        set_line(c.line);
        emit(OpCode::LIST_APPEND, 1);
      }
    }
    uint32_t flags = 0;
    if (!c.keywords.empty()) {
      flags = 1;
      emit(OpCode::BUILD_MAP, 0);
      for (const auto& k : c.keywords) {
        if (k.arg.empty()) {
          compile_expr(*k.value);
          set_line(c.line);
          emit(OpCode::DICT_MERGE, 1);
        } else {
          emit_const_str(k.arg);
          compile_expr(*k.value);
          set_line(c.line);
          emit(OpCode::MAP_ADD, 1);
        }
      }
    }
    set_line(c.line);
    emit(OpCode::CALL_FUNCTION_EX, flags);
  }

  void emit_kw_names(const Call& c) {
    if (c.keywords.empty()) return;
    ConstValue t;
    t.kind = ConstValue::Kind::Tuple;
    for (const auto& k : c.keywords) {
      ConstValue s;
      s.kind = ConstValue::Kind::Str;
      s.s = k.arg;
      t.items.push_back(std::move(s));
    }
    emit(OpCode::KW_NAMES, add_const(std::move(t)));
  }

  void compile_comprehension(const Expr& e, const std::vector<Comprehension>& gens, const char* name, OpCode build,
                             const Expr* elt, const Expr* key, const Expr* value) {
    Scope* s = scope_for(&e);
    Code* child = new_code(name, child_qualname(name), s, e.line);
    child->argcount = 1;
    enter(child, s);
    bool gen = build == OpCode::NOP;
    if (!gen) emit(build, 0);
    std::vector<int> starts, cleanups;
    for (size_t i = 0; i < gens.size(); ++i) {
      const auto& g = gens[i];
      int start = new_label(), cleanup = new_label();
      if (i == 0) {
        emit(OpCode::LOAD_FAST, 0);
      } else {
        compile_expr(*g.iter);
        set_line(e.line);
        emit(g.is_async ? OpCode::GET_AITER : OpCode::GET_ITER);
      }
      bind(start);
      if (g.is_async) {
        emit_jump(OpCode::SETUP_FINALLY, cleanup);
        emit(OpCode::GET_ANEXT);
        emit_await_tail();
        emit(OpCode::POP_BLOCK);
      } else {
        emit_jump(OpCode::FOR_ITER, cleanup);
      }
      compile_store(*g.target);
      for (const auto& cond : g.ifs) compile_jump_if(*cond, false, start);
      starts.push_back(start);
      cleanups.push_back(cleanup);
    }
    uint32_t depth = static_cast<uint32_t>(gens.size()) + 1;
    if (gen) {
      compile_expr(*elt);
      set_line(e.line);
      if (code().flags & kCodeAsyncGenerator) emit(OpCode::ASYNC_GEN_WRAP);
      emit(OpCode::YIELD_VALUE);
      emit(OpCode::POP_TOP);
    } else if (build == OpCode::BUILD_MAP) {
      compile_expr(*key);
      compile_expr(*value);
      set_line(e.line);
      emit(OpCode::MAP_ADD, depth);
    } else {
      compile_expr(*elt);
      set_line(e.line);
      emit(build == OpCode::BUILD_LIST ? OpCode::LIST_APPEND : OpCode::SET_ADD, depth);
    }
    for (size_t i = gens.size(); i-- > 0;) {
      set_line(e.line);
      emit_jump(OpCode::JUMP, starts[i]);
      bind(cleanups[i]);
      if (gens[i].is_async) emit(OpCode::END_ASYNC_FOR);
    }
    if (gen) emit_const_none();
    emit(OpCode::RETURN_VALUE);
    bool awaited = !gen && (child->flags & kCodeCoroutine);
    finish_unit();
    emit_make_function(child, 0, e.line);
    compile_expr(*gens[0].iter);
    set_line(e.line);
    emit(gens[0].is_async ? OpCode::GET_AITER : OpCode::GET_ITER);
    emit(OpCode::CALL, 1);
    if (awaited) emit_await();
  }

  void compile_joined(const JoinedStr& j) {
    uint32_t n = 0;
    bool only_formatted = j.values.size() == 1 && j.values[0]->kind == ExprKind::FormattedValue;
    bool only_constant = j.values.size() == 1 && j.values[0]->kind == ExprKind::Constant;
    for (const auto& v : j.values) {
      if (v->kind == ExprKind::Constant) {
        const auto& c = static_cast<const Constant&>(*v);
        if (c.s.empty()) continue;
        emit_const_str(c.s);
        ++n;
      } else if (v->kind == ExprKind::FormattedValue) {
        compile_formatted(static_cast<const FormattedValue&>(*v));
        ++n;
      } else {
        compile_expr(*v);
        ++n;
      }
    }
    set_line(j.line);
    if (n == 0) {
      emit_const_str("");
    } else if (!((only_formatted || only_constant) && n == 1)) {
      emit(OpCode::BUILD_STRING, n);
    }
  }

  void compile_formatted(const FormattedValue& f) {
    compile_expr(*f.value);
    uint32_t arg = 0;
    switch (f.conversion) {
      case 's': arg = 1; break;
      case 'r': arg = 2; break;
      case 'a': arg = 3; break;
      default: arg = 0;
    }
    if (f.format_spec) {
      if (f.format_spec->kind == ExprKind::JoinedStr) {
        compile_joined(static_cast<const JoinedStr&>(*f.format_spec));
      } else {
        compile_expr(*f.format_spec);
      }
      arg |= kFormatHasSpec;
    }
    set_line(f.line);
    emit(OpCode::FORMAT_VALUE, arg);
  }

  void compile_expr(const Expr& e) {
    if (error_) return;
    if (native_stack_low()) {
      error_ = CompileError{"RecursionError", "maximum recursion depth exceeded during compilation", e.line, 0};
      return;
    }
    set_line(e.line);
    switch (e.kind) {
      case ExprKind::Name: {
        const auto& n = static_cast<const Name&>(e);
        name_op(n.id, Context::Load);
        break;
      }
      case ExprKind::Constant: {
        ConstValue c;
        const_of(e, c);
        emit_const(std::move(c));
        break;
      }
      case ExprKind::JoinedStr: compile_joined(static_cast<const JoinedStr&>(e)); break;
      case ExprKind::FormattedValue: compile_formatted(static_cast<const FormattedValue&>(e)); break;
      case ExprKind::BinOp: {
        const auto& b = static_cast<const BinOp&>(e);
        compile_expr(*b.left);
        compile_expr(*b.right);
        set_line(e.line);
        emit(static_cast<OpCode>(static_cast<int>(OpCode::BINARY_ADD) + static_cast<int>(b.op)));
        break;
      }
      case ExprKind::UnaryOp: {
        ConstValue c;
        if (const_of(e, c)) {
          emit_const(std::move(c));
          break;
        }
        const auto& u = static_cast<const UnaryOp&>(e);
        compile_expr(*u.operand);
        set_line(e.line);
        emit(static_cast<OpCode>(static_cast<int>(OpCode::UNARY_NOT) + static_cast<int>(u.op)));
        break;
      }
      case ExprKind::BoolOp: {
        const auto& b = static_cast<const BoolOp&>(e);
        int end = new_label();
        OpCode jump = b.op == BoolOpKind::And ? OpCode::JUMP_IF_FALSE_OR_POP : OpCode::JUMP_IF_TRUE_OR_POP;
        for (size_t i = 0; i < b.values.size(); ++i) {
          compile_expr(*b.values[i]);
          if (i + 1 < b.values.size()) {
            set_line(e.line);
            emit_jump(jump, end);
          }
        }
        bind(end);
        break;
      }
      case ExprKind::Compare: {
        const auto& c = static_cast<const Compare&>(e);
        compile_expr(*c.left);
        if (c.ops.size() == 1) {
          compile_expr(*c.comparators[0]);
          set_line(e.line);
          emit_compare(c.ops[0]);
          break;
        }
        int cleanup = new_label(), end = new_label();
        for (size_t i = 0; i + 1 < c.ops.size(); ++i) {
          compile_expr(*c.comparators[i]);
          set_line(e.line);
          emit(OpCode::DUP_TOP);
          emit(OpCode::ROT_THREE);
          emit_compare(c.ops[i]);
          emit_jump(OpCode::JUMP_IF_FALSE_OR_POP, cleanup);
        }
        compile_expr(*c.comparators.back());
        set_line(e.line);
        emit_compare(c.ops.back());
        emit_jump(OpCode::JUMP, end);
        bind(cleanup);
        emit(OpCode::ROT_TWO);
        emit(OpCode::POP_TOP);
        bind(end);
        break;
      }
      case ExprKind::Call: compile_call(static_cast<const Call&>(e)); break;
      case ExprKind::Attribute: {
        const auto& a = static_cast<const Attribute&>(e);
        compile_expr(*a.value);
        set_line(e.line);
        emit(OpCode::LOAD_ATTR, add_name(a.attr));
        break;
      }
      case ExprKind::Subscript: {
        const auto& s = static_cast<const Subscript&>(e);
        compile_expr(*s.value);
        compile_slice_or_expr(*s.slice);
        set_line(e.line);
        emit(OpCode::BINARY_SUBSCR);
        break;
      }
      case ExprKind::Slice: compile_slice_or_expr(e); break;
      case ExprKind::List: compile_sequence(static_cast<const List&>(e).elts, OpCode::BUILD_LIST, e.line); break;
      case ExprKind::Tuple: {
        ConstValue c;
        if (!static_cast<const Tuple&>(e).elts.empty() && const_of(e, c)) {
          emit_const(std::move(c));
          break;
        }
        compile_sequence(static_cast<const Tuple&>(e).elts, OpCode::BUILD_TUPLE, e.line);
        break;
      }
      case ExprKind::Set: compile_sequence(static_cast<const Set&>(e).elts, OpCode::BUILD_SET, e.line); break;
      case ExprKind::Dict: {
        const auto& d = static_cast<const Dict&>(e);
        bool has_unpack = false;
        for (const auto& k : d.keys) has_unpack |= k == nullptr;
        if (!has_unpack) {
          for (size_t i = 0; i < d.keys.size(); ++i) {
            compile_expr(*d.keys[i]);
            compile_expr(*d.values[i]);
          }
          set_line(e.line);
          emit(OpCode::BUILD_MAP, static_cast<uint32_t>(d.keys.size()));
          break;
        }
        set_line(e.line);
        emit(OpCode::BUILD_MAP, 0);
        for (size_t i = 0; i < d.keys.size(); ++i) {
          if (d.keys[i]) {
            compile_expr(*d.keys[i]);
            compile_expr(*d.values[i]);
            set_line(e.line);
            emit(OpCode::MAP_ADD, 1);
          } else {
            compile_expr(*d.values[i]);
            set_line(e.line);
            emit(OpCode::DICT_UPDATE, 1);
          }
        }
        break;
      }
      case ExprKind::ListComp: {
        const auto& c = static_cast<const ListComp&>(e);
        compile_comprehension(e, c.generators, "<listcomp>", OpCode::BUILD_LIST, c.elt.get(), nullptr, nullptr);
        break;
      }
      case ExprKind::SetComp: {
        const auto& c = static_cast<const SetComp&>(e);
        compile_comprehension(e, c.generators, "<setcomp>", OpCode::BUILD_SET, c.elt.get(), nullptr, nullptr);
        break;
      }
      case ExprKind::DictComp: {
        const auto& c = static_cast<const DictComp&>(e);
        compile_comprehension(e, c.generators, "<dictcomp>", OpCode::BUILD_MAP, nullptr, c.key.get(), c.value.get());
        break;
      }
      case ExprKind::GeneratorExp: {
        const auto& c = static_cast<const GeneratorExp&>(e);
        compile_comprehension(e, c.generators, "<genexpr>", OpCode::NOP, c.elt.get(), nullptr, nullptr);
        break;
      }
      case ExprKind::Lambda: compile_lambda(static_cast<const Lambda&>(e)); break;
      case ExprKind::IfExp: {
        const auto& i = static_cast<const IfExp&>(e);
        int orelse = new_label(), end = new_label();
        compile_jump_if(*i.test, false, orelse);
        compile_expr(*i.body);
        emit_jump(OpCode::JUMP, end);
        bind(orelse);
        compile_expr(*i.orelse);
        bind(end);
        break;
      }
      case ExprKind::Starred: fail("can't use starred expression here", e.line); break;
      case ExprKind::Await: {
        compile_expr(*static_cast<const Await&>(e).value);
        set_line(e.line);
        emit_await();
        break;
      }
      case ExprKind::Yield: {
        const auto& y = static_cast<const Yield&>(e);
        if (y.value) compile_expr(*y.value);
        else emit_const_none();
        set_line(e.line);
        if (code().flags & kCodeAsyncGenerator) emit(OpCode::ASYNC_GEN_WRAP);
        emit(OpCode::YIELD_VALUE);
        break;
      }
      case ExprKind::YieldFrom: {
        compile_expr(*static_cast<const YieldFrom&>(e).value);
        set_line(e.line);
        emit(OpCode::GET_YIELD_FROM_ITER);
        emit_await_tail();
        break;
      }
      case ExprKind::NamedExpr: {
        const auto& n = static_cast<const NamedExpr&>(e);
        compile_expr(*n.value);
        set_line(e.line);
        emit(OpCode::DUP_TOP);
        compile_store(*n.target);
        break;
      }
    }
  }
};

}  // namespace

CompileResult compile(const ast::Module& module, std::string_view filename) {
  Compiler c{std::string(filename)};
  return c.run(module);
}

}  // namespace interleave
