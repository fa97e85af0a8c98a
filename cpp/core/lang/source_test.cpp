// Source decoding: what CPython 3.11 accepts and refuses as program text.
#include "lang/source.h"

#include <gtest/gtest.h>

namespace interleave {
namespace {

std::string decoded(std::string_view raw) {
  std::string out;
  std::optional<CompileError> e = decode_source(raw, "main.py", out);
  return e ? "error line " + std::to_string(e->line) + ": " + e->message : out;
}

TEST(Source, Utf8PassesThrough) {
  EXPECT_EQ(decoded("print('caf\xc3\xa9')\n"), "print('caf\xc3\xa9')\n");
  EXPECT_EQ(decoded("\xef\xbb\xbfx = 1\n"), "x = 1\n");
  EXPECT_EQ(decoded("s = '\xf0\x9f\x99\x82'\n"), "s = '\xf0\x9f\x99\x82'\n");
}

TEST(Source, InvalidUtf8IsRefusedWithCPythonsMessage) {
  EXPECT_EQ(decoded("x = 1\n# caf\xe9\n"),
            "error line 2: Non-UTF-8 code starting with '\\xe9' in file main.py on line 2, but no encoding declared; "
            "see https://peps.python.org/pep-0263/ for details");
  // Overlong forms and encoded surrogates are not UTF-8 either.
  EXPECT_NE(decoded("s = '\xc0\xaf'\n").rfind("error line 1: Non-UTF-8 code starting with '\\xc0'", 0),
            std::string::npos);
  EXPECT_NE(decoded("s = '\xed\xa0\x80'\n").rfind("error line 1: Non-UTF-8", 0), std::string::npos);
}

TEST(Source, CodingDeclarations) {
  EXPECT_EQ(decoded("# -*- coding: latin-1 -*-\nprint('caf\xe9')\n"),
            "# -*- coding: latin-1 -*-\nprint('caf\xc3\xa9')\n");
  EXPECT_EQ(decoded("#!/usr/bin/env python3\n# vim: set fileencoding=utf-8 :\nx = 1\n"),
            "#!/usr/bin/env python3\n# vim: set fileencoding=utf-8 :\nx = 1\n");
  EXPECT_EQ(decoded("# coding: foo\n"), "error line 1: encoding problem: foo");
  EXPECT_EQ(decoded("# coding: cp1252\nx = 1\n"),
            "error line 1: encoding 'cp1252' is not supported in the playground: save the program as UTF-8");
  EXPECT_EQ(decoded("# coding: utf-8\ns = '\xc3'\n").substr(0, 71),
            "error line 2: (unicode error) 'utf-8' codec can't decode byte 0xc3 in p");
  // A declaration on line 2 counts only after a comment or blank line 1.
  EXPECT_EQ(decoded("x = 1\n# coding: foo\n"), "x = 1\n# coding: foo\n");
}

}  // namespace
}  // namespace interleave
