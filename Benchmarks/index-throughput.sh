#!/usr/bin/env bash
# Indexing throughput: release build, median of 3 runs into a fresh store, MB/s of document text
# and peak memory. Input: the dev-set texts repeated REPEATS times as JSONL with only `id` and
# `text` (each copy gets a first line of its own, or the store would treat copies as re-indexes).
# Usage: Benchmarks/index-throughput.sh [GOLD_JSONL] [REPEATS]
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/lib.sh
gold=${1:-../shared/gold/polnear.dev.jsonl}
repeats=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release --product quotes >/dev/null
bin=$PWD/.build/release/quotes

text_mb=$(repeated_dev_text "$gold" "$repeats" "$work/input.jsonl" editions)
echo "input: $(wc -l <"$work/input.jsonl") documents, ${text_mb} MB of text"
# A fresh store for each run: the command removes it first.
median_of_3 "index jobs=$(nproc)" "$text_mb" sh -c "rm -f '$work'/q.sqlite*; '$bin' index --db '$work/q.sqlite' '$work/input.jsonl'"
median_of_3 "extract only" "$text_mb" "$bin" extract --format jsonl "$work/input.jsonl"
rm -f "$work"/q.sqlite*
"$bin" index --db "$work/q.sqlite" "$work/input.jsonl" 2>/dev/null
python3 - "$work/q.sqlite" <<'PY'
import os, sqlite3, sys
path = sys.argv[1]
quotes = sqlite3.connect(path).execute("SELECT COUNT(*) FROM quotes").fetchone()[0]
size = sum(os.path.getsize(path + s) for s in ("", "-wal") if os.path.exists(path + s)) / 1e6
print(f"store: {quotes} quotations, {size:.1f} MB, {size / quotes * 1000:.2f} MB per 1,000 quotations")
PY
