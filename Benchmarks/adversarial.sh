#!/usr/bin/env bash
# Worst-case inputs: release build, median of 3 runs each, MB/s of input and peak resident memory.
# Each must run at >= 10 MB/s with no step worse than linear (the speed issue's target).
# Usage: Benchmarks/adversarial.sh [SIZE_MB]   (default 50: the single-line document's size)
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/lib.sh
size_mb=${1:-50}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release --product quotes >/dev/null
bin=.build/release/quotes

python3 - "$work" "$size_mb" <<'PY'
import sys
work, size = sys.argv[1], int(sys.argv[2]) * 1_000_000
def fill(name, piece, total):
    with open(f"{work}/{name}", "w", encoding="utf-8") as f:
        written = 0
        while written < total:
            f.write(piece)
            written += len(piece.encode())
# One line of news-like sentences, no paragraph break: every quotation, cue and name in one paragraph.
fill("single-line.txt", 'The minister said "we will act soon," and Dana Okafor told reporters that the plan, '
     'which costs $3 million, was sound. "It is not," she said. ', size)
# 100,000 quotation marks that never close, each after a cue.
fill("unmatched-marks.txt", 'He said " no ', 100_000 * len('He said " no '))
# One run-on sentence: thousands of cue verbs and names without a full stop.
fill("run-on.txt", "Alpha Beta said the plan works and ", size // 5)
# Quotations nested 20,000 deep, alternating double and single marks.
with open(f"{work}/nested.txt", "w", encoding="utf-8") as f:
    f.write("She said " + "\"a 'b " * 20_000 + "end" + "' \"" * 20_000 + ".\n")
PY

for name in single-line unmatched-marks run-on nested; do
  file="$work/$name.txt"
  median_of_3 "$name" "$(python3 -c "import os; print(os.path.getsize('$file') / 1e6)")" "$bin" extract --format jsonl "$file"
done
