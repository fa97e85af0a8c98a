// placeholder
#include "vm/bytes.h"
namespace interleave {
namespace lib {
bool make_bytesio_module(VM&, Module*) { return true; }
}  // namespace lib
}  // namespace interleave
