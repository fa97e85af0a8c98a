// Built-in containers: CPython's set table (so sets iterate in CPython's order), the
// container operations the interpreter uses, and the methods of list, tuple, dict,
// set, frozenset, range and the dict views.
#include <algorithm>
#include <numeric>

#include "vm/library.h"

namespace interleave {

using ast::BinOpKind;

namespace lib {
namespace {

// ---- the set table ----
// A set's Dict is kept in CPython's set layout: entries[i] is slot i of an open-address
// table of 2^k slots; index holds {fill, finger}. A slot is active (live), a dummy (not
// live, value True) or unused (not live, value None).

constexpr size_t kMinSize = 8;
constexpr size_t kLinearProbes = 9;
constexpr uint64_t kDummyHash = ~uint64_t{0};

inline bool is_set_layout(const Dict* t) { return t->index.size() == 2; }
inline bool slot_unused(const Dict::Entry& e) { return !e.live && !e.value.is_bool(); }
inline bool slot_dummy(const Dict::Entry& e) { return !e.live && e.value.is_bool(); }
inline int32_t& fill_of(Dict* t) { return t->index[0]; }
inline int32_t& finger_of(Dict* t) { return t->index[1]; }
inline size_t mask_of(const Dict* t) { return t->entries.size() - 1; }

void init_layout(Dict* t, size_t size) {
  t->entries.assign(size, Dict::Entry{Value(), Value(), 0, false});
  t->index.assign(2, 0);
  t->count = 0;
}

void insert_clean(Dict::Entries& table, size_t mask, Value key, uint64_t h) {
  uint64_t perturb = h;
  size_t i = h & mask;
  for (;;) {
    if (slot_unused(table[i])) break;
    bool found = false;
    if (i + kLinearProbes <= mask) {
      for (size_t j = 1; j <= kLinearProbes; ++j)
        if (slot_unused(table[i + j])) {
          i += j;
          found = true;
          break;
        }
    }
    if (found) break;
    perturb >>= 5;
    i = (i * 5 + 1 + perturb) & mask;
  }
  table[i] = Dict::Entry{key, Value(), h, true};
}

// table_resize() charges a larger table to the memory limit before making it.
bool table_resize(VM& vm, Dict* t, size_t minused) {
  size_t newsize = kMinSize;
  while (newsize <= minused) newsize <<= 1;
  size_t oldsize = t->entries.size();
  int32_t fill = fill_of(t);
  if (newsize == kMinSize && oldsize == kMinSize && static_cast<uint32_t>(fill) == t->count) return true;
  if (newsize > oldsize && !vm.grow((newsize - oldsize) * sizeof(Dict::Entry))) return false;
  Dict::Entries old = std::move(t->entries);
  t->entries.assign(newsize, Dict::Entry{Value(), Value(), 0, false});
  fill_of(t) = static_cast<int32_t>(t->count);
  size_t mask = newsize - 1;
  for (const auto& e : old)
    if (e.live) insert_clean(t->entries, mask, e.key, e.hash);
  return true;
}

// keys_equal() is the set lookup's equality: identity and str fast paths, then ==.
bool keys_equal(VM& vm, Value a, Value b, bool& eq) {
  if (a.is_same(b)) {
    eq = true;
    return true;
  }
  Str* x = as_str(a);
  Str* y = as_str(b);
  if (x && y) {
    eq = x->s == y->s;
    return true;
  }
  return vm.equals(a, b, eq);
}

// ensure_layout() converts an empty or dict-layout table (filled via dict_set) to the set layout.
bool ensure_layout(VM& vm, Dict* t) {
  if (is_set_layout(t)) return true;
  Dict::Entries old;
  for (const auto& e : t->entries)
    if (e.live) old.push_back(e);
  init_layout(t, kMinSize);
  for (const auto& e : old)
    if (!set_add_hashed(vm, t, e.key, e.hash)) return false;
  return true;
}

// lookkey() is CPython's set_lookkey: slot of key, or the unused slot ending the probe.
bool lookkey(VM& vm, Dict* t, Value key, uint64_t h, size_t& slot, bool& found) {
restart:
  size_t mask = mask_of(t);
  size_t i = h & mask;
  uint64_t perturb = h;
  for (;;) {
    size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    size_t j = i;
    for (;;) {
      Dict::Entry& e = t->entries[j];
      if (slot_unused(e)) {
        slot = j;
        found = false;
        return true;
      }
      if (e.live && e.hash == h) {
        Value start = e.key;
        size_t size = t->entries.size();
        bool eq;
        if (!keys_equal(vm, start, key, eq)) return false;
        if (t->entries.size() != size || !t->entries[j].live || !t->entries[j].key.is_same(start)) goto restart;
        if (eq) {
          slot = j;
          found = true;
          return true;
        }
      }
      if (probes-- == 0) break;
      ++j;
    }
    perturb >>= 5;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

bool add_entry(VM& vm, Dict* t, Value key, uint64_t h) {
  if (!is_set_layout(t) && !ensure_layout(vm, t)) return false;
restart:
  size_t mask = mask_of(t);
  size_t i = h & mask;
  uint64_t perturb = h;
  size_t freeslot = SIZE_MAX;
  for (;;) {
    size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    size_t j = i;
    for (;;) {
      Dict::Entry& e = t->entries[j];
      if (slot_unused(e)) {
        if (freeslot != SIZE_MAX) {
          t->entries[freeslot] = Dict::Entry{key, Value(), h, true};
          ++t->count;
          return true;
        }
        t->entries[j] = Dict::Entry{key, Value(), h, true};
        ++fill_of(t);
        ++t->count;
        if (static_cast<size_t>(fill_of(t)) * 5 < mask * 3) return true;
        return table_resize(vm, t, t->count > 50000 ? t->count * 2 : t->count * 4);
      }
      if (e.live && e.hash == h) {
        Value start = e.key;
        size_t size = t->entries.size();
        bool eq;
        if (!keys_equal(vm, start, key, eq)) return false;
        if (eq) return true;
        if (t->entries.size() != size || !t->entries[j].live || !t->entries[j].key.is_same(start)) goto restart;
      } else if (slot_dummy(e)) {
        freeslot = j;
      }
      if (probes-- == 0) break;
      ++j;
    }
    perturb >>= 5;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

void make_dummy(Dict::Entry& e) { e = Dict::Entry{Value(), Value::boolean(true), kDummyHash, false}; }

Set* new_set_like(VM& vm, bool frozen) { return vm.new_set(frozen); }

bool hash_of(VM& vm, Value key, uint64_t& h) {
  if (Str* s = as_str(key)) {
    h = str_hash(s);
    return true;
  }
  return vm.hash(key, h);
}

// update_internal() is CPython's set_update_internal.
bool update_internal(VM& vm, Set* so, Value other) {
  Dict* t = table_of(vm, so);
  if (!ensure_layout(vm, t)) return false;
  if (Set* o = as_set(other)) return set_merge(vm, so, o);
  if (Dict* d = as_dict(other)) {
    size_t n = d->count;
    if ((static_cast<size_t>(fill_of(t)) + n) * 5 >= mask_of(t) * 3 && !table_resize(vm, t, (t->count + n) * 2))
      return false;
    Dict::Entries snapshot;
    snapshot.reserve(n);
    for (const auto& e : d->entries)
      if (e.live) snapshot.push_back(e);
    for (const auto& e : snapshot)
      if (!add_entry(vm, table_of(vm, so), e.key, e.hash)) return false;
    return true;
  }
  return iterate(vm, other, [&](Value item, bool&) {
    uint64_t h;
    if (!hash_of(vm, item, h)) return false;
    return add_entry(vm, table_of(vm, so), item, h);
  });
}

// snapshot_keys() lists a set's keys with their hashes in slot order.
void snapshot_keys(Dict* t, std::vector<std::pair<Value, uint64_t>>& out) {
  for (const auto& e : t->entries)
    if (e.live) out.emplace_back(e.key, e.hash);
}

bool contains_hashed(VM& vm, Set* s, Value key, uint64_t h, bool& found) {
  return set_lookup(vm, table_of(vm, s), key, h, found);
}

bool intersection(VM& vm, Set* so, Value other, Set*& result) {
  result = new_set_like(vm, so->frozen);
  if (Set* o = as_set(other)) {
    if (o == so) return set_copy(vm, so, so->frozen, result);
    Set* big = so;
    Set* small = o;
    if (o->table->count > so->table->count) {
      big = o;
      small = so;
    }
    std::vector<std::pair<Value, uint64_t>> keys;
    if (!ensure_layout(vm, table_of(vm, small))) return false;
    snapshot_keys(small->table, keys);
    for (auto& [k, h] : keys) {
      bool found;
      if (!contains_hashed(vm, big, k, h, found)) return false;
      if (found && !add_entry(vm, table_of(vm, result), k, h)) return false;
    }
    return true;
  }
  return iterate(vm, other, [&](Value k, bool& stop) {
    uint64_t h;
    if (!hash_of(vm, k, h)) return false;
    bool found;
    if (!contains_hashed(vm, so, k, h, found)) return false;
    if (found) {
      if (!add_entry(vm, table_of(vm, result), k, h)) return false;
      if (result->table->count >= so->table->count) stop = true;
    }
    return true;
  });
}

bool difference_update(VM& vm, Set* so, Value other) {
  Dict* t = table_of(vm, so);
  if (!ensure_layout(vm, t)) return false;
  if (other.is_obj() && other.o == so) {
    set_clear(so);
    return true;
  }
  if (Set* o = as_set(other)) {
    Set* src = o;
    if ((table_of(vm, o)->count >> 3) > t->count) {
      if (!intersection(vm, so, other, src)) return false;
    }
    std::vector<std::pair<Value, uint64_t>> keys;
    if (!ensure_layout(vm, table_of(vm, src))) return false;
    snapshot_keys(src->table, keys);
    for (auto& [k, h] : keys) {
      bool found;
      if (!set_discard_hashed(vm, table_of(vm, so), k, h, found)) return false;
    }
  } else {
    bool ok = iterate(vm, other, [&](Value k, bool&) {
      uint64_t h;
      if (!hash_of(vm, k, h)) return false;
      bool found;
      return set_discard_hashed(vm, table_of(vm, so), k, h, found);
    });
    if (!ok) return false;
  }
  t = so->table;
  if (static_cast<size_t>(fill_of(t)) - t->count <= mask_of(t) / 4) return true;
  return table_resize(vm, t, t->count > 50000 ? t->count * 2 : t->count * 4);
}

bool difference(VM& vm, Set* so, Value other, Set*& result) {
  size_t other_size;
  if (Set* o = as_set(other)) other_size = table_of(vm, o)->count;
  else if (Dict* d = as_dict(other)) other_size = d->count;
  else {
    if (!set_copy(vm, so, so->frozen, result)) return false;
    return difference_update(vm, result, other);
  }
  if ((table_of(vm, so)->count >> 2) > other_size) {
    if (!set_copy(vm, so, so->frozen, result)) return false;
    return difference_update(vm, result, other);
  }
  result = new_set_like(vm, so->frozen);
  if (!ensure_layout(vm, so->table)) return false;
  std::vector<std::pair<Value, uint64_t>> keys;
  snapshot_keys(so->table, keys);
  for (auto& [k, h] : keys) {
    bool found;
    if (Dict* d = as_dict(other)) {
      Value v;
      if (!vm.dict_get(d, k, v, found)) return false;
    } else if (!contains_hashed(vm, as_set(other), k, h, found)) {
      return false;
    }
    if (!found && !add_entry(vm, table_of(vm, result), k, h)) return false;
  }
  return true;
}

bool symmetric_difference_update(VM& vm, Set* so, Value other) {
  if (other.is_obj() && other.o == so) {
    set_clear(so);
    return true;
  }
  if (!ensure_layout(vm, table_of(vm, so))) return false;
  std::vector<std::pair<Value, uint64_t>> keys;
  if (Dict* d = as_dict(other)) {
    for (const auto& e : d->entries)
      if (e.live) keys.emplace_back(e.key, e.hash);
  } else {
    Set* o = as_set(other);
    if (!o) {
      o = new_set_like(vm, so->frozen);
      if (!update_internal(vm, o, other)) return false;
    }
    if (!ensure_layout(vm, table_of(vm, o))) return false;
    snapshot_keys(o->table, keys);
  }
  for (auto& [k, h] : keys) {
    bool found;
    if (!set_discard_hashed(vm, table_of(vm, so), k, h, found)) return false;
    if (!found && !add_entry(vm, table_of(vm, so), k, h)) return false;
  }
  return true;
}

}  // namespace

Dict* table_of(VM& vm, Set* s) {
  if (!s->table) s->table = vm.new_dict();
  return s->table;
}

bool set_lookup(VM& vm, Dict* t, Value key, uint64_t h, bool& found) {
  found = false;
  if (t->entries.empty() && t->index.empty()) return true;
  if (!ensure_layout(vm, t)) return false;
  size_t slot;
  return lookkey(vm, t, key, h, slot, found);
}

bool set_add_hashed(VM& vm, Dict* t, Value key, uint64_t h) {
  if (!is_set_layout(t) && !ensure_layout(vm, t)) return false;
  return add_entry(vm, t, key, h);
}

bool set_discard_hashed(VM& vm, Dict* t, Value key, uint64_t h, bool& found) {
  found = false;
  if (t->entries.empty() && t->index.empty()) return true;
  if (!ensure_layout(vm, t)) return false;
  size_t slot;
  if (!lookkey(vm, t, key, h, slot, found)) return false;
  if (!found) return true;
  make_dummy(t->entries[slot]);
  --t->count;
  return true;
}

bool set_merge(VM& vm, Set* so, Set* other) {
  Dict* t = table_of(vm, so);
  Dict* o = table_of(vm, other);
  if (!ensure_layout(vm, t) || !ensure_layout(vm, o)) return false;
  if (other == so || o->count == 0) return true;
  if ((static_cast<size_t>(fill_of(t)) + o->count) * 5 >= mask_of(t) * 3 &&
      !table_resize(vm, t, (t->count + o->count) * 2))
    return false;
  if (fill_of(t) == 0 && mask_of(t) == mask_of(o) && static_cast<uint32_t>(fill_of(o)) == o->count) {
    for (size_t i = 0; i < o->entries.size(); ++i)
      if (o->entries[i].live) t->entries[i] = o->entries[i];
    fill_of(t) = fill_of(o);
    t->count = o->count;
    return true;
  }
  if (fill_of(t) == 0) {
    fill_of(t) = static_cast<int32_t>(o->count);
    t->count = o->count;
    size_t mask = mask_of(t);
    for (const auto& e : o->entries)
      if (e.live) insert_clean(t->entries, mask, e.key, e.hash);
    return true;
  }
  std::vector<std::pair<Value, uint64_t>> keys;
  snapshot_keys(o, keys);
  for (auto& [k, h] : keys)
    if (!add_entry(vm, table_of(vm, so), k, h)) return false;
  return true;
}

bool set_copy(VM& vm, Set* s, bool frozen, Set*& out) {
  out = vm.new_set(frozen);
  return update_internal(vm, out, Value::object(s));
}

void set_clear(Set* s) {
  if (!s->table) return;
  init_layout(s->table, kMinSize);
}

bool set_pop(VM& vm, Set* s, Value& out) {
  Dict* t = table_of(vm, s);
  if (t->count == 0) return raise_key_error(vm, vm.str_value("pop from an empty set"));
  if (!ensure_layout(vm, t)) return false;
  size_t mask = mask_of(t);
  size_t i = static_cast<size_t>(finger_of(t)) & mask;
  while (!t->entries[i].live) i = (i + 1) & mask;
  out = t->entries[i].key;
  make_dummy(t->entries[i]);
  --t->count;
  finger_of(t) = static_cast<int32_t>(i + 1);
  return true;
}

uint64_t frozenset_hash(Set* s) {
  auto shuffle = [](uint64_t h) { return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL; };
  uint64_t hash = 0;
  uint64_t n = 0;
  if (s->table)
    for (const auto& e : s->table->entries)
      if (e.live) {
        hash ^= shuffle(e.hash);
        ++n;
      }
  hash ^= (n + 1) * 1927868237ULL;
  hash ^= (hash >> 11) ^ (hash >> 25);
  hash = hash * 69069U + 907133923ULL;
  if (hash == ~uint64_t{0}) hash = 590923713ULL;
  return hash;
}

bool set_is_subset(VM& vm, Set* a, Set* b, bool& out) {
  Dict* ta = table_of(vm, a);
  if (ta->count > table_of(vm, b)->count) {
    out = false;
    return true;
  }
  if (!ensure_layout(vm, ta)) return false;
  std::vector<std::pair<Value, uint64_t>> keys;
  snapshot_keys(ta, keys);
  for (auto& [k, h] : keys) {
    bool found;
    if (!contains_hashed(vm, b, k, h, found)) return false;
    if (!found) {
      out = false;
      return true;
    }
  }
  out = true;
  return true;
}

bool set_operation(VM& vm, BinOpKind op, Set* a, Set* b, Value& out) {
  Set* r = nullptr;
  switch (op) {
    case BinOpKind::BitOr:
      if (!set_copy(vm, a, a->frozen, r)) return false;
      if (a != b && !update_internal(vm, r, Value::object(b))) return false;
      break;
    case BinOpKind::BitAnd:
      if (!intersection(vm, a, Value::object(b), r)) return false;
      break;
    case BinOpKind::Sub:
      if (!difference(vm, a, Value::object(b), r)) return false;
      break;
    default:
      r = vm.new_set(a->frozen);
      if (!update_internal(vm, r, Value::object(b))) return false;
      if (!symmetric_difference_update(vm, r, Value::object(a))) return false;
      break;
  }
  out = Value::object(r);
  return true;
}

bool set_inplace(VM& vm, BinOpKind op, Set* a, Set* b) {
  switch (op) {
    case BinOpKind::BitOr: return update_internal(vm, a, Value::object(b));
    case BinOpKind::BitAnd: {
      Set* r;
      if (!intersection(vm, a, Value::object(b), r)) return false;
      std::swap(a->table, r->table);
      return true;
    }
    case BinOpKind::Sub: return difference_update(vm, a, Value::object(b));
    default: return symmetric_difference_update(vm, a, Value::object(b));
  }
}

}  // namespace lib

using namespace lib;

// ---- container operations for the interpreter ----

bool set_add(VM& vm, Set* s, Value key) {
  uint64_t h;
  if (Str* ks = as_str(key)) h = str_hash(ks);
  else if (!vm.hash(key, h)) return false;
  return set_add_hashed(vm, table_of(vm, s), key, h);
}

bool set_update(VM& vm, Set* s, Value iterable) { return update_internal(vm, s, iterable); }

bool set_contains(VM& vm, Set* s, Value key, bool& found) {
  uint64_t h;
  if (Str* ks = as_str(key)) h = str_hash(ks);
  else if (!vm.hash(key, h)) {
    // CPython retries an unhashable set with the equivalent frozenset.
    Set* ks = as_set(key);
    if (!ks || !vm.isinstance(vm.pending_exception(), vm.types().type_error)) return false;
    vm.clear_exception();
    Set* fz;
    if (!set_copy(vm, ks, true, fz)) return false;
    h = frozenset_hash(fz);
    key = Value::object(fz);
  }
  return set_lookup(vm, table_of(vm, s), key, h, found);
}

bool set_discard(VM& vm, Set* s, Value key, bool& found) {
  uint64_t h;
  if (!vm.hash(key, h)) return false;
  return set_discard_hashed(vm, table_of(vm, s), key, h, found);
}

bool build_set(VM& vm, const Value* items, size_t n, bool constant_display, Value& out) {
  Set* s = vm.new_set();
  if (constant_display && n >= 3) {
    // CPython folds a constant display into a frozenset, which its constant merging
    // rebuilds once more from its own iteration order; SET_UPDATE merges that one.
    Set* first = vm.new_set(true);
    for (size_t i = 0; i < n; ++i)
      if (!set_add(vm, first, items[i])) return false;
    Set* second = vm.new_set(true);
    std::vector<std::pair<Value, uint64_t>> keys;
    snapshot_keys(first->table, keys);
    for (auto& [k, h] : keys)
      if (!set_add_hashed(vm, table_of(vm, second), k, h)) return false;
    if (!set_merge(vm, s, second)) return false;
  } else {
    for (size_t i = 0; i < n; ++i)
      if (!set_add(vm, s, items[i])) return false;
  }
  out = Value::object(s);
  return true;
}

bool dict_update(VM& vm, Dict* d, Value other) {
  if (Dict* o = as_dict(other)) {
    if (o == d) return true;
    std::vector<std::pair<Value, Value>> items;
    items.reserve(o->count);
    for (const auto& e : o->entries)
      if (e.live) items.emplace_back(e.key, e.value);
    for (auto& [k, v] : items)
      if (!vm.dict_set(d, k, v)) return false;
    return true;
  }
  Value keys_fn;
  bool has_keys = false;
  if (!is_kind(other, ObjKind::List) && !is_kind(other, ObjKind::Tuple)) {
    if (!vm.has_attr(other, name(vm, Name::keys), has_keys)) return false;
  }
  if (has_keys) {
    Value keys;
    if (!vm.get_attr(other, name(vm, Name::keys), keys_fn) || !vm.call(keys_fn, {}, keys)) return false;
    return iterate(vm, keys, [&](Value k, bool&) {
      Value v;
      if (!vm.get_item(other, k, v)) return false;
      return vm.dict_set(d, k, v);
    });
  }
  int64_t index = 0;
  return iterate(vm, other, [&](Value item, bool&) {
    ValueVec pair;
    if (Tuple* t = as_tuple(item)) pair = t->items;
    else if (List* l = as_list(item)) pair = l->items;
    else {
      Value it;
      if (!vm.get_iter(item, it)) {
        vm.clear_exception();
        return raise_fmt(vm, vm.types().type_error,
                         "cannot convert dictionary update sequence element #%lld to a sequence",
                         static_cast<long long>(index));
      }
      if (!collect(vm, it, pair)) return false;
    }
    if (pair.size() != 2)
      return raise_fmt(vm, vm.types().value_error,
                       "dictionary update sequence element #%lld has length %zu; 2 is required",
                       static_cast<long long>(index), pair.size());
    ++index;
    return vm.dict_set(d, pair[0], pair[1]);
  });
}

bool list_extend(VM& vm, List* l, Value iterable) {
  if (List* o = as_list(iterable); o && !o->sub) {
    size_t n = o->items.size();
    if (!make_room(vm, l->items, static_cast<uint64_t>(l->items.size()) + n)) return false;
    for (size_t i = 0; i < n; ++i) l->items.push_back(o->items[i]);
    return true;
  }
  if (Tuple* t = as_tuple(iterable); t && !t->sub) {
    if (!make_room(vm, l->items, static_cast<uint64_t>(l->items.size()) + t->items.size())) return false;
    l->items.insert(l->items.end(), t->items.begin(), t->items.end());
    return true;
  }
  return iterate(vm, iterable, [&](Value item, bool&) {
    if (!make_room(vm, l->items, l->items.size() + 1)) return false;
    l->items.push_back(item);
    return true;
  });
}

bool collect(VM& vm, Value iterable, ValueVec& out, VM::NestedCollect* scope) {
  if (List* l = as_list(iterable); l && !l->sub) {
    if (!make_temp_room(vm, out, static_cast<uint64_t>(out.size()) + l->items.size())) return false;
    out.insert(out.end(), l->items.begin(), l->items.end());
    return true;
  }
  if (Tuple* t = as_tuple(iterable); t && !t->sub) {
    if (!make_temp_room(vm, out, static_cast<uint64_t>(out.size()) + t->items.size())) return false;
    out.insert(out.end(), t->items.begin(), t->items.end());
    return true;
  }
  if (is_kind(iterable, ObjKind::Range)) {
    int64_t n;
    vm.length(iterable, n);
    Range* r = static_cast<Range*>(iterable.o);
    if (!make_temp_room(vm, out, static_cast<uint64_t>(out.size()) + static_cast<uint64_t>(n))) return false;
    int64_t v = r->start;
    for (int64_t i = 0; i < n; ++i, v += (i < n ? r->step : 0)) out.push_back(Value::integer(v));
    return true;
  }
  if (!scope) {
    return iterate(vm, iterable, [&](Value item, bool&) {
      if (!make_temp_room(vm, out, out.size() + 1)) return false;
      out.push_back(item);
      return true;
    });
  }
  // Gathering a generator under a NestedCollect: its resumptions may collect, so the iterator
  // is rooted and nothing else is held in C++.
  Value it;
  if (!vm.get_iter(iterable, it)) return false;
  VM::TempRoot root(vm, it);
  if (is_kind(it, ObjKind::Generator)) scope->gather(static_cast<Generator*>(it.o));
  for (;;) {
    Value item;
    bool done = false;
    if (!vm.next(it, item, done)) return false;
    if (done) return true;
    if (!make_temp_room(vm, out, out.size() + 1)) return false;
    out.push_back(item);
  }
}

namespace lib {

// sort_values() sorts stably with `<`; CPython reverses, sorts and reverses back for reverse=True.
bool sort_values(VM& vm, ValueVec& items, Value key, bool reverse) {
  size_t n = items.size();
  // sort_values calls key even on a single item, as CPython does.
  if (n < 2) {
    Value k;
    return n == 0 || key.is_none() || vm.call(key, {items[0]}, k);
  }
  ValueVec keys;
  if (!key.is_none()) {
    keys.reserve(n);
    for (size_t i = 0; i < n; ++i) {
      Value k;
      if (!vm.call(key, {items[i]}, k)) return false;
      keys.push_back(k);
    }
  }
  if (reverse) {
    std::reverse(items.begin(), items.end());
    std::reverse(keys.begin(), keys.end());
  }
  const ValueVec& K = key.is_none() ? items : keys;
  std::vector<uint32_t> idx(n);
  std::iota(idx.begin(), idx.end(), 0u);
  bool all_int = true, all_str = true, all_float = true;
  for (const Value& k : K) {
    all_int &= k.is_int();
    all_str &= as_str(k) != nullptr;
    all_float &= k.is_float() && k.f == k.f;
  }
  if (all_int) {
    std::stable_sort(idx.begin(), idx.end(), [&](uint32_t a, uint32_t b) { return K[a].i < K[b].i; });
  } else if (all_str) {
    std::stable_sort(idx.begin(), idx.end(), [&](uint32_t a, uint32_t b) {
      return static_cast<Str*>(K[a].o)->s < static_cast<Str*>(K[b].o)->s;
    });
  } else if (all_float) {
    std::stable_sort(idx.begin(), idx.end(), [&](uint32_t a, uint32_t b) { return K[a].f < K[b].f; });
  } else {
    // Bottom-up merge sort that stops at the first failed comparison.
    bool err = false;
    auto less = [&](uint32_t a, uint32_t b) {
      if (err) return false;
      bool r;
      if (!vm.less_than(K[a], K[b], r)) {
        err = true;
        return false;
      }
      return r;
    };
    constexpr size_t kRun = 16;
    for (size_t lo = 0; lo < n && !err; lo += kRun) {
      size_t hi = std::min(n, lo + kRun);
      for (size_t i = lo + 1; i < hi && !err; ++i) {
        uint32_t cur = idx[i];
        size_t j = i;
        while (j > lo && less(cur, idx[j - 1])) {
          idx[j] = idx[j - 1];
          --j;
        }
        idx[j] = cur;
      }
    }
    std::vector<uint32_t> tmp(n);
    for (size_t width = kRun; width < n && !err; width *= 2) {
      for (size_t lo = 0; lo < n && !err; lo += 2 * width) {
        size_t mid = std::min(n, lo + width), hi = std::min(n, lo + 2 * width);
        size_t a = lo, b = mid, k = lo;
        while (a < mid && b < hi) {
          if (less(idx[b], idx[a])) tmp[k++] = idx[b++];
          else tmp[k++] = idx[a++];
          if (err) break;
        }
        while (a < mid) tmp[k++] = idx[a++];
        while (b < hi) tmp[k++] = idx[b++];
      }
      if (!err) std::swap(idx, tmp);
    }
    if (err) return false;
  }
  ValueVec sorted;
  sorted.reserve(n);
  for (uint32_t i : idx) sorted.push_back(items[i]);
  if (reverse) std::reverse(sorted.begin(), sorted.end());
  items = std::move(sorted);
  return true;
}

}  // namespace lib

// ==================================================================== methods

namespace {

bool ret_none(Value& out) {
  out = Value();
  return true;
}

List* self_list(const CallArgs& a) { return static_cast<List*>(a.args[0].o); }
Dict* self_dict(const CallArgs& a) { return static_cast<Dict*>(a.args[0].o); }
Set* self_set(const CallArgs& a) { return static_cast<Set*>(a.args[0].o); }

// check_self() guards unbound calls like list.append(5).
bool check_self(VM& vm, const CallArgs& a, ObjKind kind, const char* tname, const char* meth) {
  if (a.nargs == 0)
    return raise_fmt(vm, vm.types().type_error, "unbound method %s.%s() needs an argument", tname, meth);
  if (!is_kind(a.args[0], kind))
    return raise_fmt(vm, vm.types().type_error, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", meth,
                     tname, vm.type_name(a.args[0]).c_str());
  return true;
}

bool exact_args(VM& vm, const CallArgs& a, const char* qual, uint32_t n) {
  if (!no_kwargs(vm, a, qual)) return false;
  uint32_t given = a.nargs - 1;
  if (given == n) return true;
  if (n == 0) return raise_fmt(vm, vm.types().type_error, "%s() takes no arguments (%u given)", qual, given);
  if (n == 1) return raise_fmt(vm, vm.types().type_error, "%s() takes exactly one argument (%u given)", qual, given);
  return raise_fmt(vm, vm.types().type_error, "%s expected %u arguments, got %u", qual, n, given);
}

// slice_bounds() applies CPython's start/end clamping for index(x, start, end).
void clamp_range(int64_t len, Value sv, Value ev, int64_t& start, int64_t& end) {
  start = sv.is_none() ? 0 : int_of(sv);
  end = ev.is_none() ? len : int_of(ev);
  if (start < 0) {
    start += len;
    if (start < 0) start = 0;
  }
  if (end < 0) {
    end += len;
    if (end < 0) end = 0;
  }
  if (end > len) end = len;
}

// ---- list ----

bool list_append(VM& vm, const CallArgs& a, Value& out) {
  if (!check_self(vm, a, ObjKind::List, "list", "append") || !exact_args(vm, a, "list.append", 1)) return false;
  auto& items = self_list(a)->items;
  if (!make_room(vm, items, items.size() + 1)) return false;
  items.push_back(a.args[1]);
  return ret_none(out);
}

bool list_extend_m(VM& vm, const CallArgs& a, Value& out) {
  if (!check_self(vm, a, ObjKind::List, "list", "extend") || !exact_args(vm, a, "list.extend", 1)) return false;
  if (!list_extend(vm, self_list(a), a.args[1])) return false;
  return ret_none(out);
}

bool list_insert(VM& vm, const CallArgs& a, Value& out) {
  if (!check_self(vm, a, ObjKind::List, "list", "insert") || !no_kwargs(vm, a, "list.insert")) return false;
  if (a.nargs != 3) return raise_fmt(vm, vm.types().type_error, "insert expected 2 arguments, got %u", a.nargs - 1);
  int64_t i;
  if (!to_index(vm, a.args[1], i)) return false;
  auto& items = self_list(a)->items;
  int64_t n = static_cast<int64_t>(items.size());
  if (i < 0) {
    i += n;
    if (i < 0) i = 0;
  }
  if (i > n) i = n;
  if (!make_room(vm, items, items.size() + 1) ||
      !charge_work(vm, (items.size() - static_cast<size_t>(i)) * sizeof(Value)))
    return false;
  items.insert(items.begin() + i, a.args[2]);
  return ret_none(out);
}

bool list_pop(VM& vm, const CallArgs& a, Value& out) {
  if (!check_self(vm, a, ObjKind::List, "list", "pop") || !no_kwargs(vm, a, "list.pop")) return false;
  if (a.nargs > 2) return raise_fmt(vm, vm.types().type_error, "pop expected at most 1 argument, got %u", a.nargs - 1);
  auto& items = self_list(a)->items;
  int64_t i = -1;
  if (a.nargs == 2 && !to_index(vm, a.args[1], i)) return false;
  if (items.empty()) return vm.raise(vm.types().index_error, "pop from empty list");
  int64_t n = static_cast<int64_t>(items.size());
  if (i < 0) i += n;
  if (i < 0 || i >= n) return vm.raise(vm.types().index_error, "pop index out of range");
  out = items[static_cast<size_t>(i)];
  items.erase(items.begin() + i);
  return true;
}

bool find_in(VM& vm, const ValueVec* items, Value x, int64_t start, int64_t end, int64_t& at) {
  at = -1;
  for (int64_t i = start; i < end && i < static_cast<int64_t>(items->size()); ++i) {
    Value item = (*items)[static_cast<size_t>(i)];
    bool eq;
    if (!vm.equals(item, x, eq)) return false;
    if (eq) {
      at = i;
      return true;
    }
  }
  return true;
}

bool list_remove(VM& vm, const CallArgs& a, Value& out) {
  if (!check_self(vm, a, ObjKind::List, "list", "remove") || !exact_args(vm, a, "list.remove", 1)) return false;
  auto& items = self_list(a)->items;
  int64_t at;
  if (!find_in(vm, &items, a.args[1], 0, static_cast<int64_t>(items.size()), at)) return false;
  if (at < 0) return vm.raise(vm.types().value_error, "list.remove(x): x not in list");
  items.erase(items.begin() + at);
  return ret_none(out);
}

bool seq_index(VM& vm, const CallArgs& a, const ValueVec& items, bool is_list, Value& out) {
  if (!no_kwargs(vm, a, is_list ? "list.index" : "tuple.index")) return false;
  if (a.nargs < 2 || a.nargs > 4)
    return raise_fmt(vm, vm.types().type_error, "index expected at least 1 argument, got %u", a.nargs - 1);
  Value sv = a.nargs > 2 ? a.args[2] : Value(), ev = a.nargs > 3 ? a.args[3] : Value();
  int64_t tmp;
  if (!sv.is_none() && !to_index(vm, sv, tmp)) return false;
  if (!ev.is_none() && !to_index(vm, ev, tmp)) return false;
  int64_t start, end, at;
  clamp_range(static_cast<int64_t>(items.size()), sv, ev, start, end);
  if (!find_in(vm, &items, a.args[1], start, end, at)) return false;
  if (at < 0) {
    if (!is_list) return vm.raise(vm.types().value_error, "tuple.index(x): x not in tuple");
    std::string r;
    if (!repr_into(vm, a.args[1], r)) return false;
    return vm.raise(vm.types().value_error, r + " is not in list");
  }
  out = Value::integer(at);
  return true;
}

bool seq_count(VM& vm, const ValueVec& items, Value x, Value& out) {
  int64_t n = 0;
  for (size_t i = 0; i < items.size(); ++i) {
    Value item = items[i];
    bool eq = item.is_same(x);
    if (!eq && !vm.equals(item, x, eq)) return false;
    n += eq;
  }
  out = Value::integer(n);
  return true;
}

bool list_index(VM& vm, const CallArgs& a, Value& out) {
  if (!check_self(vm, a, ObjKind::List, "list", "index")) return false;
  return seq_index(vm, a, self_list(a)->items, true, out);
}

bool list_count(VM& vm, const CallArgs& a, Value& out) {
  if (!check_self(vm, a, ObjKind::List, "list", "count") || !exact_args(vm, a, "list.count", 1)) return false;
  return seq_count(vm, self_list(a)->items, a.args[1], out);
}

bool list_sort(VM& vm, const CallArgs& a, Value& out) {
  if (!check_self(vm, a, ObjKind::List, "list", "sort")) return false;
  if (a.nargs > 1) return vm.raise(vm.types().type_error, "sort() takes no positional arguments");
  Value params[2] = {Value(), Value::boolean(false)};
  uint32_t given;
  if (!bind(vm, a, Params{"sort", {"key", "reverse"}, 0}, params, given, 1)) return false;
  bool rev;
  if (!vm.truthy(params[1], rev)) return false;
  List* l = self_list(a);
  ValueVec items = l->items;
  size_t before = items.size();
  if (!sort_values(vm, items, params[0], rev)) return false;
  if (l->items.size() != before) return vm.raise(vm.types().value_error, "list modified during sort");
  l->items = std::move(items);
  return ret_none(out);
}

bool list_reverse(VM& vm, const CallArgs& a, Value& out) {
  if (!check_self(vm, a, ObjKind::List, "list", "reverse") || !exact_args(vm, a, "list.reverse", 0)) return false;
  std::reverse(self_list(a)->items.begin(), self_list(a)->items.end());
  return ret_none(out);
}

bool list_clear(VM& vm, const CallArgs& a, Value& out) {
  if (!check_self(vm, a, ObjKind::List, "list", "clear") || !exact_args(vm, a, "list.clear", 0)) return false;
  self_list(a)->items.clear();
  return ret_none(out);
}

bool list_copy(VM& vm, const CallArgs& a, Value& out) {
  if (!check_self(vm, a, ObjKind::List, "list", "copy") || !exact_args(vm, a, "list.copy", 0)) return false;
  out = Value::object(vm.new_list(self_list(a)->items));
  return true;
}

// ---- tuple ----

bool tuple_index(VM& vm, const CallArgs& a, Value& out) {
  if (!check_self(vm, a, ObjKind::Tuple, "tuple", "index")) return false;
  return seq_index(vm, a, static_cast<Tuple*>(a.args[0].o)->items, false, out);
}

bool tuple_count(VM& vm, const CallArgs& a, Value& out) {
  if (!check_self(vm, a, ObjKind::Tuple, "tuple", "count") || !exact_args(vm, a, "tuple.count", 1)) return false;
  return seq_count(vm, static_cast<Tuple*>(a.args[0].o)->items, a.args[1], out);
}

// ---- dict ----

Value make_view(VM& vm, Class* cls, Dict* d) {
  Instance* in = vm.alloc<Instance>();
  in->cls = cls;
  in->native = Value::object(d);
  return Value::object(in);
}

bool dict_get_m(VM& vm, const CallArgs& a, Value& out) {
  if (!check_self(vm, a, ObjKind::Dict, "dict", "get") || !no_kwargs(vm, a, "dict.get")) return false;
  if (a.nargs < 2 || a.nargs > 3)
    return raise_fmt(
        vm, vm.types().type_error,
        a.nargs < 2 ? "get expected at least 1 argument, got %u" : "get expected at most 2 arguments, got %u",
        a.nargs - 1);
  bool found;
  if (!vm.dict_get(self_dict(a), a.args[1], out, found)) return false;
  if (!found) out = a.nargs == 3 ? a.args[2] : Value();
  return true;
}

bool dict_keys(VM& vm, const CallArgs& a, Value& out) {
  if (!check_self(vm, a, ObjKind::Dict, "dict", "keys") || !exact_args(vm, a, "dict.keys", 0)) return false;
  out = make_view(vm, state(vm).dict_keys, self_dict(a));
  return true;
}
bool dict_values(VM& vm, const CallArgs& a, Value& out) {
  if (!check_self(vm, a, ObjKind::Dict, "dict", "values") || !exact_args(vm, a, "dict.values", 0)) return false;
  out = make_view(vm, state(vm).dict_values, self_dict(a));
  return true;
}
bool dict_items(VM& vm, const CallArgs& a, Value& out) {
  if (!check_self(vm, a, ObjKind::Dict, "dict", "items") || !exact_args(vm, a, "dict.items", 0)) return false;
  out = make_view(vm, state(vm).dict_items, self_dict(a));
  return true;
}

bool dict_pop(VM& vm, const CallArgs& a, Value& out) {
  if (!check_self(vm, a, ObjKind::Dict, "dict", "pop") || !no_kwargs(vm, a, "dict.pop")) return false;
  if (a.nargs < 2 || a.nargs > 3)
    return raise_fmt(
        vm, vm.types().type_error,
        a.nargs < 2 ? "pop expected at least 1 argument, got %u" : "pop expected at most 2 arguments, got %u",
        a.nargs - 1);
  bool found;
  if (!vm.dict_get(self_dict(a), a.args[1], out, found)) return false;
  if (!found) {
    if (a.nargs == 3) {
      out = a.args[2];
      return true;
    }
    return raise_key_error(vm, a.args[1]);
  }
  return vm.dict_del(self_dict(a), a.args[1], found);
}

bool dict_popitem(VM& vm, const CallArgs& a, Value& out) {
  if (!check_self(vm, a, ObjKind::Dict, "dict", "popitem") || !exact_args(vm, a, "dict.popitem", 0)) return false;
  Dict* d = self_dict(a);
  if (d->count == 0) return raise_key_error(vm, vm.str_value("popitem(): dictionary is empty"));
  size_t i = d->entries.size();
  while (i > 0 && !d->entries[i - 1].live) --i;
  Value k = d->entries[i - 1].key, v = d->entries[i - 1].value;
  out = Value::object(vm.new_tuple({k, v}));
  bool found;
  if (!vm.dict_del(d, k, found)) return false;
  while (!d->entries.empty() && !d->entries.back().live && d->count > 0) d->entries.pop_back();
  return true;
}

bool dict_setdefault(VM& vm, const CallArgs& a, Value& out) {
  if (!check_self(vm, a, ObjKind::Dict, "dict", "setdefault") || !no_kwargs(vm, a, "dict.setdefault")) return false;
  if (a.nargs < 2 || a.nargs > 3)
    return raise_fmt(vm, vm.types().type_error,
                     a.nargs < 2 ? "setdefault expected at least 1 argument, got %u"
                                 : "setdefault expected at most 2 arguments, got %u",
                     a.nargs - 1);
  bool found;
  if (!vm.dict_get(self_dict(a), a.args[1], out, found)) return false;
  if (found) return true;
  out = a.nargs == 3 ? a.args[2] : Value();
  return vm.dict_set(self_dict(a), a.args[1], out);
}

bool dict_update_m(VM& vm, const CallArgs& a, Value& out) {
  if (!check_self(vm, a, ObjKind::Dict, "dict", "update")) return false;
  if (a.nargs > 2)
    return raise_fmt(vm, vm.types().type_error, "update expected at most 1 argument, got %u", a.nargs - 1);
  if (a.nargs == 2 && !dict_update(vm, self_dict(a), a.args[1])) return false;
  for (uint32_t i = 0; i < a.nkw; ++i)
    if (!vm.dict_set(self_dict(a), Value::object(const_cast<Str*>(a.kwnames[i])), a.kwvalues[i])) return false;
  return ret_none(out);
}

bool dict_clear(VM& vm, const CallArgs& a, Value& out) {
  if (!check_self(vm, a, ObjKind::Dict, "dict", "clear") || !exact_args(vm, a, "dict.clear", 0)) return false;
  Dict* d = self_dict(a);
  d->entries.clear();
  d->index.clear();
  d->count = 0;
  d->keymask = 0;
  ++d->keys;
  return ret_none(out);
}

bool dict_copy(VM& vm, const CallArgs& a, Value& out) {
  if (!check_self(vm, a, ObjKind::Dict, "dict", "copy") || !exact_args(vm, a, "dict.copy", 0)) return false;
  Dict* d = self_dict(a);
  Dict* r = vm.new_dict();
  if (!vm.reserve(d->entries.size() * sizeof(Dict::Entry))) return false;
  r->entries = d->entries;
  r->index = d->index;
  r->keymask = d->keymask;
  r->count = d->count;
  out = Value::object(r);
  return true;
}

bool dict_fromkeys(VM& vm, const CallArgs& a, Value& out) {
  if (!no_kwargs(vm, a, "dict.fromkeys")) return false;
  if (a.nargs < 2 || a.nargs > 3)
    return raise_fmt(
        vm, vm.types().type_error,
        a.nargs < 2 ? "fromkeys expected at least 1 argument, got %u" : "fromkeys expected at most 2 arguments, got %u",
        a.nargs - 1);
  Dict* d = vm.new_dict();
  Value v = a.nargs == 3 ? a.args[2] : Value();
  if (!iterate(vm, a.args[1], [&](Value k, bool&) { return vm.dict_set(d, k, v); })) return false;
  out = Value::object(d);
  return true;
}

// ---- dict views ----

bool view_isdisjoint(VM& vm, const CallArgs& a, Value& out) {
  if (a.nargs != 2)
    return raise_fmt(vm, vm.types().type_error, "isdisjoint() takes exactly one argument (%u given)", a.nargs - 1);
  bool disjoint = true;
  Value self = a.args[0];
  if (!iterate(vm, a.args[1], [&](Value x, bool& stop) {
        bool in;
        if (!vm.contains(self, x, in)) return false;
        if (in) {
          disjoint = false;
          stop = true;
        }
        return true;
      }))
    return false;
  out = Value::boolean(disjoint);
  return true;
}

// ---- set ----

bool set_arg_self(VM& vm, const CallArgs& a, const char* meth) { return check_self(vm, a, ObjKind::Set, "set", meth); }

bool set_add_m(VM& vm, const CallArgs& a, Value& out) {
  if (!set_arg_self(vm, a, "add") || !exact_args(vm, a, "set.add", 1)) return false;
  if (!set_add(vm, self_set(a), a.args[1])) return false;
  return ret_none(out);
}

bool set_remove_m(VM& vm, const CallArgs& a, Value& out) {
  if (!set_arg_self(vm, a, "remove") || !exact_args(vm, a, "set.remove", 1)) return false;
  bool found;
  if (!set_discard(vm, self_set(a), a.args[1], found)) return false;
  if (!found) return raise_key_error(vm, a.args[1]);
  return ret_none(out);
}

bool set_discard_m(VM& vm, const CallArgs& a, Value& out) {
  if (!set_arg_self(vm, a, "discard") || !exact_args(vm, a, "set.discard", 1)) return false;
  bool found;
  if (!set_discard(vm, self_set(a), a.args[1], found)) return false;
  return ret_none(out);
}

bool set_pop_m(VM& vm, const CallArgs& a, Value& out) {
  if (!set_arg_self(vm, a, "pop") || !exact_args(vm, a, "set.pop", 0)) return false;
  if (table_of(vm, self_set(a))->count == 0) return raise_key_error(vm, vm.str_value("pop from an empty set"));
  return set_pop(vm, self_set(a), out);
}

bool set_clear_m(VM& vm, const CallArgs& a, Value& out) {
  if (!set_arg_self(vm, a, "clear") || !exact_args(vm, a, "set.clear", 0)) return false;
  set_clear(self_set(a));
  return ret_none(out);
}

bool set_copy_m(VM& vm, const CallArgs& a, Value& out) {
  if (!set_arg_self(vm, a, "copy") || !exact_args(vm, a, "set.copy", 0)) return false;
  Set* s = self_set(a);
  if (s->frozen) {
    out = a.args[0];
    return true;
  }
  Set* r;
  if (!set_copy(vm, s, false, r)) return false;
  out = Value::object(r);
  return true;
}

bool set_union_m(VM& vm, const CallArgs& a, Value& out) {
  if (!set_arg_self(vm, a, "union") || !no_kwargs(vm, a, "set.union")) return false;
  Set* s = self_set(a);
  Set* r;
  if (!set_copy(vm, s, s->frozen, r)) return false;
  for (uint32_t i = 1; i < a.nargs; ++i) {
    if (a.args[i].is_obj() && a.args[i].o == s) continue;
    if (!update_internal(vm, r, a.args[i])) return false;
  }
  out = Value::object(r);
  return true;
}

bool set_intersection_m(VM& vm, const CallArgs& a, Value& out) {
  if (!set_arg_self(vm, a, "intersection") || !no_kwargs(vm, a, "set.intersection")) return false;
  Set* r = self_set(a);
  if (a.nargs == 1) {
    if (!set_copy(vm, r, r->frozen, r)) return false;
  }
  for (uint32_t i = 1; i < a.nargs; ++i) {
    Set* next;
    if (!intersection(vm, r, a.args[i], next)) return false;
    r = next;
  }
  out = Value::object(r);
  return true;
}

bool set_difference_m(VM& vm, const CallArgs& a, Value& out) {
  if (!set_arg_self(vm, a, "difference") || !no_kwargs(vm, a, "set.difference")) return false;
  Set* s = self_set(a);
  Set* r;
  if (a.nargs == 1) {
    if (!set_copy(vm, s, s->frozen, r)) return false;
  } else {
    if (!difference(vm, s, a.args[1], r)) return false;
    for (uint32_t i = 2; i < a.nargs; ++i)
      if (!difference_update(vm, r, a.args[i])) return false;
  }
  out = Value::object(r);
  return true;
}

bool set_symdiff_m(VM& vm, const CallArgs& a, Value& out) {
  if (!set_arg_self(vm, a, "symmetric_difference") || !exact_args(vm, a, "set.symmetric_difference", 1)) return false;
  Set* s = self_set(a);
  Set* r = vm.new_set(s->frozen);
  if (!update_internal(vm, r, a.args[1])) return false;
  if (!symmetric_difference_update(vm, r, a.args[0])) return false;
  out = Value::object(r);
  return true;
}

bool set_update_m(VM& vm, const CallArgs& a, Value& out) {
  if (!set_arg_self(vm, a, "update") || !no_kwargs(vm, a, "set.update")) return false;
  for (uint32_t i = 1; i < a.nargs; ++i)
    if (!update_internal(vm, self_set(a), a.args[i])) return false;
  return ret_none(out);
}

bool set_intersection_update_m(VM& vm, const CallArgs& a, Value& out) {
  if (!set_arg_self(vm, a, "intersection_update") || !no_kwargs(vm, a, "set.intersection_update")) return false;
  Set* s = self_set(a);
  Set* r = s;
  for (uint32_t i = 1; i < a.nargs; ++i) {
    Set* next;
    if (!intersection(vm, r, a.args[i], next)) return false;
    r = next;
  }
  if (r != s) std::swap(s->table, r->table);
  return ret_none(out);
}

bool set_difference_update_m(VM& vm, const CallArgs& a, Value& out) {
  if (!set_arg_self(vm, a, "difference_update") || !no_kwargs(vm, a, "set.difference_update")) return false;
  for (uint32_t i = 1; i < a.nargs; ++i)
    if (!difference_update(vm, self_set(a), a.args[i])) return false;
  return ret_none(out);
}

bool set_symdiff_update_m(VM& vm, const CallArgs& a, Value& out) {
  if (!set_arg_self(vm, a, "symmetric_difference_update") || !exact_args(vm, a, "set.symmetric_difference_update", 1))
    return false;
  if (!symmetric_difference_update(vm, self_set(a), a.args[1])) return false;
  return ret_none(out);
}

bool as_temp_set(VM& vm, Value v, Set*& out) {
  if ((out = as_set(v))) return true;
  out = vm.new_set();
  return update_internal(vm, out, v);
}

bool set_issubset_m(VM& vm, const CallArgs& a, Value& out) {
  if (!set_arg_self(vm, a, "issubset") || !exact_args(vm, a, "set.issubset", 1)) return false;
  Set* o;
  if (!as_temp_set(vm, a.args[1], o)) return false;
  bool r;
  if (!set_is_subset(vm, self_set(a), o, r)) return false;
  out = Value::boolean(r);
  return true;
}

bool set_issuperset_m(VM& vm, const CallArgs& a, Value& out) {
  if (!set_arg_self(vm, a, "issuperset") || !exact_args(vm, a, "set.issuperset", 1)) return false;
  Set* o;
  if (!as_temp_set(vm, a.args[1], o)) return false;
  bool r;
  if (!set_is_subset(vm, o, self_set(a), r)) return false;
  out = Value::boolean(r);
  return true;
}

bool set_isdisjoint_m(VM& vm, const CallArgs& a, Value& out) {
  if (!set_arg_self(vm, a, "isdisjoint") || !exact_args(vm, a, "set.isdisjoint", 1)) return false;
  Set* s = self_set(a);
  bool disjoint = true;
  if (!iterate(vm, a.args[1], [&](Value x, bool& stop) {
        bool in;
        if (!set_contains(vm, s, x, in)) return false;
        if (in) {
          disjoint = false;
          stop = true;
        }
        return true;
      }))
    return false;
  out = Value::boolean(disjoint);
  return true;
}

// ---- range ----

bool range_count(VM& vm, const CallArgs& a, Value& out) {
  if (!check_self(vm, a, ObjKind::Range, "range", "count") || !exact_args(vm, a, "range.count", 1)) return false;
  if (is_intlike(a.args[1])) {
    bool in;
    if (!vm.contains(a.args[0], a.args[1], in)) return false;
    out = Value::integer(in ? 1 : 0);
    return true;
  }
  int64_t n = 0;
  if (!iterate(vm, a.args[0], [&](Value x, bool&) {
        bool eq;
        if (!vm.equals(x, a.args[1], eq)) return false;
        n += eq;
        return true;
      }))
    return false;
  out = Value::integer(n);
  return true;
}

bool range_index(VM& vm, const CallArgs& a, Value& out) {
  if (!check_self(vm, a, ObjKind::Range, "range", "index") || !exact_args(vm, a, "range.index", 1)) return false;
  Range* r = static_cast<Range*>(a.args[0].o);
  bool in = false;
  if (is_intlike(a.args[1]) && !vm.contains(a.args[0], a.args[1], in)) return false;
  if (!in) {
    std::string s;
    if (!repr_into(vm, a.args[1], s)) return false;
    return vm.raise(vm.types().value_error, s + " is not in range");
  }
  out = Value::integer((int_of(a.args[1]) - r->start) / r->step);
  return true;
}

bool range_start(VM& vm, const CallArgs& a, Value& out) {
  if (!check_self(vm, a, ObjKind::Range, "range", "start")) return false;
  out = Value::integer(static_cast<Range*>(a.args[0].o)->start);
  return true;
}
bool range_stop(VM& vm, const CallArgs& a, Value& out) {
  if (!check_self(vm, a, ObjKind::Range, "range", "stop")) return false;
  out = Value::integer(static_cast<Range*>(a.args[0].o)->stop);
  return true;
}
bool range_step(VM& vm, const CallArgs& a, Value& out) {
  if (!check_self(vm, a, ObjKind::Range, "range", "step")) return false;
  out = Value::integer(static_cast<Range*>(a.args[0].o)->step);
  return true;
}

bool slice_start(VM& vm, const CallArgs& a, Value& out) {
  if (!check_self(vm, a, ObjKind::Slice, "slice", "start")) return false;
  out = static_cast<Slice*>(a.args[0].o)->start;
  return true;
}
bool slice_stop(VM& vm, const CallArgs& a, Value& out) {
  if (!check_self(vm, a, ObjKind::Slice, "slice", "stop")) return false;
  out = static_cast<Slice*>(a.args[0].o)->stop;
  return true;
}
bool slice_step(VM& vm, const CallArgs& a, Value& out) {
  if (!check_self(vm, a, ObjKind::Slice, "slice", "step")) return false;
  out = static_cast<Slice*>(a.args[0].o)->step;
  return true;
}

}  // namespace

void lib::install_containers(VM& vm) {
  const Types& t = vm.types();
  vm.define_method(t.list, "append", list_append)->check_free = true;  // PRECALL_NO_KW_LIST_APPEND
  vm.define_method(t.list, "extend", list_extend_m);
  vm.define_method(t.list, "insert", list_insert);
  vm.define_method(t.list, "pop", list_pop);
  vm.define_method(t.list, "remove", list_remove);
  vm.define_method(t.list, "index", list_index);
  vm.define_method(t.list, "count", list_count);
  vm.define_method(t.list, "sort", list_sort);
  vm.define_method(t.list, "reverse", list_reverse);
  vm.define_method(t.list, "clear", list_clear);
  vm.define_method(t.list, "copy", list_copy);

  vm.define_method(t.tuple, "index", tuple_index);
  vm.define_method(t.tuple, "count", tuple_count);

  vm.define_method(t.dict, "get", dict_get_m);
  vm.define_method(t.dict, "keys", dict_keys);
  vm.define_method(t.dict, "values", dict_values);
  vm.define_method(t.dict, "items", dict_items);
  vm.define_method(t.dict, "pop", dict_pop);
  vm.define_method(t.dict, "popitem", dict_popitem);
  vm.define_method(t.dict, "setdefault", dict_setdefault);
  vm.define_method(t.dict, "update", dict_update_m);
  vm.define_method(t.dict, "clear", dict_clear);
  vm.define_method(t.dict, "copy", dict_copy);
  vm.define_method(t.dict, "fromkeys", dict_fromkeys);
  {
    ClassMethod* cm = vm.alloc<ClassMethod>();
    cm->func = Value::object(vm.new_native("fromkeys", dict_fromkeys));
    vm.dict_set(t.dict->dict, Value::object(vm.intern("fromkeys")), Value::object(cm));
  }
  State& st = state(vm);
  for (Class* view : {st.dict_keys, st.dict_items}) vm.define_method(view, "isdisjoint", view_isdisjoint);

  for (Class* c : {t.set, t.frozenset}) {
    vm.define_method(c, "copy", set_copy_m);
    vm.define_method(c, "union", set_union_m);
    vm.define_method(c, "intersection", set_intersection_m);
    vm.define_method(c, "difference", set_difference_m);
    vm.define_method(c, "symmetric_difference", set_symdiff_m);
    vm.define_method(c, "issubset", set_issubset_m);
    vm.define_method(c, "issuperset", set_issuperset_m);
    vm.define_method(c, "isdisjoint", set_isdisjoint_m);
  }
  vm.define_method(t.set, "add", set_add_m);
  vm.define_method(t.set, "remove", set_remove_m);
  vm.define_method(t.set, "discard", set_discard_m);
  vm.define_method(t.set, "pop", set_pop_m);
  vm.define_method(t.set, "clear", set_clear_m);
  vm.define_method(t.set, "update", set_update_m);
  vm.define_method(t.set, "intersection_update", set_intersection_update_m);
  vm.define_method(t.set, "difference_update", set_difference_update_m);
  vm.define_method(t.set, "symmetric_difference_update", set_symdiff_update_m);

  vm.define_method(t.range, "count", range_count);
  vm.define_method(t.range, "index", range_index);
  define_property(vm, t.range, "start", range_start);
  define_property(vm, t.range, "stop", range_stop);
  define_property(vm, t.range, "step", range_step);
  define_property(vm, t.slice, "start", slice_start);
  define_property(vm, t.slice, "stop", slice_stop);
  define_property(vm, t.slice, "step", slice_step);
}

}  // namespace interleave
