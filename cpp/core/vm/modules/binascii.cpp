// placeholder
#include "vm/bytes.h"
namespace interleave { namespace lib {
bool make_binascii_module(VM&, Module*) { return true; }
}}
