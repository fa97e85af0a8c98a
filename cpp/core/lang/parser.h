#pragma once
// The parser turns Python source into the ast.h tree: hand-written recursive descent
// over the lexer's token vector, following CPython 3.11's grammar and error messages.
// It never throws and never overflows the stack: nesting is capped, and trees it
// returns are at most kMaxExprHeight levels deep per statement expression.
#include <memory>
#include <optional>
#include <string_view>

#include "lang/ast.h"
#include "lang/diagnostic.h"

namespace interleave {

// kMaxExprHeight bounds the depth of any expression tree the parser returns, so
// recursive passes over it (compiler, destructors) have a known stack need.
constexpr uint32_t kMaxExprHeight = 1000;
// kMaxStmtDepth bounds statement nesting (blocks plus `elif` chains, which nest Ifs).
constexpr uint32_t kMaxStmtDepth = 1000;

struct ParseResult {
  std::unique_ptr<ast::Module> module;  // null when error is set
  std::optional<CompileError> error;
};

// parse never crashes and never throws; the first error (in CPython's order) wins.
ParseResult parse(std::string_view source);

}  // namespace interleave
