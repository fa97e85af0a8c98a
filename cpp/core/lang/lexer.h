#pragma once
// The lexer turns source text into the token stream the parser reads, following
// CPython 3.11's tokenizer: the indent stack, implicit line joining inside brackets,
// backslash continuations, and CPython's wording for every error it reports.
#include <optional>
#include <string_view>
#include <vector>

#include "lang/diagnostic.h"
#include "lang/token.h"

namespace interleave {

// LexErrorKind says how a lexer error competes with a parser error found earlier in
// the file, mirroring when CPython's tokenizer error replaces the parser's.
enum class LexErrorKind : uint8_t {
  None,
  // Hard: an error CPython raises as soon as it tokenizes that far (bad string or
  // number, unmatched bracket); it wins over any syntax error earlier in the file.
  Hard,
  // Deferred: reported only if the parser reaches it (TabError, bad dedent, a stray
  // backslash), as CPython's tokenizer signals these through the parser.
  Deferred,
  // UnclosedBracket: end of file inside brackets ("'(' was never closed"); wins over a
  // parser error located after the bracket's line.
  UnclosedBracket,
};

// LexOptions lets the parser lex an f-string's replacement field in place: positions
// continue from where the field starts, and the text is read as if inside brackets.
struct LexOptions {
  uint32_t first_line = 1;
  uint32_t first_col = 0;
  bool inside_brackets = false;
};

// LexResult: on error, tokens end with a LexError token at the error position.
struct LexResult {
  std::vector<Token> tokens;
  std::optional<CompileError> error;
  LexErrorKind error_kind = LexErrorKind::None;
};

LexResult tokenize(std::string_view source, const LexOptions& options = {});

// decode_utf8 reads one code point at s[i], advancing i; returns -1 on malformed input.
int32_t decode_utf8(std::string_view s, size_t& i);
// encode_utf8 appends code point cp (surrogates included, as CPython's "surrogatepass").
void encode_utf8(uint32_t cp, std::string& out);
// is_identifier_char approximates Unicode XID_Continue for code points >= 0x80.
bool is_identifier_char(uint32_t cp);

}  // namespace interleave
