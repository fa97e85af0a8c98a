#pragma once
// CodeRuntime is the VM's per-code cache: the code's constants as Values, its names as
// interned strings and the keyword-name tables of its calls, built once on first use.
#include <cstdint>
#include <vector>

#include "lang/bytecode.h"
#include "vm/object.h"

namespace interleave {

// AttrCache is one attribute instruction's inline cache: the type lookup of `name` on the
// class with uid cls_uid at class epoch `epoch`, and the instance-dict slot last found.
// LOAD_GLOBAL uses slot for the globals' entry; for a builtin it sets found, keeps the
// globals' uid in cls_uid, both dicts' key versions in epoch and the builtins' entry in slot2.
struct AttrCache {
  uint32_t cls_uid = 0;
  uint32_t slot = 0;
  uint32_t slot2 = 0;
  uint64_t epoch = 0;
  Value value;
  bool found = false;
  // The previous class's type lookup: sites that see two classes in turn (subclasses sharing
  // a method's code) hit one of the two entries. Only cached_type_attr uses it.
  bool found_b = false;
  uint32_t cls_uid_b = 0;
  uint64_t epoch_b = 0;
  Value value_b;
};

struct CodeRuntime {
  const Code* code = nullptr;
  ValueVec consts;
  std::vector<Str*> names;
  std::vector<std::vector<Str*>> kwnames;  // per constant index: a KW_NAMES tuple's names
  std::vector<Str*> varnames;
  std::vector<Str*> cellnames;  // cellvars then freevars
  Str* name = nullptr;          // for functions made from this code
  Str* qualname = nullptr;
  Value doc;
  uint32_t nlocals = 0;
  uint32_t ncells = 0;
  uint32_t frame_size = 0;  // locals + cells + stack
  bool simple_args = false;
  // warmup counts up to 0 as CPython 3.11's co_warmup does (RESUME and JUMP_BACKWARD add 1);
  // at 0 the code is "quickened": its len()/isinstance()/type()/append calls stop checking
  // the eval breaker, as their specialised forms do in 3.11.
  int32_t warmup = -8;
  std::vector<AttrCache>
      attr_cache;  // per instruction, used by LOAD_ATTR/STORE_ATTR/LOAD_METHOD                // positional-only binding with no cells, defaults or *args
};

}  // namespace interleave
