#!/usr/bin/env bash
# Extraction throughput: release build, the dev-set text repeated to a larger JSONL input,
# median of 3 runs per job count, MB/s of document text and peak resident memory.
# Usage: Benchmarks/extract-throughput.sh [GOLD_JSONL] [REPEATS]
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/lib.sh
gold=${1:-../shared/gold/polnear.dev.jsonl}
repeats=${2:-20}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release --product quotes >/dev/null
bin=.build/release/quotes

text_mb=$(repeated_dev_text "$gold" "$repeats" "$work/input.jsonl")
echo "input: $work/input.jsonl, $(wc -l <"$work/input.jsonl") documents, ${text_mb} MB of text"

for jobs in 1 $(nproc); do
  median_of_3 "jobs=$jobs" "$text_mb" "$bin" extract --jobs "$jobs" --format jsonl "$work/input.jsonl"
done
