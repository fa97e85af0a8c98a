# Benchmark: a mix of list, dict and set operations, comprehensions, sorting and closures.
def make_scorer(weight):
    def score(word):
        return sum(ord(c) for c in word) * weight % 1009
    return score
scorer = make_scorer(31)
words = [f"w{(i * 7919) % 100000}" for i in range(800000)]
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
seen = set()
ranked = []
for w in words:
    if w not in seen:
        seen.add(w)
        ranked.append((scorer(w), w))
ranked.sort(reverse=True)
evens = [s for s, _ in ranked if s % 2 == 0]
buckets = {}
for s, w in ranked:
    buckets.setdefault(s % 10, []).append(w)
print(len(counts), len(seen), ranked[0], len(evens), sorted(len(v) for v in buckets.values())[:3])
