#pragma once
// Token is one lexical unit of the source, as CPython's tokenizer would produce it:
// strings keep their prefix and quotes (the parser decodes them), and NEWLINE, INDENT
// and DEDENT carry the block structure.
#include <cstdint>
#include <string_view>

namespace interleave {

enum class TokenType : uint8_t {
  EndMarker,
  Name,
  Number,
  String,
  Newline,
  Indent,
  Dedent,
  // ErrorToken is a character that starts no token (`$`, `?`, a lone `!`): the parser
  // reports "invalid syntax" on it, as CPython does.
  ErrorToken,
  // LexError marks where the lexer stopped with an error; nothing follows it.
  LexError,

  LParen,
  RParen,
  LSquare,
  RSquare,
  LBrace,
  RBrace,
  Colon,
  Comma,
  Semi,
  Dot,
  Ellipsis,
  At,
  RArrow,
  ColonEqual,
  Equal,
  Plus,
  Minus,
  Star,
  DoubleStar,
  Slash,
  DoubleSlash,
  Percent,
  Tilde,
  VBar,
  Amper,
  Circumflex,
  LeftShift,
  RightShift,
  EqEqual,
  NotEqual,
  Less,
  Greater,
  LessEqual,
  GreaterEqual,
  PlusEqual,
  MinusEqual,
  StarEqual,
  DoubleStarEqual,
  SlashEqual,
  DoubleSlashEqual,
  PercentEqual,
  AtEqual,
  AmperEqual,
  VBarEqual,
  CircumflexEqual,
  LeftShiftEqual,
  RightShiftEqual,

  KwFalse,
  KwNone,
  KwTrue,
  KwAnd,
  KwAs,
  KwAssert,
  KwAsync,
  KwAwait,
  KwBreak,
  KwClass,
  KwContinue,
  KwDef,
  KwDel,
  KwElif,
  KwElse,
  KwExcept,
  KwFinally,
  KwFor,
  KwFrom,
  KwGlobal,
  KwIf,
  KwImport,
  KwIn,
  KwIs,
  KwLambda,
  KwNonlocal,
  KwNot,
  KwOr,
  KwPass,
  KwRaise,
  KwReturn,
  KwTry,
  KwWhile,
  KwWith,
  KwYield,
};

struct Token {
  TokenType type = TokenType::EndMarker;
  // level is the bracket nesting depth after this token (1 inside `( ... )`).
  uint16_t level = 0;
  std::string_view text;  // points into the source passed to the lexer
  uint32_t line = 0;      // 1-based
  uint32_t col = 0;       // 0-based, in UTF-8 bytes like CPython's col_offset
  uint32_t end_line = 0;
  uint32_t end_col = 0;
};

// token_type_name is the spelling used in messages and test dumps ("'('", "NAME").
std::string_view token_type_name(TokenType t);

}  // namespace interleave
