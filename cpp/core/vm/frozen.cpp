// Importing frozen modules: compile the embedded source once per VM, run its module code
// to completion in a fresh module, and cache it like any other module.
#include "vm/frozen.h"

#include "lang/compiler.h"
#include "lang/parser.h"
#include "vm/vm.h"

namespace interleave {

const FrozenModule* find_frozen(std::string_view name) {
  size_t n = 0;
  const FrozenModule* all = frozen_modules(n);
  for (size_t i = 0; i < n; ++i) {
    if (all[i].name == name) return &all[i];
  }
  return nullptr;
}

bool frozen_package(std::string_view name) {
  size_t n = 0;
  const FrozenModule* all = frozen_modules(n);
  for (size_t i = 0; i < n; ++i) {
    std::string_view m = all[i].name;
    if (m.size() > name.size() && m.substr(0, name.size()) == name && m[name.size()] == '.') return true;
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
  ParseResult parsed = parse(fm->source);
  if (parsed.error || !parsed.module) {
    std::string why = parsed.error ? parsed.error->message + " (line " + std::to_string(parsed.error->line) + ")" : "";
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
  const Code* main = compiled.program->main;
  frozen_programs_.push_back(std::move(compiled.program));
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
