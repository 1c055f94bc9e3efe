#!/usr/bin/env bash
# Builds a fuzz target with libFuzzer's driver, coverage instrumentation and the address
# sanitizer, then runs it. Usage: Fuzz/run.sh [FuzzExtractor|FuzzHTML|FuzzJSONL] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")"
target=${1:-FuzzExtractor}
seconds=${2:-60}
# -sanitize=fuzzer instruments the code for libFuzzer; the target's own `main` calls
# LLVMFuzzerRunDriver, so SwiftPM's executable entry point and libFuzzer agree.
# gold fails on the sanitizer runtime's debug info ("internal error in format_file_lineno"): link with lld.
swift build -c release --product "$target" -Xswiftc -sanitize=fuzzer,address \
  -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld >/dev/null
corpus=.corpus/$target
mkdir -p "$corpus"
if [ "$target" = FuzzExtractor ]; then
  cp ../Corpus/*.txt "$corpus"/ 2>/dev/null || true
elif [ "$target" = FuzzHTML ]; then
  cp ../Corpus/*.html "$corpus"/ 2>/dev/null || true
else
  printf '{"id": "a", "text": "\\"Yes,\\" she said."}\n{"id": 2}\nnot json\n' > "$corpus/seed.jsonl"
  # Lines with nested annotations, as gold files carry them (read without JSONDecoder since the fourth session).
  printf '{"id": "g", "text": "\\"No,\\" he said.", "quotes": [{"start": 1, "end": 4, "type": "direct", "speaker": null, "fragment": [1, 2]}], "meta": {"n": -12, "ok": true, "tags": []}}\n' > "$corpus/seed-nested.jsonl"
fi
# The whole log goes to .logs/; the summary is the last coverage line and the final statistics.
mkdir -p .logs
log=.logs/$target-$(date +%Y%m%d-%H%M%S).log
.build/release/"$target" "$corpus" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix=.artifacts- -print_final_stats=1 >"$log" 2>&1 || true
grep -E "cov: " "$log" | tail -n 1
grep -E "^stat::|ERROR|SUMMARY|Test unit written" "$log" || true
echo "log: Fuzz/$log; corpus: $(ls "$corpus" | wc -l) units"
