# Embeds cpp/core/stdlib/**/*.py into a C++ source as byte arrays (run with cmake -P).
# Inputs: STDLIB_DIR (the sources), OUTPUT (the .cpp to write), optionally PYTHON and
# MINIFIER (cpp/cmake/minify_python.py), which shrink each module first, and LIBRARY_OUTPUT.
# A module's name is its path below STDLIB_DIR with '/' as '.', a package's module is its
# __init__.py, and the file concurrent_futures.py is the module concurrent.futures.
#
# Modules are in one of two groups. The core (kCoreModules below: the concurrency runtimes
# and what they import) is always compiled in. The library is everything else: compiled in
# too, unless LIBRARY_OUTPUT names a file, in which case the library is written there as an
# archive the host loads on a program's first import of it (the wasm build; vm/frozen.h).
# The core may import only core and native modules; this script fails the build otherwise
# (a lazy import inside a function counts too: the library may not be loaded).
set(core_modules threading queue concurrent concurrent.futures asyncio contextvars heapq aiohttp requests _pytime _strptime)
get_filename_component(output_dir "${OUTPUT}" DIRECTORY)
file(MAKE_DIRECTORY "${output_dir}")
file(GLOB_RECURSE sources RELATIVE "${STDLIB_DIR}" "${STDLIB_DIR}/*.py")
list(SORT sources)
# library_set: every module below STDLIB_DIR outside the core (native modules are neither).
set(library_set "")
foreach(rel IN LISTS sources)
  string(REGEX REPLACE "(/__init__)?\\.py$" "" top "${rel}")
  string(REGEX REPLACE "/.*" "" top "${top}")
  if(top STREQUAL "concurrent_futures")
    set(top concurrent)
  endif()
  list(FIND core_modules "${top}" top_index)
  if(top_index EQUAL -1)
    list(APPEND library_set "${top}")
  endif()
endforeach()
set(body "")
set(core_table "")
set(library_table "")
set(library_names "")
set(archive "")
set(core_count 0)
set(library_count 0)
set(index 0)
foreach(rel IN LISTS sources)
  string(REGEX REPLACE "\\.py$" "" name "${rel}")
  string(REPLACE "/" "." name "${name}")
  set(package false)
  if(name MATCHES "(^|\\.)__init__$")
    string(REGEX REPLACE "\\.?__init__$" "" name "${name}")
    set(package true)
  endif()
  if(name STREQUAL "concurrent_futures")
    set(name "concurrent.futures")
  endif()
  set(input "${STDLIB_DIR}/${rel}")
  if(PYTHON AND MINIFIER)
    set(input "${OUTPUT}.module.py")
    execute_process(COMMAND "${PYTHON}" "${MINIFIER}" "${STDLIB_DIR}/${rel}" "${input}" RESULT_VARIABLE failed)
    if(failed)
      message(FATAL_ERROR "cannot minify ${rel}: ${MINIFIER} failed")
    endif()
  endif()
  list(FIND core_modules "${name}" core_index)
  if(core_index GREATER -1)
    # A core module's imports must be core modules too: the library may not be loaded.
    file(STRINGS "${STDLIB_DIR}/${rel}" import_lines REGEX "^[ \t]*(import|from)[ \t]+[A-Za-z_]")
    # An import marked `# library-loaded` runs only when the library already is (datetime calling back).
    list(FILTER import_lines EXCLUDE REGEX "# library-loaded")
    foreach(line IN LISTS import_lines)
      string(REGEX REPLACE "^[ \t]*(import|from)[ \t]+([A-Za-z_][A-Za-z0-9_.]*).*" "\\2" imported "${line}")
      string(REGEX REPLACE "\\..*" "" top "${imported}")
      list(FIND library_set "${top}" top_index)
      if(top_index GREATER -1)
        message(FATAL_ERROR "core module ${name} imports ${imported}, which is not a core module: add it to core_modules in embed.cmake")
      endif()
    endforeach()
  endif()
  if(core_index EQUAL -1 AND LIBRARY_OUTPUT)
    file(READ "${input}" text)
    string(LENGTH "${text}" size)
    if(package)
      set(kind p)
    else()
      set(kind m)
    endif()
    string(APPEND archive "${name}\n${kind}\n${size}\n${text}")
    string(APPEND library_names "    \"${name}\",\n")
    math(EXPR library_count "${library_count} + 1")
  else()
    file(READ "${input}" hex HEX)
    string(LENGTH "${hex}" hex_length)
    math(EXPR size "${hex_length} / 2")
    string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
    string(APPEND body "// ${rel}\nconst unsigned char kSource${index}[] = {${bytes}0};\n")
    set(entry "    {\"${name}\", std::string_view(reinterpret_cast<const char*>(kSource${index}), ${size}), ${package}},\n")
    if(core_index GREATER -1)
      string(APPEND core_table "${entry}")
      math(EXPR core_count "${core_count} + 1")
    else()
      string(APPEND library_table "${entry}")
      string(APPEND library_names "    \"${name}\",\n")
      math(EXPR library_count "${library_count} + 1")
    endif()
    math(EXPR index "${index} + 1")
  endif()
endforeach()
if(core_table STREQUAL "")
  set(core_table "    {\"\", std::string_view(), false},\n")
endif()
set(library_count_built_in ${library_count})
if(LIBRARY_OUTPUT)
  set(library_count_built_in 0)
  file(WRITE "${LIBRARY_OUTPUT}.tmp" "${archive}")
  execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${LIBRARY_OUTPUT}.tmp" "${LIBRARY_OUTPUT}")
  file(REMOVE "${LIBRARY_OUTPUT}.tmp")
endif()
if(library_table STREQUAL "")
  set(library_table "    {\"\", std::string_view(), false},\n")
endif()
if(library_names STREQUAL "")
  set(library_names "    \"\",\n")
endif()
file(WRITE "${OUTPUT}.tmp" "// Generated by cpp/core/stdlib/embed.cmake from cpp/core/stdlib: do not edit.
#include \"vm/frozen.h\"

namespace interleave {
namespace {
${body}
const FrozenModule kCoreModules[] = {
${core_table}};
const FrozenModule kLibraryModules[] = {
${library_table}};
const std::string_view kLibraryNames[] = {
${library_names}};
}  // namespace

const FrozenModule* frozen_modules(size_t& count) {
  count = ${core_count};
  return kCoreModules;
}

const FrozenModule* built_in_library(size_t& count) {
  count = ${library_count_built_in};
  return kLibraryModules;
}

const std::string_view* library_module_names(size_t& count) {
  count = ${library_count};
  return kLibraryNames;
}

}  // namespace interleave
")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUTPUT}.tmp" "${OUTPUT}")
file(REMOVE "${OUTPUT}.tmp" "${OUTPUT}.module.py")
