#include "lang/ast_dump.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace interleave::ast {

namespace {

const char* binop_name(BinOpKind op) {
  switch (op) {
    case BinOpKind::Add: return "Add";
    case BinOpKind::Sub: return "Sub";
    case BinOpKind::Mult: return "Mult";
    case BinOpKind::Div: return "Div";
    case BinOpKind::FloorDiv: return "FloorDiv";
    case BinOpKind::Mod: return "Mod";
    case BinOpKind::Pow: return "Pow";
    case BinOpKind::LShift: return "LShift";
    case BinOpKind::RShift: return "RShift";
    case BinOpKind::BitOr: return "BitOr";
    case BinOpKind::BitXor: return "BitXor";
    case BinOpKind::BitAnd: return "BitAnd";
    case BinOpKind::MatMult: return "MatMult";
  }
  return "?";
}

const char* unaryop_name(UnaryOpKind op) {
  switch (op) {
    case UnaryOpKind::Not: return "Not";
    case UnaryOpKind::USub: return "USub";
    case UnaryOpKind::UAdd: return "UAdd";
    case UnaryOpKind::Invert: return "Invert";
  }
  return "?";
}

const char* cmpop_name(CmpOpKind op) {
  switch (op) {
    case CmpOpKind::Eq: return "Eq";
    case CmpOpKind::NotEq: return "NotEq";
    case CmpOpKind::Lt: return "Lt";
    case CmpOpKind::LtE: return "LtE";
    case CmpOpKind::Gt: return "Gt";
    case CmpOpKind::GtE: return "GtE";
    case CmpOpKind::Is: return "Is";
    case CmpOpKind::IsNot: return "IsNot";
    case CmpOpKind::In: return "In";
    case CmpOpKind::NotIn: return "NotIn";
  }
  return "?";
}

void quote(const std::string& s, std::string& out) {
  out += '"';
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (u < 0x20 || u == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", u);
      out += buf;
    } else {
      out += c;
    }
  }
  out += '"';
}

class Dumper {
 public:
  explicit Dumper(DumpOptions o) : opt_(o) {}
  std::string out;

  void head(const char* name, uint32_t line, uint32_t col, Context ctx = Context::Load) {
    out += '(';
    out += name;
    if (ctx == Context::Store) out += ":Store";
    if (ctx == Context::Del) out += ":Del";
    if (opt_.positions) out += "@" + std::to_string(line) + ":" + std::to_string(col);
  }
  void word(const std::string& w) {
    out += ' ';
    out += w;
  }
  void child(const Expr* e) {
    out += ' ';
    if (e) {
      expr(*e);
    } else {
      out += '_';
    }
  }
  void children(const ExprList& list) {
    for (const ExprPtr& e : list) child(e.get());
  }
  void line_tag(uint32_t line) {
    if (opt_.positions) out += "@" + std::to_string(line);
  }
  void keywords(const std::vector<Keyword>& kws) {
    for (const Keyword& k : kws) {
      out += ' ';
      if (k.arg.empty()) {
        out += "**";
      } else {
        out += k.arg;
      }
      line_tag(k.line);
      if (!k.arg.empty()) out += '=';
      expr(*k.value);
    }
  }
  void arg(const Arg& a) {
    out += a.name;
    line_tag(a.line);
  }
  void arguments(const Arguments& a) {
    out += " (args";
    size_t positional = a.posonlyargs.size() + a.args.size();
    size_t first_default = positional - a.defaults.size();
    size_t index = 0;
    auto positional_arg = [&](const Arg& x) {
      out += ' ';
      arg(x);
      if (index >= first_default) {
        out += '=';
        expr(*a.defaults[index - first_default]);
      }
      ++index;
    };
    for (const Arg& x : a.posonlyargs) positional_arg(x);
    if (!a.posonlyargs.empty()) out += " /";
    for (const Arg& x : a.args) positional_arg(x);
    if (a.vararg) {
      out += " *";
      arg(*a.vararg);
    } else if (!a.kwonlyargs.empty()) {
      out += " *";
    }
    for (size_t k = 0; k < a.kwonlyargs.size(); ++k) {
      out += ' ';
      arg(a.kwonlyargs[k]);
      if (k < a.kw_defaults.size() && a.kw_defaults[k]) {
        out += '=';
        expr(*a.kw_defaults[k]);
      }
    }
    if (a.kwarg) {
      out += " **";
      arg(*a.kwarg);
    }
    out += ')';
  }
  void generators(const std::vector<Comprehension>& gens) {
    for (const Comprehension& g : gens) {
      out += g.is_async ? " (async for" : " (for";
      child(g.target.get());
      out += " in";
      child(g.iter.get());
      for (const ExprPtr& c : g.ifs) {
        out += " if";
        child(c.get());
      }
      out += ')';
    }
  }

  void expr(const Expr& e) {
    switch (e.kind) {
      case ExprKind::Name: {
        const auto& n = static_cast<const Name&>(e);
        head("Name", e.line, e.col, n.ctx);
        word(n.id);
        break;
      }
      case ExprKind::Constant: {
        const auto& c = static_cast<const Constant&>(e);
        if (opt_.positions) {
          head("Constant", e.line, e.col);
          out += ' ';
        }
        switch (c.ckind) {
          case ConstantKind::None: out += "None"; break;
          case ConstantKind::True: out += "True"; break;
          case ConstantKind::False: out += "False"; break;
          case ConstantKind::Ellipsis: out += "..."; break;
          case ConstantKind::Int: out += c.s.empty() ? std::to_string(c.i) : c.s; break;
          case ConstantKind::Float: out += format_float(c.f); break;
          case ConstantKind::Str: quote(c.s, out); break;
          case ConstantKind::Bytes:
            out += 'b';
            quote(c.s, out);
            break;
        }
        if (opt_.positions) out += ')';
        return;
      }
      case ExprKind::JoinedStr:
        head("JoinedStr", e.line, e.col);
        children(static_cast<const JoinedStr&>(e).values);
        break;
      case ExprKind::FormattedValue: {
        const auto& f = static_cast<const FormattedValue&>(e);
        head("FormattedValue", e.line, e.col);
        child(f.value.get());
        if (f.conversion != -1) {
          out += " !";
          out += static_cast<char>(f.conversion);
        }
        if (f.format_spec) child(f.format_spec.get());
        break;
      }
      case ExprKind::BinOp: {
        const auto& b = static_cast<const BinOp&>(e);
        head("BinOp", e.line, e.col);
        child(b.left.get());
        word(binop_name(b.op));
        child(b.right.get());
        break;
      }
      case ExprKind::UnaryOp: {
        const auto& u = static_cast<const UnaryOp&>(e);
        head("UnaryOp", e.line, e.col);
        word(unaryop_name(u.op));
        child(u.operand.get());
        break;
      }
      case ExprKind::BoolOp: {
        const auto& b = static_cast<const BoolOp&>(e);
        head("BoolOp", e.line, e.col);
        word(b.op == BoolOpKind::And ? "And" : "Or");
        children(b.values);
        break;
      }
      case ExprKind::Compare: {
        const auto& c = static_cast<const Compare&>(e);
        head("Compare", e.line, e.col);
        child(c.left.get());
        for (size_t k = 0; k < c.ops.size(); ++k) {
          word(cmpop_name(c.ops[k]));
          child(c.comparators[k].get());
        }
        break;
      }
      case ExprKind::Call: {
        const auto& c = static_cast<const Call&>(e);
        head("Call", e.line, e.col);
        child(c.func.get());
        children(c.args);
        keywords(c.keywords);
        break;
      }
      case ExprKind::Attribute: {
        const auto& a = static_cast<const Attribute&>(e);
        head("Attribute", e.line, e.col, a.ctx);
        child(a.value.get());
        word(a.attr);
        break;
      }
      case ExprKind::Subscript: {
        const auto& s = static_cast<const Subscript&>(e);
        head("Subscript", e.line, e.col, s.ctx);
        child(s.value.get());
        child(s.slice.get());
        break;
      }
      case ExprKind::Slice: {
        const auto& s = static_cast<const Slice&>(e);
        head("Slice", e.line, e.col);
        child(s.lower.get());
        child(s.upper.get());
        child(s.step.get());
        break;
      }
      case ExprKind::List: {
        const auto& l = static_cast<const List&>(e);
        head("List", e.line, e.col, l.ctx);
        children(l.elts);
        break;
      }
      case ExprKind::Tuple: {
        const auto& t = static_cast<const Tuple&>(e);
        head("Tuple", e.line, e.col, t.ctx);
        children(t.elts);
        break;
      }
      case ExprKind::Dict: {
        const auto& d = static_cast<const Dict&>(e);
        head("Dict", e.line, e.col);
        for (size_t k = 0; k < d.keys.size(); ++k) {
          if (d.keys[k]) {
            child(d.keys[k].get());
          } else {
            out += " **";
          }
          child(d.values[k].get());
        }
        break;
      }
      case ExprKind::Set:
        head("Set", e.line, e.col);
        children(static_cast<const Set&>(e).elts);
        break;
      case ExprKind::ListComp: {
        const auto& c = static_cast<const ListComp&>(e);
        head("ListComp", e.line, e.col);
        child(c.elt.get());
        generators(c.generators);
        break;
      }
      case ExprKind::SetComp: {
        const auto& c = static_cast<const SetComp&>(e);
        head("SetComp", e.line, e.col);
        child(c.elt.get());
        generators(c.generators);
        break;
      }
      case ExprKind::GeneratorExp: {
        const auto& c = static_cast<const GeneratorExp&>(e);
        head("GeneratorExp", e.line, e.col);
        child(c.elt.get());
        generators(c.generators);
        break;
      }
      case ExprKind::DictComp: {
        const auto& c = static_cast<const DictComp&>(e);
        head("DictComp", e.line, e.col);
        child(c.key.get());
        child(c.value.get());
        generators(c.generators);
        break;
      }
      case ExprKind::Lambda: {
        const auto& l = static_cast<const Lambda&>(e);
        head("Lambda", e.line, e.col);
        arguments(l.args);
        child(l.body.get());
        break;
      }
      case ExprKind::IfExp: {
        const auto& i = static_cast<const IfExp&>(e);
        head("IfExp", e.line, e.col);
        child(i.test.get());
        child(i.body.get());
        child(i.orelse.get());
        break;
      }
      case ExprKind::Starred: {
        const auto& s = static_cast<const Starred&>(e);
        head("Starred", e.line, e.col, s.ctx);
        child(s.value.get());
        break;
      }
      case ExprKind::Await:
        head("Await", e.line, e.col);
        child(static_cast<const Await&>(e).value.get());
        break;
      case ExprKind::Yield: {
        const auto& y = static_cast<const Yield&>(e);
        head("Yield", e.line, e.col);
        if (y.value) child(y.value.get());
        break;
      }
      case ExprKind::YieldFrom:
        head("YieldFrom", e.line, e.col);
        child(static_cast<const YieldFrom&>(e).value.get());
        break;
      case ExprKind::NamedExpr: {
        const auto& n = static_cast<const NamedExpr&>(e);
        head("NamedExpr", e.line, e.col);
        child(n.target.get());
        child(n.value.get());
        break;
      }
    }
    out += ')';
  }

  // pattern renders a case pattern as (MatchKind ...), names as words, `_` as no name.
  void pattern(const Pattern& p) {
    static const char* const kNames[] = {"MatchValue", "MatchSingleton", "MatchSequence", "MatchMapping",
                                         "MatchClass", "MatchStar",      "MatchAs",       "MatchOr"};
    out += '(';
    out += kNames[static_cast<int>(p.kind)];
    switch (p.kind) {
      case PatternKind::MatchValue: child(p.value.get()); break;
      case PatternKind::MatchSingleton:
        word(p.singleton == ConstantKind::None ? "None" : p.singleton == ConstantKind::True ? "True" : "False");
        break;
      case PatternKind::MatchMapping:
        for (size_t i = 0; i < p.keys.size(); ++i) {
          child(p.keys[i].get());
          out += ' ';
          pattern(*p.patterns[i]);
        }
        if (!p.name.empty()) word("**" + p.name);
        break;
      case PatternKind::MatchClass:
        child(p.value.get());
        for (const auto& q : p.patterns) {
          out += ' ';
          pattern(*q);
        }
        for (size_t i = 0; i < p.kwd_attrs.size(); ++i) {
          word(p.kwd_attrs[i] + "=");
          pattern(*p.kwd_patterns[i]);
        }
        break;
      case PatternKind::MatchStar:
      case PatternKind::MatchAs:
        if (p.pattern) {
          out += ' ';
          pattern(*p.pattern);
        }
        if (!p.name.empty()) word(p.name);
        break;
      case PatternKind::MatchSequence:
      case PatternKind::MatchOr:
        for (const auto& q : p.patterns) {
          out += ' ';
          pattern(*q);
        }
        break;
    }
    out += ')';
  }

  void body(const Body& b) {
    out += " [";
    bool first = true;
    for (const StmtPtr& s : b) {
      if (!first) out += ' ';
      first = false;
      stmt(*s);
    }
    out += ']';
  }
  void decorators(const ExprList& d) {
    if (d.empty()) return;
    out += " (decorators";
    children(d);
    out += ')';
  }

  void stmt(const Stmt& s) {
    switch (s.kind) {
      case StmtKind::Expr:
        head("Expr", s.line, s.col);
        child(static_cast<const ExprStmt&>(s).value.get());
        break;
      case StmtKind::Assign: {
        const auto& a = static_cast<const Assign&>(s);
        head("Assign", s.line, s.col);
        out += " [";
        for (size_t k = 0; k < a.targets.size(); ++k) {
          if (k) out += ' ';
          expr(*a.targets[k]);
        }
        out += ']';
        child(a.value.get());
        break;
      }
      case StmtKind::AugAssign: {
        const auto& a = static_cast<const AugAssign&>(s);
        head("AugAssign", s.line, s.col);
        child(a.target.get());
        word(binop_name(a.op));
        child(a.value.get());
        break;
      }
      case StmtKind::AnnAssign: {
        const auto& a = static_cast<const AnnAssign&>(s);
        head("AnnAssign", s.line, s.col);
        child(a.target.get());
        if (a.value) child(a.value.get());
        break;
      }
      case StmtKind::FunctionDef:
      case StmtKind::AsyncFunctionDef: {
        const auto& f = static_cast<const FunctionDef&>(s);
        head(s.kind == StmtKind::FunctionDef ? "FunctionDef" : "AsyncFunctionDef", s.line, s.col);
        word(f.name);
        arguments(f.args);
        body(f.body);
        decorators(f.decorator_list);
        break;
      }
      case StmtKind::ClassDef: {
        const auto& c = static_cast<const ClassDef&>(s);
        head("ClassDef", s.line, s.col);
        word(c.name);
        if (!c.bases.empty() || !c.keywords.empty()) {
          out += " (bases";
          children(c.bases);
          keywords(c.keywords);
          out += ')';
        }
        body(c.body);
        decorators(c.decorator_list);
        break;
      }
      case StmtKind::Return: {
        const auto& r = static_cast<const Return&>(s);
        head("Return", s.line, s.col);
        if (r.value) child(r.value.get());
        break;
      }
      case StmtKind::If: {
        const auto& i = static_cast<const If&>(s);
        head("If", s.line, s.col);
        child(i.test.get());
        body(i.body);
        if (!i.orelse.empty()) body(i.orelse);
        break;
      }
      case StmtKind::While: {
        const auto& w = static_cast<const While&>(s);
        head("While", s.line, s.col);
        child(w.test.get());
        body(w.body);
        if (!w.orelse.empty()) body(w.orelse);
        break;
      }
      case StmtKind::For:
      case StmtKind::AsyncFor: {
        const auto& f = static_cast<const For&>(s);
        head(s.kind == StmtKind::For ? "For" : "AsyncFor", s.line, s.col);
        child(f.target.get());
        child(f.iter.get());
        body(f.body);
        if (!f.orelse.empty()) body(f.orelse);
        break;
      }
      case StmtKind::Break: head("Break", s.line, s.col); break;
      case StmtKind::Continue: head("Continue", s.line, s.col); break;
      case StmtKind::Pass: head("Pass", s.line, s.col); break;
      case StmtKind::Try: {
        const auto& t = static_cast<const Try&>(s);
        head(t.star ? "TryStar" : "Try", s.line, s.col);
        body(t.body);
        for (const ExceptHandler& h : t.handlers) {
          out += " (except";
          line_tag(h.line);
          if (h.type) child(h.type.get());
          if (!h.name.empty()) word("as " + h.name);
          body(h.body);
          out += ')';
        }
        if (!t.orelse.empty()) {
          out += " (else";
          body(t.orelse);
          out += ')';
        }
        if (!t.finalbody.empty()) {
          out += " (finally";
          body(t.finalbody);
          out += ')';
        }
        break;
      }
      case StmtKind::Match: {
        const auto& m = static_cast<const Match&>(s);
        head("Match", s.line, s.col);
        child(m.subject.get());
        for (const MatchCase& c : m.cases) {
          out += " (case";
          line_tag(c.line);
          out += ' ';
          pattern(*c.pattern);
          if (c.guard) {
            out += " (if";
            child(c.guard.get());
            out += ')';
          }
          body(c.body);
          out += ')';
        }
        break;
      }
      case StmtKind::Raise: {
        const auto& r = static_cast<const Raise&>(s);
        head("Raise", s.line, s.col);
        if (r.exc) child(r.exc.get());
        if (r.cause) {
          out += " from";
          child(r.cause.get());
        }
        break;
      }
      case StmtKind::With:
      case StmtKind::AsyncWith: {
        const auto& w = static_cast<const With&>(s);
        head(s.kind == StmtKind::With ? "With" : "AsyncWith", s.line, s.col);
        for (const WithItem& item : w.items) {
          out += " (item";
          child(item.context_expr.get());
          if (item.optional_vars) {
            out += " as";
            child(item.optional_vars.get());
          }
          out += ')';
        }
        body(w.body);
        break;
      }
      case StmtKind::Assert: {
        const auto& a = static_cast<const Assert&>(s);
        head("Assert", s.line, s.col);
        child(a.test.get());
        if (a.msg) child(a.msg.get());
        break;
      }
      case StmtKind::Delete:
        head("Delete", s.line, s.col);
        children(static_cast<const Delete&>(s).targets);
        break;
      case StmtKind::Global:
      case StmtKind::Nonlocal: {
        const auto& names =
            s.kind == StmtKind::Global ? static_cast<const Global&>(s).names : static_cast<const Nonlocal&>(s).names;
        head(s.kind == StmtKind::Global ? "Global" : "Nonlocal", s.line, s.col);
        for (const std::string& n : names) word(n);
        break;
      }
      case StmtKind::Import:
      case StmtKind::ImportFrom: {
        const std::vector<Alias>* names;
        if (s.kind == StmtKind::Import) {
          head("Import", s.line, s.col);
          names = &static_cast<const Import&>(s).names;
        } else {
          const auto& f = static_cast<const ImportFrom&>(s);
          head("ImportFrom", s.line, s.col);
          word(f.module);
          if (f.level) word("level=" + std::to_string(f.level));
          names = &f.names;
        }
        for (const Alias& a : *names) {
          word(a.name);
          line_tag(a.line);
          if (!a.asname.empty()) word("as " + a.asname);
        }
        break;
      }
    }
    out += ')';
  }

 private:
  DumpOptions opt_;
};

}  // namespace

std::string format_float(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value < 0 ? "-inf" : "inf";
  char buf[64];
  // The shortest digit string that reads back as the same double.
  int precision = 1;
  for (; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*e", precision - 1, value);
    if (std::strtod(buf, nullptr) == value) break;
  }
  std::string sci = buf;
  bool negative = sci[0] == '-';
  if (negative) sci.erase(0, 1);
  size_t e_pos = sci.find('e');
  int exponent = std::atoi(sci.c_str() + e_pos + 1);
  std::string digits;
  for (size_t k = 0; k < e_pos; ++k) {
    if (sci[k] != '.') digits += sci[k];
  }
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  std::string out = negative ? "-" : "";
  if (exponent >= -4 && exponent < 16) {
    if (exponent < 0) {
      out += "0." + std::string(static_cast<size_t>(-exponent - 1), '0') + digits;
    } else if (static_cast<size_t>(exponent) + 1 >= digits.size()) {
      out += digits + std::string(static_cast<size_t>(exponent) + 1 - digits.size(), '0') + ".0";
    } else {
      out +=
          digits.substr(0, static_cast<size_t>(exponent) + 1) + "." + digits.substr(static_cast<size_t>(exponent) + 1);
    }
    return out;
  }
  out += digits.substr(0, 1);
  if (digits.size() > 1) out += "." + digits.substr(1);
  char exp_buf[16];
  std::snprintf(exp_buf, sizeof exp_buf, "e%c%02d", exponent < 0 ? '-' : '+', exponent < 0 ? -exponent : exponent);
  out += exp_buf;
  return out;
}

std::string dump(const Expr& expr, DumpOptions options) {
  Dumper d(options);
  d.expr(expr);
  return d.out;
}

std::string dump(const Stmt& stmt, DumpOptions options) {
  Dumper d(options);
  d.stmt(stmt);
  return d.out;
}

std::string dump(const Module& module, DumpOptions options) {
  std::string out;
  for (const StmtPtr& s : module.body) {
    if (!out.empty()) out += '\n';
    out += dump(*s, options);
  }
  return out;
}

}  // namespace interleave::ast
