#pragma once
// Source decoding reads a program's bytes as CPython 3.11 reads a file: UTF-8 unless a
// PEP 263 coding declaration in the first two lines says otherwise, a UTF-8 byte order
// mark skipped, and anything that does not decode refused with CPython's SyntaxError, so
// no invalid text reaches the lexer, the output or the JSON report.
#include <optional>
#include <string>
#include <string_view>

#include "lang/diagnostic.h"

namespace interleave {

// decode_source writes the program's text as UTF-8 to `out`, or returns the error.
// `filename` appears in the message, as in CPython's ("... in file main.py on line 2 ...").
std::optional<CompileError> decode_source(std::string_view raw, std::string_view filename, std::string& out);

}  // namespace interleave
