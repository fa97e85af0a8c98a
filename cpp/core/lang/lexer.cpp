#include "lang/lexer.h"

#include <cstdio>
#include <string>

namespace interleave {

namespace {

// kMaxIndent mirrors CPython's MAXINDENT: deeper blocks are an IndentationError.
constexpr size_t kMaxIndent = 100;
// kMaxBrackets mirrors CPython's MAXLEVEL for nested (), [] and {}.
constexpr size_t kMaxBrackets = 200;
constexpr uint32_t kTabSize = 8;

struct Keyword {
  std::string_view text;
  TokenType type;
};

constexpr Keyword kKeywords[] = {
    {"False", TokenType::KwFalse},
    {"None", TokenType::KwNone},
    {"True", TokenType::KwTrue},
    {"and", TokenType::KwAnd},
    {"as", TokenType::KwAs},
    {"assert", TokenType::KwAssert},
    {"async", TokenType::KwAsync},
    {"await", TokenType::KwAwait},
    {"break", TokenType::KwBreak},
    {"class", TokenType::KwClass},
    {"continue", TokenType::KwContinue},
    {"def", TokenType::KwDef},
    {"del", TokenType::KwDel},
    {"elif", TokenType::KwElif},
    {"else", TokenType::KwElse},
    {"except", TokenType::KwExcept},
    {"finally", TokenType::KwFinally},
    {"for", TokenType::KwFor},
    {"from", TokenType::KwFrom},
    {"global", TokenType::KwGlobal},
    {"if", TokenType::KwIf},
    {"import", TokenType::KwImport},
    {"in", TokenType::KwIn},
    {"is", TokenType::KwIs},
    {"lambda", TokenType::KwLambda},
    {"nonlocal", TokenType::KwNonlocal},
    {"not", TokenType::KwNot},
    {"or", TokenType::KwOr},
    {"pass", TokenType::KwPass},
    {"raise", TokenType::KwRaise},
    {"return", TokenType::KwReturn},
    {"try", TokenType::KwTry},
    {"while", TokenType::KwWhile},
    {"with", TokenType::KwWith},
    {"yield", TokenType::KwYield},
};

TokenType keyword_type(std::string_view word) {
  for (const Keyword& k : kKeywords) {
    if (k.text == word) return k.type;
  }
  return TokenType::Name;
}

bool is_ascii_ident_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex_digit(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_potential_ident_char(char c) {
  return is_ascii_ident_start(c) || is_digit(c) || static_cast<unsigned char>(c) >= 0x80;
}

// is_printable approximates Python's str.isprintable for the characters that can
// reach an "invalid character" error.
bool is_printable(uint32_t cp) {
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0xa0) || cp == 0xad) return false;
  if ((cp >= 0x2000 && cp <= 0x200f) || (cp >= 0x2028 && cp <= 0x202f)) return false;
  if ((cp >= 0x205f && cp <= 0x206f) || cp == 0x3000 || cp == 0xfeff) return false;
  if (cp >= 0xd800 && cp <= 0xdfff) return false;
  if ((cp >= 0xe000 && cp <= 0xf8ff) || cp >= 0xf0000) return false;
  return true;
}

std::string hex4(uint32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(cp));
  return buf;
}

class Lexer {
 public:
  Lexer(std::string_view src, const LexOptions& opt)
      : src_(src),
        line_(opt.first_line),
        line_start_(-static_cast<int64_t>(opt.first_col)),
        fstring_(opt.inside_brackets) {}

  LexResult run() {
    while (step()) {
    }
    return std::move(result_);
  }

 private:
  std::string_view src_;
  size_t i_ = 0;
  uint32_t line_;
  int64_t line_start_;  // offset of the current line's first byte (negative: column base)
  bool fstring_;
  bool at_line_start_ = true;
  std::vector<uint32_t> indents_{0};
  std::vector<uint32_t> alt_indents_{0};
  struct Bracket {
    char ch;
    uint32_t line, col;
  };
  std::vector<Bracket> brackets_;
  LexResult result_;

  uint32_t col_at(size_t pos) const { return static_cast<uint32_t>(static_cast<int64_t>(pos) - line_start_); }
  char peek(size_t ahead = 0) const { return i_ + ahead < src_.size() ? src_[i_ + ahead] : '\0'; }
  bool at_end(size_t ahead = 0) const { return i_ + ahead >= src_.size(); }
  uint16_t level() const { return static_cast<uint16_t>(brackets_.size() + (fstring_ ? 1 : 0)); }

  // newline_len: 1 or 2 if a line break starts at pos, else 0.
  size_t newline_len(size_t pos) const {
    if (pos >= src_.size()) return 0;
    if (src_[pos] == '\n') return 1;
    if (src_[pos] == '\r') return (pos + 1 < src_.size() && src_[pos + 1] == '\n') ? 2 : 1;
    return 0;
  }
  void new_line(size_t next_line_start) {
    ++line_;
    line_start_ = static_cast<int64_t>(next_line_start);
  }

  void emit(TokenType type, size_t start, size_t end, uint32_t line, uint32_t col) {
    Token t;
    t.type = type;
    t.level = level();
    t.text = src_.substr(start, end - start);
    t.line = line;
    t.col = col;
    t.end_line = line_;
    t.end_col = col_at(end);
    result_.tokens.push_back(t);
  }
  void emit_here(TokenType type, size_t len) {
    emit(type, i_, i_ + len, line_, col_at(i_));
    i_ += len;
  }

  bool fail(LexErrorKind kind, std::string type, std::string message, uint32_t line, uint32_t col) {
    CompileError e;
    e.type = std::move(type);
    e.message = std::move(message);
    e.line = line;
    e.col = col;
    result_.error = std::move(e);
    result_.error_kind = kind;
    Token t;
    t.type = TokenType::LexError;
    t.level = level();
    t.line = line_;
    t.col = col_at(i_ < src_.size() ? i_ : src_.size());
    t.end_line = t.line;
    t.end_col = t.col;
    result_.tokens.push_back(t);
    return false;
  }
  bool syntax_error(std::string message, uint32_t line, uint32_t col) {
    return fail(LexErrorKind::Hard, "SyntaxError", std::move(message), line, col);
  }
  bool deferred_error(std::string message, uint32_t line, uint32_t col) {
    return fail(LexErrorKind::Deferred, "SyntaxError", std::move(message), line, col);
  }

  bool last_is_line_end() const {
    if (result_.tokens.empty()) return true;
    TokenType t = result_.tokens.back().type;
    return t == TokenType::Newline || t == TokenType::Indent || t == TokenType::Dedent;
  }

  // step lexes one token (or one line start); false once finished or failed.
  bool step() {
    if (at_line_start_ && !fstring_) {
      if (!line_start()) return false;
      if (at_line_start_) return true;  // a blank line was skipped
    }
    while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\f')) ++i_;
    if (at_end()) return finish();
    char c = peek();
    if (c == '#') {
      while (!at_end() && !newline_len(i_)) ++i_;
      return true;
    }
    if (size_t n = newline_len(i_)) {
      if (brackets_.empty() && !fstring_) {
        emit(TokenType::Newline, i_, i_ + n, line_, col_at(i_));
        at_line_start_ = true;
      }
      new_line(i_ + n);
      i_ += n;
      return true;
    }
    if (c == '\\') {
      size_t n = newline_len(i_ + 1);
      if (n) {
        uint32_t backslash_line = line_, backslash_col = col_at(i_);
        new_line(i_ + 1 + n);
        i_ += 1 + n;
        if (at_end()) return deferred_error("unexpected EOF while parsing", backslash_line, backslash_col);
        return true;
      }
      if (at_end(1)) return deferred_error("unexpected EOF while parsing", line_, col_at(i_));
      return deferred_error("unexpected character after line continuation character", line_, col_at(i_) + 1);
    }
    if (is_ascii_ident_start(c) || static_cast<unsigned char>(c) >= 0x80) return name_or_string();
    if (is_digit(c) || (c == '.' && is_digit(peek(1)))) return number();
    if (c == '\'' || c == '"') return string(i_);
    return op();
  }

  // line_start measures indentation and emits INDENT/DEDENT, or skips a blank line.
  bool line_start() {
    uint32_t col = 0, alt = 0;
    bool continued = false;  // a backslash continuation fixes the indentation, as in CPython
    uint32_t continued_col = 0;
    size_t p = i_;
    while (p < src_.size()) {
      char c = src_[p];
      if (c == '\\' && newline_len(p + 1)) {
        if (!continued) continued_col = col;
        continued = true;
        uint32_t backslash_line = line_, backslash_col = col_at(p);
        size_t n = newline_len(p + 1);
        new_line(p + 1 + n);
        p += 1 + n;
        if (p >= src_.size()) {
          i_ = p;
          return deferred_error("unexpected EOF while parsing", backslash_line, backslash_col);
        }
        continue;
      }
      if (c == ' ') {
        ++col;
        ++alt;
      } else if (c == '\t') {
        col = (col / kTabSize + 1) * kTabSize;
        ++alt;
      } else if (c == '\f') {
        col = alt = 0;
      } else {
        break;
      }
      ++p;
    }
    i_ = p;
    if (p >= src_.size()) {
      if (!brackets_.empty()) return true;
      at_line_start_ = false;
      return true;  // finish() emits the dedents
    }
    char c = src_[p];
    if (c == '\\' && !newline_len(p + 1)) {
      i_ = p;
      return deferred_error("unexpected character after line continuation character", line_, col_at(p) + 1);
    }
    if (c == '#' || newline_len(p)) {
      while (i_ < src_.size() && !newline_len(i_)) ++i_;
      size_t n = newline_len(i_);
      if (n) {
        new_line(i_ + n);
        i_ += n;
      }
      return true;  // stays at line start
    }
    at_line_start_ = false;
    // CPython takes the column of the first backslash, unless it is column 0.
    if (continued && continued_col != 0) col = alt = continued_col;
    uint32_t top = indents_.back(), alt_top = alt_indents_.back();
    if (col == top) {
      if (alt != alt_top) return tab_error();
    } else if (col > top) {
      if (indents_.size() >= kMaxIndent) {
        return fail(LexErrorKind::Deferred, "IndentationError", "too many levels of indentation", line_, 0);
      }
      if (alt <= alt_top) return tab_error();
      indents_.push_back(col);
      alt_indents_.push_back(alt);
      emit(TokenType::Indent, static_cast<size_t>(line_start_ < 0 ? 0 : line_start_), i_, line_, 0);
    } else {
      // Check the target level before emitting anything, as CPython does.
      size_t keep = indents_.size();
      while (keep > 1 && col < indents_[keep - 1]) --keep;
      if (col != indents_[keep - 1]) {
        return fail(LexErrorKind::Deferred, "IndentationError", "unindent does not match any outer indentation level",
                    line_, col_at(i_));
      }
      if (alt != alt_indents_[keep - 1]) return tab_error();
      while (indents_.size() > keep) {
        indents_.pop_back();
        alt_indents_.pop_back();
        emit(TokenType::Dedent, i_, i_, line_, col_at(i_));
      }
    }
    return true;
  }

  bool tab_error() {
    return fail(LexErrorKind::Deferred, "TabError", "inconsistent use of tabs and spaces in indentation", line_, 0);
  }

  bool finish() {
    if (!brackets_.empty()) {
      const Bracket& b = brackets_.back();
      return fail(LexErrorKind::UnclosedBracket, "SyntaxError", std::string("'") + b.ch + "' was never closed", b.line,
                  b.col);
    }
    if (!fstring_) {
      if (!last_is_line_end()) emit(TokenType::Newline, i_, i_, line_, col_at(i_));
      // CPython reports errors at end of file on the last line, after its text.
      if (!src_.empty() && static_cast<int64_t>(src_.size()) == line_start_) {
        size_t end = src_.size() - 1;
        if (end > 0 && src_[end] == '\n' && src_[end - 1] == '\r') --end;
        size_t start = end;
        while (start > 0 && src_[start - 1] != '\n' && src_[start - 1] != '\r') --start;
        --line_;
        line_start_ = static_cast<int64_t>(start);
        i_ = end;
      }
      while (indents_.size() > 1) {
        indents_.pop_back();
        emit(TokenType::Dedent, i_, i_, line_, col_at(i_));
      }
    }
    emit(TokenType::EndMarker, i_, i_, line_, col_at(i_));
    return false;
  }

  bool name_or_string() {
    size_t start = i_;
    uint32_t col = col_at(start);
    size_t p = i_;
    while (p < src_.size() && is_potential_ident_char(src_[p])) ++p;
    std::string_view word = src_.substr(start, p - start);
    if (p < src_.size() && (src_[p] == '\'' || src_[p] == '"') && word.size() <= 2) {
      bool saw_r = false, saw_b = false, saw_u = false, saw_f = false, ok = true;
      for (char ch : word) {
        char l = static_cast<char>(ch | 0x20);
        bool* flag = l == 'r' ? &saw_r : l == 'b' ? &saw_b : l == 'u' ? &saw_u : l == 'f' ? &saw_f : nullptr;
        if (!flag || *flag) {
          ok = false;
          break;
        }
        *flag = true;
      }
      if (ok && (word.size() == 1 || !saw_u) && !(saw_b && saw_f)) return string(start);
    }
    for (size_t q = start; q < p;) {
      if (static_cast<unsigned char>(src_[q]) < 0x80) {
        ++q;
        continue;
      }
      size_t at = q;
      int32_t cp = decode_utf8(src_, q);
      if (cp < 0) {
        char buf[80];
        std::snprintf(buf, sizeof buf, "invalid UTF-8 byte 0x%02x in source",
                      static_cast<unsigned>(static_cast<unsigned char>(src_[at])));
        i_ = at;
        return syntax_error(buf, line_, col_at(at));
      }
      if (!is_identifier_char(static_cast<uint32_t>(cp)) || (at == start && cp >= 0x300 && cp <= 0x36f)) {
        i_ = at;
        return invalid_character(static_cast<uint32_t>(cp), at);
      }
    }
    i_ = p;
    emit(keyword_type(word), start, p, line_, col);
    return true;
  }

  bool invalid_character(uint32_t cp, size_t at) {
    std::string msg;
    if (is_printable(cp)) {
      msg = "invalid character '";
      encode_utf8(cp, msg);
      msg += "' (U+" + hex4(cp) + ")";
    } else {
      msg = "invalid non-printable character U+" + hex4(cp);
    }
    return syntax_error(msg, line_, col_at(at));
  }

  // decimal_tail consumes digits with single underscores between them.
  bool decimal_tail(size_t& p) {
    while (true) {
      while (p < src_.size() && is_digit(src_[p])) ++p;
      if (p >= src_.size() || src_[p] != '_') return true;
      ++p;
      if (p >= src_.size() || !is_digit(src_[p])) {
        i_ = p;
        return syntax_error("invalid decimal literal", line_, col_at(p - 1));
      }
    }
  }

  // lookahead: the keyword's remaining letters follow at p, and the keyword ends there.
  bool lookahead(size_t p, std::string_view rest) const {
    if (src_.substr(p, rest.size()) != rest) return false;
    size_t end = p + rest.size();
    return end >= src_.size() || !is_potential_ident_char(src_[end]);
  }

  // verify_end_of_number rejects `1abc` like CPython, but lets `1if x else y` through.
  bool verify_end(size_t p, const char* kind) {
    char c = p < src_.size() ? src_[p] : '\0';
    bool keyword_follows = false;
    switch (c) {
      case 'a': keyword_follows = lookahead(p + 1, "nd"); break;
      case 'e': keyword_follows = lookahead(p + 1, "lse"); break;
      case 'f': keyword_follows = lookahead(p + 1, "or"); break;
      case 'o': keyword_follows = lookahead(p + 1, "r"); break;
      case 'n': keyword_follows = lookahead(p + 1, "ot"); break;
      case 'i': {
        char c2 = p + 1 < src_.size() ? src_[p + 1] : '\0';
        keyword_follows = c2 == 'f' || c2 == 'n' || c2 == 's';
        break;
      }
      default: break;
    }
    if (!keyword_follows && p < src_.size() && is_potential_ident_char(c)) {
      i_ = p;
      return syntax_error(std::string("invalid ") + kind + " literal", line_, col_at(p));
    }
    return true;
  }

  bool radix_number(size_t start, size_t p, bool (*is_ok)(char), const char* kind, bool report_digit) {
    do {
      if (p < src_.size() && src_[p] == '_') ++p;
      if (p >= src_.size() || !is_ok(src_[p])) {
        i_ = p;
        if (report_digit && p < src_.size() && is_digit(src_[p])) {
          return syntax_error(std::string("invalid digit '") + src_[p] + "' in " + kind + " literal", line_, col_at(p));
        }
        return syntax_error(std::string("invalid ") + kind + " literal", line_, col_at(p));
      }
      while (p < src_.size() && is_ok(src_[p])) ++p;
    } while (p < src_.size() && src_[p] == '_');
    if (report_digit && p < src_.size() && is_digit(src_[p])) {
      i_ = p;
      return syntax_error(std::string("invalid digit '") + src_[p] + "' in " + kind + " literal", line_, col_at(p));
    }
    if (!verify_end(p, kind)) return false;
    i_ = start;
    emit_number(start, p);
    return true;
  }

  void emit_number(size_t start, size_t end) {
    emit(TokenType::Number, start, end, line_, col_at(start));
    i_ = end;
  }

  bool number() {
    size_t start = i_;
    size_t p = i_;
    if (src_[p] == '0' && p + 1 < src_.size()) {
      char x = static_cast<char>(src_[p + 1] | 0x20);
      if (x == 'x') return radix_number(start, p + 2, is_hex_digit, "hexadecimal", false);
      if (x == 'o')
        return radix_number(
            start, p + 2, [](char c) { return c >= '0' && c <= '7'; }, "octal", true);
      if (x == 'b')
        return radix_number(
            start, p + 2, [](char c) { return c == '0' || c == '1'; }, "binary", true);
    }
    bool fraction = false;
    if (src_[p] == '0') {
      // Leading zeros are only legal for zero itself or a float.
      while (p < src_.size() && src_[p] == '0') {
        ++p;
        if (p < src_.size() && src_[p] == '_') {
          ++p;
          if (p >= src_.size() || !is_digit(src_[p])) {
            i_ = p;
            return syntax_error("invalid decimal literal", line_, col_at(p - 1));
          }
        }
      }
      size_t zeros_end = p;
      bool nonzero = false;
      if (p < src_.size() && is_digit(src_[p])) {
        nonzero = true;
        if (!decimal_tail(p)) return false;
      }
      char c = p < src_.size() ? src_[p] : '\0';
      if (c == '.') {
        fraction = true;
      } else if (c == 'e' || c == 'E' || c == 'j' || c == 'J') {
        // a float or imaginary literal: handled below
      } else if (nonzero) {
        i_ = zeros_end;
        return syntax_error(
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", line_,
            col_at(start));
      } else {
        if (!verify_end(p, "decimal")) return false;
        emit_number(start, p);
        return true;
      }
    } else if (src_[p] != '.') {
      if (!decimal_tail(p)) return false;
      char c = p < src_.size() ? src_[p] : '\0';
      if (c == '.') fraction = true;
    } else {
      fraction = true;
    }
    if (fraction) {
      ++p;  // the '.'
      if (p < src_.size() && is_digit(src_[p]) && !decimal_tail(p)) return false;
    }
    char c = p < src_.size() ? src_[p] : '\0';
    if (c == 'e' || c == 'E') {
      size_t e = p;
      ++p;
      char s = p < src_.size() ? src_[p] : '\0';
      if (s == '+' || s == '-') {
        ++p;
        if (p >= src_.size() || !is_digit(src_[p])) {
          i_ = p;
          return syntax_error("invalid decimal literal", line_, col_at(p));
        }
      } else if (!is_digit(s)) {
        if (!verify_end(e, "decimal")) return false;
        emit_number(start, e);
        return true;
      }
      if (!decimal_tail(p)) return false;
      c = p < src_.size() ? src_[p] : '\0';
    }
    if (c == 'j' || c == 'J') {
      ++p;
      if (!verify_end(p, "imaginary")) return false;
    } else if (!verify_end(p, "decimal")) {
      return false;
    }
    emit_number(start, p);
    return true;
  }

  // string scans a literal starting at `start` (its prefix, if any, begins there).
  bool string(size_t start) {
    uint32_t start_line = line_;
    uint32_t start_col = col_at(start);
    int64_t start_line_start = line_start_;
    size_t p = i_;
    while (src_[p] != '\'' && src_[p] != '"') ++p;
    char q = src_[p];
    bool triple = p + 2 < src_.size() && src_[p + 1] == q && src_[p + 2] == q;
    p += triple ? 3 : 1;
    while (true) {
      if (p >= src_.size()) {
        i_ = p;
        if (triple) {
          // CPython names the line holding the last character of the file.
          uint32_t last_line = static_cast<int64_t>(src_.size()) == line_start_ ? line_ - 1 : line_;
          line_ = start_line;
          line_start_ = start_line_start;
          return syntax_error(
              "unterminated triple-quoted string literal (detected at line " + std::to_string(last_line) + ")",
              start_line, start_col);
        }
        uint32_t detected = line_;
        line_ = start_line;
        line_start_ = start_line_start;
        return syntax_error("unterminated string literal (detected at line " + std::to_string(detected) + ")",
                            start_line, start_col);
      }
      char c = src_[p];
      if (c == q) {
        if (!triple) {
          ++p;
          break;
        }
        if (p + 2 < src_.size() && src_[p + 1] == q && src_[p + 2] == q) {
          p += 3;
          break;
        }
        ++p;
        continue;
      }
      if (c == '\\') {
        ++p;
        if (size_t n = newline_len(p)) {
          new_line(p + n);
          p += n;
        } else if (p < src_.size()) {
          ++p;
        }
        continue;
      }
      if (size_t n = newline_len(p)) {
        if (!triple) {
          uint32_t detected = line_;
          i_ = p;
          line_ = start_line;
          line_start_ = start_line_start;
          return syntax_error("unterminated string literal (detected at line " + std::to_string(detected) + ")",
                              start_line, start_col);
        }
        new_line(p + n);
        p += n;
        continue;
      }
      ++p;
    }
    Token t;
    t.type = TokenType::String;
    t.level = level();
    t.text = src_.substr(start, p - start);
    t.line = start_line;
    t.col = start_col;
    t.end_line = line_;
    t.end_col = col_at(p);
    result_.tokens.push_back(t);
    i_ = p;
    return true;
  }

  bool open_bracket(char c, TokenType type) {
    if (brackets_.size() >= kMaxBrackets) {
      return syntax_error("too many nested parentheses", line_, col_at(i_));
    }
    brackets_.push_back({c, line_, col_at(i_)});
    emit_here(type, 1);
    return true;
  }

  bool close_bracket(char c, TokenType type) {
    if (brackets_.empty()) {
      return syntax_error(std::string("unmatched '") + c + "'", line_, col_at(i_));
    }
    Bracket b = brackets_.back();
    char want = b.ch == '(' ? ')' : b.ch == '[' ? ']' : '}';
    if (c != want) {
      std::string msg =
          std::string("closing parenthesis '") + c + "' does not match opening parenthesis '" + b.ch + "'";
      if (b.line != line_) msg += " on line " + std::to_string(b.line);
      return syntax_error(msg, line_, col_at(i_));
    }
    brackets_.pop_back();
    emit_here(type, 1);
    return true;
  }

  bool op() {
    char c = peek(), c1 = peek(1), c2 = peek(2);
    auto three = [&](char a, char b, char d) { return c == a && c1 == b && c2 == d; };
    if (three('*', '*', '=')) return emit_here(TokenType::DoubleStarEqual, 3), true;
    if (three('/', '/', '=')) return emit_here(TokenType::DoubleSlashEqual, 3), true;
    if (three('>', '>', '=')) return emit_here(TokenType::RightShiftEqual, 3), true;
    if (three('<', '<', '=')) return emit_here(TokenType::LeftShiftEqual, 3), true;
    if (three('.', '.', '.')) return emit_here(TokenType::Ellipsis, 3), true;
    TokenType two = TokenType::EndMarker;
    switch (c) {
      case '!':
        if (c1 == '=') two = TokenType::NotEqual;
        break;
      case '%':
        if (c1 == '=') two = TokenType::PercentEqual;
        break;
      case '&':
        if (c1 == '=') two = TokenType::AmperEqual;
        break;
      case '*':
        if (c1 == '*') two = TokenType::DoubleStar;
        else if (c1 == '=') two = TokenType::StarEqual;
        break;
      case '+':
        if (c1 == '=') two = TokenType::PlusEqual;
        break;
      case '-':
        if (c1 == '=') two = TokenType::MinusEqual;
        else if (c1 == '>') two = TokenType::RArrow;
        break;
      case '/':
        if (c1 == '/') two = TokenType::DoubleSlash;
        else if (c1 == '=') two = TokenType::SlashEqual;
        break;
      case ':':
        if (c1 == '=') two = TokenType::ColonEqual;
        break;
      case '<':
        if (c1 == '<') two = TokenType::LeftShift;
        else if (c1 == '=') two = TokenType::LessEqual;
        break;
      case '=':
        if (c1 == '=') two = TokenType::EqEqual;
        break;
      case '>':
        if (c1 == '>') two = TokenType::RightShift;
        else if (c1 == '=') two = TokenType::GreaterEqual;
        break;
      case '@':
        if (c1 == '=') two = TokenType::AtEqual;
        break;
      case '^':
        if (c1 == '=') two = TokenType::CircumflexEqual;
        break;
      case '|':
        if (c1 == '=') two = TokenType::VBarEqual;
        break;
      default: break;
    }
    if (two != TokenType::EndMarker) return emit_here(two, 2), true;
    switch (c) {
      case '(': return open_bracket(c, TokenType::LParen);
      case '[': return open_bracket(c, TokenType::LSquare);
      case '{': return open_bracket(c, TokenType::LBrace);
      case ')': return close_bracket(c, TokenType::RParen);
      case ']': return close_bracket(c, TokenType::RSquare);
      case '}': return close_bracket(c, TokenType::RBrace);
      case ':': return emit_here(TokenType::Colon, 1), true;
      case ',': return emit_here(TokenType::Comma, 1), true;
      case ';': return emit_here(TokenType::Semi, 1), true;
      case '.': return emit_here(TokenType::Dot, 1), true;
      case '@': return emit_here(TokenType::At, 1), true;
      case '=': return emit_here(TokenType::Equal, 1), true;
      case '+': return emit_here(TokenType::Plus, 1), true;
      case '-': return emit_here(TokenType::Minus, 1), true;
      case '*': return emit_here(TokenType::Star, 1), true;
      case '/': return emit_here(TokenType::Slash, 1), true;
      case '%': return emit_here(TokenType::Percent, 1), true;
      case '~': return emit_here(TokenType::Tilde, 1), true;
      case '|': return emit_here(TokenType::VBar, 1), true;
      case '&': return emit_here(TokenType::Amper, 1), true;
      case '^': return emit_here(TokenType::Circumflex, 1), true;
      case '<': return emit_here(TokenType::Less, 1), true;
      case '>': return emit_here(TokenType::Greater, 1), true;
      default: break;
    }
    unsigned char u = static_cast<unsigned char>(c);
    if (u == 0) return syntax_error("source code cannot contain null bytes", line_, col_at(i_));
    if (u < 0x20 || u == 0x7f) return invalid_character(u, i_);
    emit_here(TokenType::ErrorToken, 1);
    return true;
  }
};

}  // namespace

int32_t decode_utf8(std::string_view s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    ++i;
    return c;
  }
  int n;
  uint32_t cp;
  if ((c & 0xe0) == 0xc0) {
    n = 1;
    cp = c & 0x1f;
  } else if ((c & 0xf0) == 0xe0) {
    n = 2;
    cp = c & 0x0f;
  } else if ((c & 0xf8) == 0xf0) {
    n = 3;
    cp = c & 0x07;
  } else {
    return -1;
  }
  if (i + n >= s.size()) return -1;
  for (int k = 1; k <= n; ++k) {
    unsigned char cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xc0) != 0x80) return -1;
    cp = (cp << 6) | (cc & 0x3f);
  }
  static const uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || cp > 0x10ffff) return -1;
  i += n + 1;
  return static_cast<int32_t>(cp);
}

void encode_utf8(uint32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xc0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xe0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  } else {
    out += static_cast<char>(0xf0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  }
}

bool is_identifier_char(uint32_t cp) {
  if (cp < 0x80) {
    char c = static_cast<char>(cp);
    return is_ascii_ident_start(c) || is_digit(c);
  }
  // Latin-1 punctuation and symbols, except the three letters in that range.
  if (cp < 0xc0) return cp == 0xaa || cp == 0xb5 || cp == 0xba || cp == 0xb7;
  if (cp == 0xd7 || cp == 0xf7) return false;
  // Spaces, punctuation, currency, arrows, math operators, box drawing, dingbats.
  if (cp >= 0x2000 && cp <= 0x206f) return cp == 0x203f || cp == 0x2040 || cp == 0x2054;
  if (cp >= 0x20a0 && cp <= 0x20cf) return false;
  if (cp >= 0x2190 && cp <= 0x2bff) return false;
  if (cp >= 0x2e00 && cp <= 0x2e7f) return false;
  if (cp >= 0x3000 && cp <= 0x3004) return false;
  if (cp >= 0x3008 && cp <= 0x3020) return false;
  if (cp >= 0xd800 && cp <= 0xf8ff) return false;  // surrogates, private use
  if (cp >= 0xfe10 && cp <= 0xfe1f) return false;
  if (cp >= 0xfe30 && cp <= 0xfe4f) return cp == 0xfe33 || cp == 0xfe34 || (cp >= 0xfe4d);
  if (cp == 0xfeff || (cp >= 0xfff0 && cp <= 0xffff)) return false;
  if (cp >= 0xff01 && cp <= 0xff0f) return false;
  if (cp >= 0xff1a && cp <= 0xff20) return false;
  if (cp >= 0xff3b && cp <= 0xff40) return cp == 0xff3f;
  if (cp >= 0xff5b && cp <= 0xff65) return false;
  if (cp >= 0x1f000 && cp <= 0x1faff) return false;  // emoji and pictographs
  if (cp >= 0xf0000) return false;
  return true;
}

std::string_view token_type_name(TokenType t) {
  switch (t) {
    case TokenType::EndMarker: return "ENDMARKER";
    case TokenType::Name: return "NAME";
    case TokenType::Number: return "NUMBER";
    case TokenType::String: return "STRING";
    case TokenType::Newline: return "NEWLINE";
    case TokenType::Indent: return "INDENT";
    case TokenType::Dedent: return "DEDENT";
    case TokenType::ErrorToken: return "ERRORTOKEN";
    case TokenType::LexError: return "LEXERROR";
    case TokenType::LParen: return "'('";
    case TokenType::RParen: return "')'";
    case TokenType::LSquare: return "'['";
    case TokenType::RSquare: return "']'";
    case TokenType::LBrace: return "'{'";
    case TokenType::RBrace: return "'}'";
    case TokenType::Colon: return "':'";
    case TokenType::Comma: return "','";
    case TokenType::Semi: return "';'";
    case TokenType::Dot: return "'.'";
    case TokenType::Ellipsis: return "'...'";
    case TokenType::At: return "'@'";
    case TokenType::RArrow: return "'->'";
    case TokenType::ColonEqual: return "':='";
    case TokenType::Equal: return "'='";
    case TokenType::Plus: return "'+'";
    case TokenType::Minus: return "'-'";
    case TokenType::Star: return "'*'";
    case TokenType::DoubleStar: return "'**'";
    case TokenType::Slash: return "'/'";
    case TokenType::DoubleSlash: return "'//'";
    case TokenType::Percent: return "'%'";
    case TokenType::Tilde: return "'~'";
    case TokenType::VBar: return "'|'";
    case TokenType::Amper: return "'&'";
    case TokenType::Circumflex: return "'^'";
    case TokenType::LeftShift: return "'<<'";
    case TokenType::RightShift: return "'>>'";
    case TokenType::EqEqual: return "'=='";
    case TokenType::NotEqual: return "'!='";
    case TokenType::Less: return "'<'";
    case TokenType::Greater: return "'>'";
    case TokenType::LessEqual: return "'<='";
    case TokenType::GreaterEqual: return "'>='";
    case TokenType::PlusEqual: return "'+='";
    case TokenType::MinusEqual: return "'-='";
    case TokenType::StarEqual: return "'*='";
    case TokenType::DoubleStarEqual: return "'**='";
    case TokenType::SlashEqual: return "'/='";
    case TokenType::DoubleSlashEqual: return "'//='";
    case TokenType::PercentEqual: return "'%='";
    case TokenType::AtEqual: return "'@='";
    case TokenType::AmperEqual: return "'&='";
    case TokenType::VBarEqual: return "'|='";
    case TokenType::CircumflexEqual: return "'^='";
    case TokenType::LeftShiftEqual: return "'<<='";
    case TokenType::RightShiftEqual: return "'>>='";
    default: break;
  }
  for (const Keyword& k : kKeywords) {
    if (k.type == t) return k.text;
  }
  return "?";
}

LexResult tokenize(std::string_view source, const LexOptions& options) { return Lexer(source, options).run(); }

}  // namespace interleave
