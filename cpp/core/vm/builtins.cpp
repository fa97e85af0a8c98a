// Built-in functions (print, len, sorted, ...), the constructors of built-in types
// (int(), str(), list(), ... as __new__ natives), object's default methods, and
// install_library(), which wires the whole library into a new VM.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "vm/bigint.h"
#include "vm/bytes.h"
#include "vm/format.h"
#include "vm/library.h"

namespace interleave {

using ast::BinOpKind;
using ast::CmpOpKind;

namespace lib {

bool no_kwargs(VM& vm, const CallArgs& a, const char* fn) {
  if (a.nkw == 0) return true;
  return raise_fmt(vm, vm.types().type_error, "%s() takes no keyword arguments", fn);
}

bool arg_count(VM& vm, const CallArgs& a, const char* fn, uint32_t min, uint32_t max, uint32_t self_offset) {
  uint32_t n = a.nargs - self_offset;
  if (n >= min && n <= max) return true;
  if (min == max && min == 1)
    return raise_fmt(vm, vm.types().type_error, "%s() takes exactly one argument (%u given)", fn, n);
  if (n < min)
    return raise_fmt(vm, vm.types().type_error, "%s expected %s%u argument%s, got %u", fn,
                     min == max ? "" : "at least ", min, min == 1 ? "" : "s", n);
  return raise_fmt(vm, vm.types().type_error, "%s expected %s%u argument%s, got %u", fn, min == max ? "" : "at most ",
                   max, max == 1 ? "" : "s", n);
}

bool bind(VM& vm, const CallArgs& a, const Params& p, Value* out, uint32_t& given, uint32_t self_offset) {
  given = 0;
  uint32_t npos = a.nargs - self_offset;
  uint32_t nparams = static_cast<uint32_t>(p.names.size());
  if (npos > nparams)
    return raise_fmt(vm, vm.types().type_error, "%s() takes at most %u argument%s (%u given)", p.fn, nparams,
                     nparams == 1 ? "" : "s", npos);
  for (uint32_t i = 0; i < npos; ++i) {
    out[i] = a.args[self_offset + i];
    given |= 1u << i;
  }
  for (uint32_t k = 0; k < a.nkw; ++k) {
    const std::string& kn = a.kwnames[k]->s;
    uint32_t idx = 0;
    bool found = false;
    for (const char* n : p.names) {
      if (kn == n) {
        found = true;
        break;
      }
      ++idx;
    }
    if (!found || p.positional_only)
      return raise_fmt(vm, vm.types().type_error, "%s() got an unexpected keyword argument '%s'", p.fn, kn.c_str());
    if (given & (1u << idx))
      return raise_fmt(vm, vm.types().type_error, "%s() got multiple values for argument '%s'", p.fn, kn.c_str());
    out[idx] = a.kwvalues[k];
    given |= 1u << idx;
  }
  uint32_t i = 0;
  for (const char* n : p.names) {
    if (i >= p.required) break;
    if (!(given & (1u << i)))
      return raise_fmt(vm, vm.types().type_error, "%s() missing required argument '%s' (pos %u)", p.fn, n, i + 1);
    ++i;
  }
  return true;
}

void define(VM& vm, Module* m, std::string_view fname, NativeFn fn) {
  NativeFunction* nf = vm.new_native(fname, fn);
  nf->data = Value::object(m);
  vm.dict_set(m->dict, Value::object(nf->name), Value::object(nf));
}

void define_value(VM& vm, Module* m, std::string_view vname, Value v) {
  vm.dict_set(m->dict, Value::object(vm.intern(vname)), v);
}

}  // namespace lib

using namespace lib;

Value not_implemented(VM& vm) { return state(vm).not_implemented; }
Value ellipsis(VM& vm) { return state(vm).ellipsis; }

namespace {

bool ret_none(Value& out) {
  out = Value();
  return true;
}

bool type_error(VM& vm, const std::string& msg) { return vm.raise(vm.types().type_error, msg); }

// ---------------------------------------------------------------- output

// stdout_target() is sys.stdout when a program replaced it (contextlib.redirect_stdout), else None.
bool stdout_target(VM& vm, Value& file) {
  Value sys, cur, orig;
  if (!vm.import_module("sys", sys) || !is_kind(sys, ObjKind::Module)) return true;
  Dict* d = static_cast<Module*>(sys.o)->dict;
  bool found = false, found_orig = false;
  if (!vm.dict_get(d, Value::object(vm.intern("stdout")), cur, found)) return false;
  if (!vm.dict_get(d, Value::object(vm.intern("__stdout__")), orig, found_orig)) return false;
  if (found && found_orig && !(cur.is_obj() && orig.is_obj() && cur.o == orig.o)) file = cur;
  return true;
}

bool b_print(VM& vm, const CallArgs& a, Value& out) {
  std::string_view sep = " ", end = "\n";
  Value file;
  for (uint32_t k = 0; k < a.nkw; ++k) {
    const std::string& n = a.kwnames[k]->s;
    Value v = a.kwvalues[k];
    if (n == "sep" || n == "end") {
      if (v.is_none()) continue;
      Str* s = as_str(v);
      if (!s) return type_error(vm, n + " must be None or a string, not " + vm.type_name(v));
      (n == "sep" ? sep : end) = s->s;
    } else if (n == "file") {
      file = v;
    } else if (n != "flush") {
      return type_error(vm, "'" + n + "' is an invalid keyword argument for print()");
    }
  }
  std::string text;
  for (uint32_t i = 0; i < a.nargs; ++i) {
    if (i) text += sep;
    if (!str_into(vm, a.args[i], text)) return false;
  }
  text += end;
  if (file.is_none() && !stdout_target(vm, file)) return false;
  if (!file.is_none()) {
    Value write, ignored;
    if (!vm.get_attr(file, name(vm, Name::write), write)) return false;
    if (!vm.call(write, {make_str(vm, text)}, ignored)) return false;
    return ret_none(out);
  }
  vm.ctx().write(vm.current_task(), text, vm.current_line());
  return !vm.aborting() && ret_none(out);
}

bool b_input(VM& vm, const CallArgs&, Value&) {
  return vm.raise(vm.types().runtime_error, "input() is not available in the playground");
}

bool b_open(VM& vm, const CallArgs&, Value&) {
  return vm.raise(vm.types().os_error, "open() is not available in the playground");
}

bool b_exit(VM& vm, const CallArgs& a, Value&) {
  Value exc;
  ValueVec args(a.args, a.args + std::min<uint32_t>(a.nargs, 1));
  CallArgs ca;
  ca.args = args.data();
  ca.nargs = static_cast<uint32_t>(args.size());
  if (!vm.call(Value::object(vm.types().system_exit), ca, exc)) return false;
  return vm.raise_value(exc);
}

// ---------------------------------------------------------------- sequences

bool b_len(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "len") || !arg_count(vm, a, "len", 1, 1)) return false;
  int64_t n;
  if (!vm.length(a.args[0], n)) return false;
  out = Value::integer(n);
  return true;
}

bool b_repr(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "repr") || !arg_count(vm, a, "repr", 1, 1)) return false;
  std::string s;
  if (!repr_into(vm, a.args[0], s)) return false;
  out = make_str(vm, s);
  return true;
}

bool b_ascii(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "ascii") || !arg_count(vm, a, "ascii", 1, 1)) return false;
  std::string s, r;
  if (!repr_into(vm, a.args[0], s)) return false;
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      r.push_back(s[i++]);
      continue;
    }
    uint32_t cp = utf8_decode(s, i);
    char buf[16];
    if (cp < 0x100) std::snprintf(buf, sizeof buf, "\\x%02x", cp);
    else if (cp < 0x10000) std::snprintf(buf, sizeof buf, "\\u%04x", cp);
    else std::snprintf(buf, sizeof buf, "\\U%08x", cp);
    r += buf;
  }
  out = make_str(vm, r);
  return true;
}

bool b_format(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "format") || !arg_count(vm, a, "format", 1, 2)) return false;
  std::string_view spec;
  if (a.nargs == 2) {
    Str* s = as_str(a.args[1]);
    if (!s) return type_error(vm, "format() argument 2 must be str, not " + vm.type_name(a.args[1]));
    spec = s->s;
  }
  std::string r;
  if (!vm.format(a.args[0], spec, r)) return false;
  out = make_str(vm, r);
  return true;
}

bool b_sum(VM& vm, const CallArgs& a, Value& out) {
  Value p[2] = {Value(), Value::integer(0)};
  uint32_t given;
  if (!bind(vm, a, Params{"sum", {"iterable", "start"}, 1}, p, given)) return false;
  if (as_str(p[1])) return type_error(vm, "sum() can't sum strings [use ''.join(seq) instead]");
  Value acc = p[1];
  bool ok = iterate(vm, p[0], [&](Value item, bool&) {
    if (acc.is_int() && item.is_int()) {
      int64_t r;
      if (__builtin_add_overflow(acc.i, item.i, &r)) return vm.binary_op(BinOpKind::Add, acc, item, acc);
      acc = Value::integer(r);
      return true;
    }
    if (acc.is_float() && item.is_float()) {
      acc = Value::number(acc.f + item.f);
      return true;
    }
    return vm.binary_op(BinOpKind::Add, acc, item, acc);
  });
  if (!ok) return false;
  out = acc;
  return true;
}

bool minmax(VM& vm, const CallArgs& a, bool is_max, Value& out) {
  const char* fn = is_max ? "max" : "min";
  Value key, def;
  bool has_default = false;
  for (uint32_t k = 0; k < a.nkw; ++k) {
    const std::string& n = a.kwnames[k]->s;
    if (n == "key") key = a.kwvalues[k];
    else if (n == "default") {
      def = a.kwvalues[k];
      has_default = true;
    } else return type_error(vm, "'" + n + "' is an invalid keyword argument for " + fn + "()");
  }
  if (a.nargs == 0) return raise_fmt(vm, vm.types().type_error, "%s expected at least 1 argument, got 0", fn);
  if (a.nargs > 1 && has_default)
    return raise_fmt(vm, vm.types().type_error, "Cannot specify a default for %s() with multiple positional arguments",
                     fn);
  bool have = false;
  Value best, best_key;
  auto visit = [&](Value item, bool&) {
    Value k = item;
    if (!key.is_none() && !vm.call(key, {item}, k)) return false;
    if (!have) {
      best = item;
      best_key = k;
      have = true;
      return true;
    }
    bool better;
    if (is_number(k) && is_number(best_key) && k.is_int() && best_key.is_int()) {
      better = is_max ? k.i > best_key.i : k.i < best_key.i;
    } else {
      Value r;
      if (!vm.compare(is_max ? CmpOpKind::Gt : CmpOpKind::Lt, k, best_key, r)) return false;
      if (!vm.truthy(r, better)) return false;
    }
    if (better) {
      best = item;
      best_key = k;
    }
    return true;
  };
  if (a.nargs == 1) {
    if (!iterate(vm, a.args[0], visit)) return false;
  } else {
    for (uint32_t i = 0; i < a.nargs; ++i) {
      bool stop = false;
      if (!visit(a.args[i], stop)) return false;
    }
  }
  if (!have) {
    if (has_default) {
      out = def;
      return true;
    }
    return raise_fmt(vm, vm.types().value_error, "%s() arg is an empty sequence", fn);
  }
  out = best;
  return true;
}

bool b_min(VM& vm, const CallArgs& a, Value& out) { return minmax(vm, a, false, out); }
bool b_max(VM& vm, const CallArgs& a, Value& out) { return minmax(vm, a, true, out); }

bool b_sorted(VM& vm, const CallArgs& a, Value& out) {
  if (a.nargs != 1) return raise_fmt(vm, vm.types().type_error, "sorted expected 1 argument, got %u", a.nargs);
  Value key;
  bool reverse = false;
  for (uint32_t k = 0; k < a.nkw; ++k) {
    const std::string& n = a.kwnames[k]->s;
    if (n == "key") key = a.kwvalues[k];
    else if (n == "reverse") {
      if (!vm.truthy(a.kwvalues[k], reverse)) return false;
    } else return type_error(vm, "sort() got an unexpected keyword argument '" + n + "'");
  }
  ValueVec items;
  if (!collect(vm, a.args[0], items)) return false;
  if (!sort_values(vm, items, key, reverse)) return false;
  out = Value::object(vm.new_list(std::move(items)));
  return true;
}

bool b_reversed(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "reversed")) return false;
  if (a.nargs != 1) return raise_fmt(vm, vm.types().type_error, "reversed expected 1 argument, got %u", a.nargs);
  Value seq = a.args[0];
  if (is_kind(seq, ObjKind::Range)) {
    Range* r = static_cast<Range*>(seq.o);
    int64_t n;
    vm.length(seq, n);
    Iterator* it = vm.alloc<Iterator>(IterKind::Range);
    it->source = seq;
    it->end = n;
    it->pos = n ? r->start + (n - 1) * r->step : 0;
    it->step = -r->step;
    out = Value::object(it);
    return true;
  }
  if (as_dict(seq)) {
    ValueVec keys;
    if (!collect(vm, seq, keys)) return false;
    seq = Value::object(vm.new_list(std::move(keys)));
  }
  if (as_list(seq) || as_tuple(seq) || as_str(seq)) {
    Iterator* it = vm.alloc<Iterator>(IterKind::Reversed);
    it->source = seq;
    if (Str* s = as_str(seq)) it->pos = static_cast<int64_t>(s->s.size()) - 1;
    else {
      int64_t n;
      vm.length(seq, n);
      it->pos = n - 1;
    }
    it->step = -1;
    out = Value::object(it);
    return true;
  }
  if (as_instance(seq)) {
    bool found;
    if (!call_dunder(vm, seq, Name::reversed, {}, out, found)) return false;
    if (found) return true;
    Value probe;
    if (vm.lookup_type_attr(vm.type_of(seq), name(vm, Name::getitem), probe) &&
        vm.lookup_type_attr(vm.type_of(seq), name(vm, Name::len), probe)) {
      int64_t n;
      if (!vm.length(seq, n)) return false;
      Iterator* it = vm.alloc<Iterator>(IterKind::Reversed);
      it->source = seq;
      it->pos = n - 1;
      it->step = -1;
      out = Value::object(it);
      return true;
    }
  }
  return type_error(vm, "'" + vm.type_name(seq) + "' object is not reversible");
}

bool b_enumerate(VM& vm, const CallArgs& a, Value& out) {
  Value p[2] = {Value(), Value::integer(0)};
  uint32_t given;
  if (!bind(vm, a, Params{"enumerate", {"iterable", "start"}, 1}, p, given)) return false;
  int64_t start;
  if (!to_index(vm, p[1], start)) return false;
  Value src;
  if (!vm.get_iter(p[0], src)) return false;
  Iterator* it = vm.alloc<Iterator>(IterKind::Enumerate);
  it->source = src;
  it->pos = start;
  out = Value::object(it);
  return true;
}

bool b_zip(VM& vm, const CallArgs& a, Value& out) {
  bool strict = false;
  for (uint32_t k = 0; k < a.nkw; ++k) {
    if (a.kwnames[k]->s != "strict")
      return type_error(vm, "zip() got an unexpected keyword argument '" + a.kwnames[k]->s + "'");
    if (!vm.truthy(a.kwvalues[k], strict)) return false;
  }
  Iterator* it = vm.alloc<Iterator>(IterKind::Zip);
  for (uint32_t i = 0; i < a.nargs; ++i) {
    Value src;
    if (!vm.get_iter(a.args[i], src)) return false;
    it->sources.push_back(src);
  }
  it->pos = strict ? 1 : 0;
  out = Value::object(it);
  return true;
}

bool b_map(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "map")) return false;
  if (a.nargs < 2) return type_error(vm, "map() must have at least two arguments.");
  Iterator* it = vm.alloc<Iterator>(IterKind::Map);
  it->func = a.args[0];
  for (uint32_t i = 1; i < a.nargs; ++i) {
    Value src;
    if (!vm.get_iter(a.args[i], src)) return false;
    it->sources.push_back(src);
  }
  out = Value::object(it);
  return true;
}

bool b_filter(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "filter")) return false;
  if (a.nargs != 2) return raise_fmt(vm, vm.types().type_error, "filter expected 2 arguments, got %u", a.nargs);
  Value src;
  if (!vm.get_iter(a.args[1], src)) return false;
  Iterator* it = vm.alloc<Iterator>(IterKind::Filter);
  it->func = a.args[0];
  it->source = src;
  out = Value::object(it);
  return true;
}

bool b_any_all(VM& vm, const CallArgs& a, Value& out, bool is_all) {
  const char* fn = is_all ? "all" : "any";
  if (!no_kwargs(vm, a, fn) || !arg_count(vm, a, fn, 1, 1)) return false;
  bool result = is_all;
  if (!iterate(vm, a.args[0], [&](Value item, bool& stop) {
        bool t;
        if (!vm.truthy(item, t)) return false;
        if (t != is_all) {
          result = !is_all;
          stop = true;
        }
        return true;
      }))
    return false;
  out = Value::boolean(result);
  return true;
}
bool b_any(VM& vm, const CallArgs& a, Value& out) { return b_any_all(vm, a, out, false); }
bool b_all(VM& vm, const CallArgs& a, Value& out) { return b_any_all(vm, a, out, true); }

bool b_iter(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "iter")) return false;
  if (a.nargs == 1) return vm.get_iter(a.args[0], out);
  if (a.nargs != 2) return raise_fmt(vm, vm.types().type_error, "iter expected at most 2 arguments, got %u", a.nargs);
  Iterator* it = vm.alloc<Iterator>(IterKind::Callable);
  it->func = a.args[0];
  it->source = a.args[1];
  out = Value::object(it);
  return true;
}

// dispatch_next_ok() tells whether next() may be called on v (it has __next__).
bool dispatch_next_ok(VM& vm, Value v) {
  if (!as_instance(v)) return false;
  Value probe;
  return vm.lookup_type_attr(vm.type_of(v), vm.names().next, probe);
}

bool b_next(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "next")) return false;
  if (a.nargs < 1 || a.nargs > 2)
    return raise_fmt(vm, vm.types().type_error, "next expected %s, got %u",
                     a.nargs ? "at most 2 arguments" : "at least 1 argument", a.nargs);
  Value it = a.args[0];
  if (!is_kind(it, ObjKind::Iterator) && !is_kind(it, ObjKind::Generator) && !dispatch_next_ok(vm, it))
    return type_error(vm, "'" + vm.type_name(it) + "' object is not an iterator");
  bool done;
  if (!vm.next(it, out, done)) return false;
  if (!done) return true;
  if (a.nargs == 2) {
    out = a.args[1];
    return true;
  }
  Value exc;
  if (!vm.call(Value::object(vm.types().stop_iteration), CallArgs{}, exc)) return false;
  return vm.raise_value(exc);
}

// ---------------------------------------------------------------- numbers

bool b_abs(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "abs") || !arg_count(vm, a, "abs", 1, 1)) return false;
  Value v = a.args[0];
  if (is_intlike(v)) {
    int64_t i = int_of(v);
    if (i == INT64_MIN) {
      out = make_int(vm, big_neg(BigInt::from_i64(i)));
      return true;
    }
    out = Value::integer(i < 0 ? -i : i);
    return true;
  }
  if (const BigIntObj* b = as_bigint(v)) {
    BigInt m = b->v;
    m.neg = false;
    out = make_int(vm, std::move(m));
    return true;
  }
  if (v.is_float()) {
    out = Value::number(std::fabs(v.f));
    return true;
  }
  if (as_instance(v)) {
    bool found;
    if (!call_dunder(vm, v, Name::abs, {}, out, found)) return false;
    if (found) return true;
  }
  return type_error(vm, "bad operand type for abs(): '" + vm.type_name(v) + "'");
}

bool float_to_int(VM& vm, double f, int64_t& out) {
  if (std::isnan(f)) return vm.raise(vm.types().value_error, "cannot convert float NaN to integer");
  if (std::isinf(f)) return vm.raise(vm.types().overflow_error, "cannot convert float infinity to integer");
  double t = std::trunc(f);
  if (t >= 9223372036854775808.0 || t < -9223372036854775808.0) return overflow(vm);
  out = static_cast<int64_t>(t);
  return true;
}

// float_to_int_value() is int(f) for a float of any size.
bool float_to_int_value(VM& vm, double f, Value& out) {
  if (std::isnan(f) || std::isinf(f)) {
    int64_t i;
    return float_to_int(vm, f, i);
  }
  out = int_from_double(vm, f);
  return true;
}

bool b_round(VM& vm, const CallArgs& a, Value& out) {
  Value p[2] = {Value(), Value()};
  uint32_t given;
  if (!bind(vm, a, Params{"round", {"number", "ndigits"}, 1}, p, given)) return false;
  Value x = p[0];
  if (as_bigint(x)) return int_round(vm, x, p[1], out);
  if (is_intlike(x)) {
    int64_t v = int_of(x);
    if (p[1].is_none()) {
      out = Value::integer(v);
      return true;
    }
    int64_t nd;
    if (!to_index(vm, p[1], nd)) return false;
    if (nd >= 0) {
      out = Value::integer(v);
      return true;
    }
    if (nd < -18) {
      out = Value::integer(0);
      return true;
    }
    int64_t pw = 1;
    for (int64_t i = 0; i < -nd; ++i) pw *= 10;
    int64_t r = v % pw;
    if (r < 0) r += pw;
    int64_t q = (v - r) / pw;
    if (2 * static_cast<__int128>(r) > pw || (2 * static_cast<__int128>(r) == pw && (q & 1))) ++q;
    int64_t res;
    if (__builtin_mul_overflow(q, pw, &res)) return int_round(vm, x, p[1], out);
    out = Value::integer(res);
    return true;
  }
  if (x.is_float()) {
    if (p[1].is_none()) {
      return float_to_int_value(vm, fmt::round_half_even(x.f), out);
    }
    int64_t nd;
    if (!to_index(vm, p[1], nd)) return false;
    double r;
    if (!fmt::round_double(x.f, nd, r))
      return vm.raise(vm.types().overflow_error, "rounded value too large to represent");
    out = Value::number(r);
    return true;
  }
  if (as_instance(x)) {
    bool found;
    if (p[1].is_none() ? !call_dunder(vm, x, Name::round, {}, out, found)
                       : !call_dunder(vm, x, Name::round, {p[1]}, out, found))
      return false;
    if (found) return true;
  }
  return type_error(vm, "type " + vm.type_name(x) + " doesn't define __round__ method");
}

bool b_divmod(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "divmod")) return false;
  if (a.nargs != 2) return raise_fmt(vm, vm.types().type_error, "divmod expected 2 arguments, got %u", a.nargs);
  Value x = a.args[0], y = a.args[1];
  if (is_number(x) && is_number(y)) {
    bool y_zero = y.is_float() ? y.f == 0.0 : !as_bigint(y) && int_of(y) == 0;
    if ((x.is_float() || y.is_float()) && y_zero) return vm.raise(vm.types().zero_division_error, "float divmod()");
    if (!x.is_float() && !y.is_float() && y_zero)
      return vm.raise(vm.types().zero_division_error, "integer division or modulo by zero");
    Value q, r;
    if (!vm.binary_op(BinOpKind::FloorDiv, x, y, q) || !vm.binary_op(BinOpKind::Mod, x, y, r)) return false;
    out = Value::object(vm.new_tuple({q, r}));
    return true;
  }
  if (as_instance(x) || as_instance(y)) {
    Str* dm = vm.intern("__divmod__");
    Str* rdm = vm.intern("__rdivmod__");
    if (as_instance(x)) {
      Value fn;
      if (vm.lookup_type_attr(vm.type_of(x), dm, fn)) {
        if (!vm.call(fn, {x, y}, out)) return false;
        if (!is_not_implemented(vm, out)) return true;
      }
    }
    if (as_instance(y)) {
      Value fn;
      if (vm.lookup_type_attr(vm.type_of(y), rdm, fn)) {
        if (!vm.call(fn, {y, x}, out)) return false;
        if (!is_not_implemented(vm, out)) return true;
      }
    }
  }
  return type_error(
      vm, "unsupported operand type(s) for divmod(): '" + vm.type_name(x) + "' and '" + vm.type_name(y) + "'");
}

int64_t mulmod(int64_t a, int64_t b, int64_t m) { return static_cast<int64_t>((static_cast<__int128>(a) * b) % m); }

bool b_pow(VM& vm, const CallArgs& a, Value& out) {
  Value p[3] = {Value(), Value(), Value()};
  uint32_t given;
  if (!bind(vm, a, Params{"pow", {"base", "exp", "mod"}, 2}, p, given)) return false;
  if (p[2].is_none()) return vm.binary_op(BinOpKind::Pow, p[0], p[1], out);
  if (!is_anyint(p[0]) || !is_anyint(p[1]) || !is_anyint(p[2]))
    return type_error(vm, "pow() 3rd argument not allowed unless all arguments are integers");
  if (as_bigint(p[0]) || as_bigint(p[1]) || as_bigint(p[2]) || int_of(p[1]) == INT64_MIN || int_of(p[2]) == INT64_MIN)
    return int_pow3(vm, p[0], p[1], p[2], out);
  int64_t base = int_of(p[0]), e = int_of(p[1]), m = int_of(p[2]);
  if (m == 0) return vm.raise(vm.types().value_error, "pow() 3rd argument cannot be 0");
  bool neg_mod = m < 0;
  if (m == INT64_MIN) return overflow(vm);
  if (neg_mod) m = -m;
  int64_t b = base % m;
  if (b < 0) b += m;
  if (e < 0) {
    // Modular inverse by the extended Euclidean algorithm.
    int64_t t = 0, newt = 1, r = m, newr = b;
    while (newr != 0) {
      int64_t q = r / newr;
      int64_t tmp = t - q * newt;
      t = newt;
      newt = tmp;
      tmp = r - q * newr;
      r = newr;
      newr = tmp;
    }
    if (r != 1) return vm.raise(vm.types().value_error, "base is not invertible for the given modulus");
    if (t < 0) t += m;
    b = t;
    if (e == INT64_MIN) return overflow(vm);
    e = -e;
  }
  int64_t result = 1 % m;
  while (e) {
    if (e & 1) result = mulmod(result, b, m);
    b = mulmod(b, b, m);
    e >>= 1;
  }
  if (neg_mod && result != 0) result -= m;
  out = Value::integer(result);
  return true;
}

bool b_chr(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "chr") || !arg_count(vm, a, "chr", 1, 1)) return false;
  int64_t i;
  if (!to_index(vm, a.args[0], i)) return false;
  if (i < 0 || i > 0x10ffff) return vm.raise(vm.types().value_error, "chr() arg not in range(0x110000)");
  out = char_str(vm, static_cast<uint32_t>(i));
  return true;
}

bool b_ord(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "ord") || !arg_count(vm, a, "ord", 1, 1)) return false;
  Str* s = as_str(a.args[0]);
  if (!s) return type_error(vm, "ord() expected string of length 1, but " + vm.type_name(a.args[0]) + " found");
  size_t n = s->ascii ? s->s.size() : s->length;
  if (n != 1)
    return raise_fmt(vm, vm.types().type_error, "ord() expected a character, but string of length %zu found", n);
  size_t pos = 0;
  out = Value::integer(utf8_decode(s->s, pos));
  return true;
}

bool radix(VM& vm, const CallArgs& a, const char* fn, int base, Value& out) {
  if (!no_kwargs(vm, a, fn) || !arg_count(vm, a, fn, 1, 1)) return false;
  std::string s;
  if (const BigIntObj* b = as_bigint(a.args[0])) {
    BigInt m = b->v;
    m.neg = false;
    s = std::string(b->v.neg ? "-" : "") + (base == 16 ? "0x" : base == 8 ? "0o" : "0b") + big_to_string(m, base);
    out = make_str(vm, s);
    return true;
  }
  int64_t i;
  if (!to_index(vm, a.args[0], i)) return false;
  fmt::int_to_base(i, base, true, false, s);
  out = make_str(vm, s);
  return true;
}
bool b_hex(VM& vm, const CallArgs& a, Value& out) { return radix(vm, a, "hex", 16, out); }
bool b_oct(VM& vm, const CallArgs& a, Value& out) { return radix(vm, a, "oct", 8, out); }
bool b_bin(VM& vm, const CallArgs& a, Value& out) { return radix(vm, a, "bin", 2, out); }

// ---------------------------------------------------------------- objects

bool classinfo_match(VM& vm, Value v, Value info, bool sub, bool& out, int depth = 0) {
  if (Class* c = as_class(info)) {
    if (c->meta && !(!sub && vm.type_of(v) == c)) {
      // classinfo_match: a metaclass's __instancecheck__/__subclasscheck__ decides (ABCMeta.register).
      Value check, result;
      if (vm.lookup_type_attr(c->meta, vm.intern(sub ? "__subclasscheck__" : "__instancecheck__"), check) &&
          is_kind(check, ObjKind::Function)) {
        if (!vm.call(check, {info, v}, result)) return false;
        return vm.truthy(result, out);
      }
    }
    out = sub ? vm.is_subclass(static_cast<Class*>(v.o), c) : vm.isinstance(v, c);
    return true;
  }
  if (Tuple* t = as_tuple(info)) {
    if (depth > 50) return vm.raise(vm.types().recursion_error, "maximum recursion depth exceeded");
    for (size_t i = 0; i < t->items.size(); ++i) {
      if (!classinfo_match(vm, v, t->items[i], sub, out, depth + 1)) return false;
      if (out) return true;
    }
    out = false;
    return true;
  }
  // classinfo_match asks an object that is not a class through its __instancecheck__ or
  // __subclasscheck__ (int | str, typing.List), as CPython does.
  if (as_instance(info)) {
    Value check, result;
    bool has = false;
    Str* name = vm.intern(sub ? "__subclasscheck__" : "__instancecheck__");
    if (!vm.has_attr(info, name, has)) return false;
    if (has) {
      if (!vm.get_attr(info, name, check) || !vm.call(check, {v}, result)) return false;
      return vm.truthy(result, out);
    }
  }
  return type_error(vm, sub ? "issubclass() arg 2 must be a class, a tuple of classes, or a union"
                            : "isinstance() arg 2 must be a type, a tuple of types, or a union");
}

bool b_isinstance(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "isinstance")) return false;
  if (a.nargs != 2) return raise_fmt(vm, vm.types().type_error, "isinstance expected 2 arguments, got %u", a.nargs);
  bool r;
  if (!classinfo_match(vm, a.args[0], a.args[1], false, r)) return false;
  out = Value::boolean(r);
  return true;
}

bool b_issubclass(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "issubclass")) return false;
  if (a.nargs != 2) return raise_fmt(vm, vm.types().type_error, "issubclass expected 2 arguments, got %u", a.nargs);
  if (!as_class(a.args[0])) return type_error(vm, "issubclass() arg 1 must be a class");
  bool r;
  if (!classinfo_match(vm, a.args[0], a.args[1], true, r)) return false;
  out = Value::boolean(r);
  return true;
}

bool attr_name(VM& vm, Value v, Str*& out) {
  Str* s = as_str(v);
  if (!s) return type_error(vm, "attribute name must be string, not '" + vm.type_name(v) + "'");
  out = vm.intern(s->s);
  return true;
}

bool b_getattr(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "getattr")) return false;
  if (a.nargs < 2 || a.nargs > 3)
    return raise_fmt(vm, vm.types().type_error, "getattr expected %s, got %u",
                     a.nargs < 2 ? "at least 2 arguments" : "at most 3 arguments", a.nargs);
  Str* n;
  if (!attr_name(vm, a.args[1], n)) return false;
  if (vm.get_attr(a.args[0], n, out)) return true;
  if (a.nargs == 3 && vm.isinstance(vm.pending_exception(), vm.types().attribute_error)) {
    vm.clear_exception();
    out = a.args[2];
    return true;
  }
  return false;
}

bool b_setattr(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "setattr")) return false;
  if (a.nargs != 3) return raise_fmt(vm, vm.types().type_error, "setattr expected 3 arguments, got %u", a.nargs);
  Str* n;
  if (!attr_name(vm, a.args[1], n) || !vm.set_attr(a.args[0], n, a.args[2])) return false;
  return ret_none(out);
}

bool b_delattr(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "delattr")) return false;
  if (a.nargs != 2) return raise_fmt(vm, vm.types().type_error, "delattr expected 2 arguments, got %u", a.nargs);
  Str* n;
  if (!attr_name(vm, a.args[1], n) || !vm.del_attr(a.args[0], n)) return false;
  return ret_none(out);
}

bool b_hasattr(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "hasattr")) return false;
  if (a.nargs != 2) return raise_fmt(vm, vm.types().type_error, "hasattr expected 2 arguments, got %u", a.nargs);
  Str* n;
  bool r;
  if (!attr_name(vm, a.args[1], n) || !vm.has_attr(a.args[0], n, r)) return false;
  out = Value::boolean(r);
  return true;
}

bool b_callable(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "callable") || !arg_count(vm, a, "callable", 1, 1)) return false;
  Value v = a.args[0];
  bool r = false;
  if (v.is_obj()) {
    switch (v.o->kind) {
      case ObjKind::Function:
      case ObjKind::NativeFunction:
      case ObjKind::BoundMethod:
      case ObjKind::Class:
      case ObjKind::StaticMethod: r = true; break;
      case ObjKind::Instance: {
        Value probe;
        r = vm.lookup_type_attr(vm.type_of(v), vm.names().call, probe);
        break;
      }
      default: break;
    }
  }
  out = Value::boolean(r);
  return true;
}

bool b_id(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "id") || !arg_count(vm, a, "id", 1, 1)) return false;
  out = Value::integer(static_cast<int64_t>(object_id(vm, a.args[0])));
  return true;
}

bool b_hash(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "hash") || !arg_count(vm, a, "hash", 1, 1)) return false;
  uint64_t h;
  if (!vm.hash(a.args[0], h)) return false;
  out = Value::integer(static_cast<int64_t>(h));
  return true;
}

bool b_globals(VM& vm, const CallArgs& a, Value& out) {
  if (!arg_count(vm, a, "globals", 0, 0)) return false;
  Dict* g = vm.current_globals();
  out = g ? Value::object(g) : Value::object(vm.new_dict());
  return true;
}

bool b_locals(VM& vm, const CallArgs& a, Value& out) {
  if (!arg_count(vm, a, "locals", 0, 0)) return false;
  return vm.current_locals(out);
}

bool b_vars(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "vars") || !arg_count(vm, a, "vars", 0, 1)) return false;
  if (a.nargs == 0) return vm.current_locals(out);
  if (!vm.get_attr(a.args[0], vm.names().dict, out)) {
    if (vm.isinstance(vm.pending_exception(), vm.types().attribute_error)) {
      vm.clear_exception();
      return type_error(vm, "vars() argument must have __dict__ attribute");
    }
    return false;
  }
  return true;
}

bool b_dir(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "dir") || !arg_count(vm, a, "dir", 0, 1)) return false;
  ValueVec names;
  auto add_keys = [&](Dict* d) {
    if (!d) return;
    for (const auto& e : d->entries)
      if (e.live && as_str(e.key)) names.push_back(e.key);
  };
  if (a.nargs == 0) {
    Value loc;
    if (!vm.current_locals(loc)) return false;
    add_keys(as_dict(loc));
  } else {
    Value v = a.args[0];
    if (Instance* in = as_instance(v)) add_keys(in->attrs);
    if (is_kind(v, ObjKind::Module)) add_keys(static_cast<Module*>(v.o)->dict);
    Class* cls = as_class(v) ? static_cast<Class*>(v.o) : vm.type_of(v);
    for (Class* c : cls->mro) add_keys(c->dict);
  }
  if (!sort_values(vm, names, Value(), false)) return false;
  ValueVec uniq;
  for (Value n : names)
    if (uniq.empty() || static_cast<Str*>(uniq.back().o)->s != static_cast<Str*>(n.o)->s) uniq.push_back(n);
  out = Value::object(vm.new_list(std::move(uniq)));
  return true;
}

// ---------------------------------------------------------------- constructors

bool int_from(VM& vm, Value x, Value& out) {
  if (x.is_int()) {
    out = x;
    return true;
  }
  if (x.is_bool()) {
    out = Value::integer(x.b ? 1 : 0);
    return true;
  }
  if (x.is_float()) return float_to_int_value(vm, x.f, out);
  if (as_bigint(x)) {
    out = x;
    return true;
  }
  if (Str* s = as_str(x)) {
    int64_t v;
    bool big;
    if (!parse_int(s->s, 10, v, big)) {
      std::string r;
      fmt::str_repr(s->s, r);
      return vm.raise(vm.types().value_error, "invalid literal for int() with base 10: " + r);
    }
    if (big) return parse_big_int(vm, s->s, 10, out);
    out = Value::integer(v);
    return true;
  }
  if (as_instance(x)) {
    bool found;
    for (Name n : {Name::int_, Name::index}) {
      if (!call_dunder(vm, x, n, {}, out, found)) return false;
      if (found) {
        if (!is_anyint(out)) return type_error(vm, "__int__ returned non-int (type " + vm.type_name(out) + ")");
        if (!as_bigint(out)) out = Value::integer(int_of(out));
        return true;
      }
    }
    Value f;
    if (!call_dunder(vm, x, Name::float_, {}, f, found)) return false;
  }
  return type_error(
      vm, "int() argument must be a string, a bytes-like object or a real number, not '" + vm.type_name(x) + "'");
}

bool int_new(VM& vm, const CallArgs& a, Value& out) {
  Value p[3] = {Value(), Value(), Value()};
  uint32_t given;
  if (!bind(vm, a, Params{"int", {"cls", "x", "base"}, 0}, p, given)) return false;
  if (!(given & 2)) {
    if (given & 4) return type_error(vm, "int() missing string argument");
    out = Value::integer(0);
    return true;
  }
  if (!(given & 4)) return int_from(vm, p[1], out);
  int64_t base;
  if (!to_index(vm, p[2], base)) return false;
  if (base != 0 && (base < 2 || base > 36))
    return vm.raise(vm.types().value_error, "int() base must be >= 2 and <= 36, or 0");
  Str* s = as_str(p[1]);
  if (!s) return type_error(vm, "int() can't convert non-string with explicit base");
  int64_t v;
  bool big;
  if (!parse_int(s->s, static_cast<int>(base), v, big)) {
    std::string r;
    fmt::str_repr(s->s, r);
    return raise_fmt(vm, vm.types().value_error, "invalid literal for int() with base %lld: %s",
                     static_cast<long long>(base), r.c_str());
  }
  if (big) return parse_big_int(vm, s->s, static_cast<int>(base), out);
  out = Value::integer(v);
  return true;
}

bool float_new(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "float")) return false;
  if (a.nargs > 2)
    return raise_fmt(vm, vm.types().type_error, "float expected at most 1 argument, got %u", a.nargs - 1);
  if (a.nargs == 1) {
    out = Value::number(0.0);
    return true;
  }
  Value x = a.args[1];
  if (x.is_float()) {
    out = x;
    return true;
  }
  if (is_intlike(x)) {
    out = Value::number(static_cast<double>(int_of(x)));
    return true;
  }
  if (as_bigint(x)) {
    double d;
    if (!int_to_double(vm, x, d)) return false;
    out = Value::number(d);
    return true;
  }
  if (Str* s = as_str(x)) {
    double d;
    if (!parse_float(s->s, d)) {
      std::string r;
      fmt::str_repr(s->s, r);
      return vm.raise(vm.types().value_error, "could not convert string to float: " + r);
    }
    out = Value::number(d);
    return true;
  }
  if (as_instance(x)) {
    double d;
    if (to_double(vm, x, d, nullptr)) {
      out = Value::number(d);
      return true;
    }
    if (!vm.isinstance(vm.pending_exception(), vm.types().type_error)) return false;
    vm.clear_exception();
  }
  return type_error(vm, "float() argument must be a string or a real number, not '" + vm.type_name(x) + "'");
}

bool str_new(VM& vm, const CallArgs& a, Value& out) {
  Value p[4] = {Value(), Value(), Value(), Value()};
  uint32_t given;
  if (!bind(vm, a, Params{"str", {"cls", "object", "encoding", "errors"}, 0}, p, given)) return false;
  if (given & 12) return type_error(vm, "decoding to str is not supported in the playground");
  if (!(given & 2)) {
    out = make_str(vm, "");
    return true;
  }
  if (as_str(p[1])) {
    out = p[1];
    return true;
  }
  std::string s;
  if (!str_into(vm, p[1], s)) return false;
  out = make_str(vm, s);
  return true;
}

bool bool_new(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "bool")) return false;
  if (a.nargs > 2) return raise_fmt(vm, vm.types().type_error, "bool expected at most 1 argument, got %u", a.nargs - 1);
  bool t = false;
  if (a.nargs == 2 && !vm.truthy(a.args[1], t)) return false;
  out = Value::boolean(t);
  return true;
}

bool list_new(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "list")) return false;
  if (a.nargs > 2) return raise_fmt(vm, vm.types().type_error, "list expected at most 1 argument, got %u", a.nargs - 1);
  ValueVec items;
  if (a.nargs == 2) {
    VM::NestedCollect scope(vm, &items, a.args[1]);
    if (!collect(vm, a.args[1], items, &scope)) return false;
  }
  out = Value::object(vm.new_list(std::move(items)));
  return true;
}

bool tuple_new(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "tuple")) return false;
  if (a.nargs > 2)
    return raise_fmt(vm, vm.types().type_error, "tuple expected at most 1 argument, got %u", a.nargs - 1);
  if (a.nargs == 2 && as_tuple(a.args[1])) {
    out = a.args[1];
    return true;
  }
  ValueVec items;
  if (a.nargs == 2) {
    VM::NestedCollect scope(vm, &items, a.args[1]);
    if (!collect(vm, a.args[1], items, &scope)) return false;
  }
  out = Value::object(vm.new_tuple(std::move(items)));
  return true;
}

bool dict_new(VM& vm, const CallArgs& a, Value& out) {
  if (a.nargs > 2) return raise_fmt(vm, vm.types().type_error, "dict expected at most 1 argument, got %u", a.nargs - 1);
  Dict* d = vm.new_dict();
  if (a.nargs == 2 && !dict_update(vm, d, a.args[1])) return false;
  for (uint32_t k = 0; k < a.nkw; ++k)
    if (!vm.dict_set(d, Value::object(const_cast<Str*>(a.kwnames[k])), a.kwvalues[k])) return false;
  out = Value::object(d);
  return true;
}

bool set_new_impl(VM& vm, const CallArgs& a, bool frozen, Value& out) {
  const char* fn = frozen ? "frozenset" : "set";
  if (!no_kwargs(vm, a, fn)) return false;
  if (a.nargs > 2)
    return raise_fmt(vm, vm.types().type_error, "%s expected at most 1 argument, got %u", fn, a.nargs - 1);
  if (frozen && a.nargs == 2 && as_set(a.args[1]) && as_set(a.args[1])->frozen) {
    out = a.args[1];
    return true;
  }
  Set* s = vm.new_set(frozen);
  if (a.nargs == 2 && !set_update(vm, s, a.args[1])) return false;
  out = Value::object(s);
  return true;
}
bool set_new(VM& vm, const CallArgs& a, Value& out) { return set_new_impl(vm, a, false, out); }
bool frozenset_new(VM& vm, const CallArgs& a, Value& out) { return set_new_impl(vm, a, true, out); }

bool range_new(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "range")) return false;
  uint32_t n = a.nargs - 1;
  if (n == 0) return type_error(vm, "range expected at least 1 argument, got 0");
  if (n > 3) return raise_fmt(vm, vm.types().type_error, "range expected at most 3 arguments, got %u", n);
  int64_t v[3] = {0, 0, 1};
  for (uint32_t i = 0; i < n; ++i)
    if (!to_index(vm, a.args[1 + i], v[i])) return false;
  Range* r = vm.alloc<Range>();
  if (n == 1) {
    r->stop = v[0];
  } else {
    r->start = v[0];
    r->stop = v[1];
    if (n == 3) r->step = v[2];
  }
  if (r->step == 0) return vm.raise(vm.types().value_error, "range() arg 3 must not be zero");
  out = Value::object(r);
  return true;
}

bool slice_new(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "slice")) return false;
  uint32_t n = a.nargs - 1;
  if (n == 0 || n > 3)
    return raise_fmt(vm, vm.types().type_error, "slice expected %s, got %u",
                     n ? "at most 3 arguments" : "at least 1 argument", n);
  Slice* s = vm.alloc<Slice>();
  if (n == 1) s->stop = a.args[1];
  else {
    s->start = a.args[1];
    s->stop = a.args[2];
    if (n == 3) s->step = a.args[3];
  }
  out = Value::object(s);
  return true;
}

// ---------------------------------------------------------------- object's methods

bool object_repr(VM& vm, const CallArgs& a, Value& out) {
  if (a.nargs != 1) return type_error(vm, "object.__repr__() takes exactly one argument");
  Value v = a.args[0];
  std::string s = "<";
  class_qualified(vm, vm.type_of(v), s);
  s += " object at ";
  s += v.is_obj() ? address(vm, v.o) : std::string("0x") + "0";
  s.push_back('>');
  out = make_str(vm, s);
  return true;
}

bool object_str(VM& vm, const CallArgs& a, Value& out) {
  if (a.nargs != 1) return type_error(vm, "object.__str__() takes exactly one argument");
  std::string s;
  if (!repr_into(vm, a.args[0], s)) return false;
  out = make_str(vm, s);
  return true;
}

bool object_eq(VM& vm, const CallArgs& a, Value& out) {
  if (a.nargs != 2) return type_error(vm, "expected 1 argument");
  out = a.args[0].is_same(a.args[1]) ? Value::boolean(true) : not_implemented(vm);
  return true;
}

bool object_ne(VM& vm, const CallArgs& a, Value& out) {
  if (a.nargs != 2) return type_error(vm, "expected 1 argument");
  bool found;
  Value r;
  if (!call_dunder(vm, a.args[0], Name::eq, {a.args[1]}, r, found)) return false;
  if (!found) r = a.args[0].is_same(a.args[1]) ? Value::boolean(true) : not_implemented(vm);
  if (is_not_implemented(vm, r)) {
    out = r;
    return true;
  }
  bool t;
  if (!vm.truthy(r, t)) return false;
  out = Value::boolean(!t);
  return true;
}

bool object_hash(VM& vm, const CallArgs& a, Value& out) {
  if (a.nargs != 1) return type_error(vm, "expected 0 arguments");
  uint64_t id = object_id(vm, a.args[0]);
  out = Value::integer(static_cast<int64_t>((id >> 4) | (id << 60)));
  return true;
}

bool object_format(VM& vm, const CallArgs& a, Value& out) {
  if (a.nargs != 2) return type_error(vm, "object.__format__() takes exactly one argument");
  Str* spec = as_str(a.args[1]);
  if (!spec) return type_error(vm, "__format__() argument must be str, not " + vm.type_name(a.args[1]));
  if (!spec->s.empty())
    return type_error(vm, "unsupported format string passed to " + vm.type_name(a.args[0]) + ".__format__");
  std::string s;
  if (!str_into(vm, a.args[0], s)) return false;
  out = make_str(vm, s);
  return true;
}

// ---------------------------------------------------------------- int and float methods

bool int_bit_length(VM& vm, const CallArgs& a, Value& out) {
  if (a.nargs != 1 || !is_anyint(a.args[0])) return type_error(vm, "int.bit_length() takes no arguments");
  if (const BigIntObj* b = as_bigint(a.args[0])) {
    out = Value::integer(static_cast<int64_t>(b->v.bit_length()));
    return true;
  }
  int64_t v = int_of(a.args[0]);
  uint64_t m = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  out = Value::integer(m ? 64 - __builtin_clzll(m) : 0);
  return true;
}

bool int_bit_count(VM& vm, const CallArgs& a, Value& out) {
  if (a.nargs != 1 || !is_anyint(a.args[0])) return type_error(vm, "int.bit_count() takes no arguments");
  if (const BigIntObj* b = as_bigint(a.args[0])) {
    out = Value::integer(static_cast<int64_t>(b->v.bit_count()));
    return true;
  }
  int64_t v = int_of(a.args[0]);
  uint64_t m = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  out = Value::integer(__builtin_popcountll(m));
  return true;
}

bool float_is_integer(VM& vm, const CallArgs& a, Value& out) {
  if (a.nargs != 1 || !a.args[0].is_float()) return type_error(vm, "float.is_integer() takes no arguments");
  double f = a.args[0].f;
  out = Value::boolean(std::isfinite(f) && f == std::floor(f));
  return true;
}

bool float_as_integer_ratio(VM& vm, const CallArgs& a, Value& out) {
  if (a.nargs != 1 || !a.args[0].is_float()) return type_error(vm, "float.as_integer_ratio() takes no arguments");
  double f = a.args[0].f;
  if (std::isinf(f)) return vm.raise(vm.types().overflow_error, "cannot convert Infinity to integer ratio");
  if (std::isnan(f)) return vm.raise(vm.types().value_error, "cannot convert NaN to integer ratio");
  int e;
  double m = std::frexp(f, &e);
  for (int i = 0; i < 300 && m != std::floor(m); ++i) {
    m *= 2.0;
    --e;
  }
  BigInt num = BigInt::from_double(m), den = BigInt::from_i64(1);
  if (e > 0) num = big_shl(num, static_cast<uint64_t>(e));
  else den = big_shl(den, static_cast<uint64_t>(-e));
  out = Value::object(vm.new_tuple({make_int(vm, std::move(num)), make_int(vm, std::move(den))}));
  return true;
}

bool number_real(VM&, const CallArgs& a, Value& out) {
  out = a.args[0].is_bool() ? Value::integer(a.args[0].b ? 1 : 0) : a.args[0];
  return true;
}
bool number_imag(VM&, const CallArgs& a, Value& out) {
  out = a.args[0].is_float() ? Value::number(0.0) : Value::integer(0);
  return true;
}
bool int_denominator(VM&, const CallArgs&, Value& out) {
  out = Value::integer(1);
  return true;
}
// int_as_integer_ratio() is (int(self), 1), as CPython's int.as_integer_ratio.
bool int_as_integer_ratio(VM& vm, const CallArgs& a, Value& out) {
  if (a.nargs != 1 || !is_anyint(a.args[0])) return type_error(vm, "int.as_integer_ratio() takes no arguments");
  Value n;
  number_real(vm, a, n);
  out = Value::object(vm.new_tuple({n, Value::integer(1)}));
  return true;
}
bool int_conjugate(VM& vm, const CallArgs& a, Value& out) {
  if (a.nargs != 1 || !is_anyint(a.args[0])) return type_error(vm, "int.conjugate() takes no arguments");
  return number_real(vm, a, out);
}

}  // namespace

void lib::define_property(VM& vm, Class* cls, std::string_view pname, NativeFn fn) {
  Property* p = vm.alloc<Property>();
  p->fget = Value::object(vm.new_native(pname, fn));
  vm.define_method(cls, pname, fn);
  vm.dict_set(cls->dict, Value::object(vm.intern(pname)), Value::object(p));
}

void lib::install_builtins(VM& vm) {
  struct Entry {
    const char* name;
    NativeFn fn;
  };
  static const Entry fns[] = {
      {"print", b_print},
      {"input", b_input},
      {"open", b_open},
      {"exit", b_exit},
      {"quit", b_exit},
      {"len", b_len},
      {"repr", b_repr},
      {"ascii", b_ascii},
      {"format", b_format},
      {"sum", b_sum},
      {"min", b_min},
      {"max", b_max},
      {"sorted", b_sorted},
      {"reversed", b_reversed},
      {"enumerate", b_enumerate},
      {"zip", b_zip},
      {"map", b_map},
      {"filter", b_filter},
      {"any", b_any},
      {"all", b_all},
      {"iter", b_iter},
      {"next", b_next},
      {"abs", b_abs},
      {"round", b_round},
      {"divmod", b_divmod},
      {"pow", b_pow},
      {"chr", b_chr},
      {"ord", b_ord},
      {"hex", b_hex},
      {"oct", b_oct},
      {"bin", b_bin},
      {"isinstance", b_isinstance},
      {"issubclass", b_issubclass},
      {"getattr", b_getattr},
      {"setattr", b_setattr},
      {"delattr", b_delattr},
      {"hasattr", b_hasattr},
      {"callable", b_callable},
      {"id", b_id},
      {"hash", b_hash},
      {"globals", b_globals},
      {"locals", b_locals},
      {"vars", b_vars},
      {"dir", b_dir},
  };
  for (const Entry& e : fns) {
    NativeFunction* nf = vm.new_native(e.name, e.fn);
    nf->check_free = e.fn == b_len || e.fn == b_isinstance;  // PRECALL_NO_KW_LEN, _ISINSTANCE
    vm.define_global(e.name, Value::object(nf));
  }

  const Types& t = vm.types();
  vm.define_method(t.int_, "__new__", int_new);
  vm.define_method(t.float_, "__new__", float_new);
  vm.define_method(t.str, "__new__", str_new);
  vm.define_method(t.bool_, "__new__", bool_new);
  vm.define_method(t.list, "__new__", list_new);
  vm.define_method(t.tuple, "__new__", tuple_new);
  vm.define_method(t.dict, "__new__", dict_new);
  vm.define_method(t.set, "__new__", set_new);
  vm.define_method(t.frozenset, "__new__", frozenset_new);
  vm.define_method(t.range, "__new__", range_new);
  vm.define_method(t.slice, "__new__", slice_new);

  State& st = state(vm);
  st.object_repr = object_repr;
  st.object_str = object_str;
  st.object_eq = object_eq;
  st.object_ne = object_ne;
  st.object_hash = object_hash;
  st.object_format = object_format;
  vm.define_method(t.object, "__repr__", object_repr);
  vm.define_method(t.object, "__str__", object_str);
  vm.define_method(t.object, "__eq__", object_eq);
  vm.define_method(t.object, "__ne__", object_ne);
  vm.define_method(t.object, "__hash__", object_hash);
  vm.define_method(t.object, "__format__", object_format);

  vm.define_method(t.int_, "bit_length", int_bit_length);
  vm.define_method(t.int_, "bit_count", int_bit_count);
  vm.define_method(t.int_, "as_integer_ratio", int_as_integer_ratio);
  vm.define_method(t.int_, "conjugate", int_conjugate);
  define_property(vm, t.int_, "numerator", number_real);
  define_property(vm, t.int_, "denominator", int_denominator);
  vm.define_method(t.float_, "is_integer", float_is_integer);
  vm.define_method(t.float_, "as_integer_ratio", float_as_integer_ratio);
  for (Class* c : {t.int_, t.float_}) {
    define_property(vm, c, "real", number_real);
    define_property(vm, c, "imag", number_imag);
  }
}

void install_library(VM& vm) {
  reset_state(vm);
  State& st = state(vm);
  static const char* const kNames[] = {
      "__add__",       "__radd__",    "__iadd__",     "__sub__",      "__rsub__",     "__isub__",     "__mul__",
      "__rmul__",      "__imul__",    "__truediv__",  "__rtruediv__", "__itruediv__", "__floordiv__", "__rfloordiv__",
      "__ifloordiv__", "__mod__",     "__rmod__",     "__imod__",     "__pow__",      "__rpow__",     "__ipow__",
      "__lshift__",    "__rlshift__", "__ilshift__",  "__rshift__",   "__rrshift__",  "__irshift__",  "__or__",
      "__ror__",       "__ior__",     "__xor__",      "__rxor__",     "__ixor__",     "__and__",      "__rand__",
      "__iand__",      "__matmul__",  "__rmatmul__",  "__imatmul__",  "__eq__",       "__ne__",       "__lt__",
      "__le__",        "__gt__",      "__ge__",       "__neg__",      "__pos__",      "__invert__",   "__abs__",
      "__bool__",      "__len__",     "__contains__", "__getitem__",  "__setitem__",  "__delitem__",  "__iter__",
      "__next__",      "__hash__",    "__str__",      "__repr__",     "__format__",   "__index__",    "__int__",
      "__float__",     "__round__",   "__reversed__", "__call__",     "__init__",     "__new__",      "__enter__",
      "__exit__",      "args",        "value",        "__name__",     "__qualname__", "__module__",   "__dict__",
      "__doc__",       "__class__",   "__file__",     "keys",         "write",        "start",        "stop",
      "step",          "real",        "imag",
  };
  static_assert(sizeof(kNames) / sizeof(kNames[0]) == static_cast<size_t>(Name::kCount), "one name per Name");
  for (size_t i = 0; i < static_cast<size_t>(Name::kCount); ++i) st.names[i] = vm.intern(kNames[i]);
  st.empty = vm.intern("");
  for (int c = 0; c < 128; ++c) st.chars[c] = vm.intern(std::string(1, static_cast<char>(c)));

  const Types& t = vm.types();
  st.notimpl_type = vm.new_class("NotImplementedType", {t.object}, true);
  Instance* ni = vm.alloc<Instance>();
  ni->cls = st.notimpl_type;
  st.not_implemented = Value::object(ni);
  st.ellipsis_type = vm.new_class("ellipsis", {t.object}, true);
  Instance* el = vm.alloc<Instance>();
  el->cls = st.ellipsis_type;
  st.ellipsis = Value::object(el);
  st.dict_keys = vm.new_class("dict_keys", {t.object}, true);
  st.dict_values = vm.new_class("dict_values", {t.object}, true);
  st.dict_items = vm.new_class("dict_items", {t.object}, true);
  vm.define_global("NotImplemented", st.not_implemented);
  vm.define_global("Ellipsis", st.ellipsis);
  for (Class* c : {st.notimpl_type, st.ellipsis_type, st.dict_keys, st.dict_values, st.dict_items})
    vm.add_root(Value::object(c));
  vm.add_root(st.not_implemented);
  vm.add_root(st.ellipsis);

  install_builtins(vm);
  install_str_methods(vm);
  install_containers(vm);
  install_exceptions(vm);
  install_bytes(vm);
  install_subclassing(vm);
}

// make_builtins_module: `import builtins` is the built-in namespace itself, so assigning
// builtins.len changes what every module's `len` means, as in CPython.
bool make_builtins_module(VM& vm, Module* m) {
  m->dict = vm.builtins();
  return vm.dict_set(m->dict, Value::object(vm.intern("__name__")), Value::object(m->name));
}

bool make_native_module(VM& vm, std::string_view name, Module*& out) {
  bool (*make)(VM&, Module*) = nullptr;
  if (name == "time") make = make_time_module;
  else if (name == "builtins") make = make_builtins_module;
  else if (name == "math") make = make_math_module;
  else if (name == "random") make = make_random_module;
  else if (name == "sim") make = make_sim_module;
  else if (name == "_introspect") make = make_introspect_module;
  else if (name == "_sre") make = make_sre_module;
  else if (name == "_json") make = make_json_module;
  else if (!(make = bytes_module_maker(name))) return false;
  Module* m = vm.new_module(name);
  if (!make(vm, m)) return false;
  out = m;
  return true;
}

}  // namespace interleave
