#pragma once
// compile() turns a parsed module into a Program: a symbol-table pass resolves every
// name to a local, cell, free or global slot, then code generation emits bytecode.
#include <memory>
#include <optional>
#include <string_view>

#include "lang/ast.h"
#include "lang/bytecode.h"
#include "lang/diagnostic.h"

namespace interleave {

struct CompileResult {
  std::unique_ptr<Program> program;  // null when error is set
  std::optional<CompileError> error;
};

CompileResult compile(const ast::Module& module, std::string_view filename = "main.py");

}  // namespace interleave
