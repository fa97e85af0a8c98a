#pragma once
// dump renders a syntax tree as compact s-expressions, for tests and debugging:
// `x = f(1)` is `(Assign [(Name:Store x)] (Call (Name f) 1))`. Load contexts are
// implied; Store/Del are written after the node name. With positions, every node
// name carries `@line:col`.
#include <string>

#include "lang/ast.h"

namespace interleave::ast {

struct DumpOptions {
  bool positions = false;
};

// dump of a module puts one top-level statement per line.
std::string dump(const Module& module, DumpOptions options = {});
std::string dump(const Stmt& stmt, DumpOptions options = {});
std::string dump(const Expr& expr, DumpOptions options = {});
// format_float spells a double the way Python's repr() does ("1.0", "1e+16", "inf").
std::string format_float(double value);

}  // namespace interleave::ast
