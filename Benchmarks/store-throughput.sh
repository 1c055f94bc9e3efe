#!/usr/bin/env bash
# Indexing throughput of `quotes index`: release build, fresh store per run, median of 3 runs.
# Two inputs: the dev set as it is (with its gold annotations, which end up in the metadata
# column) plus Corpus/, and the dev set's articles repeated REPEATS times as distinct documents
# (each copy's text gets a last line naming the copy, so no copy replaces another; the gold
# annotations are left out of the metadata, as in real news input).
# Prints documents/s, MB/s of article text overall, and the store side alone: the writer
# thread's wall and processor time in its transactions (extraction runs alongside).
# Usage: Benchmarks/store-throughput.sh [GOLD_JSONL] [REPEATS]
set -euo pipefail
cd "$(dirname "$0")/.."
gold=${1:-../shared/gold/polnear.dev.jsonl}
repeats=${2:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release --product quotes >/dev/null
bin=.build/release/quotes

python3 - "$gold" "$repeats" "$work/repeated.jsonl" <<'PY'
import json, sys
gold, repeats, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
docs = [json.loads(line) for line in open(gold, encoding="utf-8")]
with open(out, "w", encoding="utf-8") as f:
    for r in range(repeats):
        for d in docs:
            f.write(json.dumps({"id": f"{d['id']}#{r}", "text": d["text"] + f"\n\n(copy {r})",
                                "meta": d.get("meta", {})}) + "\n")
PY

measure() { # name, then the inputs
  local name=$1; shift
  local mb
  mb=$(python3 - "$@" <<'PY'
import json, os, sys
total = 0
for path in sys.argv[1:]:
    files = [os.path.join(d, f) for d, _, fs in os.walk(path) for f in fs] if os.path.isdir(path) else [path]
    for file in files:
        if file.endswith(".jsonl"):
            total += sum(len(json.loads(l)["text"].encode()) for l in open(file, encoding="utf-8") if l.strip())
        elif file.endswith((".txt", ".html", ".htm")):
            total += os.path.getsize(file)  # pages: file size, an upper bound of their text
print(total / 1e6)
PY
)
  local lines=()
  for run in 1 2 3; do
    rm -f "$work"/q.sqlite*
    "$bin" index --db "$work/q.sqlite" "$@" 2>"$work/stderr" >/dev/null
    lines+=("$(tail -1 "$work/stderr")")
  done
  printf '%s\n' "${lines[@]}" | python3 -c "
import re, sys
runs = []
for line in sys.stdin:
    m = re.search(r'indexed (\d+) documents.* in ([\d.]+) s \(extraction ([\d.]+) s, store ([\d.]+) s, ([\d.]+) s processor\)', line)
    runs.append(tuple(float(g) for g in m.groups()))
runs.sort(key=lambda r: r[1])
docs, wall, extraction, store, cpu = runs[1]
mb = $mb
print(f'$name: {int(docs)} documents, {mb:.2f} MB of text; median {wall:.2f} s: {docs / wall:.0f} documents/s, '
      f'{mb / wall:.2f} MB/s; store side {store:.2f} s wall, {cpu:.2f} s processor: {mb / store:.1f} MB/s wall, '
      f'{mb / cpu:.1f} MB/s processor; store file {$(stat -c %s "$work/q.sqlite") / 1e6:.1f} MB')
"
}

measure "dev set + Corpus/" "$gold" Corpus/
measure "dev set x$repeats" "$work/repeated.jsonl"
