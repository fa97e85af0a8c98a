#include "lang/disassembler.h"

#include "lang/ast_dump.h"

#include <charconv>
#include <cstdio>
#include <set>

namespace interleave {

namespace {

const char* const kOpNames[] = {
    "NOP",
    "POP_TOP",
    "ROT_TWO",
    "ROT_THREE",
    "ROT_FOUR",
    "DUP_TOP",
    "DUP_TOP_TWO",
    "LOAD_CONST",
    "LOAD_FAST",
    "LOAD_FAST_CHECK",
    "STORE_FAST",
    "DELETE_FAST",
    "LOAD_GLOBAL",
    "STORE_GLOBAL",
    "DELETE_GLOBAL",
    "LOAD_NAME",
    "STORE_NAME",
    "DELETE_NAME",
    "LOAD_DEREF",
    "STORE_DEREF",
    "DELETE_DEREF",
    "LOAD_CLOSURE",
    "LOAD_CLASSDEREF",
    "LOAD_ATTR",
    "STORE_ATTR",
    "DELETE_ATTR",
    "LOAD_METHOD",
    "BINARY_SUBSCR",
    "STORE_SUBSCR",
    "DELETE_SUBSCR",
    "BUILD_SLICE",
    "BINARY_ADD",
    "BINARY_SUBTRACT",
    "BINARY_MULTIPLY",
    "BINARY_TRUE_DIVIDE",
    "BINARY_FLOOR_DIVIDE",
    "BINARY_MODULO",
    "BINARY_POWER",
    "BINARY_LSHIFT",
    "BINARY_RSHIFT",
    "BINARY_OR",
    "BINARY_XOR",
    "BINARY_AND",
    "BINARY_MATRIX_MULTIPLY",
    "INPLACE_ADD",
    "INPLACE_SUBTRACT",
    "INPLACE_MULTIPLY",
    "INPLACE_TRUE_DIVIDE",
    "INPLACE_FLOOR_DIVIDE",
    "INPLACE_MODULO",
    "INPLACE_POWER",
    "INPLACE_LSHIFT",
    "INPLACE_RSHIFT",
    "INPLACE_OR",
    "INPLACE_XOR",
    "INPLACE_AND",
    "INPLACE_MATRIX_MULTIPLY",
    "UNARY_NOT",
    "UNARY_NEGATIVE",
    "UNARY_POSITIVE",
    "UNARY_INVERT",
    "COMPARE_EQ",
    "COMPARE_NE",
    "COMPARE_LT",
    "COMPARE_LE",
    "COMPARE_GT",
    "COMPARE_GE",
    "IS_OP",
    "CONTAINS_OP",
    "JUMP",
    "JUMP_BACKWARD",
    "POP_JUMP_IF_FALSE",
    "POP_JUMP_IF_TRUE",
    "JUMP_IF_FALSE_OR_POP",
    "JUMP_IF_TRUE_OR_POP",
    "GET_ITER",
    "FOR_ITER",
    "BUILD_TUPLE",
    "BUILD_LIST",
    "BUILD_SET",
    "BUILD_MAP",
    "BUILD_STRING",
    "LIST_APPEND",
    "SET_ADD",
    "MAP_ADD",
    "LIST_EXTEND",
    "SET_UPDATE",
    "DICT_UPDATE",
    "DICT_MERGE",
    "LIST_TO_TUPLE",
    "UNPACK_SEQUENCE",
    "UNPACK_EX",
    "FORMAT_VALUE",
    "MAKE_FUNCTION",
    "KW_NAMES",
    "CALL",
    "CALL_METHOD",
    "CALL_FUNCTION_EX",
    "RETURN_VALUE",
    "YIELD_VALUE",
    "GET_YIELD_FROM_ITER",
    "SEND",
    "GET_AWAITABLE",
    "GET_AITER",
    "GET_ANEXT",
    "END_ASYNC_FOR",
    "BEFORE_ASYNC_WITH",
    "SETUP_FINALLY",
    "SETUP_WITH",
    "POP_BLOCK",
    "POP_EXCEPT",
    "RERAISE",
    "CHECK_EXC_MATCH",
    "BEFORE_WITH",
    "WITH_EXCEPT_START",
    "RAISE_VARARGS",
    "LOAD_ASSERTION_ERROR",
    "IMPORT_NAME",
    "IMPORT_FROM",
    "IMPORT_STAR",
    "CALL_CLASS_BODY",
    "BUILD_CLASS",
    "LOAD_LOCALS",
    "ASYNC_GEN_WRAP",
    "COPY",
    "SWAP",
    "GET_LEN",
    "MATCH_MAPPING",
    "MATCH_SEQUENCE",
    "MATCH_KEYS",
    "MATCH_CLASS",
    "CHECK_EG_MATCH",
    "PREP_RERAISE_STAR",
};
static_assert(sizeof(kOpNames) / sizeof(kOpNames[0]) == static_cast<size_t>(OpCode::OPCODE_COUNT),
              "kOpNames must list every opcode");

bool is_jump_op(OpCode op) {
  switch (op) {
    case OpCode::JUMP:
    case OpCode::JUMP_BACKWARD:
    case OpCode::POP_JUMP_IF_FALSE:
    case OpCode::POP_JUMP_IF_TRUE:
    case OpCode::JUMP_IF_FALSE_OR_POP:
    case OpCode::JUMP_IF_TRUE_OR_POP:
    case OpCode::FOR_ITER:
    case OpCode::SEND:
    case OpCode::SETUP_FINALLY:
    case OpCode::SETUP_WITH: return true;
    default: return false;
  }
}

std::string str_repr(const std::string& s) {
  bool has_single = s.find('\'') != std::string::npos;
  bool has_double = s.find('"') != std::string::npos;
  char q = (has_single && !has_double) ? '"' : '\'';
  std::string out(1, q);
  for (unsigned char c : s) {
    if (c == static_cast<unsigned char>(q) || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  out += q;
  return out;
}

std::string float_repr(double f) { return ast::format_float(f); }

}  // namespace

const char* opcode_name(OpCode op) {
  size_t i = static_cast<size_t>(op);
  return i < static_cast<size_t>(OpCode::OPCODE_COUNT) ? kOpNames[i] : "<bad opcode>";
}

std::string const_repr(const ConstValue& c) {
  switch (c.kind) {
    case ConstValue::Kind::None: return "None";
    case ConstValue::Kind::True: return "True";
    case ConstValue::Kind::False: return "False";
    case ConstValue::Kind::Ellipsis: return "Ellipsis";
    case ConstValue::Kind::Int: return c.s.empty() ? std::to_string(c.i) : c.s;
    case ConstValue::Kind::Float: return float_repr(c.f);
    case ConstValue::Kind::Str: return str_repr(c.s);
    case ConstValue::Kind::Bytes: return "b" + str_repr(c.s);
    case ConstValue::Kind::Code: return "<code " + (c.code ? c.code->name : std::string("?")) + ">";
    case ConstValue::Kind::Tuple: {
      std::string out = "(";
      for (size_t i = 0; i < c.items.size(); ++i) {
        if (i) out += ", ";
        out += const_repr(c.items[i]);
      }
      if (c.items.size() == 1) out += ",";
      return out + ")";
    }
  }
  return "?";
}

std::string operand_name(const Code& code, OpCode op, uint32_t arg) {
  switch (op) {
    case OpCode::LOAD_CONST:
    case OpCode::KW_NAMES: return arg < code.consts.size() ? const_repr(code.consts[arg]) : std::string();
    case OpCode::LOAD_FAST:
    case OpCode::LOAD_FAST_CHECK:
    case OpCode::STORE_FAST:
    case OpCode::DELETE_FAST: return arg < code.varnames.size() ? code.varnames[arg] : std::string();
    case OpCode::LOAD_GLOBAL:
    case OpCode::STORE_GLOBAL:
    case OpCode::DELETE_GLOBAL:
    case OpCode::LOAD_NAME:
    case OpCode::STORE_NAME:
    case OpCode::DELETE_NAME:
    case OpCode::LOAD_ATTR:
    case OpCode::STORE_ATTR:
    case OpCode::DELETE_ATTR:
    case OpCode::LOAD_METHOD:
    case OpCode::IMPORT_NAME:
    case OpCode::IMPORT_FROM: return arg < code.names.size() ? code.names[arg] : std::string();
    case OpCode::LOAD_DEREF:
    case OpCode::STORE_DEREF:
    case OpCode::DELETE_DEREF:
    case OpCode::LOAD_CLOSURE:
    case OpCode::LOAD_CLASSDEREF:
      if (arg < code.cellvars.size()) return code.cellvars[arg];
      if (arg - code.cellvars.size() < code.freevars.size()) return code.freevars[arg - code.cellvars.size()];
      return std::string();
    default: return std::string();
  }
}

std::string disassemble(const Code& code, bool recursive) {
  std::string out = "Disassembly of " + code.qualname + ":\n";
  std::set<uint32_t> targets;
  for (uint32_t w : code.code) {
    if (is_jump_op(instr_op(w))) targets.insert(instr_arg(w));
  }
  uint32_t last_line = 0;
  for (size_t i = 0; i < code.code.size(); ++i) {
    uint32_t w = code.code[i];
    OpCode op = instr_op(w);
    uint32_t arg = instr_arg(w);
    uint32_t line = i < code.lines.size() ? code.lines[i] : 0;
    char head[32];
    if (line != last_line || i == 0) {
      std::snprintf(head, sizeof head, "%4u ", line);
    } else {
      std::snprintf(head, sizeof head, "     ");
    }
    last_line = line;
    out += head;
    out += targets.count(static_cast<uint32_t>(i)) ? ">>" : "  ";
    char body[96];
    std::snprintf(body, sizeof body, "%6zu %-24s", i, opcode_name(op));
    out += body;
    std::string detail;
    bool show_arg = true;
    switch (op) {
      case OpCode::LOAD_CONST:
      case OpCode::KW_NAMES:
      case OpCode::LOAD_FAST:
      case OpCode::LOAD_FAST_CHECK:
      case OpCode::STORE_FAST:
      case OpCode::DELETE_FAST:
      case OpCode::LOAD_GLOBAL:
      case OpCode::STORE_GLOBAL:
      case OpCode::DELETE_GLOBAL:
      case OpCode::LOAD_NAME:
      case OpCode::STORE_NAME:
      case OpCode::DELETE_NAME:
      case OpCode::LOAD_ATTR:
      case OpCode::STORE_ATTR:
      case OpCode::DELETE_ATTR:
      case OpCode::LOAD_METHOD:
      case OpCode::IMPORT_NAME:
      case OpCode::IMPORT_FROM:
      case OpCode::LOAD_DEREF:
      case OpCode::STORE_DEREF:
      case OpCode::DELETE_DEREF:
      case OpCode::LOAD_CLOSURE:
      case OpCode::LOAD_CLASSDEREF: detail = operand_name(code, op, arg); break;
      default:
        if (is_jump_op(op)) {
          detail = "to " + std::to_string(arg);
        } else if (op == OpCode::IS_OP || op == OpCode::CONTAINS_OP) {
          detail = arg ? "not" : "";
        } else {
          show_arg = op == OpCode::BUILD_SLICE || op == OpCode::BUILD_TUPLE || op == OpCode::BUILD_LIST ||
                     op == OpCode::BUILD_SET || op == OpCode::BUILD_MAP || op == OpCode::BUILD_STRING ||
                     op == OpCode::LIST_APPEND || op == OpCode::SET_ADD || op == OpCode::MAP_ADD ||
                     op == OpCode::LIST_EXTEND || op == OpCode::SET_UPDATE || op == OpCode::DICT_UPDATE ||
                     op == OpCode::DICT_MERGE || op == OpCode::UNPACK_SEQUENCE || op == OpCode::UNPACK_EX ||
                     op == OpCode::FORMAT_VALUE || op == OpCode::MAKE_FUNCTION || op == OpCode::CALL ||
                     op == OpCode::CALL_METHOD || op == OpCode::CALL_FUNCTION_EX || op == OpCode::RAISE_VARARGS;
        }
    }
    if (op == OpCode::LIST_EXTEND && (arg & kExtendCallArgs)) {
      arg &= ~kExtendCallArgs;
      detail = "call arguments";
    }
    if (op == OpCode::BUILD_SET && (arg & kBuildSetConstant)) {
      arg &= ~kBuildSetConstant;
      detail = "constant";
    }
    if (show_arg) {
      char a[16];
      std::snprintf(a, sizeof a, "%u", arg);
      out += a;
      if (!detail.empty()) out += " (" + detail + ")";
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    out += '\n';
  }
  if (recursive) {
    for (const auto& c : code.consts) {
      if (c.kind == ConstValue::Kind::Code && c.code) {
        out += '\n';
        out += disassemble(*c.code, true);
      }
    }
  }
  return out;
}

}  // namespace interleave
