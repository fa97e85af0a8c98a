// Lexer tests: token kinds and positions, the indent stack, and CPython's wording for
// every error the lexer reports.
#include "lang/lexer.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace interleave {
namespace {

// kinds renders the token stream: names and numbers show their text, operators and
// keywords their spelling.
std::string kinds(std::string_view source) {
  LexResult r = tokenize(source);
  std::string out;
  for (const Token& t : r.tokens) {
    if (!out.empty()) out += ' ';
    switch (t.type) {
      case TokenType::Name:
      case TokenType::Number:
      case TokenType::String: out += std::string(t.text); break;
      default: out += std::string(token_type_name(t.type)); break;
    }
  }
  if (r.error) out += " | " + r.error->type + ": " + r.error->message + " @" + std::to_string(r.error->line);
  return out;
}

std::string error(std::string_view source) {
  LexResult r = tokenize(source);
  if (!r.error) return "ok";
  return r.error->type + ": " + r.error->message + " @" + std::to_string(r.error->line) + ":" +
         std::to_string(r.error->col);
}

TEST(Lexer, SimpleStatement) {
  EXPECT_EQ(kinds("x = 1\n"), "x '=' 1 NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("x = 1"), "x '=' 1 NEWLINE ENDMARKER");
  EXPECT_EQ(kinds(""), "ENDMARKER");
  EXPECT_EQ(kinds("\n\n   \n# comment\n"), "ENDMARKER");
}

TEST(Lexer, Operators) {
  EXPECT_EQ(kinds("a**=b//=c>>=d<<=e...f->g:=h!=i"),
            "a '**=' b '//=' c '>>=' d '<<=' e '...' f '->' g ':=' h '!=' i NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("+ - * / // % @ ** ~ | & ^ << >> < > <= >= == = . , ; :"),
            "'+' '-' '*' '/' '//' '%' '@' '**' '~' '|' '&' '^' '<<' '>>' '<' '>' '<=' '>=' '==' '=' '.' "
            "',' ';' ':' NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("+= -= *= /= %= @= &= |= ^="), "'+=' '-=' '*=' '/=' '%=' '@=' '&=' '|=' '^=' NEWLINE ENDMARKER");
}

TEST(Lexer, KeywordsAndSoftKeywords) {
  EXPECT_EQ(kinds("if not x is None: pass"), "if not x is None ':' pass NEWLINE ENDMARKER");
  LexResult r = tokenize("match case type _ async await");
  ASSERT_EQ(r.tokens.size(), 8u);
  EXPECT_EQ(r.tokens[0].type, TokenType::Name);
  EXPECT_EQ(r.tokens[1].type, TokenType::Name);
  EXPECT_EQ(r.tokens[2].type, TokenType::Name);
  EXPECT_EQ(r.tokens[3].type, TokenType::Name);
  EXPECT_EQ(r.tokens[4].type, TokenType::KwAsync);
  EXPECT_EQ(r.tokens[5].type, TokenType::KwAwait);
}

TEST(Lexer, IndentAndDedent) {
  EXPECT_EQ(kinds("if x:\n    y\n    z\nw\n"),
            "if x ':' NEWLINE INDENT y NEWLINE z NEWLINE DEDENT w NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("if a:\n  if b:\n    c\nd"),
            "if a ':' NEWLINE INDENT if b ':' NEWLINE INDENT c NEWLINE DEDENT DEDENT d NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("if a:\n    b"), "if a ':' NEWLINE INDENT b NEWLINE DEDENT ENDMARKER");
  // Blank and comment-only lines do not affect indentation.
  EXPECT_EQ(kinds("if a:\n\n  # c\n        \n    b\n"), "if a ':' NEWLINE INDENT b NEWLINE DEDENT ENDMARKER");
  // Tabs advance to the next multiple of 8.
  EXPECT_EQ(kinds("if a:\n\tb\n\tc\n"), "if a ':' NEWLINE INDENT b NEWLINE c NEWLINE DEDENT ENDMARKER");
}

TEST(Lexer, IndentationErrors) {
  EXPECT_EQ(error("if a:\n    b\n  c\n"), "IndentationError: unindent does not match any outer indentation level @3:2");
  EXPECT_EQ(error("if a:\n\tb\n        c\n"), "TabError: inconsistent use of tabs and spaces in indentation @3:0");
  EXPECT_EQ(error("if a:\n        b\n\tc\n"), "TabError: inconsistent use of tabs and spaces in indentation @3:0");
  std::string deep;
  for (int i = 0; i < 100; ++i) deep += std::string(static_cast<size_t>(i), ' ') + "if x:\n";
  EXPECT_EQ(error(deep), "ok");  // 99 levels is CPython's maximum
  EXPECT_EQ(error(deep + std::string(100, ' ') + "x\n"), "IndentationError: too many levels of indentation @101:0");
}

TEST(Lexer, ImplicitAndExplicitLineJoining) {
  EXPECT_EQ(kinds("x = (1,\n     2)\n"), "x '=' '(' 1 ',' 2 ')' NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("x = [\n  1,  # one\n\n  2,\n]\n"), "x '=' '[' 1 ',' 2 ',' ']' NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("x = 1 + \\\n    2\n"), "x '=' 1 '+' 2 NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("if a:\n    x = {\n'k': 1}\n"),
            "if a ':' NEWLINE INDENT x '=' '{' 'k' ':' 1 '}' NEWLINE DEDENT ENDMARKER");
  EXPECT_EQ(error("x = 1 \\ 2"), "SyntaxError: unexpected character after line continuation character @1:7");
  EXPECT_EQ(error("x = 1 \\"), "SyntaxError: unexpected EOF while parsing @1:6");
}

TEST(Lexer, CarriageReturns) {
  EXPECT_EQ(kinds("if a:\r\n    b\r\nc\r"), "if a ':' NEWLINE INDENT b NEWLINE DEDENT c NEWLINE ENDMARKER");
}

TEST(Lexer, Positions) {
  LexResult r = tokenize("x = (1 +\n     foo)\n  # c\ny");
  ASSERT_FALSE(r.error);
  const Token& foo = r.tokens[5];
  EXPECT_EQ(foo.text, "foo");
  EXPECT_EQ(foo.line, 2u);
  EXPECT_EQ(foo.col, 5u);
  EXPECT_EQ(foo.end_col, 8u);
  EXPECT_EQ(r.tokens[2].level, 1u);  // '(' opens level 1
  EXPECT_EQ(r.tokens[6].level, 0u);  // ')' closes it
  const Token& y = r.tokens[8];
  EXPECT_EQ(y.text, "y");
  EXPECT_EQ(y.line, 4u);
  EXPECT_EQ(y.col, 0u);
  // Columns count UTF-8 bytes, like CPython's col_offset.
  LexResult u = tokenize("s = '\xC3\xA9' + t");
  EXPECT_EQ(u.tokens[4].col, 11u);
}

TEST(Lexer, Numbers) {
  EXPECT_EQ(kinds("0 00 123 1_000 0x1F 0XaB_cD 0o17 0O1_7 0b101 0B1_0"),
            "0 00 123 1_000 0x1F 0XaB_cD 0o17 0O1_7 0b101 0B1_0 NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("1.5 1. .5 1e10 1E-5 1.5e+3 1_0.0_1e1_0 0.0 09.5 0e0"),
            "1.5 1. .5 1e10 1E-5 1.5e+3 1_0.0_1e1_0 0.0 09.5 0e0 NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("1j 1.5J"), "1j 1.5J NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("x.real 1 .real"), "x '.' real 1 '.' real NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("1if x else 2"), "1 if x else 2 NEWLINE ENDMARKER");
}

TEST(Lexer, NumberErrors) {
  EXPECT_EQ(error("x = 1abc"), "SyntaxError: invalid decimal literal @1:5");
  EXPECT_EQ(error("x = 1_"), "SyntaxError: invalid decimal literal @1:5");
  EXPECT_EQ(error("x = 1__0"), "SyntaxError: invalid decimal literal @1:5");
  EXPECT_EQ(error("x = 1e"), "SyntaxError: invalid decimal literal @1:5");
  EXPECT_EQ(error("x = 1e+"), "SyntaxError: invalid decimal literal @1:7");
  EXPECT_EQ(error("x = 0777"),
            "SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal "
            "integers @1:4");
  EXPECT_EQ(error("x = 0o8"), "SyntaxError: invalid digit '8' in octal literal @1:6");
  EXPECT_EQ(error("x = 0o"), "SyntaxError: invalid octal literal @1:6");
  EXPECT_EQ(error("x = 0b2"), "SyntaxError: invalid digit '2' in binary literal @1:6");
  EXPECT_EQ(error("x = 0b1_"), "SyntaxError: invalid binary literal @1:8");
  EXPECT_EQ(error("x = 0x"), "SyntaxError: invalid hexadecimal literal @1:6");
  EXPECT_EQ(error("x = 0xfg"), "SyntaxError: invalid hexadecimal literal @1:7");
  EXPECT_EQ(error("x = 1jk"), "SyntaxError: invalid imaginary literal @1:6");
}

TEST(Lexer, Strings) {
  EXPECT_EQ(kinds(R"(a = 'x' "y" r'\d' b'z' f'{v}' Rb'w' rF"q" u'u')"),
            R"(a '=' 'x' "y" r'\d' b'z' f'{v}' Rb'w' rF"q" u'u' NEWLINE ENDMARKER)");
  EXPECT_EQ(kinds(R"('it\'s' "say \"hi\"" r'\'')"), R"('it\'s' "say \"hi\"" r'\'' NEWLINE ENDMARKER)");
  // ur'' is not a prefix: it lexes as a name followed by a string.
  EXPECT_EQ(kinds("ur'x'"), "ur 'x' NEWLINE ENDMARKER");
  LexResult r = tokenize("s = '''a\nb''' + \"\"\"\n\"\"\"\nt");
  ASSERT_FALSE(r.error);
  EXPECT_EQ(r.tokens[2].line, 1u);
  EXPECT_EQ(r.tokens[2].end_line, 2u);
  EXPECT_EQ(r.tokens[4].line, 2u);
  EXPECT_EQ(r.tokens[4].end_line, 3u);
  EXPECT_EQ(r.tokens[6].text, "t");
  EXPECT_EQ(r.tokens[6].line, 4u);
  EXPECT_EQ(kinds("'a\\\nb'"), "'a\\\nb' NEWLINE ENDMARKER");
}

TEST(Lexer, StringErrors) {
  EXPECT_EQ(error("s = 'abc"), "SyntaxError: unterminated string literal (detected at line 1) @1:4");
  EXPECT_EQ(error("x = 1\ns = f\"abc\nt = 2"), "SyntaxError: unterminated string literal (detected at line 2) @2:4");
  EXPECT_EQ(error("s = 'a\\\nb\n"), "SyntaxError: unterminated string literal (detected at line 2) @1:4");
  EXPECT_EQ(error("s = '''abc\n\n\n"),
            "SyntaxError: unterminated triple-quoted string literal (detected at line 3) @1:4");
  EXPECT_EQ(error("s = \"\"\"abc\nx\ny"),
            "SyntaxError: unterminated triple-quoted string literal (detected at line 3) @1:4");
}

TEST(Lexer, Brackets) {
  EXPECT_EQ(error("x = )"), "SyntaxError: unmatched ')' @1:4");
  EXPECT_EQ(error("x = (]"), "SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' @1:5");
  EXPECT_EQ(error("x = (\n]"),
            "SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' on line 1 @2:0");
  EXPECT_EQ(error("x = (1,\n2,\n"), "SyntaxError: '(' was never closed @1:4");
  EXPECT_EQ(error("x = [\n(\n"), "SyntaxError: '(' was never closed @2:0");
  EXPECT_EQ(tokenize("x = (\n").error_kind, LexErrorKind::UnclosedBracket);
  EXPECT_EQ(error(std::string(200, '(')), "SyntaxError: '(' was never closed @1:199");
  EXPECT_EQ(error(std::string(201, '(')), "SyntaxError: too many nested parentheses @1:200");
}

TEST(Lexer, Identifiers) {
  EXPECT_EQ(kinds("caf\xC3\xA9 = \xCF\x80"), "caf\xC3\xA9 '=' \xCF\x80 NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("\xE5\x90\x8D\xE5\x89\x8D_1 = 1"), "\xE5\x90\x8D\xE5\x89\x8D_1 '=' 1 NEWLINE ENDMARKER");
  EXPECT_EQ(error("x = \xE2\x82\xAC"), "SyntaxError: invalid character '\xE2\x82\xAC' (U+20AC) @1:4");
  EXPECT_EQ(error("x\xE2\x82\xAC = 1"), "SyntaxError: invalid character '\xE2\x82\xAC' (U+20AC) @1:1");
  EXPECT_EQ(error("\xF0\x9F\x98\x80 = 1"), "SyntaxError: invalid character '\xF0\x9F\x98\x80' (U+1F600) @1:0");
  EXPECT_EQ(error("x = \xC2\xA0 1"), "SyntaxError: invalid non-printable character U+00A0 @1:4");
  EXPECT_EQ(error("x = \x01"), "SyntaxError: invalid non-printable character U+0001 @1:4");
  EXPECT_EQ(error(std::string("x = \0", 5)), "SyntaxError: source code cannot contain null bytes @1:4");
  EXPECT_EQ(error("x = \xFF"), "SyntaxError: invalid UTF-8 byte 0xff in source @1:4");
  // `$`, `?` and a lone `!` are left for the parser to reject as "invalid syntax".
  EXPECT_EQ(kinds("a $ b ? !"), "a ERRORTOKEN b ERRORTOKEN ERRORTOKEN NEWLINE ENDMARKER");
}

TEST(Lexer, FStringFieldMode) {
  LexOptions opt;
  opt.first_line = 3;
  opt.first_col = 10;
  opt.inside_brackets = true;
  LexResult r = tokenize("a +\n b", opt);
  ASSERT_FALSE(r.error);
  ASSERT_EQ(r.tokens.size(), 4u);
  EXPECT_EQ(r.tokens[0].line, 3u);
  EXPECT_EQ(r.tokens[0].col, 10u);
  EXPECT_EQ(r.tokens[0].level, 1u);
  EXPECT_EQ(r.tokens[2].line, 4u);
  EXPECT_EQ(r.tokens[2].col, 1u);
  EXPECT_EQ(r.tokens[3].type, TokenType::EndMarker);
}

TEST(Lexer, ErrorsEndTheTokenStream) {
  LexResult r = tokenize("x = 1\ny = 'oops\nz = 3\n");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error_kind, LexErrorKind::Hard);
  EXPECT_EQ(r.tokens.back().type, TokenType::LexError);
  EXPECT_EQ(r.tokens.back().line, 2u);
  EXPECT_EQ(tokenize("if a:\n  b\n c").error_kind, LexErrorKind::Deferred);
}

TEST(Lexer, Utf8Helpers) {
  std::string s;
  encode_utf8(0x41, s);
  encode_utf8(0xE9, s);
  encode_utf8(0x20AC, s);
  encode_utf8(0x1F600, s);
  EXPECT_EQ(s, "A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
  size_t i = 0;
  EXPECT_EQ(decode_utf8(s, i), 0x41);
  EXPECT_EQ(decode_utf8(s, i), 0xE9);
  EXPECT_EQ(decode_utf8(s, i), 0x20AC);
  EXPECT_EQ(decode_utf8(s, i), 0x1F600);
  EXPECT_EQ(i, s.size());
  size_t j = 0;
  EXPECT_EQ(decode_utf8("\xC3", j), -1);
  j = 0;
  EXPECT_EQ(decode_utf8("\xC0\x80", j), -1);  // overlong
}

}  // namespace
}  // namespace interleave
