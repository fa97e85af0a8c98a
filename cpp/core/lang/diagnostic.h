#pragma once
// CompileError is what the lexer, parser and compiler report instead of throwing: the
// first error stops compilation, and the Simulation turns it into an ErrorInfo.
#include <cstdint>
#include <string>

namespace interleave {

struct CompileError {
  std::string type = "SyntaxError";  // SyntaxError, IndentationError, ModuleNotFoundError, OverflowError
  std::string message;               // "'match' statements are not supported"
  uint32_t line = 0;
  uint32_t col = 0;
};

}  // namespace interleave
