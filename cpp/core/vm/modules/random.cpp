// The random module: CPython's algorithms on the run's seeded MersenneTwister, so a
// program that calls random.seed(n) prints what python3 prints. Without a seed call the
// generator starts from the simulation's seed option.
#include <cmath>
#include <unordered_set>

#include "vm/library.h"
#include "vm/random.h"

namespace interleave {
namespace lib {
namespace {

MersenneTwister& rng(VM& vm) { return vm.ctx().random(); }

bool r_seed(VM& vm, const CallArgs& a, Value& out) {
  Value p[2] = {Value(), Value::integer(2)};
  uint32_t given;
  if (!bind(vm, a, Params{"seed", {"a", "version"}, 0}, p, given)) return false;
  Value s = p[0];
  MersenneTwister& mt = rng(vm);
  if (s.is_none()) mt.seed_unsigned(mt.getrandbits(64));
  else if (s.is_int()) mt.seed(s.i);
  else if (Str* str = as_str(s)) mt.seed_bytes(str->s);
  else if (s.is_bool() || s.is_float()) {
    uint64_t h;
    if (!vm.hash(s, h)) return false;
    mt.seed_unsigned(h);
  } else {
    return vm.raise(vm.types().type_error,
                    "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
  }
  out = Value();
  return true;
}

bool r_random(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "random") || !arg_count(vm, a, "random", 0, 0)) return false;
  out = Value::number(rng(vm).random());
  return true;
}

bool r_getrandbits(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "getrandbits") || !arg_count(vm, a, "getrandbits", 1, 1)) return false;
  int64_t k;
  if (!to_index(vm, a.args[0], k)) return false;
  if (k < 0) return vm.raise(vm.types().value_error, "number of bits must be non-negative");
  if (k > 63) return overflow(vm);
  out = Value::integer(static_cast<int64_t>(rng(vm).getrandbits(static_cast<int>(k))));
  return true;
}

// range_arg() is randrange's _index() with 3.11's tolerance for integral floats.
bool range_arg(VM& vm, Value v, const char* which, int64_t& out) {
  if (v.is_float()) {
    double f = v.f;
    if (f != std::floor(f) || !std::isfinite(f))
      return raise_fmt(vm, vm.types().value_error, "non-integer %s for randrange()", which);
    if (f >= 9223372036854775808.0 || f < -9223372036854775808.0) return overflow(vm);
    out = static_cast<int64_t>(f);
    return true;
  }
  return to_index(vm, v, out);
}

bool randrange(VM& vm, Value start, Value stop, Value step, bool step_given, Value& out) {
  int64_t istart;
  if (!range_arg(vm, start, "arg 1", istart)) return false;
  MersenneTwister& mt = rng(vm);
  if (stop.is_none()) {
    if (step_given) return vm.raise(vm.types().type_error, "Missing a non-None stop argument");
    if (istart > 0) {
      out = Value::integer(static_cast<int64_t>(mt.randbelow(static_cast<uint64_t>(istart))));
      return true;
    }
    return vm.raise(vm.types().value_error, "empty range for randrange()");
  }
  int64_t istop, istep = 1;
  if (!range_arg(vm, stop, "stop", istop)) return false;
  if (step_given && !range_arg(vm, step, "step", istep)) return false;
  int64_t r;
  const char* err = nullptr;
  if (!mt.randrange(istart, istop, istep, r, err)) {
    if (istep == 1 && std::string(err) == "empty range for randrange()")
      return raise_fmt(vm, vm.types().value_error, "empty range for randrange() (%lld, %lld, %lld)",
                       static_cast<long long>(istart), static_cast<long long>(istop),
                       static_cast<long long>(istop - istart));
    return vm.raise(vm.types().value_error, err);
  }
  out = Value::integer(r);
  return true;
}

bool r_randrange(VM& vm, const CallArgs& a, Value& out) {
  Value p[3] = {Value(), Value(), Value::integer(1)};
  uint32_t given;
  if (!bind(vm, a, Params{"randrange", {"start", "stop", "step"}, 1}, p, given)) return false;
  return randrange(vm, p[0], p[1], p[2], (given & 4) != 0, out);
}

bool r_randint(VM& vm, const CallArgs& a, Value& out) {
  Value p[2];
  uint32_t given;
  if (!bind(vm, a, Params{"randint", {"a", "b"}, 2}, p, given)) return false;
  int64_t b;
  if (!range_arg(vm, p[1], "stop", b)) return false;
  if (b == INT64_MAX) return overflow(vm);
  return randrange(vm, p[0], Value::integer(b + 1), Value::integer(1), false, out);
}

bool r_choice(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "choice") || !arg_count(vm, a, "choice", 1, 1)) return false;
  int64_t n;
  if (!vm.length(a.args[0], n)) return false;
  if (n == 0) return vm.raise(vm.types().index_error, "Cannot choose from an empty sequence");
  return vm.get_item(a.args[0], Value::integer(static_cast<int64_t>(rng(vm).randbelow(static_cast<uint64_t>(n)))), out);
}

bool r_shuffle(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "shuffle") || !arg_count(vm, a, "shuffle", 1, 1)) return false;
  Value x = a.args[0];
  MersenneTwister& mt = rng(vm);
  if (List* l = as_list(x)) {
    for (size_t i = l->items.size(); i-- > 1;) {
      size_t j = static_cast<size_t>(mt.randbelow(i + 1));
      if (i < l->items.size() && j < l->items.size()) std::swap(l->items[i], l->items[j]);
    }
    out = Value();
    return true;
  }
  int64_t n;
  if (!vm.length(x, n)) return false;
  for (int64_t i = n - 1; i >= 1; --i) {
    int64_t j = static_cast<int64_t>(mt.randbelow(static_cast<uint64_t>(i + 1)));
    Value xi, xj;
    if (!vm.get_item(x, Value::integer(i), xi) || !vm.get_item(x, Value::integer(j), xj)) return false;
    if (!vm.set_item(x, Value::integer(i), xj) || !vm.set_item(x, Value::integer(j), xi)) return false;
  }
  out = Value();
  return true;
}

bool r_sample(VM& vm, const CallArgs& a, Value& out) {
  Value p[3];
  uint32_t given;
  if (!bind(vm, a, Params{"sample", {"population", "k", "counts"}, 2}, p, given)) return false;
  Value pop = p[0];
  if (!(as_list(pop) || as_tuple(pop) || as_str(pop) || is_kind(pop, ObjKind::Range)))
    return vm.raise(vm.types().type_error, "Population must be a sequence.  For dicts or sets, use sorted(d).");
  if (!p[2].is_none()) return vm.raise(vm.types().type_error, "sample(counts=...) is not supported in the playground");
  int64_t n, k;
  if (!vm.length(pop, n) || !to_index(vm, p[1], k)) return false;
  if (k < 0 || k > n) return vm.raise(vm.types().value_error, "Sample larger than population or is negative");
  MersenneTwister& mt = rng(vm);
  ValueVec result(static_cast<size_t>(k));
  int64_t setsize = 21;
  if (k > 5)
    setsize += static_cast<int64_t>(std::pow(4.0, std::ceil(std::log(static_cast<double>(k * 3)) / std::log(4.0))));
  if (n <= setsize) {
    ValueVec pool;
    if (!collect(vm, pop, pool)) return false;
    for (int64_t i = 0; i < k; ++i) {
      int64_t j = static_cast<int64_t>(mt.randbelow(static_cast<uint64_t>(n - i)));
      result[static_cast<size_t>(i)] = pool[static_cast<size_t>(j)];
      pool[static_cast<size_t>(j)] = pool[static_cast<size_t>(n - i - 1)];
    }
  } else {
    std::unordered_set<int64_t> selected;
    for (int64_t i = 0; i < k; ++i) {
      int64_t j = static_cast<int64_t>(mt.randbelow(static_cast<uint64_t>(n)));
      while (selected.count(j)) j = static_cast<int64_t>(mt.randbelow(static_cast<uint64_t>(n)));
      selected.insert(j);
      if (!vm.get_item(pop, Value::integer(j), result[static_cast<size_t>(i)])) return false;
    }
  }
  out = Value::object(vm.new_list(std::move(result)));
  return true;
}

bool r_choices(VM& vm, const CallArgs& a, Value& out) {
  Value p[4] = {Value(), Value(), Value(), Value::integer(1)};
  uint32_t given;
  if (!bind(vm, a, Params{"choices", {"population", "weights", "cum_weights", "k"}, 1}, p, given)) return false;
  Value pop = p[0];
  int64_t n, k;
  if (!vm.length(pop, n) || !to_index(vm, p[3], k)) return false;
  MersenneTwister& mt = rng(vm);
  ValueVec result;
  if (p[1].is_none() && p[2].is_none()) {
    double nf = static_cast<double>(n);
    for (int64_t i = 0; i < k; ++i) {
      Value item;
      if (!vm.get_item(pop, Value::integer(static_cast<int64_t>(std::floor(mt.random() * nf))), item)) return false;
      result.push_back(item);
    }
    out = Value::object(vm.new_list(std::move(result)));
    return true;
  }
  if (!p[1].is_none() && !p[2].is_none())
    return vm.raise(vm.types().type_error, "Cannot specify both weights and cumulative weights");
  ValueVec cum;
  if (!p[1].is_none()) {
    Value acc;
    bool first = true;
    bool ok = iterate(vm, p[1], [&](Value w, bool&) {
      if (first) {
        acc = w;
        first = false;
      } else if (!vm.binary_op(ast::BinOpKind::Add, acc, w, acc)) return false;
      cum.push_back(acc);
      return true;
    });
    if (!ok) return false;
  } else if (!collect(vm, p[2], cum)) {
    return false;
  }
  if (static_cast<int64_t>(cum.size()) != n)
    return vm.raise(vm.types().value_error, "The number of weights does not match the population");
  std::vector<double> cw(cum.size());
  for (size_t i = 0; i < cum.size(); ++i)
    if (!to_double(vm, cum[i], cw[i], "must be real number")) return false;
  double total = cw.empty() ? 0.0 : cw.back();
  if (cw.empty()) return vm.raise(vm.types().index_error, "list index out of range");
  if (total <= 0.0) return vm.raise(vm.types().value_error, "Total of weights must be greater than zero");
  if (!std::isfinite(total)) return vm.raise(vm.types().value_error, "Total of weights must be finite");
  size_t hi = static_cast<size_t>(n - 1);
  for (int64_t i = 0; i < k; ++i) {
    double x = mt.random() * total;
    size_t lo = 0, h = hi;
    while (lo < h) {
      size_t mid = (lo + h) / 2;
      if (x < cw[mid]) h = mid;
      else lo = mid + 1;
    }
    Value item;
    if (!vm.get_item(pop, Value::integer(static_cast<int64_t>(lo)), item)) return false;
    result.push_back(item);
  }
  out = Value::object(vm.new_list(std::move(result)));
  return true;
}

bool two_floats(VM& vm, const CallArgs& a, const char* fn, std::initializer_list<const char*> names, Value* p,
                double& x, double& y) {
  uint32_t given;
  if (!bind(vm, a, Params{fn, names, 0}, p, given)) return false;
  return to_double(vm, p[0], x, "must be real number") && to_double(vm, p[1], y, "must be real number");
}

bool r_uniform(VM& vm, const CallArgs& a, Value& out) {
  Value p[2];
  uint32_t given;
  if (!bind(vm, a, Params{"uniform", {"a", "b"}, 2}, p, given)) return false;
  double r = rng(vm).random();
  if (p[0].is_int() && p[1].is_int()) {
    int64_t d;
    if (__builtin_sub_overflow(p[1].i, p[0].i, &d)) return overflow(vm);
    out = Value::number(static_cast<double>(p[0].i) + static_cast<double>(d) * r);
    return true;
  }
  double x, y;
  if (!to_double(vm, p[0], x, "must be real number") || !to_double(vm, p[1], y, "must be real number")) return false;
  out = Value::number(x + (y - x) * r);
  return true;
}

bool r_gauss(VM& vm, const CallArgs& a, Value& out) {
  Value p[2] = {Value::number(0.0), Value::number(1.0)};
  double mu, sigma;
  if (!two_floats(vm, a, "gauss", {"mu", "sigma"}, p, mu, sigma)) return false;
  out = Value::number(rng(vm).gauss(mu, sigma));
  return true;
}

bool r_normalvariate(VM& vm, const CallArgs& a, Value& out) {
  Value p[2] = {Value::number(0.0), Value::number(1.0)};
  double mu, sigma;
  if (!two_floats(vm, a, "normalvariate", {"mu", "sigma"}, p, mu, sigma)) return false;
  const double magic = 4 * std::exp(-0.5) / std::sqrt(2.0);
  MersenneTwister& mt = rng(vm);
  double z;
  for (;;) {
    double u1 = mt.random();
    double u2 = 1.0 - mt.random();
    z = magic * (u1 - 0.5) / u2;
    double zz = z * z / 4.0;
    if (zz <= -std::log(u2)) break;
  }
  out = Value::number(mu + z * sigma);
  return true;
}

bool r_expovariate(VM& vm, const CallArgs& a, Value& out) {
  Value p[1] = {Value::number(1.0)};
  uint32_t given;
  if (!bind(vm, a, Params{"expovariate", {"lambd"}, 0}, p, given)) return false;
  double lambd;
  if (!to_double(vm, p[0], lambd, "must be real number")) return false;
  if (lambd == 0.0) return vm.raise(vm.types().zero_division_error, "float division by zero");
  out = Value::number(-std::log(1.0 - rng(vm).random()) / lambd);
  return true;
}

bool r_triangular(VM& vm, const CallArgs& a, Value& out) {
  Value p[3] = {Value::number(0.0), Value::number(1.0), Value()};
  uint32_t given;
  if (!bind(vm, a, Params{"triangular", {"low", "high", "mode"}, 0}, p, given)) return false;
  double low, high;
  if (!to_double(vm, p[0], low, "must be real number") || !to_double(vm, p[1], high, "must be real number"))
    return false;
  double u = rng(vm).random();
  double c = 0.5;
  if (!p[2].is_none()) {
    double mode;
    if (!to_double(vm, p[2], mode, "must be real number")) return false;
    if (high == low) {
      out = Value::number(low);
      return true;
    }
    c = (mode - low) / (high - low);
  }
  if (u > c) {
    u = 1.0 - u;
    c = 1.0 - c;
    std::swap(low, high);
  }
  out = Value::number(low + (high - low) * std::sqrt(u * c));
  return true;
}

}  // namespace

bool make_random_module(VM& vm, Module* m) {
  struct Entry {
    const char* name;
    NativeFn fn;
  };
  static const Entry fns[] = {
      {"seed", r_seed},
      {"random", r_random},
      {"getrandbits", r_getrandbits},
      {"randrange", r_randrange},
      {"randint", r_randint},
      {"choice", r_choice},
      {"choices", r_choices},
      {"shuffle", r_shuffle},
      {"sample", r_sample},
      {"uniform", r_uniform},
      {"gauss", r_gauss},
      {"normalvariate", r_normalvariate},
      {"expovariate", r_expovariate},
      {"triangular", r_triangular},
  };
  for (const Entry& e : fns) define(vm, m, e.name, e.fn);
  return true;
}

}  // namespace lib
}  // namespace interleave
