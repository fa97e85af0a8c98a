// placeholder
#include "vm/bytes.h"
namespace interleave { namespace lib {
bool make_struct_module(VM&, Module*) { return true; }
}}
