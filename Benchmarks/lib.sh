# Shared by the benchmark scripts (source it from the package root).

# median_of_3 LABEL MB COMMAND...: runs COMMAND three times (output discarded) and prints the
# median time, MB/s for MB megabytes of input, and the peak resident memory of that run.
median_of_3() {
  local label=$1 mb=$2
  shift 2
  local timing
  timing=$(mktemp)
  local runs=()
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %M" -o "$timing" "$@" >/dev/null 2>&1
    runs+=("$(cat "$timing")")
  done
  rm -f "$timing"
  printf '%s\n' "${runs[@]}" | sort -n | sed -n 2p | while read -r seconds kb; do
    python3 -c "print(f'$label: {$mb:.1f} MB, median {$seconds:.2f} s, {$mb/max($seconds, 0.01):.1f} MB/s, peak RSS {$kb/1024:.0f} MB')"
  done
}

# repeated_dev_text GOLD REPEATS OUT [editions]: the gold documents' texts REPEATS times as JSONL
# with only `id` and `text`; with "editions", each copy starts with a line of its own (so that a
# store would not take copies for re-indexes). Prints the MB of text.
repeated_dev_text() {
  python3 - "$@" <<'PY'
import json, sys
gold, repeats, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
editions = len(sys.argv) > 4 and sys.argv[4] == "editions"
docs = [json.loads(line) for line in open(gold, encoding="utf-8")]
size = 0
with open(out, "w", encoding="utf-8") as f:
    for r in range(repeats):
        for d in docs:
            text = (f"Edition {r}.\n\n" if editions else "") + d["text"]
            size += len(text.encode())
            f.write(json.dumps({"id": f"{d['id']}#{r}", "text": text}) + "\n")
print(size / 1e6)
PY
}
