// See source.h. The coding declaration's pattern and the encodings' names follow
// CPython's tokenizer (Parser/tokenizer.c: get_coding_spec, get_normal_name).
#include "lang/source.h"

#include <cctype>
#include <cstdint>
#include <cstdio>

namespace interleave {

namespace {

// utf8_length returns the length of the valid UTF-8 sequence at s[i], or 0 if there is
// none: no overlong forms, no surrogates, nothing past U+10FFFF (Python's strict codec).
size_t utf8_length(std::string_view s, size_t i) {
  auto byte = [&](size_t k) -> unsigned { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0x100; };
  unsigned c = byte(i);
  auto cont = [&](size_t k) {
    unsigned b = byte(k);
    return b >= 0x80 && b <= 0xbf;
  };
  if (c < 0x80) return 1;
  if (c >= 0xc2 && c <= 0xdf) return cont(i + 1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    unsigned b = byte(i + 1);
    unsigned lo = c == 0xe0 ? 0xa0 : 0x80, hi = c == 0xed ? 0x9f : 0xbf;
    return b >= lo && b <= hi && cont(i + 2) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    unsigned b = byte(i + 1);
    unsigned lo = c == 0xf0 ? 0x90 : 0x80, hi = c == 0xf4 ? 0x8f : 0xbf;
    return b >= lo && b <= hi && cont(i + 2) && cont(i + 3) ? 4 : 0;
  }
  return 0;
}

// normal_name maps the spellings CPython treats as UTF-8 or Latin-1 to "utf-8"/"iso-8859-1".
std::string normal_name(std::string name) {
  for (char& c : name) c = c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (name == "utf-8" || name.rfind("utf-8-", 0) == 0 || name == "utf8") return "utf-8";
  for (const char* latin : {"latin-1", "iso-8859-1", "iso-latin-1", "latin1", "iso8859-1", "l1"}) {
    std::string l(latin);
    if (name == l || name.rfind(l + "-", 0) == 0) return "iso-8859-1";
  }
  return name;
}

// coding_spec finds `coding[:=]\s*([-\w.]+)` in a comment line, as PEP 263 specifies.
std::optional<std::string> coding_spec(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\f')) ++i;
  if (i >= line.size() || line[i] != '#') return std::nullopt;
  for (size_t at = line.find("coding", i); at != std::string_view::npos; at = line.find("coding", at + 1)) {
    size_t k = at + 6;
    if (k >= line.size() || (line[k] != ':' && line[k] != '=')) continue;
    ++k;
    while (k < line.size() && (line[k] == ' ' || line[k] == '\t')) ++k;
    size_t begin = k;
    while (k < line.size() &&
           (std::isalnum(static_cast<unsigned char>(line[k])) || line[k] == '-' || line[k] == '_' || line[k] == '.'))
      ++k;
    if (k > begin) return std::string(line.substr(begin, k - begin));
  }
  return std::nullopt;
}

uint32_t line_of(std::string_view s, size_t offset) {
  uint32_t line = 1;
  for (size_t i = 0; i < offset && i < s.size(); ++i) line += s[i] == '\n';
  return line;
}

CompileError error_at(std::string message, uint32_t line) {
  CompileError e;
  e.message = std::move(message);
  e.line = line;
  return e;
}

}  // namespace

std::optional<CompileError> decode_source(std::string_view raw, std::string_view filename, std::string& out) {
  bool bom = raw.substr(0, 3) == "\xef\xbb\xbf";
  if (bom) raw.remove_prefix(3);

  // The declaration counts on line 1, or on line 2 if line 1 is blank or a comment.
  std::string encoding = "utf-8";
  size_t first_end = raw.find('\n');
  std::string_view first = raw.substr(0, first_end);
  std::optional<std::string> spec = coding_spec(first);
  uint32_t spec_line = 1;
  if (!spec && first_end != std::string_view::npos) {
    size_t k = first.find_first_not_of(" \t\f\r");
    if (k == std::string_view::npos || first[k] == '#') {
      std::string_view second = raw.substr(first_end + 1);
      spec = coding_spec(second.substr(0, second.find('\n')));
      spec_line = 2;
    }
  }
  if (spec) {
    encoding = normal_name(*spec);
    if (bom && encoding != "utf-8") return error_at("encoding problem: " + *spec + " with BOM", spec_line);
    if (encoding != "utf-8" && encoding != "iso-8859-1") {
      bool known = encoding == "ascii" || encoding == "us-ascii" || encoding.rfind("cp", 0) == 0 ||
                   encoding.rfind("iso-8859-", 0) == 0 || encoding.rfind("utf-16", 0) == 0 ||
                   encoding.rfind("utf-32", 0) == 0 || encoding == "euc-jp" || encoding == "shift-jis" ||
                   encoding == "gbk" || encoding == "big5" || encoding == "koi8-r";
      if (!known) return error_at("encoding problem: " + *spec, spec_line);
      if (encoding == "ascii" || encoding == "us-ascii") {
        encoding = "utf-8";  // ASCII is UTF-8's first 128 characters; a byte above fails below.
      } else {
        return error_at("encoding '" + *spec + "' is not supported in the playground: save the program as UTF-8",
                        spec_line);
      }
    }
  }

  out.clear();
  if (encoding == "iso-8859-1") {
    out.reserve(raw.size() + raw.size() / 8);
    for (char c : raw) {
      unsigned char u = static_cast<unsigned char>(c);
      if (u < 0x80) {
        out.push_back(c);
      } else {
        out.push_back(static_cast<char>(0xc0 | (u >> 6)));
        out.push_back(static_cast<char>(0x80 | (u & 0x3f)));
      }
    }
    return std::nullopt;
  }
  for (size_t i = 0; i < raw.size();) {
    size_t n = utf8_length(raw, i);
    if (n == 0) {
      unsigned char bad = static_cast<unsigned char>(raw[i]);
      char hex[8];
      std::snprintf(hex, sizeof hex, spec ? "0x%02x" : "\\x%02x", bad);
      size_t line_start = raw.rfind('\n', i == 0 ? 0 : i - 1);
      size_t column = line_start == std::string_view::npos || i == 0 ? i : i - line_start - 1;
      bool lead = bad >= 0xc2 && bad <= 0xf4;
      const char* why = !lead                 ? "invalid start byte"
                        : i + 1 >= raw.size() ? "unexpected end of data"
                                              : "invalid continuation byte";
      std::string message = spec ? "(unicode error) 'utf-8' codec can't decode byte " + std::string(hex) +
                                       " in position " + std::to_string(column) + ": " + why
                                 : "Non-UTF-8 code starting with '" + std::string(hex) + "' in file " +
                                       std::string(filename) + " on line " + std::to_string(line_of(raw, i)) +
                                       ", but no encoding declared; see https://peps.python.org/pep-0263/ for details";
      return error_at(std::move(message), line_of(raw, i));
    }
    i += n;
  }
  out.assign(raw);
  return std::nullopt;
}

}  // namespace interleave
