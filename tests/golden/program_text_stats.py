# Word statistics over a text: splitting, normalising, counting, ranking, formatting.
TEXT = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness,
it was the epoch of belief, it was the epoch of incredulity."""
def words(text):
    out = []
    for raw in text.split():
        w = raw.strip(".,;:!?\"'").lower()
        if w:
            out.append(w)
    return out
ws = words(TEXT)
print(len(ws), "words,", len(set(ws)), "distinct")
freq = {}
for w in ws:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
for rank, (w, n) in enumerate(top, 1):
    bar = "#" * n
    print(f"{rank}. {w:<8}{n:>3} {bar}")
lengths = [len(w) for w in ws]
print(f"mean length {sum(lengths) / len(lengths):.3f}, longest {max(ws, key=len)!r}")
by_len = {}
for w in sorted(set(ws)):
    by_len.setdefault(len(w), []).append(w)
for k in sorted(by_len):
    print(k, by_len[k])
lines = TEXT.split("\n")
print([line.count("it was") + line.count("It was") for line in lines])
caps = " ".join(w.upper() if len(w) > 5 else w for w in ws[:12])
print(caps)
print(TEXT.replace("\n", " ")[:40] + "...")
acronym = "".join(w[0] for w in "portable network graphics".split()).upper()
print(acronym)
