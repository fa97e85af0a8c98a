#include "lang/parser.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unordered_set>
#include <vector>

#include "lang/lexer.h"
#include "lang/native_stack.h"

namespace interleave {

namespace {

using namespace ast;

// kMaxNesting caps parser recursion (brackets, unary chains, lambdas, ternaries) so a
// hostile program gets a SyntaxError instead of a stack overflow.
constexpr uint32_t kMaxNesting = 250;
// kMaxFStringBrackets mirrors CPython's bracket limit inside an f-string field.
constexpr int kMaxFStringBrackets = 200;

struct NamedChar {
  const char* name;
  uint32_t cp;
};

// kNamedChars is the subset of the Unicode name database `\N{...}` escapes understand.
constexpr NamedChar kNamedChars[] = {
    {"NULL", 0x0},
    {"CHARACTER TABULATION", 0x9},
    {"LINE FEED", 0xA},
    {"CARRIAGE RETURN", 0xD},
    {"ESCAPE", 0x1B},
    {"SPACE", 0x20},
    {"DELETE", 0x7F},
    {"NO-BREAK SPACE", 0xA0},
    {"SECTION SIGN", 0xA7},
    {"COPYRIGHT SIGN", 0xA9},
    {"REGISTERED SIGN", 0xAE},
    {"DEGREE SIGN", 0xB0},
    {"PLUS-MINUS SIGN", 0xB1},
    {"MICRO SIGN", 0xB5},
    {"PILCROW SIGN", 0xB6},
    {"MIDDLE DOT", 0xB7},
    {"MULTIPLICATION SIGN", 0xD7},
    {"DIVISION SIGN", 0xF7},
    {"CENT SIGN", 0xA2},
    {"POUND SIGN", 0xA3},
    {"YEN SIGN", 0xA5},
    {"EURO SIGN", 0x20AC},
    {"LEFT-POINTING DOUBLE ANGLE QUOTATION MARK", 0xAB},
    {"RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK", 0xBB},
    {"LATIN SMALL LETTER E WITH ACUTE", 0xE9},
    {"LATIN SMALL LETTER SHARP S", 0xDF},
    {"GREEK SMALL LETTER ALPHA", 0x3B1},
    {"GREEK SMALL LETTER BETA", 0x3B2},
    {"GREEK SMALL LETTER GAMMA", 0x3B3},
    {"GREEK SMALL LETTER DELTA", 0x3B4},
    {"GREEK SMALL LETTER EPSILON", 0x3B5},
    {"GREEK SMALL LETTER THETA", 0x3B8},
    {"GREEK SMALL LETTER LAMDA", 0x3BB},
    {"GREEK SMALL LETTER LAMBDA", 0x3BB},
    {"GREEK SMALL LETTER MU", 0x3BC},
    {"GREEK SMALL LETTER PI", 0x3C0},
    {"GREEK SMALL LETTER SIGMA", 0x3C3},
    {"GREEK SMALL LETTER TAU", 0x3C4},
    {"GREEK SMALL LETTER PHI", 0x3C6},
    {"GREEK SMALL LETTER OMEGA", 0x3C9},
    {"GREEK CAPITAL LETTER DELTA", 0x394},
    {"GREEK CAPITAL LETTER SIGMA", 0x3A3},
    {"GREEK CAPITAL LETTER OMEGA", 0x3A9},
    {"EN DASH", 0x2013},
    {"EM DASH", 0x2014},
    {"LEFT SINGLE QUOTATION MARK", 0x2018},
    {"RIGHT SINGLE QUOTATION MARK", 0x2019},
    {"LEFT DOUBLE QUOTATION MARK", 0x201C},
    {"RIGHT DOUBLE QUOTATION MARK", 0x201D},
    {"BULLET", 0x2022},
    {"HORIZONTAL ELLIPSIS", 0x2026},
    {"ZERO WIDTH SPACE", 0x200B},
    {"LEFTWARDS ARROW", 0x2190},
    {"UPWARDS ARROW", 0x2191},
    {"RIGHTWARDS ARROW", 0x2192},
    {"DOWNWARDS ARROW", 0x2193},
    {"INFINITY", 0x221E},
    {"NOT EQUAL TO", 0x2260},
    {"LESS-THAN OR EQUAL TO", 0x2264},
    {"GREATER-THAN OR EQUAL TO", 0x2265},
    {"WATCH", 0x231A},
    {"HOURGLASS", 0x231B},
    {"ALARM CLOCK", 0x23F0},
    {"STOPWATCH", 0x23F1},
    {"HOURGLASS WITH FLOWING SAND", 0x23F3},
    {"BOX DRAWINGS LIGHT HORIZONTAL", 0x2500},
    {"BOX DRAWINGS LIGHT VERTICAL", 0x2502},
    {"FULL BLOCK", 0x2588},
    {"LIGHT SHADE", 0x2591},
    {"MEDIUM SHADE", 0x2592},
    {"DARK SHADE", 0x2593},
    {"BLACK SQUARE", 0x25A0},
    {"WHITE SQUARE", 0x25A1},
    {"BLACK CIRCLE", 0x25CF},
    {"WHITE CIRCLE", 0x25CB},
    {"BLACK STAR", 0x2605},
    {"WHITE STAR", 0x2606},
    {"SNOWMAN", 0x2603},
    {"WHITE SMILING FACE", 0x263A},
    {"BLACK HEART SUIT", 0x2665},
    {"HIGH VOLTAGE SIGN", 0x26A1},
    {"CHECK MARK", 0x2713},
    {"HEAVY CHECK MARK", 0x2714},
    {"BALLOT X", 0x2717},
    {"CROSS MARK", 0x274C},
    {"SPARKLES", 0x2728},
    {"HEAVY BLACK HEART", 0x2764},
    {"FIRE", 0x1F525},
    {"PARTY POPPER", 0x1F389},
    {"ROCKET", 0x1F680},
    {"SNAKE", 0x1F40D},
    {"THUMBS UP SIGN", 0x1F44D},
    {"GRINNING FACE", 0x1F600},
    {"REPLACEMENT CHARACTER", 0xFFFD},
};

bool lookup_char_name(std::string_view name, uint32_t& cp) {
  std::string upper(name);
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  for (const NamedChar& n : kNamedChars) {
    if (upper == n.name) {
      cp = n.cp;
      return true;
    }
  }
  return false;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// expr_name is how CPython's messages name an expression ("function call", "literal").
const char* expr_name(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Attribute: return "attribute";
    case ExprKind::Subscript: return "subscript";
    case ExprKind::Starred: return "starred";
    case ExprKind::Name: return "name";
    case ExprKind::List: return "list";
    case ExprKind::Tuple: return "tuple";
    case ExprKind::Lambda: return "lambda";
    case ExprKind::Call: return "function call";
    case ExprKind::BoolOp:
    case ExprKind::BinOp:
    case ExprKind::UnaryOp: return "expression";
    case ExprKind::GeneratorExp: return "generator expression";
    case ExprKind::Yield:
    case ExprKind::YieldFrom: return "yield expression";
    case ExprKind::Await: return "await expression";
    case ExprKind::ListComp: return "list comprehension";
    case ExprKind::SetComp: return "set comprehension";
    case ExprKind::DictComp: return "dict comprehension";
    case ExprKind::Dict: return "dict literal";
    case ExprKind::Set: return "set display";
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue: return "f-string expression";
    case ExprKind::Constant: {
      switch (static_cast<const Constant&>(e).ckind) {
        case ConstantKind::None: return "None";
        case ConstantKind::True: return "True";
        case ConstantKind::False: return "False";
        case ConstantKind::Ellipsis: return "ellipsis";
        default: return "literal";
      }
    }
    case ExprKind::Compare: return "comparison";
    case ExprKind::IfExp: return "conditional expression";
    case ExprKind::NamedExpr: return "named expression";
    case ExprKind::Slice: return "slice";
  }
  return "expression";
}

bool is_constant(const Expr& e, ConstantKind k) {
  return e.kind == ExprKind::Constant && static_cast<const Constant&>(e).ckind == k;
}

// invalid_target mirrors CPython's _PyPegen_get_invalid_target: the first sub-expression
// that cannot be assigned to (or deleted), or null when the whole target is valid.
const Expr* invalid_target(const Expr& e, bool del) {
  switch (e.kind) {
    case ExprKind::Name:
    case ExprKind::Attribute:
    case ExprKind::Subscript: return nullptr;
    case ExprKind::Tuple:
    case ExprKind::List: {
      const ExprList& elts =
          e.kind == ExprKind::Tuple ? static_cast<const Tuple&>(e).elts : static_cast<const List&>(e).elts;
      for (const ExprPtr& x : elts) {
        if (const Expr* bad = invalid_target(*x, del)) return bad;
      }
      return nullptr;
    }
    case ExprKind::Starred:
      if (del) return &e;
      return invalid_target(*static_cast<const Starred&>(e).value, del);
    default: return &e;
  }
}

void set_context(Expr& e, Context ctx) {
  switch (e.kind) {
    case ExprKind::Name: static_cast<Name&>(e).ctx = ctx; break;
    case ExprKind::Attribute: static_cast<Attribute&>(e).ctx = ctx; break;
    case ExprKind::Subscript: static_cast<Subscript&>(e).ctx = ctx; break;
    case ExprKind::Starred: {
      auto& s = static_cast<Starred&>(e);
      s.ctx = ctx;
      set_context(*s.value, ctx);
      break;
    }
    case ExprKind::Tuple: {
      auto& t = static_cast<Tuple&>(e);
      t.ctx = ctx;
      for (ExprPtr& x : t.elts) set_context(*x, ctx);
      break;
    }
    case ExprKind::List: {
      auto& l = static_cast<List&>(e);
      l.ctx = ctx;
      for (ExprPtr& x : l.elts) set_context(*x, ctx);
      break;
    }
    default: break;
  }
}

// starred_misuse finds a starred target the compiler would reject: two in one
// sequence, or one standing alone.
const char* starred_misuse(const Expr& e, bool top, const Expr** where) {
  if (e.kind == ExprKind::Starred) {
    *where = &e;
    if (top) return "starred assignment target must be in a list or tuple";
    return starred_misuse(*static_cast<const Starred&>(e).value, false, where);
  }
  if (e.kind != ExprKind::Tuple && e.kind != ExprKind::List) return nullptr;
  const ExprList& elts =
      e.kind == ExprKind::Tuple ? static_cast<const Tuple&>(e).elts : static_cast<const List&>(e).elts;
  int stars = 0;
  for (const ExprPtr& x : elts) {
    if (x->kind == ExprKind::Starred && ++stars > 1) {
      *where = &e;
      return "multiple starred expressions in assignment";
    }
  }
  for (const ExprPtr& x : elts) {
    if (x->kind == ExprKind::Starred) {
      if (const char* m = starred_misuse(*static_cast<const Starred&>(*x).value, false, where)) return m;
    } else if (const char* m = starred_misuse(*x, false, where)) {
      return m;
    }
  }
  return nullptr;
}

// is_bitwise_or_level: the expression could have come from CPython's bitwise_or rule.
bool is_bitwise_or_level(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Compare:
    case ExprKind::BoolOp:
    case ExprKind::IfExp:
    case ExprKind::Lambda:
    case ExprKind::NamedExpr:
    case ExprKind::Starred:
    case ExprKind::Yield:
    case ExprKind::YieldFrom: return false;
    case ExprKind::UnaryOp: return static_cast<const UnaryOp&>(e).op != UnaryOpKind::Not;
    default: return true;
  }
}

// starts_with_bitwise_or: the expression's leftmost operand is a bitwise_or.
bool starts_with_bitwise_or(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Tuple: {
      const auto& t = static_cast<const Tuple&>(e);
      if (t.elts.empty()) return true;
      const Expr& first = *t.elts.front();
      if (first.line != t.line || first.col != t.col) return true;  // parenthesized
      return starts_with_bitwise_or(first);
    }
    case ExprKind::IfExp: return starts_with_bitwise_or(*static_cast<const IfExp&>(e).body);
    case ExprKind::BoolOp: return starts_with_bitwise_or(*static_cast<const BoolOp&>(e).values.front());
    case ExprKind::Compare: return true;
    default: return is_bitwise_or_level(e);
  }
}

bool is_augassign(TokenType t, BinOpKind& op) {
  switch (t) {
    case TokenType::PlusEqual: op = BinOpKind::Add; return true;
    case TokenType::MinusEqual: op = BinOpKind::Sub; return true;
    case TokenType::StarEqual: op = BinOpKind::Mult; return true;
    case TokenType::AtEqual: op = BinOpKind::MatMult; return true;
    case TokenType::SlashEqual: op = BinOpKind::Div; return true;
    case TokenType::PercentEqual: op = BinOpKind::Mod; return true;
    case TokenType::AmperEqual: op = BinOpKind::BitAnd; return true;
    case TokenType::VBarEqual: op = BinOpKind::BitOr; return true;
    case TokenType::CircumflexEqual: op = BinOpKind::BitXor; return true;
    case TokenType::LeftShiftEqual: op = BinOpKind::LShift; return true;
    case TokenType::RightShiftEqual: op = BinOpKind::RShift; return true;
    case TokenType::DoubleStarEqual: op = BinOpKind::Pow; return true;
    case TokenType::DoubleSlashEqual: op = BinOpKind::FloorDiv; return true;
    default: return false;
  }
}

// binary_op gives the operator and precedence (1 = `|` ... 6 = `*`) of a binary token.
int binary_op(TokenType t, BinOpKind& op) {
  switch (t) {
    case TokenType::VBar: op = BinOpKind::BitOr; return 1;
    case TokenType::Circumflex: op = BinOpKind::BitXor; return 2;
    case TokenType::Amper: op = BinOpKind::BitAnd; return 3;
    case TokenType::LeftShift: op = BinOpKind::LShift; return 4;
    case TokenType::RightShift: op = BinOpKind::RShift; return 4;
    case TokenType::Plus: op = BinOpKind::Add; return 5;
    case TokenType::Minus: op = BinOpKind::Sub; return 5;
    case TokenType::Star: op = BinOpKind::Mult; return 6;
    case TokenType::Slash: op = BinOpKind::Div; return 6;
    case TokenType::DoubleSlash: op = BinOpKind::FloorDiv; return 6;
    case TokenType::Percent: op = BinOpKind::Mod; return 6;
    case TokenType::At: op = BinOpKind::MatMult; return 6;
    default: return 0;
  }
}

// starts_expression: the token can begin an expression (for `*x` too when star is set).
bool starts_expression(const Token& t, bool star) {
  switch (t.type) {
    case TokenType::Name:
    case TokenType::Number:
    case TokenType::String:
    case TokenType::LParen:
    case TokenType::LSquare:
    case TokenType::LBrace:
    case TokenType::Minus:
    case TokenType::Plus:
    case TokenType::Tilde:
    case TokenType::KwNot:
    case TokenType::KwLambda:
    case TokenType::KwAwait:
    case TokenType::KwNone:
    case TokenType::KwTrue:
    case TokenType::KwFalse:
    case TokenType::Ellipsis: return true;
    case TokenType::Star: return star;
    default: return false;
  }
}

std::string with_fstring_prefix(const std::string& message) {
  if (message.rfind("f-string", 0) == 0) return message;
  return "f-string: " + message;
}

class Parser {
 public:
  Parser(std::string_view source, const std::vector<Token>& tokens, uint32_t depth)
      : src_(source), t_(tokens), depth_(depth) {}

  std::optional<CompileError> err_;
  // deferred_ holds the first error CPython would only raise after parsing (its
  // compiler's checks) or that the playground adds (unsupported literals); a syntax
  // error anywhere in the file takes precedence, as it does in CPython.
  std::optional<CompileError> deferred_;
  size_t furthest_ = 0;
  uint32_t h_ = 0;  // height of the expression most recently returned

  std::unique_ptr<Module> file() {
    auto m = std::make_unique<Module>();
    while (!at(TokenType::EndMarker)) {
      if (!statement(m->body)) return nullptr;
    }
    m->docstring = docstring_of(m->body);
    return m;
  }

  // fstring_expression parses a replacement field's text (lexed inside brackets).
  ExprPtr fstring_expression() {
    ExprPtr e = at(TokenType::KwYield) ? yield_expr() : star_expressions();
    if (!e) return nullptr;
    if (e->kind == ExprKind::Starred) return fail_node(*e, "cannot use starred expression here");
    if (!at(TokenType::EndMarker)) return fail_after_element(e.get());
    return e;
  }

 private:
  std::string_view src_;
  const std::vector<Token>& t_;
  size_t pos_ = 0;
  uint32_t depth_ = 0;
  uint32_t stmt_depth_ = 0;

  // ---- tokens ----
  const Token& cur() {
    furthest_ = std::max(furthest_, pos_);
    return t_[pos_];
  }
  const Token& ahead(size_t n) {
    size_t i = std::min(pos_ + n, t_.size() - 1);
    furthest_ = std::max(furthest_, i);
    return t_[i];
  }
  bool at(TokenType type) { return cur().type == type; }
  const Token& advance() {
    const Token& t = cur();
    if (pos_ + 1 < t_.size()) ++pos_;
    return t;
  }
  bool accept(TokenType type) {
    if (!at(type)) return false;
    advance();
    return true;
  }
  bool at_async_for() { return at(TokenType::KwAsync) && ahead(1).type == TokenType::KwFor; }

  // ---- errors ----
  std::nullptr_t fail_at(uint32_t line, uint32_t col, std::string message, const char* type = "SyntaxError") {
    if (!err_) {
      CompileError e;
      e.type = type;
      e.message = std::move(message);
      e.line = line;
      e.col = col;
      err_ = std::move(e);
    }
    return nullptr;
  }
  void defer_at(uint32_t line, uint32_t col, std::string message, const char* type = "SyntaxError") {
    if (deferred_) return;
    CompileError e;
    e.type = type;
    e.message = std::move(message);
    e.line = line;
    e.col = col;
    deferred_ = std::move(e);
  }
  void defer(const Token& t, std::string message, const char* type = "SyntaxError") {
    defer_at(t.line, t.col, std::move(message), type);
  }
  void defer_node(const Expr& e, std::string message) { defer_at(e.line, e.col, std::move(message)); }
  std::nullptr_t fail(const Token& t, std::string message, const char* type = "SyntaxError") {
    return fail_at(t.line, t.col, std::move(message), type);
  }
  std::nullptr_t fail_node(const Expr& e, std::string message) { return fail_at(e.line, e.col, std::move(message)); }
  std::nullptr_t invalid_syntax() {
    const Token& t = cur();
    if (t.type == TokenType::Indent) return fail(t, "unexpected indent", "IndentationError");
    if (t.type == TokenType::Dedent) return fail(t, "unexpected unindent", "IndentationError");
    return fail(t, "invalid syntax");
  }

  // fail_after_element reports a token that cannot follow `last` inside a display or
  // call, suggesting a missing comma the way CPython does.
  std::nullptr_t fail_after_element(const Expr* last) {
    const Token& t = cur();
    bool in_brackets = pos_ > 0 && t_[pos_ - 1].level > 0;
    if (last && in_brackets && starts_expression(t, false) && is_bitwise_or_level(*last) &&
        last->kind != ExprKind::Yield && !(last->kind == ExprKind::Name && t.type == TokenType::String)) {
      bool soft = false, legacy = false;
      if (last->kind == ExprKind::Name) {
        const std::string& id = static_cast<const Name*>(last)->id;
        soft = id == "match" || id == "case" || id == "_";
        legacy = id == "print" || id == "exec";
      }
      if (!soft && !legacy) return fail_node(*last, "invalid syntax. Perhaps you forgot a comma?");
    }
    return invalid_syntax();
  }

  // fail_statement_end reports a token that cannot follow an expression statement.
  std::nullptr_t fail_statement_end(const Expr& e) {
    if (e.kind == ExprKind::Name && starts_expression(cur(), true) && !at(TokenType::LParen)) {
      const std::string& id = static_cast<const Name&>(e).id;
      if (id == "print" || id == "exec") {
        return fail_node(e, "Missing parentheses in call to '" + id + "'. Did you mean " + id + "(...)?");
      }
    }
    return fail_after_element(&e);
  }

  // Nest guards one level of parser recursion.
  struct Nest {
    Parser& p;
    bool ok;
    explicit Nest(Parser& parser) : p(parser) {
      ok = ++p.depth_ <= kMaxNesting && !native_stack_low();
      if (!ok) {
        TokenType t = p.cur().type;
        bool bracket = t == TokenType::LParen || t == TokenType::LSquare || t == TokenType::LBrace;
        // Nest: past the limit a bracket is the tokenizer's error in CPython, anything else its compiler's.
        if (bracket) p.fail(p.cur(), "too many nested parentheses");
        else p.fail(p.cur(), "maximum recursion depth exceeded during compilation", "RecursionError");
      }
    }
    ~Nest() { --p.depth_; }
  };

  // ---- node helpers ----
  template <class T>
  std::unique_ptr<T> make(const Token& t) {
    auto n = std::make_unique<T>(t.line);
    n->col = t.col;
    return n;
  }
  template <class T>
  ExprPtr done(std::unique_ptr<T> node, uint32_t height) {
    if (height > kMaxExprHeight)
      return fail_at(node->line, node->col, "maximum recursion depth exceeded during compilation", "RecursionError");
    h_ = height;
    return node;
  }

  static std::string docstring_of(const Body& body) {
    if (body.empty() || body.front()->kind != StmtKind::Expr) return {};
    const Expr& v = *static_cast<const ExprStmt&>(*body.front()).value;
    if (v.kind != ExprKind::Constant) return {};
    const auto& c = static_cast<const Constant&>(v);
    return c.ckind == ConstantKind::Str ? c.s : std::string();
  }

  // ================= statements =================

  bool statement(Body& out) {
    switch (cur().type) {
      case TokenType::Indent: fail(cur(), "unexpected indent", "IndentationError"); return false;
      case TokenType::KwDef: return funcdef(out, {}, nullptr);
      case TokenType::KwClass: return classdef(out, {});
      case TokenType::At: return decorated(out);
      case TokenType::KwIf: return if_stmt(out);
      case TokenType::KwWhile: return while_stmt(out);
      case TokenType::KwFor: return for_stmt(out, nullptr);
      case TokenType::KwTry: return try_stmt(out);
      case TokenType::KwWith: return with_stmt(out, nullptr);
      case TokenType::KwAsync: {
        const Token& a = advance();
        if (at(TokenType::KwDef)) return funcdef(out, {}, &a);
        if (at(TokenType::KwFor)) return for_stmt(out, &a);
        if (at(TokenType::KwWith)) return with_stmt(out, &a);
        invalid_syntax();
        return false;
      }
      case TokenType::Name: {
        std::string_view w = cur().text;
        if (w == "match" && looks_like_match()) return match_stmt(out);
        if (w == "type" && ahead(1).type == TokenType::Name &&
            (ahead(2).type == TokenType::Equal || ahead(2).type == TokenType::LSquare)) {
          fail(cur(), "'type' statements are not supported");
          return false;
        }
        break;
      }
      default: break;
    }
    return simple_stmts(out);
  }

  // looks_like_match tries `match subject:` ahead, then rewinds: `match` is a soft keyword.
  bool looks_like_match() {
    size_t save = pos_;
    std::optional<CompileError> saved_deferred = deferred_;
    advance();
    bool is_match = false;
    if (starts_expression(cur(), true)) {
      ExprPtr subject = star_named_expressions_tuple();
      is_match = subject && at(TokenType::Colon);
    }
    pos_ = save;
    err_.reset();
    deferred_ = std::move(saved_deferred);
    return is_match;
  }

  // ---- match statements (PEP 634) ----

  bool match_stmt(Body& out) {
    const Token& kw = advance();
    auto node = make<Match>(kw);
    if (!(node->subject = star_named_expressions_tuple())) return false;
    if (node->subject->kind == ExprKind::Starred) {
      fail_node(*node->subject, "can't use starred expression here");
      return false;
    }
    if (!expect_colon(false)) return false;
    if (!accept(TokenType::Newline)) {
      invalid_syntax();
      return false;
    }
    if (!at(TokenType::Indent)) {
      fail(cur(), "expected an indented block after 'match' statement on line " + std::to_string(kw.line),
           "IndentationError");
      return false;
    }
    advance();
    if (++stmt_depth_ > kMaxStmtDepth) {
      fail(cur(), "maximum recursion depth exceeded during compilation", "RecursionError");
      return false;
    }
    while (!at(TokenType::Dedent) && !at(TokenType::EndMarker)) {
      if (!at(TokenType::Name) || cur().text != "case") {
        invalid_syntax();
        return false;
      }
      const Token& ck = advance();
      MatchCase mc;
      mc.line = ck.line;
      if (!(mc.pattern = patterns())) return false;
      if (accept(TokenType::KwIf) && !(mc.guard = named_expression(false))) return false;
      if (!expect_colon(false) || !block(mc.body, "'case' statement", ck.line)) return false;
      node->cases.push_back(std::move(mc));
    }
    if (node->cases.empty()) {
      invalid_syntax();
      return false;
    }
    accept(TokenType::Dedent);
    --stmt_depth_;
    return push(out, std::move(node));
  }

  PatternPtr new_pattern(PatternKind k, const Token& t) { return std::make_unique<Pattern>(k, t.line, t.col); }
  PatternPtr pattern_fail(const Token& t, std::string message) {
    fail(t, std::move(message));
    return nullptr;
  }
  PatternPtr pattern_invalid() {
    invalid_syntax();
    return nullptr;
  }

  // patterns: a case's top level, where `case a, *b:` is an open sequence pattern.
  PatternPtr patterns() {
    const Token& start = cur();
    PatternPtr p = maybe_star_pattern();
    if (!p) return nullptr;
    if (!at(TokenType::Comma)) {
      if (p->kind == PatternKind::MatchStar) return pattern_invalid();
      return p;
    }
    PatternPtr seq = new_pattern(PatternKind::MatchSequence, start);
    seq->patterns.push_back(std::move(p));
    while (accept(TokenType::Comma)) {
      if (at(TokenType::Colon) || at(TokenType::KwIf)) break;
      PatternPtr q = maybe_star_pattern();
      if (!q) return nullptr;
      seq->patterns.push_back(std::move(q));
    }
    return seq;
  }

  PatternPtr maybe_star_pattern() {
    if (!at(TokenType::Star)) return pattern();
    const Token& star = advance();
    if (!at(TokenType::Name)) return pattern_invalid();
    PatternPtr p = new_pattern(PatternKind::MatchStar, star);
    std::string_view name = advance().text;
    if (name != "_") p->name = std::string(name);
    return p;
  }

  // pattern: or_pattern ['as' NAME].
  PatternPtr pattern() {
    Nest nest(*this);
    if (!nest.ok) return nullptr;
    const Token& start = cur();
    PatternPtr p = or_pattern();
    if (!p) return nullptr;
    if (!at(TokenType::KwAs)) return p;
    advance();
    const Token& target = cur();
    if (!at(TokenType::Name)) return pattern_fail(target, "invalid pattern target");
    if (target.text == "_") return pattern_fail(target, "cannot use '_' as a target");
    advance();
    if (at(TokenType::Dot) || at(TokenType::LParen) || at(TokenType::Equal))
      return pattern_fail(target, "invalid pattern target");
    PatternPtr as = new_pattern(PatternKind::MatchAs, start);
    as->pattern = std::move(p);
    as->name = std::string(target.text);
    return as;
  }

  PatternPtr or_pattern() {
    const Token& start = cur();
    PatternPtr p = closed_pattern();
    if (!p || !at(TokenType::VBar)) return p;
    PatternPtr alt = new_pattern(PatternKind::MatchOr, start);
    alt->patterns.push_back(std::move(p));
    while (accept(TokenType::VBar)) {
      PatternPtr q = closed_pattern();
      if (!q) return nullptr;
      alt->patterns.push_back(std::move(q));
    }
    return alt;
  }

  // literal_expr parses a signed number, strings, None, True or False as an expression.
  ExprPtr literal_expr() {
    const Token& t = cur();
    if (t.type == TokenType::Minus) {
      advance();
      if (!at(TokenType::Number)) return invalid_syntax();
      auto u = make<UnaryOp>(t);
      u->op = UnaryOpKind::USub;
      if (!(u->operand = number())) return nullptr;
      if (at(TokenType::Plus) || at(TokenType::Minus)) return fail(cur(), "complex numbers are not supported");
      return done(std::move(u), 2);
    }
    if (t.type == TokenType::Number) {
      ExprPtr n = number();
      if (n && (at(TokenType::Plus) || at(TokenType::Minus))) return fail(cur(), "complex numbers are not supported");
      return n;
    }
    if (t.type == TokenType::String) {
      ExprPtr s = strings();
      if (s && s->kind == ExprKind::JoinedStr)
        return fail_node(*s, "patterns may only match literals and attribute lookups");
      return s;
    }
    return atom();
  }

  // dotted_attr parses NAME ('.' NAME)* as a Name or an Attribute chain.
  ExprPtr dotted_attr() {
    ExprPtr e = atom();
    while (e && at(TokenType::Dot)) {
      const Token& dot = advance();
      if (!at(TokenType::Name)) return invalid_syntax();
      auto a = std::make_unique<Attribute>(e->line);
      a->col = e->col;
      (void)dot;
      a->value = std::move(e);
      a->attr = std::string(advance().text);
      e = std::move(a);
    }
    return e;
  }

  PatternPtr closed_pattern() {
    const Token& t = cur();
    switch (t.type) {
      case TokenType::Number:
      case TokenType::Minus:
      case TokenType::String: {
        PatternPtr p = new_pattern(PatternKind::MatchValue, t);
        if (!(p->value = literal_expr())) return nullptr;
        return p;
      }
      case TokenType::KwNone:
      case TokenType::KwTrue:
      case TokenType::KwFalse: {
        advance();
        PatternPtr p = new_pattern(PatternKind::MatchSingleton, t);
        p->singleton = t.type == TokenType::KwNone   ? ConstantKind::None
                       : t.type == TokenType::KwTrue ? ConstantKind::True
                                                     : ConstantKind::False;
        return p;
      }
      case TokenType::Name: {
        if (ahead(1).type != TokenType::Dot && ahead(1).type != TokenType::LParen) {
          advance();
          PatternPtr p = new_pattern(PatternKind::MatchAs, t);
          if (t.text != "_") p->name = std::string(t.text);
          return p;
        }
        ExprPtr e = dotted_attr();
        if (!e) return nullptr;
        if (at(TokenType::LParen)) return class_pattern(t, std::move(e));
        PatternPtr p = new_pattern(PatternKind::MatchValue, t);
        p->value = std::move(e);
        return p;
      }
      case TokenType::LParen: {
        advance();
        if (accept(TokenType::RParen)) return new_pattern(PatternKind::MatchSequence, t);
        PatternPtr first = maybe_star_pattern();
        if (!first) return nullptr;
        if (accept(TokenType::RParen)) {
          if (first->kind == PatternKind::MatchStar) return pattern_invalid();
          return first;
        }
        PatternPtr seq = new_pattern(PatternKind::MatchSequence, t);
        seq->patterns.push_back(std::move(first));
        if (!at(TokenType::Comma)) return pattern_invalid();
        while (accept(TokenType::Comma)) {
          if (at(TokenType::RParen)) break;
          PatternPtr q = maybe_star_pattern();
          if (!q) return nullptr;
          seq->patterns.push_back(std::move(q));
        }
        if (!accept(TokenType::RParen)) return pattern_invalid();
        return seq;
      }
      case TokenType::LSquare: {
        advance();
        PatternPtr seq = new_pattern(PatternKind::MatchSequence, t);
        while (!at(TokenType::RSquare)) {
          PatternPtr q = maybe_star_pattern();
          if (!q) return nullptr;
          seq->patterns.push_back(std::move(q));
          if (!accept(TokenType::Comma)) break;
        }
        if (!accept(TokenType::RSquare)) return pattern_invalid();
        return seq;
      }
      case TokenType::LBrace: return mapping_pattern();
      default: return pattern_invalid();
    }
  }

  PatternPtr mapping_pattern() {
    const Token& open = advance();
    PatternPtr m = new_pattern(PatternKind::MatchMapping, open);
    while (!at(TokenType::RBrace)) {
      if (at(TokenType::DoubleStar)) {
        advance();
        if (!at(TokenType::Name) || cur().text == "_") return pattern_invalid();
        m->name = std::string(advance().text);
        accept(TokenType::Comma);
        break;
      }
      const Token& k = cur();
      ExprPtr key;
      if (k.type == TokenType::Name) {
        if (ahead(1).type != TokenType::Dot) return pattern_invalid();
        key = dotted_attr();
      } else if (k.type == TokenType::Number || k.type == TokenType::Minus || k.type == TokenType::String ||
                 k.type == TokenType::KwNone || k.type == TokenType::KwTrue || k.type == TokenType::KwFalse) {
        key = literal_expr();
      } else {
        return pattern_invalid();
      }
      if (!key) return nullptr;
      if (!accept(TokenType::Colon)) return pattern_invalid();
      PatternPtr v = pattern();
      if (!v) return nullptr;
      m->keys.push_back(std::move(key));
      m->patterns.push_back(std::move(v));
      if (!accept(TokenType::Comma)) break;
    }
    if (!accept(TokenType::RBrace)) return pattern_invalid();
    return m;
  }

  PatternPtr class_pattern(const Token& start, ExprPtr cls) {
    advance();
    PatternPtr c = new_pattern(PatternKind::MatchClass, start);
    c->value = std::move(cls);
    while (!at(TokenType::RParen)) {
      const Token& a = cur();
      if (a.type == TokenType::Name && ahead(1).type == TokenType::Equal) {
        advance();
        advance();
        PatternPtr v = pattern();
        if (!v) return nullptr;
        c->kwd_attrs.emplace_back(a.text);
        c->kwd_patterns.push_back(std::move(v));
      } else {
        PatternPtr v = pattern();
        if (!v) return nullptr;
        if (!c->kwd_patterns.empty()) return pattern_fail(a, "positional patterns follow keyword patterns");
        c->patterns.push_back(std::move(v));
      }
      if (!accept(TokenType::Comma)) break;
    }
    if (!accept(TokenType::RParen)) return pattern_invalid();
    return c;
  }

  bool simple_stmts(Body& out) {
    while (true) {
      if (!simple_stmt(out)) return false;
      if (!accept(TokenType::Semi)) break;
      if (at(TokenType::Newline)) break;
    }
    if (!accept(TokenType::Newline)) {
      invalid_syntax();
      return false;
    }
    return true;
  }

  template <class T>
  bool push(Body& out, std::unique_ptr<T> s) {
    out.push_back(std::move(s));
    return true;
  }

  bool simple_stmt(Body& out) {
    const Token& t = cur();
    switch (t.type) {
      case TokenType::KwPass: advance(); return push(out, make<Pass>(t));
      case TokenType::KwBreak: advance(); return push(out, make<Break>(t));
      case TokenType::KwContinue: advance(); return push(out, make<Continue>(t));
      case TokenType::KwReturn: {
        advance();
        auto r = make<Return>(t);
        if (starts_expression(cur(), true)) {
          if (!(r->value = star_expressions())) return false;
          check_not_starred(*r->value);
        }
        return push(out, std::move(r));
      }
      case TokenType::KwRaise: {
        advance();
        auto r = make<Raise>(t);
        if (starts_expression(cur(), false)) {
          if (!(r->exc = expression())) return false;
          if (accept(TokenType::KwFrom) && !(r->cause = expression())) return false;
        }
        return push(out, std::move(r));
      }
      case TokenType::KwGlobal:
      case TokenType::KwNonlocal: {
        advance();
        std::vector<std::string> names;
        do {
          if (!at(TokenType::Name)) {
            invalid_syntax();
            return false;
          }
          names.emplace_back(advance().text);
        } while (accept(TokenType::Comma));
        if (t.type == TokenType::KwGlobal) {
          auto g = make<Global>(t);
          g->names = std::move(names);
          return push(out, std::move(g));
        }
        auto n = make<Nonlocal>(t);
        n->names = std::move(names);
        return push(out, std::move(n));
      }
      case TokenType::KwDel: return del_stmt(out);
      case TokenType::KwAssert: {
        advance();
        auto a = make<Assert>(t);
        if (!(a->test = expression())) return false;
        if (accept(TokenType::Comma) && !(a->msg = expression())) return false;
        return push(out, std::move(a));
      }
      case TokenType::KwImport: return import_stmt(out);
      case TokenType::KwFrom: return from_import(out);
      default: return expression_stmt(out);
    }
  }

  // check_not_starred: a lone `*x` is only valid inside a tuple, list or call.
  void check_not_starred(const Expr& e) {
    if (e.kind == ExprKind::Starred) defer_node(e, "can't use starred expression here");
  }

  ExprPtr assignment_value() { return at(TokenType::KwYield) ? yield_expr() : star_expressions(); }

  bool expression_stmt(Body& out) {
    const Token& start = cur();
    ExprPtr first = assignment_value();
    if (!first) return false;
    BinOpKind op;
    if (at(TokenType::Equal)) {
      ExprList chain;
      chain.push_back(std::move(first));
      while (accept(TokenType::Equal)) {
        ExprPtr v = assignment_value();
        if (!v) return false;
        chain.push_back(std::move(v));
      }
      ExprPtr value = std::move(chain.back());
      chain.pop_back();
      for (size_t k = 0; k < chain.size(); ++k) {
        Expr& target = *chain[k];
        bool is_yield = target.kind == ExprKind::Yield || target.kind == ExprKind::YieldFrom;
        if (is_yield && (k > 0 || start.type == TokenType::KwYield)) {
          fail_node(target, "assignment to yield expression not possible");
          return false;
        }
        if (const Expr* bad = invalid_target(target, false)) {
          bool here = chain.size() == 1 && bad == &target && (is_yield || is_bitwise_or_level(target)) &&
                      target.kind != ExprKind::List && target.kind != ExprKind::Tuple &&
                      target.kind != ExprKind::GeneratorExp && !is_constant(target, ConstantKind::True) &&
                      !is_constant(target, ConstantKind::False) && !is_constant(target, ConstantKind::None) &&
                      starts_with_bitwise_or(*value);
          fail_node(*bad, std::string("cannot assign to ") + expr_name(*bad) +
                              (here ? " here. Maybe you meant '==' instead of '='?" : ""));
          return false;
        }
        const Expr* where = nullptr;
        if (const char* m = starred_misuse(target, true, &where)) defer_node(*where, m);
        set_context(target, Context::Store);
      }
      check_not_starred(*value);
      auto a = make<Assign>(start);
      a->targets = std::move(chain);
      a->value = std::move(value);
      return push(out, std::move(a));
    }
    if (is_augassign(cur().type, op)) {
      if (first->kind != ExprKind::Name && first->kind != ExprKind::Attribute && first->kind != ExprKind::Subscript) {
        fail_node(*first, std::string("'") + expr_name(*first) + "' is an illegal expression for augmented assignment");
        return false;
      }
      advance();
      auto a = make<AugAssign>(start);
      set_context(*first, Context::Store);
      a->target = std::move(first);
      a->op = op;
      if (!(a->value = assignment_value())) return false;
      return push(out, std::move(a));
    }
    if (at(TokenType::Colon)) {
      // CPython only explains a bad annotation target when an annotation follows.
      if (!starts_expression(ahead(1), false)) {
        advance();
        invalid_syntax();
        return false;
      }
      if (first->kind == ExprKind::Tuple) {
        fail_node(*first, "only single target (not tuple) can be annotated");
        return false;
      }
      if (first->kind == ExprKind::List) {
        fail_node(*first, "only single target (not list) can be annotated");
        return false;
      }
      if (first->kind != ExprKind::Name && first->kind != ExprKind::Attribute && first->kind != ExprKind::Subscript) {
        fail_node(*first, "illegal target for annotation");
        return false;
      }
      advance();
      auto a = make<AnnAssign>(start);
      if (!(a->annotation = expression())) return false;
      a->simple = first->kind == ExprKind::Name;
      set_context(*first, Context::Store);
      a->target = std::move(first);
      if (accept(TokenType::Equal) && !(a->value = assignment_value())) return false;
      return push(out, std::move(a));
    }
    if (!at(TokenType::Newline) && !at(TokenType::Semi)) {
      fail_statement_end(*first);
      return false;
    }
    check_not_starred(*first);
    auto s = make<ExprStmt>(start);
    s->value = std::move(first);
    return push(out, std::move(s));
  }

  bool del_stmt(Body& out) {
    const Token& t = advance();
    auto d = make<Delete>(t);
    do {
      if (!starts_expression(cur(), true)) break;
      ExprPtr target = star_expression();
      if (!target) return false;
      if (const Expr* bad = invalid_target(*target, true)) {
        fail_node(*bad, std::string("cannot delete ") + expr_name(*bad));
        return false;
      }
      set_context(*target, Context::Del);
      d->targets.push_back(std::move(target));
    } while (accept(TokenType::Comma));
    if (d->targets.empty()) {
      invalid_syntax();
      return false;
    }
    return push(out, std::move(d));
  }

  bool dotted_name(std::string& name) {
    if (!at(TokenType::Name)) {
      invalid_syntax();
      return false;
    }
    name = advance().text;
    while (at(TokenType::Dot) && ahead(1).type == TokenType::Name) {
      advance();
      name += '.';
      name += advance().text;
    }
    return true;
  }

  bool import_stmt(Body& out) {
    const Token& t = advance();
    auto imp = make<Import>(t);
    do {
      Alias a;
      a.line = cur().line;
      if (!dotted_name(a.name)) return false;
      if (accept(TokenType::KwAs)) {
        if (!at(TokenType::Name)) {
          invalid_syntax();
          return false;
        }
        a.asname = advance().text;
      }
      imp->names.push_back(std::move(a));
    } while (accept(TokenType::Comma));
    return push(out, std::move(imp));
  }

  bool import_alias(std::vector<Alias>& names) {
    if (!at(TokenType::Name)) {
      invalid_syntax();
      return false;
    }
    Alias a;
    a.line = cur().line;
    a.name = advance().text;
    if (accept(TokenType::KwAs)) {
      if (!at(TokenType::Name)) {
        invalid_syntax();
        return false;
      }
      a.asname = advance().text;
    }
    names.push_back(std::move(a));
    return true;
  }

  bool from_import(Body& out) {
    const Token& t = advance();
    auto imp = make<ImportFrom>(t);
    while (at(TokenType::Dot) || at(TokenType::Ellipsis)) {
      imp->level += at(TokenType::Dot) ? 1 : 3;
      advance();
    }
    if (imp->level > 0) defer(t, "relative imports are not supported");
    if ((imp->level == 0 || !at(TokenType::KwImport)) && !dotted_name(imp->module)) return false;
    if (!accept(TokenType::KwImport)) {
      invalid_syntax();
      return false;
    }
    if (at(TokenType::Star)) {
      Alias a;
      a.line = cur().line;
      a.name = "*";
      advance();
      imp->names.push_back(std::move(a));
    } else if (accept(TokenType::LParen)) {
      do {
        if (at(TokenType::RParen) && !imp->names.empty()) break;
        if (!import_alias(imp->names)) return false;
      } while (accept(TokenType::Comma));
      if (!accept(TokenType::RParen)) {
        invalid_syntax();
        return false;
      }
    } else {
      while (true) {
        if (!import_alias(imp->names)) return false;
        if (!at(TokenType::Comma)) break;
        advance();
        if (at(TokenType::Newline)) {
          fail(t_[pos_ - 1], "trailing comma not allowed without surrounding parentheses");
          return false;
        }
      }
    }
    return push(out, std::move(imp));
  }

  // ---- compound statements ----

  bool expect_colon(bool forced) {
    if (accept(TokenType::Colon)) return true;
    if (forced || at(TokenType::Newline)) {
      fail(cur(), "expected ':'");
    } else {
      invalid_syntax();
    }
    return false;
  }

  bool block(Body& out, const char* what, uint32_t line) {
    if (!accept(TokenType::Newline)) return simple_stmts(out);
    if (!at(TokenType::Indent)) {
      if (at(TokenType::LexError)) {
        invalid_syntax();
      } else {
        fail(cur(), std::string("expected an indented block after ") + what + " on line " + std::to_string(line),
             "IndentationError");
      }
      return false;
    }
    advance();
    if (++stmt_depth_ > kMaxStmtDepth) {
      fail(cur(), "maximum recursion depth exceeded during compilation", "RecursionError");
      return false;
    }
    while (!at(TokenType::Dedent) && !at(TokenType::EndMarker)) {
      if (!statement(out)) return false;
    }
    accept(TokenType::Dedent);
    --stmt_depth_;
    return true;
  }

  bool if_stmt(Body& out) {
    const Token& kw = advance();
    auto node = make<If>(kw);
    if (!(node->test = named_expression(true)) || !expect_colon(false)) return false;
    if (!block(node->body, "'if' statement", kw.line)) return false;
    If* last = node.get();
    uint32_t extra = 0;
    while (at(TokenType::KwElif)) {
      const Token& ek = advance();
      if (++stmt_depth_ > kMaxStmtDepth) {
        fail(ek, "maximum recursion depth exceeded during compilation", "RecursionError");
        return false;
      }
      ++extra;
      auto elif = make<If>(ek);
      if (!(elif->test = named_expression(true)) || !expect_colon(false)) return false;
      if (!block(elif->body, "'elif' statement", ek.line)) return false;
      If* next = elif.get();
      last->orelse.push_back(std::move(elif));
      last = next;
    }
    if (at(TokenType::KwElse)) {
      const Token& ek = advance();
      if (!expect_colon(true) || !block(last->orelse, "'else' statement", ek.line)) return false;
    }
    stmt_depth_ -= extra;
    return push(out, std::move(node));
  }

  bool else_block(Body& orelse) {
    if (!at(TokenType::KwElse)) return true;
    const Token& ek = advance();
    return expect_colon(true) && block(orelse, "'else' statement", ek.line);
  }

  bool while_stmt(Body& out) {
    const Token& kw = advance();
    auto node = make<While>(kw);
    if (!(node->test = named_expression(true)) || !expect_colon(false)) return false;
    if (!block(node->body, "'while' statement", kw.line) || !else_block(node->orelse)) return false;
    return push(out, std::move(node));
  }

  bool for_stmt(Body& out, const Token* async_tok) {
    const Token& kw = advance();
    auto node = std::make_unique<For>(async_tok ? async_tok->line : kw.line, async_tok != nullptr);
    node->col = async_tok ? async_tok->col : kw.col;
    if (!(node->target = target_list())) return false;
    if (!accept(TokenType::KwIn)) {
      invalid_syntax();
      return false;
    }
    if (!(node->iter = star_expressions())) return false;
    check_not_starred(*node->iter);
    if (!expect_colon(false)) return false;
    if (!block(node->body, "'for' statement", kw.line) || !else_block(node->orelse)) return false;
    return push(out, std::move(node));
  }

  bool try_stmt(Body& out) {
    const Token& kw = advance();
    auto node = make<Try>(kw);
    if (!expect_colon(true) || !block(node->body, "'try' statement", kw.line)) return false;
    while (at(TokenType::KwExcept)) {
      const Token& ek = advance();
      bool star = false;
      if (at(TokenType::Star)) {
        advance();
        star = true;
        if (at(TokenType::Colon)) {
          fail(cur(), "expected one or more exception types");
          return false;
        }
      }
      if (!node->handlers.empty() && star != node->star) {
        fail(ek, "cannot have both 'except' and 'except*' on the same 'try'");
        return false;
      }
      node->star = star;
      if (!node->handlers.empty() && !node->handlers.back().type) {
        defer_at(node->handlers.back().line, 0, "default 'except:' must be last");
      }
      ExceptHandler h;
      h.line = ek.line;
      if (!at(TokenType::Colon)) {
        if (!(h.type = expression())) return false;
        if (at(TokenType::Comma)) {
          fail_node(*h.type, "multiple exception types must be parenthesized");
          return false;
        }
        if (accept(TokenType::KwAs)) {
          if (!at(TokenType::Name)) {
            invalid_syntax();
            return false;
          }
          h.name = advance().text;
        }
      }
      if (!expect_colon(false) || !block(h.body, "'except' statement", ek.line)) return false;
      node->handlers.push_back(std::move(h));
    }
    if (at(TokenType::KwElse) && !node->handlers.empty() && !else_block(node->orelse)) return false;
    if (at(TokenType::KwFinally)) {
      const Token& fk = advance();
      if (!expect_colon(true) || !block(node->finalbody, "'finally' statement", fk.line)) return false;
    }
    if (node->handlers.empty() && node->finalbody.empty()) {
      fail(cur(), "expected 'except' or 'finally' block");
      return false;
    }
    return push(out, std::move(node));
  }

  // with_item parses `expr [as target]`.
  bool with_item(std::vector<WithItem>& items) {
    WithItem item;
    if (!(item.context_expr = expression())) return false;
    if (accept(TokenType::KwAs)) {
      item.optional_vars = at(TokenType::Star) ? target_elem() : expression();
      if (!item.optional_vars) return false;
      if (!at(TokenType::Comma) && !at(TokenType::RParen) && !at(TokenType::Colon)) return invalid_syntax(), false;
      if (!store_target(*item.optional_vars)) return false;
    }
    items.push_back(std::move(item));
    return true;
  }

  bool with_stmt(Body& out, const Token* async_tok) {
    const Token& kw = advance();
    auto node = std::make_unique<With>(async_tok ? async_tok->line : kw.line, async_tok != nullptr);
    node->col = async_tok ? async_tok->col : kw.col;
    bool parsed = false;
    if (at(TokenType::LParen)) {
      // `with (a as b, c):` is a parenthesized item list; anything else is an expression.
      size_t save = pos_;
      std::optional<CompileError> saved_deferred = deferred_;
      advance();
      std::vector<WithItem> items;
      bool ok = true;
      while (ok) {
        ok = with_item(items);
        if (!ok || !accept(TokenType::Comma) || at(TokenType::RParen)) break;
      }
      if (ok && accept(TokenType::RParen) && at(TokenType::Colon)) {
        node->items = std::move(items);
        parsed = true;
      } else {
        pos_ = save;
        err_.reset();
        deferred_ = std::move(saved_deferred);
      }
    }
    if (!parsed) {
      do {
        if (!with_item(node->items)) return false;
      } while (accept(TokenType::Comma));
    }
    if (!expect_colon(false) || !block(node->body, "'with' statement", kw.line)) return false;
    return push(out, std::move(node));
  }

  bool decorated(Body& out) {
    ExprList decorators;
    while (at(TokenType::At)) {
      advance();
      ExprPtr d = named_expression(true);
      if (!d) return false;
      if (!at(TokenType::Newline)) {
        fail_statement_end(*d);
        return false;
      }
      advance();
      decorators.push_back(std::move(d));
    }
    if (at(TokenType::KwDef)) return funcdef(out, std::move(decorators), nullptr);
    if (at(TokenType::KwClass)) return classdef(out, std::move(decorators));
    if (at(TokenType::KwAsync) && ahead(1).type == TokenType::KwDef) {
      const Token& a = advance();
      return funcdef(out, std::move(decorators), &a);
    }
    invalid_syntax();
    return false;
  }

  bool funcdef(Body& out, ExprList decorators, const Token* async_tok) {
    const Token& kw = advance();
    auto node = std::make_unique<FunctionDef>(async_tok ? async_tok->line : kw.line, async_tok != nullptr);
    node->col = async_tok ? async_tok->col : kw.col;
    if (!at(TokenType::Name)) {
      invalid_syntax();
      return false;
    }
    node->name = advance().text;
    if (!at(TokenType::LParen)) {
      fail(cur(), "expected '('");
      return false;
    }
    advance();
    if (!parameters(node->args, false)) return false;
    if (!accept(TokenType::RParen)) {
      invalid_syntax();
      return false;
    }
    if (accept(TokenType::RArrow)) {
      ExprPtr returns = expression();
      if (!returns) return false;
      node->args.annotations.emplace_back("return", std::move(returns));
    }
    if (!expect_colon(true) || !block(node->body, "function definition", kw.line)) return false;
    node->decorator_list = std::move(decorators);
    node->docstring = docstring_of(node->body);
    return push(out, std::move(node));
  }

  bool classdef(Body& out, ExprList decorators) {
    const Token& kw = advance();
    auto node = make<ClassDef>(kw);
    if (!at(TokenType::Name)) {
      invalid_syntax();
      return false;
    }
    node->name = advance().text;
    if (at(TokenType::LParen)) {
      const Token& open = advance();
      Call call(open.line);
      if (!call_args(call, open)) return false;
      node->bases = std::move(call.args);
      node->keywords = std::move(call.keywords);
    }
    if (!expect_colon(false) || !block(node->body, "class definition", kw.line)) return false;
    node->decorator_list = std::move(decorators);
    node->docstring = docstring_of(node->body);
    return push(out, std::move(node));
  }

  // parameters parses a def's (closer ')') or a lambda's (closer ':') parameter list,
  // leaving the closer for the caller; defaults_height collects the defaults' heights.
  bool parameters(Arguments& args, bool lambda, uint32_t* defaults_height = nullptr) {
    TokenType closer = lambda ? TokenType::Colon : TokenType::RParen;
    bool seen_slash = false, seen_star = false, seen_default = false;
    std::unordered_set<std::string> seen_names;  // a set: a generated def may have 100,000 parameters
    auto check_dup = [&](const Token& t) {
      std::string name(t.text);
      if (!seen_names.insert(name).second) defer(t, "duplicate argument '" + name + "' in function definition");
    };
    auto annotation = [&](const Token& n) {
      if (lambda || !accept(TokenType::Colon)) return true;
      ExprPtr e = expression();
      if (!e) return false;
      args.annotations.emplace_back(std::string(n.text), std::move(e));
      return true;
    };
    while (!at(closer)) {
      const Token& t = cur();
      if (at(TokenType::Slash)) {
        if (seen_slash) return fail(t, "/ may appear only once"), false;
        if (seen_star) return fail(t, "/ must be ahead of *"), false;
        if (args.args.empty()) return fail(t, "at least one argument must precede /"), false;
        advance();
        seen_slash = true;
        args.posonlyargs = std::move(args.args);
        args.args.clear();
      } else if (at(TokenType::DoubleStar)) {
        advance();
        if (!at(TokenType::Name)) return invalid_syntax(), false;
        const Token& n = advance();
        check_dup(n);
        args.kwarg = std::make_unique<Arg>(Arg{std::string(n.text), n.line});
        if (!annotation(n)) return false;
        if (at(TokenType::Equal)) return fail(cur(), "var-keyword argument cannot have default value"), false;
        if (accept(TokenType::Comma) && !at(closer)) {
          return fail(cur(), "arguments cannot follow var-keyword argument"), false;
        }
        break;
      } else if (at(TokenType::Star)) {
        if (seen_star) return fail(t, "* argument may appear only once"), false;
        advance();
        seen_star = true;
        if (at(TokenType::Name)) {
          const Token& n = advance();
          check_dup(n);
          args.vararg = std::make_unique<Arg>(Arg{std::string(n.text), n.line});
          if (!annotation(n)) return false;
          if (at(TokenType::Equal)) return fail(cur(), "var-positional argument cannot have default value"), false;
        } else if (at(closer) ||
                   (at(TokenType::Comma) && (ahead(1).type == closer || ahead(1).type == TokenType::DoubleStar))) {
          return fail(at(closer) ? cur() : ahead(1), "named arguments must follow bare *"), false;
        } else if (!at(TokenType::Comma)) {
          return invalid_syntax(), false;
        }
      } else if (at(TokenType::Name)) {
        const Token& n = advance();
        check_dup(n);
        Arg a{std::string(n.text), n.line};
        if (!annotation(n)) return false;
        ExprPtr def;
        if (accept(TokenType::Equal)) {
          if (!lambda && (at(TokenType::RParen) || at(TokenType::Comma))) {
            return fail(cur(), "expected default value expression"), false;
          }
          if (!(def = expression())) return false;
          if (defaults_height) *defaults_height = std::max(*defaults_height, h_);
          if (!at(TokenType::Comma) && !at(closer)) return fail_after_element(def.get()), false;
        }
        if (seen_star) {
          args.kwonlyargs.push_back(std::move(a));
          args.kw_defaults.push_back(std::move(def));
        } else {
          if (def) {
            seen_default = true;
            args.defaults.push_back(std::move(def));
          } else if (seen_default && (at(TokenType::Comma) || at(closer))) {
            return fail(n, "non-default argument follows default argument"), false;
          }
          args.args.push_back(std::move(a));
        }
      } else if (at(TokenType::LParen)) {
        return fail(t, lambda ? "Lambda expression parameters cannot be parenthesized"
                              : "Function parameters cannot be parenthesized"),
               false;
      } else {
        return invalid_syntax(), false;
      }
      if (!accept(TokenType::Comma)) break;
    }
    return true;
  }

  // ================= expressions =================

  // star_expressions: `a`, `*a`, or a tuple `a, *b,` without brackets.
  ExprPtr star_expressions() {
    const Token& first = cur();
    ExprPtr e = star_expression();
    if (!e || !at(TokenType::Comma)) return e;
    auto tuple = make<Tuple>(first);
    uint32_t h = h_;
    tuple->elts.push_back(std::move(e));
    while (accept(TokenType::Comma)) {
      if (!starts_expression(cur(), true)) break;
      ExprPtr x = star_expression();
      if (!x) return nullptr;
      h = std::max(h, h_);
      tuple->elts.push_back(std::move(x));
    }
    return done(std::move(tuple), h + 1);
  }

  ExprPtr star_expression() {
    if (!at(TokenType::Star)) return expression();
    const Token& star = advance();
    Nest nest(*this);
    if (!nest.ok) return nullptr;
    ExprPtr v = binary(1);
    if (!v) return nullptr;
    auto s = make<Starred>(star);
    s->value = std::move(v);
    return done(std::move(s), h_ + 1);
  }

  ExprPtr star_named_expression() {
    if (!at(TokenType::Star)) return named_expression(true);
    return star_expression();
  }

  // star_named_expressions_tuple: a match subject (`a`, `a, b`, `*a, b`).
  ExprPtr star_named_expressions_tuple() {
    const Token& first = cur();
    ExprPtr e = star_named_expression();
    if (!e || !at(TokenType::Comma)) return e;
    auto tuple = make<Tuple>(first);
    uint32_t h = h_;
    tuple->elts.push_back(std::move(e));
    while (accept(TokenType::Comma)) {
      if (!starts_expression(cur(), true)) break;
      ExprPtr x = star_named_expression();
      if (!x) return nullptr;
      h = std::max(h, h_);
      tuple->elts.push_back(std::move(x));
    }
    return done(std::move(tuple), h + 1);
  }

  // named_expression: `name := value` or an expression; check_equals reports a lone
  // `=` the way CPython does (`if x = 1:`).
  ExprPtr named_expression(bool check_equals) {
    if (at(TokenType::Name) && ahead(1).type == TokenType::ColonEqual) {
      const Token& name = advance();
      advance();
      Nest nest(*this);
      if (!nest.ok) return nullptr;
      ExprPtr value = expression();
      if (!value) return nullptr;
      auto target = make<Name>(name);
      target->id = std::string(name.text);
      target->ctx = Context::Store;
      auto n = make<NamedExpr>(name);
      n->target = std::move(target);
      n->value = std::move(value);
      return done(std::move(n), h_ + 1);
    }
    ExprPtr e = expression();
    if (!e) return nullptr;
    if (at(TokenType::ColonEqual)) {
      return fail_node(*e, std::string("cannot use assignment expressions with ") + expr_name(*e));
    }
    if (check_equals && at(TokenType::Equal)) return misplaced_equals(*e);
    return e;
  }

  std::nullptr_t misplaced_equals(const Expr& e) {
    // CPython suggests '==' only when a bitwise_or operand follows the '='.
    const Token& next = ahead(1);
    if (!starts_expression(next, false) || next.type == TokenType::KwNot || next.type == TokenType::KwLambda) {
      return invalid_syntax();
    }
    if (e.kind == ExprKind::Name) {
      return fail_node(e, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    }
    if (is_bitwise_or_level(e) && e.kind != ExprKind::List && e.kind != ExprKind::Tuple &&
        e.kind != ExprKind::GeneratorExp && !is_constant(e, ConstantKind::True) &&
        !is_constant(e, ConstantKind::False) && !is_constant(e, ConstantKind::None)) {
      return fail_node(e,
                       std::string("cannot assign to ") + expr_name(e) + " here. Maybe you meant '==' instead of '='?");
    }
    return invalid_syntax();
  }

  ExprPtr expression() {
    Nest nest(*this);
    if (!nest.ok) return nullptr;
    if (at(TokenType::KwLambda)) return lambdef();
    const Token& start = cur();
    ExprPtr body = disjunction();
    if (!body || !at(TokenType::KwIf)) return body;
    uint32_t h = h_;
    advance();
    ExprPtr test = disjunction();
    if (!test) return nullptr;
    h = std::max(h, h_);
    if (!accept(TokenType::KwElse)) {
      if (at(TokenType::Colon)) return invalid_syntax();
      return fail_node(*body, "expected 'else' after 'if' expression");
    }
    ExprPtr orelse = expression();
    if (!orelse) return nullptr;
    h = std::max(h, h_);
    auto e = make<IfExp>(start);
    e->test = std::move(test);
    e->body = std::move(body);
    e->orelse = std::move(orelse);
    return done(std::move(e), h + 1);
  }

  ExprPtr lambdef() {
    const Token& kw = advance();
    auto l = make<Lambda>(kw);
    uint32_t h = 0;
    if (!parameters(l->args, true, &h)) return nullptr;
    if (!accept(TokenType::Colon)) return invalid_syntax();
    ExprPtr body = expression();
    if (!body) return nullptr;
    h = std::max(h, h_);
    l->body = std::move(body);
    return done(std::move(l), h + 1);
  }

  ExprPtr bool_chain(TokenType op_token, BoolOpKind op) {
    const Token& start = cur();
    ExprPtr first = op == BoolOpKind::Or ? bool_chain(TokenType::KwAnd, BoolOpKind::And) : inversion();
    if (!first || !at(op_token)) return first;
    uint32_t h = h_;
    auto b = make<BoolOp>(start);
    b->op = op;
    b->values.push_back(std::move(first));
    while (accept(op_token)) {
      ExprPtr v = op == BoolOpKind::Or ? bool_chain(TokenType::KwAnd, BoolOpKind::And) : inversion();
      if (!v) return nullptr;
      h = std::max(h, h_);
      b->values.push_back(std::move(v));
    }
    return done(std::move(b), h + 1);
  }

  ExprPtr disjunction() { return bool_chain(TokenType::KwOr, BoolOpKind::Or); }

  ExprPtr inversion() {
    if (!at(TokenType::KwNot)) return comparison();
    const Token& t = advance();
    Nest nest(*this);
    if (!nest.ok) return nullptr;
    ExprPtr operand = inversion();
    if (!operand) return nullptr;
    auto u = make<UnaryOp>(t);
    u->op = UnaryOpKind::Not;
    u->operand = std::move(operand);
    return done(std::move(u), h_ + 1);
  }

  bool compare_op(CmpOpKind& op) {
    switch (cur().type) {
      case TokenType::EqEqual: op = CmpOpKind::Eq; break;
      case TokenType::NotEqual: op = CmpOpKind::NotEq; break;
      case TokenType::Less: op = CmpOpKind::Lt; break;
      case TokenType::LessEqual: op = CmpOpKind::LtE; break;
      case TokenType::Greater: op = CmpOpKind::Gt; break;
      case TokenType::GreaterEqual: op = CmpOpKind::GtE; break;
      case TokenType::KwIn: op = CmpOpKind::In; break;
      case TokenType::KwNot:
        if (ahead(1).type != TokenType::KwIn) return false;
        advance();
        op = CmpOpKind::NotIn;
        break;
      case TokenType::KwIs:
        if (ahead(1).type == TokenType::KwNot) {
          advance();
          op = CmpOpKind::IsNot;
        } else {
          op = CmpOpKind::Is;
        }
        break;
      default: return false;
    }
    advance();
    return true;
  }

  ExprPtr comparison() {
    const Token& start = cur();
    ExprPtr left = binary(1);
    if (!left) return nullptr;
    CmpOpKind op;
    if (!compare_op(op)) return left;
    uint32_t h = h_;
    auto c = make<Compare>(start);
    c->left = std::move(left);
    do {
      ExprPtr right = binary(1);
      if (!right) return nullptr;
      h = std::max(h, h_);
      c->ops.push_back(op);
      c->comparators.push_back(std::move(right));
    } while (compare_op(op));
    return done(std::move(c), h + 1);
  }

  // binary parses left-associative operators of precedence >= min_prec by climbing.
  ExprPtr binary(int min_prec) {
    const Token& start = cur();
    ExprPtr left = factor();
    if (!left) return nullptr;
    uint32_t h = h_;
    while (true) {
      BinOpKind op;
      int prec = binary_op(cur().type, op);
      if (prec == 0 || prec < min_prec) break;
      advance();
      ExprPtr right = binary(prec + 1);
      if (!right) return nullptr;
      auto b = make<BinOp>(start);
      b->left = std::move(left);
      b->op = op;
      b->right = std::move(right);
      h = std::max(h, h_) + 1;
      left = done(std::move(b), h);
      if (!left) return nullptr;
    }
    h_ = h;
    return left;
  }

  ExprPtr factor() {
    UnaryOpKind op;
    switch (cur().type) {
      case TokenType::Minus: op = UnaryOpKind::USub; break;
      case TokenType::Plus: op = UnaryOpKind::UAdd; break;
      case TokenType::Tilde: op = UnaryOpKind::Invert; break;
      default: return power();
    }
    const Token& t = advance();
    Nest nest(*this);
    if (!nest.ok) return nullptr;
    ExprPtr operand = factor();
    if (!operand) return nullptr;
    auto u = make<UnaryOp>(t);
    u->op = op;
    u->operand = std::move(operand);
    return done(std::move(u), h_ + 1);
  }

  ExprPtr power() {
    const Token& start = cur();
    ExprPtr base = await_primary();
    if (!base || !at(TokenType::DoubleStar)) return base;
    uint32_t h = h_;
    advance();
    Nest nest(*this);
    if (!nest.ok) return nullptr;
    ExprPtr exponent = factor();
    if (!exponent) return nullptr;
    auto b = make<BinOp>(start);
    b->left = std::move(base);
    b->op = BinOpKind::Pow;
    b->right = std::move(exponent);
    return done(std::move(b), std::max(h, h_) + 1);
  }

  ExprPtr await_primary() {
    if (!at(TokenType::KwAwait)) return primary();
    const Token& t = advance();
    Nest nest(*this);
    if (!nest.ok) return nullptr;
    ExprPtr v = primary();
    if (!v) return nullptr;
    auto a = make<Await>(t);
    a->value = std::move(v);
    return done(std::move(a), h_ + 1);
  }

  ExprPtr primary() {
    const Token& start = cur();
    ExprPtr e = atom();
    if (!e) return nullptr;
    uint32_t h = h_;
    while (true) {
      if (at(TokenType::Dot)) {
        advance();
        if (!at(TokenType::Name)) return invalid_syntax();
        auto a = make<Attribute>(start);
        a->attr = std::string(advance().text);
        a->value = std::move(e);
        e = done(std::move(a), ++h);
      } else if (at(TokenType::LParen)) {
        const Token& open = advance();
        auto c = make<Call>(start);
        uint32_t args_h = 0;
        if (!call_args(*c, open, &args_h)) return nullptr;
        c->func = std::move(e);
        h = std::max(h, args_h) + 1;
        e = done(std::move(c), h);
      } else if (at(TokenType::LSquare)) {
        advance();
        auto s = make<Subscript>(start);
        ExprPtr slice = slices();
        if (!slice) return nullptr;
        h = std::max(h, h_) + 1;
        s->value = std::move(e);
        s->slice = std::move(slice);
        e = done(std::move(s), h);
      } else {
        break;
      }
      if (!e) return nullptr;
    }
    h_ = h;
    return e;
  }

  // call_args parses arguments after '(' through ')' into call.args/keywords.
  bool call_args(Call& call, const Token& open, uint32_t* height = nullptr) {
    bool seen_keyword = false, seen_double_star = false;
    uint32_t h = 0;
    const Expr* last = nullptr;
    while (!at(TokenType::RParen)) {
      const Token& st = cur();
      if (at(TokenType::Star)) {
        advance();
        ExprPtr v = expression();
        if (!v) return false;
        if (seen_double_star) return fail(st, "iterable argument unpacking follows keyword argument unpacking"), false;
        auto s = make<Starred>(st);
        s->value = std::move(v);
        h = std::max(h, h_ + 1);
        last = s.get();
        call.args.push_back(std::move(s));
      } else if (at(TokenType::DoubleStar)) {
        advance();
        ExprPtr v = expression();
        if (!v) return false;
        h = std::max(h, h_);
        last = v.get();
        call.keywords.push_back(Keyword{std::string(), std::move(v), st.line});
        seen_double_star = true;
      } else if (at(TokenType::Name) && ahead(1).type == TokenType::Equal) {
        std::string name(advance().text);
        advance();
        ExprPtr v = expression();
        if (!v) return false;
        for (const Keyword& k : call.keywords) {
          if (k.arg == name) defer(st, "keyword argument repeated: " + name);
        }
        h = std::max(h, h_);
        last = v.get();
        call.keywords.push_back(Keyword{std::move(name), std::move(v), st.line});
        seen_keyword = true;
      } else {
        if ((at(TokenType::KwTrue) || at(TokenType::KwFalse) || at(TokenType::KwNone)) &&
            ahead(1).type == TokenType::Equal) {
          return fail(st, "cannot assign to " + std::string(st.text)), false;
        }
        ExprPtr v = named_expression(false);
        if (!v) return false;
        if (at(TokenType::KwFor) || at_async_for()) {
          auto g = make<GeneratorExp>(open);
          uint32_t gh = h_;
          if (!comprehension(g->generators, gh)) return false;
          if (!call.args.empty() || !call.keywords.empty() || !at(TokenType::RParen)) {
            return fail_node(*v, "Generator expression must be parenthesized"), false;
          }
          g->elt = std::move(v);
          ExprPtr ge = done(std::move(g), gh + 1);
          if (!ge) return false;
          h = std::max(h, h_);
          call.args.push_back(std::move(ge));
          break;
        }
        if (at(TokenType::Equal)) {
          return fail_node(*v, "expression cannot contain assignment, perhaps you meant \"==\"?"), false;
        }
        if (seen_double_star) return fail_node(*v, "positional argument follows keyword argument unpacking"), false;
        if (seen_keyword) return fail_node(*v, "positional argument follows keyword argument"), false;
        h = std::max(h, h_);
        last = v.get();
        call.args.push_back(std::move(v));
      }
      if (!accept(TokenType::Comma)) {
        if (at(TokenType::RParen)) break;
        fail_after_element(last);
        return false;
      }
    }
    advance();  // ')'
    if (height) *height = h;
    return true;
  }

  // comprehension parses `for target in iter if cond ...` clauses; h tracks height.
  bool comprehension(std::vector<Comprehension>& gens, uint32_t& h) {
    while (at(TokenType::KwFor) || at_async_for()) {
      Comprehension c;
      if (accept(TokenType::KwAsync)) c.is_async = true;
      advance();  // 'for'
      if (!(c.target = target_list())) return false;
      h = std::max(h, h_);
      if (!accept(TokenType::KwIn)) return invalid_syntax(), false;
      if (!(c.iter = disjunction())) return false;
      h = std::max(h, h_);
      while (accept(TokenType::KwIf)) {
        ExprPtr cond = disjunction();
        if (!cond) return false;
        h = std::max(h, h_);
        c.ifs.push_back(std::move(cond));
      }
      gens.push_back(std::move(c));
    }
    return true;
  }

  // store_target validates and marks an assignment target.
  bool store_target(Expr& target) {
    if (const Expr* bad = invalid_target(target, false)) {
      fail_node(*bad, std::string("cannot assign to ") + expr_name(*bad));
      return false;
    }
    const Expr* where = nullptr;
    if (const char* m = starred_misuse(target, true, &where)) defer_node(*where, m);
    set_context(target, Context::Store);
    return true;
  }

  ExprPtr target_elem() {
    if (!at(TokenType::Star)) return binary(1);
    const Token& star = advance();
    Nest nest(*this);
    if (!nest.ok) return nullptr;
    ExprPtr v = binary(1);
    if (!v) return nullptr;
    auto s = make<Starred>(star);
    s->value = std::move(v);
    return done(std::move(s), h_ + 1);
  }

  // target_list parses a `for` target (star_targets), stopping before `in`.
  ExprPtr target_list() {
    const Token& first = cur();
    ExprPtr e = target_elem();
    if (!e) return nullptr;
    if (at(TokenType::Comma)) {
      auto tuple = make<Tuple>(first);
      uint32_t h = h_;
      tuple->elts.push_back(std::move(e));
      while (accept(TokenType::Comma)) {
        if (!starts_expression(cur(), true)) break;
        ExprPtr x = target_elem();
        if (!x) return nullptr;
        h = std::max(h, h_);
        tuple->elts.push_back(std::move(x));
      }
      e = done(std::move(tuple), h + 1);
      if (!e) return nullptr;
    }
    uint32_t h = h_;
    if (!store_target(*e)) return nullptr;
    h_ = h;
    return e;
  }

  ExprPtr slices() {
    const Token& first = cur();
    ExprPtr e = slice_item();
    if (!e) return nullptr;
    bool single = accept(TokenType::RSquare);
    if (single && e->kind != ExprKind::Starred) return e;
    if (!single && !at(TokenType::Comma)) return fail_after_element(e.get());
    // A starred item always makes the subscript a tuple: a[*b] is a[(*b,)].
    auto tuple = make<Tuple>(first);
    uint32_t h = h_;
    tuple->elts.push_back(std::move(e));
    if (single) return done(std::move(tuple), h + 1);
    while (accept(TokenType::Comma)) {
      if (at(TokenType::RSquare)) break;
      ExprPtr x = slice_item();
      if (!x) return nullptr;
      h = std::max(h, h_);
      tuple->elts.push_back(std::move(x));
    }
    if (!accept(TokenType::RSquare)) return fail_after_element(tuple->elts.back().get());
    return done(std::move(tuple), h + 1);
  }

  ExprPtr slice_item() {
    if (at(TokenType::Star)) return star_expression();
    const Token& first = cur();
    ExprPtr lower;
    if (!at(TokenType::Colon)) {
      lower = named_expression(true);
      if (!lower || !at(TokenType::Colon)) return lower;
    }
    uint32_t h = lower ? h_ : 0;
    auto s = make<Slice>(first);
    advance();  // ':'
    auto bound_ends = [&]() { return at(TokenType::Colon) || at(TokenType::Comma) || at(TokenType::RSquare); };
    if (!bound_ends()) {
      if (!(s->upper = expression())) return nullptr;
      h = std::max(h, h_);
    }
    if (accept(TokenType::Colon) && !at(TokenType::Comma) && !at(TokenType::RSquare)) {
      if (!(s->step = expression())) return nullptr;
      h = std::max(h, h_);
    }
    s->lower = std::move(lower);
    return done(std::move(s), h + 1);
  }

  ExprPtr yield_expr() {
    const Token& kw = advance();
    if (accept(TokenType::KwFrom)) {
      ExprPtr v = expression();
      if (!v) return nullptr;
      auto y = make<YieldFrom>(kw);
      y->value = std::move(v);
      return done(std::move(y), h_ + 1);
    }
    auto y = make<Yield>(kw);
    if (!starts_expression(cur(), true)) return done(std::move(y), 1);
    ExprPtr v = star_expressions();
    if (!v) return nullptr;
    y->value = std::move(v);
    return done(std::move(y), h_ + 1);
  }

  // ---- atoms ----

  ExprPtr atom() {
    const Token& t = cur();
    switch (t.type) {
      case TokenType::Name: {
        advance();
        auto n = make<Name>(t);
        n->id = std::string(t.text);
        return done(std::move(n), 1);
      }
      case TokenType::KwTrue:
      case TokenType::KwFalse:
      case TokenType::KwNone:
      case TokenType::Ellipsis: {
        advance();
        auto c = make<Constant>(t);
        c->ckind = t.type == TokenType::KwTrue    ? ConstantKind::True
                   : t.type == TokenType::KwFalse ? ConstantKind::False
                   : t.type == TokenType::KwNone  ? ConstantKind::None
                                                  : ConstantKind::Ellipsis;
        return done(std::move(c), 1);
      }
      case TokenType::Number: return number();
      case TokenType::String: return strings();
      case TokenType::LParen: return paren_atom();
      case TokenType::LSquare: return list_atom();
      case TokenType::LBrace: return brace_atom();
      default: return invalid_syntax();
    }
  }

  ExprPtr number() {
    const Token& t = advance();
    std::string s;
    s.reserve(t.text.size());
    for (char c : t.text) {
      if (c != '_') s += c;
    }
    auto c = make<Constant>(t);
    char last = s.back();
    if (last == 'j' || last == 'J') {
      defer(t, "complex numbers are not supported");
      c->ckind = ConstantKind::Float;
      return done(std::move(c), 1);
    }
    auto overflow = [&]() {
      c->ckind = ConstantKind::Int;
      c->i = 1;
      c->s = s;
      return done(std::move(c), 1);
    };
    if (s.size() > 1 && s[0] == '0' && (s[1] | 0x20) != '.' && (s[1] | 0x20) != 'e' && !(s[1] >= '0' && s[1] <= '9')) {
      int base = (s[1] | 0x20) == 'x' ? 16 : (s[1] | 0x20) == 'o' ? 8 : 2;
      uint64_t v = 0;
      for (size_t k = 2; k < s.size(); ++k) {
        uint64_t d = static_cast<uint64_t>(hex_value(s[k]));
        if (v > (static_cast<uint64_t>(INT64_MAX) - d) / static_cast<uint64_t>(base)) return overflow();
        v = v * static_cast<uint64_t>(base) + d;
      }
      c->ckind = ConstantKind::Int;
      c->i = static_cast<int64_t>(v);
      return done(std::move(c), 1);
    }
    if (s.find_first_of(".eE") != std::string::npos) {
      c->ckind = ConstantKind::Float;
      c->f = std::strtod(s.c_str(), nullptr);
      return done(std::move(c), 1);
    }
    uint64_t v = 0;
    for (char ch : s) {
      uint64_t d = static_cast<uint64_t>(ch - '0');
      if (v > (static_cast<uint64_t>(INT64_MAX) - d) / 10) return overflow();
      v = v * 10 + d;
    }
    c->ckind = ConstantKind::Int;
    c->i = static_cast<int64_t>(v);
    return done(std::move(c), 1);
  }

  ExprPtr paren_atom() {
    const Token& open = advance();
    if (accept(TokenType::RParen)) return done(make<Tuple>(open), 1);
    if (at(TokenType::DoubleStar)) return fail(cur(), "cannot use double starred expression here");
    if (at(TokenType::KwYield)) {
      ExprPtr y = yield_expr();
      if (!y) return nullptr;
      if (!accept(TokenType::RParen)) return invalid_syntax();
      return y;
    }
    ExprPtr first = star_named_expression();
    if (!first) return nullptr;
    uint32_t h = h_;
    if (at(TokenType::KwFor) || at_async_for()) {
      if (first->kind == ExprKind::Starred)
        return fail_node(*first, "iterable unpacking cannot be used in comprehension");
      auto g = make<GeneratorExp>(open);
      if (!comprehension(g->generators, h)) return nullptr;
      if (!accept(TokenType::RParen)) return invalid_syntax();
      g->elt = std::move(first);
      return done(std::move(g), h + 1);
    }
    if (accept(TokenType::RParen)) {
      if (first->kind == ExprKind::Starred) return fail_node(*first, "cannot use starred expression here");
      h_ = h;
      return first;
    }
    if (!at(TokenType::Comma)) return fail_after_element(first.get());
    auto tuple = make<Tuple>(open);
    tuple->elts.push_back(std::move(first));
    if (!display_rest(tuple->elts, TokenType::RParen, h)) return nullptr;
    return done(std::move(tuple), h + 1);
  }

  // display_rest parses `, elt, elt [,]` and the closing bracket of a tuple/list/set.
  bool display_rest(ExprList& elts, TokenType close, uint32_t& h) {
    while (accept(TokenType::Comma)) {
      if (at(close)) break;
      ExprPtr x = star_named_expression();
      if (!x) return false;
      h = std::max(h, h_);
      elts.push_back(std::move(x));
    }
    if (accept(close)) return true;
    if (at(TokenType::KwFor) && elts.size() > 1 && close != TokenType::RParen) {
      fail_node(*elts.front(), "did you forget parentheses around the comprehension target?");
      return false;
    }
    fail_after_element(elts.back().get());
    return false;
  }

  ExprPtr list_atom() {
    const Token& open = advance();
    if (accept(TokenType::RSquare)) return done(make<List>(open), 1);
    ExprPtr first = star_named_expression();
    if (!first) return nullptr;
    uint32_t h = h_;
    if (at(TokenType::KwFor) || at_async_for()) {
      if (first->kind == ExprKind::Starred)
        return fail_node(*first, "iterable unpacking cannot be used in comprehension");
      auto lc = make<ListComp>(open);
      if (!comprehension(lc->generators, h)) return nullptr;
      if (!accept(TokenType::RSquare)) return invalid_syntax();
      lc->elt = std::move(first);
      return done(std::move(lc), h + 1);
    }
    auto list = make<List>(open);
    list->elts.push_back(std::move(first));
    if (!display_rest(list->elts, TokenType::RSquare, h)) return nullptr;
    return done(std::move(list), h + 1);
  }

  ExprPtr brace_atom() {
    const Token& open = advance();
    if (accept(TokenType::RBrace)) return done(make<Dict>(open), 1);
    if (at(TokenType::DoubleStar)) {
      auto d = make<Dict>(open);
      uint32_t h = 0;
      if (!dict_rest(*d, h)) return nullptr;
      return done(std::move(d), h + 1);
    }
    ExprPtr first = star_named_expression();
    if (!first) return nullptr;
    uint32_t h = h_;
    if (at(TokenType::Colon) && first->kind != ExprKind::Starred) {
      advance();
      if (at(TokenType::RBrace) || at(TokenType::Comma)) {
        return fail(t_[pos_ - 1], "expression expected after dictionary key and ':'");
      }
      ExprPtr value = expression();
      if (!value) return nullptr;
      h = std::max(h, h_);
      if (at(TokenType::KwFor) || at_async_for()) {
        auto dc = make<DictComp>(open);
        if (!comprehension(dc->generators, h)) return nullptr;
        if (!accept(TokenType::RBrace)) return invalid_syntax();
        dc->key = std::move(first);
        dc->value = std::move(value);
        return done(std::move(dc), h + 1);
      }
      auto d = make<Dict>(open);
      d->keys.push_back(std::move(first));
      d->values.push_back(std::move(value));
      if (accept(TokenType::RBrace)) return done(std::move(d), h + 1);
      if (!at(TokenType::Comma)) return fail_after_element(d->values.back().get());
      advance();
      if (!dict_rest(*d, h)) return nullptr;
      return done(std::move(d), h + 1);
    }
    if (at(TokenType::KwFor) || at_async_for()) {
      if (first->kind == ExprKind::Starred)
        return fail_node(*first, "iterable unpacking cannot be used in comprehension");
      auto sc = make<SetComp>(open);
      if (!comprehension(sc->generators, h)) return nullptr;
      if (!accept(TokenType::RBrace)) return invalid_syntax();
      sc->elt = std::move(first);
      return done(std::move(sc), h + 1);
    }
    auto set = make<Set>(open);
    set->elts.push_back(std::move(first));
    if (!display_rest(set->elts, TokenType::RBrace, h)) return nullptr;
    return done(std::move(set), h + 1);
  }

  // dict_rest parses entries (`k: v` or `**m`) up to and including '}'.
  bool dict_rest(Dict& d, uint32_t& h) {
    while (!at(TokenType::RBrace)) {
      if (at(TokenType::DoubleStar)) {
        advance();
        ExprPtr v = binary(1);
        if (!v) return false;
        h = std::max(h, h_);
        if (at(TokenType::KwFor) || at_async_for()) {
          fail_node(*v, "dict unpacking cannot be used in dict comprehension");
          return false;
        }
        d.keys.push_back(nullptr);
        d.values.push_back(std::move(v));
      } else {
        ExprPtr k = expression();
        if (!k) return false;
        h = std::max(h, h_);
        if (!accept(TokenType::Colon)) {
          fail_node(*k, "':' expected after dictionary key");
          return false;
        }
        if (at(TokenType::RBrace) || at(TokenType::Comma)) {
          fail(t_[pos_ - 1], "expression expected after dictionary key and ':'");
          return false;
        }
        ExprPtr v = expression();
        if (!v) return false;
        h = std::max(h, h_);
        d.keys.push_back(std::move(k));
        d.values.push_back(std::move(v));
      }
      if (!accept(TokenType::Comma)) {
        if (at(TokenType::RBrace)) break;
        fail_after_element(d.keys.back() ? d.values.back().get() : nullptr);
        return false;
      }
    }
    advance();  // '}'
    return true;
  }

  // ---- strings and f-strings ----

  // FString describes one f-string literal being parsed: its body (a view into the
  // source), and a cursor mapping body offsets to source lines and columns.
  struct FString {
    const Token* tok;
    std::string_view body;
    bool raw;
    uint32_t node_line, node_col;  // where every part node is reported (the whole string)
    size_t cursor = 0;
    uint32_t cursor_line = 0, cursor_col = 0;
  };

  ExprPtr strings() {
    const Token& first = cur();
    bool any_f = false;
    ExprList values;
    std::string pending;
    uint32_t h = 0;
    int kind = 0;  // kind: 1 once a str literal is seen, 2 once a bytes literal is seen
    while (at(TokenType::String)) {
      const Token& t = advance();
      std::string_view text = t.text;
      size_t q = 0;
      bool raw = false, bytes = false, f = false;
      while (text[q] != '\'' && text[q] != '"') {
        char l = static_cast<char>(text[q] | 0x20);
        raw |= l == 'r';
        bytes |= l == 'b';
        f |= l == 'f';
        ++q;
      }
      kind |= bytes ? 2 : 1;
      if (kind == 3) return fail(t, "cannot mix bytes and nonbytes literals");
      size_t quote_len = (text.size() - q >= 6 && text[q + 1] == text[q] && text[q + 2] == text[q]) ? 3 : 1;
      std::string_view body = text.substr(q + quote_len, text.size() - q - 2 * quote_len);
      if (bytes) {
        if (!decode_bytes_literal(body, raw, pending, t)) return nullptr;
        continue;
      }
      if (!f) {
        if (!decode_literal(body, raw, pending, t)) return nullptr;
        continue;
      }
      any_f = true;
      FString fs{&t, body, raw, first.line, first.col};
      fs.cursor_line = t.line;
      fs.cursor_col = t.col + static_cast<uint32_t>(q + quote_len);
      size_t i = 0;
      if (!fstring_parts(fs, i, 0, values, pending, h)) return nullptr;
    }
    if (!any_f) {
      auto c = make<Constant>(first);
      c->ckind = kind == 2 ? ConstantKind::Bytes : ConstantKind::Str;
      c->s = std::move(pending);
      return done(std::move(c), 1);
    }
    flush_literal(values, pending, first.line, first.col);
    auto j = make<JoinedStr>(first);
    j->values = std::move(values);
    return done(std::move(j), h + 1);
  }

  void flush_literal(ExprList& values, std::string& pending, uint32_t line, uint32_t col) {
    if (pending.empty()) return;
    auto c = std::make_unique<Constant>(line);
    c->col = col;
    c->ckind = ConstantKind::Str;
    c->s = std::move(pending);
    pending.clear();
    values.push_back(std::move(c));
  }

  bool unicode_error(const Token& t, size_t from, size_t to, const char* what) {
    fail(t, "(unicode error) 'unicodeescape' codec can't decode bytes in position " + std::to_string(from) + "-" +
                std::to_string(to) + ": " + what);
    return false;
  }

  // decode_bytes_literal appends a bytes body's value to out (one char per byte), with
  // CPython's errors for non-ASCII characters and bad \x escapes.
  bool decode_bytes_literal(std::string_view s, bool raw, std::string& out, const Token& t) {
    for (char c : s)
      if (static_cast<unsigned char>(c) >= 0x80) {
        fail(t, "bytes can only contain ASCII literal characters");
        return false;
      }
    return decode_literal(s, raw, out, t, true);
  }

  // decode_literal appends a string body's value to out, processing escapes unless raw. In
  // a bytes body (bytes) an octal or \x escape is one byte and \u, \U, \N are not escapes.
  bool decode_literal(std::string_view s, bool raw, std::string& out, const Token& t, bool bytes = false) {
    size_t i = 0;
    while (i < s.size()) {
      char c = s[i];
      if (c == '\r') {
        out += '\n';
        i += (i + 1 < s.size() && s[i + 1] == '\n') ? 2 : 1;
        continue;
      }
      if (c != '\\' || raw || i + 1 >= s.size()) {
        out += c;
        ++i;
        continue;
      }
      size_t start = i;
      char e = s[i + 1];
      i += 2;
      if (bytes && (e == 'u' || e == 'U' || e == 'N')) {  // not escapes in bytes: kept as written
        out += '\\';
        out += e;
        continue;
      }
      switch (e) {
        case '\n': break;
        case '\r':
          if (i < s.size() && s[i] == '\n') ++i;
          break;
        case '\\': out += '\\'; break;
        case '\'': out += '\''; break;
        case '"': out += '"'; break;
        case 'a': out += '\a'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'v': out += '\v'; break;
        case '0':
        case '1':
        case '2':
        case '3':
        case '4':
        case '5':
        case '6':
        case '7': {
          uint32_t v = static_cast<uint32_t>(e - '0');
          for (int k = 0; k < 2 && i < s.size() && s[i] >= '0' && s[i] <= '7'; ++k)
            v = v * 8 + static_cast<uint32_t>(s[i++] - '0');
          if (bytes) out += static_cast<char>(v & 0xff);
          else encode_utf8(v, out);
          break;
        }
        case 'x':
        case 'u':
        case 'U': {
          if (bytes) {
            if (i + 1 >= s.size() || hex_value(s[i]) < 0 || hex_value(s[i + 1]) < 0) {
              fail(t, "(value error) invalid \\x escape at position " + std::to_string(start));
              return false;
            }
            out += static_cast<char>(hex_value(s[i]) * 16 + hex_value(s[i + 1]));
            i += 2;
            break;
          }
          int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
          uint32_t v = 0;
          for (int k = 0; k < digits; ++k) {
            if (i >= s.size() || hex_value(s[i]) < 0) {
              const char* what = e == 'x'   ? "truncated \\xXX escape"
                                 : e == 'u' ? "truncated \\uXXXX escape"
                                            : "truncated \\UXXXXXXXX escape";
              return unicode_error(t, start, i - 1, what);
            }
            v = v * 16 + static_cast<uint32_t>(hex_value(s[i++]));
          }
          if (v > 0x10ffff) return unicode_error(t, start, i - 1, "illegal Unicode character");
          encode_utf8(v, out);
          break;
        }
        case 'N': {
          if (i >= s.size() || s[i] != '{') return unicode_error(t, start, i - 1, "malformed \\N character escape");
          size_t close = s.find('}', i);
          if (close == std::string_view::npos)
            return unicode_error(t, start, s.size() - 1, "malformed \\N character escape");
          uint32_t cp;
          if (!lookup_char_name(s.substr(i + 1, close - i - 1), cp)) {
            // The playground knows only common names, so say so rather than "unknown".
            fail(t, "unsupported \\N{" + std::string(s.substr(i + 1, close - i - 1)) +
                        "} escape: the playground knows only common character names; use a \\u escape");
            return false;
          }
          encode_utf8(cp, out);
          i = close + 1;
          break;
        }
        default:
          out += '\\';
          out += e;
          break;
      }
    }
    return true;
  }

  // fstring_parts parses literal text and replacement fields from fs.body[i..]; at
  // level 1 (a format spec) it stops before the closing '}'.
  bool fstring_parts(FString& fs, size_t& i, int level, ExprList& values, std::string& pending, uint32_t& h) {
    std::string_view s = fs.body;
    while (i < s.size()) {
      size_t lit_start = i;
      bool doubled = false;
      while (i < s.size()) {
        char ch = s[i++];
        if (!fs.raw && ch == '\\' && i < s.size()) {
          ch = s[i++];
          if (ch == 'N') {
            if (i < s.size() && s[i++] == '{') {
              while (i < s.size() && s[i++] != '}') {
              }
            }
            continue;
          }
        }
        if (ch == '{' || ch == '}') {
          if (level == 0) {
            if (i < s.size() && s[i] == ch) {
              doubled = true;
              break;
            }
            if (ch == '}') return fstring_error(fs, "f-string: single '}' is not allowed");
          }
          --i;
          break;
        }
      }
      if (!decode_literal(s.substr(lit_start, i - lit_start), fs.raw, pending, *fs.tok)) return false;
      if (doubled) {
        ++i;
        continue;
      }
      if (i >= s.size() || s[i] == '}') break;
      if (!fstring_field(fs, i, level, values, pending, h)) return false;
    }
    return true;
  }

  bool fstring_error(const FString& fs, std::string message) {
    fail_at(fs.tok->line, fs.tok->col, std::move(message));
    return false;
  }

  // fstring_field parses one `{expr[=][!c][:spec]}` starting at fs.body[i] == '{'.
  bool fstring_field(FString& fs, size_t& i, int level, ExprList& values, std::string& pending, uint32_t& h) {
    std::string_view s = fs.body;
    if (level >= 2) return fstring_error(fs, "f-string: expressions nested too deeply");
    ++i;
    size_t expr_start = i;
    char quote = 0;
    int string_type = 0;
    int nested = 0;
    char brackets[kMaxFStringBrackets];
    for (; i < s.size(); ++i) {
      char ch = s[i];
      if (ch == '\\') return fstring_error(fs, "f-string expression part cannot include a backslash");
      if (quote) {
        if (ch == quote) {
          if (string_type == 3) {
            if (i + 2 < s.size() && s[i + 1] == ch && s[i + 2] == ch) {
              i += 2;
              quote = 0;
            }
          } else {
            quote = 0;
          }
        }
        continue;
      }
      if (ch == '\'' || ch == '"') {
        if (i + 2 < s.size() && s[i + 1] == ch && s[i + 2] == ch) {
          string_type = 3;
          i += 2;
        } else {
          string_type = 1;
        }
        quote = ch;
        continue;
      }
      if (ch == '[' || ch == '{' || ch == '(') {
        if (nested >= kMaxFStringBrackets) return fstring_error(fs, "f-string: too many nested parenthesis");
        brackets[nested++] = ch;
        continue;
      }
      if (ch == '#') return fstring_error(fs, "f-string expression part cannot include '#'");
      if (nested == 0 && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
        if (i + 1 < s.size()) {
          char next = s[i + 1];
          if ((ch == '!' && next == '=') || (ch == '=' && next == '=') || (ch == '<' && next == '=') ||
              (ch == '>' && next == '=')) {
            ++i;
            continue;
          }
        }
        if (ch == '>' || ch == '<') continue;
        break;
      }
      if (ch == ']' || ch == '}' || ch == ')') {
        if (!nested) return fstring_error(fs, std::string("f-string: unmatched '") + ch + "'");
        char opening = brackets[--nested];
        if (!((opening == '(' && ch == ')') || (opening == '[' && ch == ']') || (opening == '{' && ch == '}'))) {
          return fstring_error(fs, std::string("f-string: closing parenthesis '") + ch +
                                       "' does not match opening parenthesis '" + opening + "'");
        }
      }
    }
    size_t expr_end = i;
    if (quote) return fstring_error(fs, "f-string: unterminated string");
    if (nested) return fstring_error(fs, std::string("f-string: unmatched '") + brackets[nested - 1] + "'");
    if (i >= s.size()) return fstring_error(fs, "f-string: expecting '}'");
    size_t k = expr_start;
    while (k < expr_end && (s[k] == ' ' || s[k] == '\t' || s[k] == '\n' || s[k] == '\f' || s[k] == '\r')) ++k;
    if (k == expr_end) {
      char c = s[expr_end];
      if (c == '!' || c == ':' || c == '=') {
        return fstring_error(fs, std::string("f-string: expression required before '") + c + "'");
      }
      return fstring_error(fs, "f-string: empty expression not allowed");
    }
    ExprPtr value = fstring_compile(fs, expr_start, expr_end);
    if (!value) return false;
    uint32_t fh = h_ + 1;
    bool self_doc = false;
    std::string_view expr_text;
    if (s[i] == '=') {
      ++i;
      while (i < s.size() && is_space(s[i])) ++i;
      if (i >= s.size()) return fstring_error(fs, "f-string: expecting '}'");
      self_doc = true;
      expr_text = s.substr(expr_start, i - expr_start);
    }
    int conversion = -1;
    if (s[i] == '!') {
      ++i;
      if (i >= s.size()) return fstring_error(fs, "f-string: expecting '}'");
      conversion = static_cast<unsigned char>(s[i]);
      ++i;
      if (conversion != 's' && conversion != 'r' && conversion != 'a') {
        return fstring_error(fs, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
      }
    }
    ExprPtr spec;
    if (i < s.size() && s[i] == ':') {
      ++i;
      if (i >= s.size()) return fstring_error(fs, "f-string: expecting '}'");
      ExprList spec_values;
      std::string spec_pending;
      uint32_t sh = 0;
      // CPython places a format spec (and its trailing text) at the literal holding it.
      if (!fstring_parts(fs, i, level + 1, spec_values, spec_pending, sh)) return false;
      flush_literal(spec_values, spec_pending, fs.tok->line, fs.tok->col);
      auto j = std::make_unique<JoinedStr>(fs.tok->line);
      j->col = fs.tok->col;
      j->values = std::move(spec_values);
      fh = std::max(fh, sh + 2);
      spec = std::move(j);
    }
    if (i >= s.size() || s[i] != '}') return fstring_error(fs, "f-string: expecting '}'");
    ++i;
    if (self_doc) {
      if (!spec && conversion == -1) conversion = 'r';
      pending.append(expr_text);
    }
    flush_literal(values, pending, fs.node_line, fs.node_col);
    auto fv = std::make_unique<FormattedValue>(fs.node_line);
    fv->col = fs.node_col;
    fv->value = std::move(value);
    fv->conversion = conversion;
    fv->format_spec = std::move(spec);
    if (fh > kMaxExprHeight) return fstring_error(fs, "expression too deeply nested");
    h = std::max(h, fh);
    values.push_back(std::move(fv));
    return true;
  }

  // fstring_compile lexes and parses the field text in place, so positions are real.
  ExprPtr fstring_compile(FString& fs, size_t start, size_t end) {
    while (fs.cursor < start) {
      char c = fs.body[fs.cursor++];
      if (c == '\n' || (c == '\r' && !(fs.cursor < fs.body.size() && fs.body[fs.cursor] == '\n'))) {
        ++fs.cursor_line;
        fs.cursor_col = 0;
      } else {
        ++fs.cursor_col;
      }
    }
    LexOptions opt;
    opt.first_line = fs.cursor_line;
    opt.first_col = fs.cursor_col;
    opt.inside_brackets = true;
    LexResult lex = tokenize(fs.body.substr(start, end - start), opt);
    if (lex.error) {
      if (!err_) err_ = *lex.error;
      return nullptr;
    }
    Parser sub(src_, lex.tokens, depth_ + 1);
    ExprPtr e = sub.fstring_expression();
    if (!e) {
      CompileError err =
          sub.err_ ? *sub.err_ : CompileError{"SyntaxError", "invalid syntax", fs.tok->line, fs.tok->col};
      if (err.type == "SyntaxError" || err.type == "IndentationError") {
        err.type = "SyntaxError";
        err.message = with_fstring_prefix(err.message);
      }
      if (!err_) err_ = std::move(err);
      return nullptr;
    }
    if (sub.deferred_ && !deferred_) deferred_ = sub.deferred_;
    h_ = sub.h_;
    return e;
  }
};

}  // namespace

ParseResult parse(std::string_view source) {
  if (source.size() >= 3 && source.substr(0, 3) == "\xEF\xBB\xBF") source.remove_prefix(3);
  LexResult lex = tokenize(source);
  Parser parser(source, lex.tokens, 0);
  std::unique_ptr<ast::Module> module = parser.file();
  ParseResult result;
  if (!parser.err_ && module) {
    if (parser.deferred_) {
      result.error = std::move(parser.deferred_);
    } else {
      result.module = std::move(module);
    }
    return result;
  }
  CompileError error = parser.err_ ? *parser.err_ : CompileError{"SyntaxError", "invalid syntax", 1, 0};
  if (lex.error) {
    bool reached = parser.furthest_ + 1 >= lex.tokens.size();
    bool lexer_wins = reached;
    switch (lex.error_kind) {
      case LexErrorKind::Hard: lexer_wins = reached || error.message != "unexpected indent"; break;
      case LexErrorKind::Deferred: break;
      case LexErrorKind::UnclosedBracket:
        // Like CPython: an error found on a later line than the unclosed bracket.
        lexer_wins = reached || lex.tokens[std::min(parser.furthest_, lex.tokens.size() - 1)].line > lex.error->line;
        break;
      default: break;
    }
    if (lexer_wins) error = *lex.error;
  }
  result.error = std::move(error);
  return result;
}

}  // namespace interleave
