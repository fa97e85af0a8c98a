#pragma once
// JSON text as JavaScript's JSON.stringify writes it, so the native CLI's --json and --trace
// output is byte for byte the wasm CLI's (web/cli/main.ts).
#include <string>
#include <string_view>

namespace interleave::cli {

// json_string appends text quoted and escaped exactly as JSON.stringify does.
void json_string(std::string& out, std::string_view text);

// json_number appends a double as JavaScript's Number#toString does (shortest round trip);
// NaN and infinities are null, as in JSON.stringify.
void json_number(std::string& out, double v);

}  // namespace interleave::cli
