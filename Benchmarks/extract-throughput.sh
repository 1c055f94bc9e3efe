#!/usr/bin/env bash
# Extraction throughput: release build, the dev-set text repeated to a larger JSONL input,
# median of 3 runs per job count, MB/s of document text and peak resident memory.
# Usage: Benchmarks/extract-throughput.sh [GOLD_JSONL] [REPEATS]
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/median.sh
gold=${1:-../shared/gold/polnear.dev.jsonl}
repeats=${2:-20}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release --product quotes >/dev/null
bin=.build/release/quotes

python3 - "$gold" "$repeats" "$work/input.jsonl" <<'PY'
import json, sys
gold, repeats, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
docs = [json.loads(line) for line in open(gold, encoding="utf-8")]
with open(out, "w", encoding="utf-8") as f:
    for r in range(repeats):
        for d in docs:
            f.write(json.dumps({"id": f"{d['id']}#{r}", "text": d["text"]}) + "\n")
PY
text_mb=$(python3 -c "
import json,sys
print(sum(len(json.loads(l)['text'].encode()) for l in open('$work/input.jsonl'))/1e6)")
echo "input: $work/input.jsonl, $(wc -l <"$work/input.jsonl") documents, ${text_mb} MB of text"

for jobs in 1 $(nproc); do
  median_of_3 "jobs=$jobs" "$text_mb" "$bin" extract --jobs "$jobs" --format jsonl "$work/input.jsonl"
done
