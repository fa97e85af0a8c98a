#pragma once
// The native halves of two Python 3.11 statements: the checks behind `match` patterns
// (MATCH_MAPPING, MATCH_SEQUENCE, MATCH_KEYS, MATCH_CLASS) and the exception group
// operations behind `except*` (CHECK_EG_MATCH, PREP_RERAISE_STAR), plus the methods
// of BaseExceptionGroup (split, subgroup, derive) and BaseException.add_note.
#include "vm/vm.h"

namespace interleave {

// match_is_mapping: a dict, or a class that declares __abc_tpflags__ with the mapping bit.
bool match_is_mapping(VM& vm, Value v);
// match_is_sequence: list, tuple, range, or a class declaring the sequence bit; never str/bytes.
bool match_is_sequence(VM& vm, Value v);
// match_keys sets out to a tuple of subject[key] for keys, or None when one is missing.
bool match_keys(VM& vm, Value subject, Value keys, Value& out);
// match_class sets out to the tuple of matched attributes, or None when subject doesn't match.
bool match_class(VM& vm, Value subject, Value cls, Value names, uint32_t nargs, Value& out);

// exception_group_match splits exc by an except* type into the matching part and the rest.
bool exception_group_match(VM& vm, Value exc, Value type, Value& match, Value& rest);
// prep_reraise_star combines what except* clauses raised with the original group.
bool prep_reraise_star(VM& vm, Value orig, Value raised, Value& out);
// install_exception_group_methods adds split/subgroup/derive and add_note.
void install_exception_group_methods(VM& vm, Class* base_group);

}  // namespace interleave
