#!/usr/bin/env bash
# Crash safety of `quotes index`, with real processes: N trials (default 60) each start an index
# run on a JSONL file, SIGKILL it after a random delay spread over the whole run, then check the
# store: PRAGMA integrity_check is ok, every quotation has its document and its full-text row,
# and the documents are exactly the first k whole batches of the input (no partial batch).
# Every third trial kills a re-index of an already complete store: then every document must still
# be there, in its old or new version. Usage: Tools/store-kill-trials.sh [TRIALS] [JSONL]
set -euo pipefail
cd "$(dirname "$0")/.."
trials=${1:-60}
input=${2:-../shared/gold/polnear.dev.jsonl}
batch=20
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release --product quotes >/dev/null
bin=$PWD/.build/release/quotes

# How long one full run takes: the kill delays are spread over [0, 1.2 x that].
start=$(date +%s.%N)
"$bin" index --db "$work/full.sqlite" --batch "$batch" "$input" 2>/dev/null
full=$(python3 -c "print($(date +%s.%N) - $start)")
echo "full run: ${full}s; $trials trials, batch $batch"

python3 - "$bin" "$input" "$work" "$trials" "$batch" "$full" <<'PY'
import json, os, random, shutil, signal, sqlite3, subprocess, sys, time
bin, input, work, trials, batch, full = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6])
ids = [json.loads(line)["id"] for line in open(input, encoding="utf-8") if line.strip()]
random.seed(7)
failures, mid_run, committed, reindex_trials = [], 0, [], 0
for trial in range(trials):
    db = os.path.join(work, f"trial-{trial}.sqlite")
    reindex = trial % 3 == 2
    if reindex:
        reindex_trials += 1
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(os.path.join(work, "full.sqlite" + suffix)):
                shutil.copy(os.path.join(work, "full.sqlite" + suffix), db + suffix)
    delay = random.uniform(0, full * 1.2)
    process = subprocess.Popen([bin, "index", "--db", db, "--batch", str(batch), "--jobs", "2", input],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    finished = process.poll() is not None
    if not finished:
        process.send_signal(signal.SIGKILL)
        mid_run += 1
    process.wait()
    problems = []
    try:
        connection = sqlite3.connect(db)
        check = connection.execute("PRAGMA integrity_check").fetchone()[0]
        if check != "ok":
            problems.append(f"integrity_check: {check}")
        stored = {row[0] for row in connection.execute("SELECT id FROM documents")} if check == "ok" else set()
        orphans = connection.execute("SELECT COUNT(*) FROM quotes q LEFT JOIN documents d ON d.id = q.document_id WHERE d.id IS NULL").fetchone()[0]
        quotes = connection.execute("SELECT COUNT(*) FROM quotes").fetchone()[0]
        fts = connection.execute("SELECT COUNT(*) FROM quotes_fts").fetchone()[0]
        connection.close()
    except sqlite3.Error as error:
        if not reindex and not os.path.exists(db):
            stored, orphans, quotes, fts = set(), 0, 0, 0  # killed before the file was created
        else:
            problems.append(f"sqlite: {error}")
            stored, orphans, quotes, fts = set(), 0, 0, 0
    if orphans:
        problems.append(f"{orphans} quotations without their document")
    if quotes != fts:
        problems.append(f"{quotes} quotations but {fts} full-text rows")
    if reindex:
        if stored != set(ids):
            problems.append(f"re-index lost documents: {len(stored)} of {len(ids)}")
    else:
        k = len(stored)
        whole = k == len(ids) or k % batch == 0
        prefix = stored == set(ids[:k])
        if not (whole and prefix):
            problems.append(f"{k} documents are not whole batches of the input (prefix {prefix})")
        committed.append(k // batch if k < len(ids) else -(-len(ids) // batch))
    if problems:
        failures.append((trial, delay, problems))
print(f"trials: {trials} ({reindex_trials} re-index), killed mid-run: {mid_run}, "
      f"batches committed when killed: min {min(committed)} max {max(committed)} of {-(-len(ids) // batch)}, "
      f"failures: {len(failures)}")
for trial, delay, problems in failures:
    print(f"  trial {trial} (kill after {delay:.2f}s): {'; '.join(problems)}")
sys.exit(1 if failures else 0)
PY
