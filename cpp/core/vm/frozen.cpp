// Importing frozen modules: compile the embedded source once per VM, run its module code
// to completion in a fresh module, and cache it like any other module.
#include "vm/frozen.h"

#include <cstdint>
#include <vector>

#include "lang/compiler.h"
#include "lang/lexer.h"
#include "lang/parser.h"
#include "vm/vm.h"

namespace interleave {

namespace {

// AddedLibrary is the archive passed to add_library(): process-wide, immutable once added,
// shared by every VM (like the compiled-in tables, it holds module sources, no run state).
struct AddedLibrary {
  std::string archive;
  std::vector<FrozenModule> modules;
};

AddedLibrary& added_library() {
  static AddedLibrary library;
  return library;
}

const FrozenModule* find_in(const FrozenModule* all, size_t n, std::string_view name) {
  for (size_t i = 0; i < n; ++i) {
    if (all[i].name == name) return &all[i];
  }
  return nullptr;
}

bool has_prefix(std::string_view m, std::string_view name) {
  return m.size() > name.size() && m.substr(0, name.size()) == name && m[name.size()] == '.';
}

}  // namespace

const FrozenModule* find_frozen(std::string_view name) {
  size_t n = 0;
  const FrozenModule* core = frozen_modules(n);
  if (const FrozenModule* m = find_in(core, n, name)) return m;
  const FrozenModule* built_in = built_in_library(n);
  if (const FrozenModule* m = find_in(built_in, n, name)) return m;
  const auto& added = added_library().modules;
  return find_in(added.data(), added.size(), name);
}

bool frozen_package(std::string_view name) {
  size_t n = 0;
  const FrozenModule* all = frozen_modules(n);
  for (size_t i = 0; i < n; ++i) {
    if (has_prefix(all[i].name, name)) return true;
  }
  if (!library_loaded()) return false;
  const std::string_view* names = library_module_names(n);
  for (size_t i = 0; i < n; ++i) {
    if (has_prefix(names[i], name)) return true;
  }
  return false;
}

bool is_library_module(std::string_view name) {
  size_t n = 0;
  const std::string_view* names = library_module_names(n);
  for (size_t i = 0; i < n; ++i) {
    if (!names[i].empty() && (names[i] == name || has_prefix(names[i], name))) return true;
  }
  return false;
}

bool library_loaded() {
  size_t n = 0;
  built_in_library(n);
  return n > 0 || !added_library().modules.empty();
}

bool add_library(std::string archive, std::string& error) {
  std::vector<FrozenModule> modules;
  std::string_view rest(archive);
  // next_line takes the text up to the next newline off rest.
  auto next_line = [&rest](std::string_view& line) {
    size_t nl = rest.find('\n');
    if (nl == std::string_view::npos) return false;
    line = rest.substr(0, nl);
    rest.remove_prefix(nl + 1);
    return true;
  };
  while (!rest.empty()) {
    std::string_view name, kind, length;
    if (!next_line(name) || !next_line(kind) || !next_line(length) || name.empty() || (kind != "p" && kind != "m")) {
      error = "the library archive is malformed after " + std::to_string(modules.size()) + " modules";
      return false;
    }
    uint64_t size = 0;
    for (char c : length) {
      if (c < '0' || c > '9' || size > (uint64_t{1} << 40)) {
        error = "the library archive has a bad length for module " + std::string(name);
        return false;
      }
      size = size * 10 + static_cast<uint64_t>(c - '0');
    }
    if (length.empty() || size > rest.size()) {
      error = "the library archive is truncated in module " + std::string(name);
      return false;
    }
    modules.push_back(FrozenModule{name, rest.substr(0, static_cast<size_t>(size)), kind == "p"});
    rest.remove_prefix(static_cast<size_t>(size));
  }
  // The views point into archive's buffer, which moving the string keeps in place.
  AddedLibrary& library = added_library();
  library.modules.clear();
  const char* before = archive.data();
  library.archive = std::move(archive);
  if (library.archive.data() != before) {
    for (FrozenModule& m : modules) {
      m.name = std::string_view(library.archive.data() + (m.name.data() - before), m.name.size());
      m.source = std::string_view(library.archive.data() + (m.source.data() - before), m.source.size());
    }
  }
  library.modules = std::move(modules);
  return true;
}

bool needs_library(std::string_view source) {
  if (library_loaded()) return false;
  LexResult lexed = tokenize(source);
  const std::vector<Token>& t = lexed.tokens;
  // dotted reads NAME(.NAME)* from t[i], advancing i.
  auto dotted = [&t](size_t& i) {
    std::string name;
    while (i < t.size() && t[i].type == TokenType::Name) {
      name.append(t[i].text);
      ++i;
      if (i < t.size() && t[i].type == TokenType::Dot) {
        name.push_back('.');
        ++i;
      } else {
        break;
      }
    }
    return name;
  };
  for (size_t i = 0; i < t.size(); ++i) {
    // ProcessPoolExecutor lives in the core's concurrent.futures but runs on multiprocessing.
    if (t[i].type == TokenType::Name && t[i].text == "ProcessPoolExecutor" && is_library_module("multiprocessing"))
      return true;
    if (t[i].type == TokenType::KwFrom) {
      size_t j = i + 1;
      if (is_library_module(dotted(j))) return true;
    } else if (t[i].type == TokenType::KwImport) {
      // `import a, b.c as d` (a `from x import y` has its module checked at KwFrom).
      if (i > 0 && t[i - 1].line == t[i].line && t[i - 1].type != TokenType::Semi &&
          t[i - 1].type != TokenType::Colon && t[i - 1].type != TokenType::Newline &&
          t[i - 1].type != TokenType::Indent && t[i - 1].type != TokenType::Dedent) {
        continue;
      }
      size_t j = i + 1;
      while (j < t.size()) {
        if (is_library_module(dotted(j))) return true;
        if (j < t.size() && t[j].type == TokenType::KwAs) j += 2;
        if (j < t.size() && t[j].type == TokenType::Comma) {
          ++j;
          continue;
        }
        break;
      }
    }
  }
  return false;
}

bool VM::import_frozen(Str* name, Value& out, bool& found) {
  found = false;
  const FrozenModule* fm = find_frozen(name->s);
  if (!fm) {
    if (!frozen_package(name->s)) return true;
    found = true;
    Module* pkg = new_module(name->s);
    modules_.emplace_back(name->s, pkg);
    out = Value::object(pkg);
    return true;
  }
  found = true;
  std::string filename = "<frozen " + name->s + ">";
  const Code* main = nullptr;
  FrozenCache* cache = config_.frozen_cache;
  if (cache) {
    auto it = cache->programs.find(name->s);
    if (it != cache->programs.end()) main = it->second->main;
  }
  if (!main) {
    ParseResult parsed = parse(fm->source);
    if (parsed.error || !parsed.module) {
      std::string why =
          parsed.error ? parsed.error->message + " (line " + std::to_string(parsed.error->line) + ")" : "";
      return raise(types_.import_error, "cannot parse " + filename + ": " + why);
    }
    CompileResult compiled = compile(*parsed.module, filename);
    if (compiled.error) {
      return raise(types_.import_error, "cannot compile " + filename + ": " + compiled.error->message + " (line " +
                                            std::to_string(compiled.error->line) + ")");
    }
    // Frozen code reports no Line events: the page follows the user's lines only.
    for (auto& code : compiled.program->codes) {
      for (uint32_t& w : code->code) w &= ~kLineStartBit;
    }
    main = compiled.program->main;
    if (cache) {
      cache->programs.emplace(name->s, std::move(compiled.program));
    } else {
      frozen_programs_.push_back(std::move(compiled.program));
    }
  }
  Module* m = new_module(name->s);
  modules_.emplace_back(name->s, m);
  Function* fn = alloc<Function>();
  fn->code = main;
  fn->name = intern("<module>");
  fn->qualname = fn->name;
  fn->globals = m->dict;
  fn->module = m;
  Value ignored;
  if (!call(Value::object(fn), CallArgs{}, ignored)) {
    for (auto it = modules_.begin(); it != modules_.end(); ++it) {
      if (it->second == m) {
        modules_.erase(it);
        break;
      }
    }
    return false;
  }
  out = Value::object(m);
  return true;
}

}  // namespace interleave
