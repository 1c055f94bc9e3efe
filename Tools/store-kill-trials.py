#!/usr/bin/env python3
"""kill -9 during `quotes index`, N times, and check what is left.

Each trial indexes the dev set with `--batch B --log-batches` into a store that is either fresh
or pre-filled with the same articles under other ids ("old:<id>", so every new document replaces
an old one through the same-text rule: the delete path is killed too), and SIGKILLs the process
after a random delay spread over the whole run (one trial in ten in its first 50 ms, while the
store is being created). Then, with Python's own sqlite3:

- `PRAGMA integrity_check` is ok, the full-text table has one row per quotation, no quotation
  lacks its document, and `PRAGMA foreign_key_check` is empty;
- the batches logged on stdout (complete lines only) are the first k batches of the input, in
  order; the store's new documents are exactly those k batches, or those plus the whole next
  batch (killed after the commit, before its line was written); never a part of a batch;
- every stored new document has as many quotations as in an uninterrupted run;
- in a pre-filled store, exactly the replaced documents' old copies are gone.

Usage: store-kill-trials.py --bin .build/release/quotes --gold GOLD.jsonl --trials N [--batch 20]
Prints one line per failing trial and a summary line; exits 1 if any trial failed.
"""
import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time


def run_index(binary, store, source, batch, log_path):
    """Starts `quotes index` with its batch log going to log_path."""
    log = open(log_path, "wb")
    process = subprocess.Popen(
        [binary, "index", "--db", store, "--batch", str(batch), "--log-batches", source],
        stdout=log, stderr=subprocess.DEVNULL)
    log.close()
    return process


def logged_batches(log_path):
    """The batches whose line was written whole (a kill can cut the last line)."""
    with open(log_path, "rb") as f:
        data = f.read()
    lines = data.split(b"\n")[:-1]  # the part after the last newline is not a whole line
    return [json.loads(line)["documents"] for line in lines]


def store_state(path):
    """Documents with their quotation counts, and the store's problems (empty when intact)."""
    if not os.path.exists(path):
        return {}, []
    db = sqlite3.connect(path)
    problems = []
    try:
        integrity = [row[0] for row in db.execute("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            problems.append(f"integrity_check: {integrity[:3]}")
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "documents" not in tables:  # killed before the schema's transaction committed
            return {}, problems
        quotes = db.execute("SELECT COUNT(*) FROM quotes").fetchone()[0]
        search = db.execute("SELECT COUNT(*) FROM quotes_fts").fetchone()[0]
        if quotes != search:
            problems.append(f"{quotes} quotations but {search} full-text rows")
        orphans = db.execute(
            "SELECT COUNT(*) FROM quotes WHERE document_id NOT IN (SELECT id FROM documents)").fetchone()[0]
        if orphans:
            problems.append(f"{orphans} quotations without their document")
        dangling = db.execute("PRAGMA foreign_key_check").fetchall()
        if dangling:
            problems.append(f"{len(dangling)} foreign key violations")
        documents = dict(db.execute(
            "SELECT d.id, COUNT(q.id) FROM documents d LEFT JOIN quotes q ON q.document_id = d.id GROUP BY d.id"))
        return documents, problems
    finally:
        db.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--gold", required=True)
    parser.add_argument("--trials", type=int, default=60)
    parser.add_argument("--batch", type=int, default=20)
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else int(time.time())
    rng = random.Random(seed)
    work = tempfile.mkdtemp(prefix="quotes-kill-")
    try:
        return trials(args, rng, seed, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def trials(args, rng, seed, work):
    docs = [json.loads(line) for line in open(args.gold, encoding="utf-8") if line.strip()]
    ids = [d["id"] for d in docs]
    expected = [ids[i:i + args.batch] for i in range(0, len(ids), args.batch)]
    old_source = os.path.join(work, "old.jsonl")
    with open(old_source, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps({"id": "old:" + d["id"], "text": d["text"], "meta": d.get("meta", {})}) + "\n")

    # Reference runs: the full quotation counts, the run's length, and the pre-filled store.
    reference = os.path.join(work, "reference.sqlite")
    started = time.monotonic()
    run_index(args.bin, reference, args.gold, args.batch, os.path.join(work, "reference.log")).wait()
    fresh_seconds = time.monotonic() - started
    reference_counts, problems = store_state(reference)
    if problems or set(reference_counts) != set(ids):
        print(f"reference run failed: {problems}, {len(reference_counts)} of {len(ids)} documents")
        return 1
    prefilled = os.path.join(work, "prefilled.sqlite")
    run_index(args.bin, prefilled, old_source, 200, os.path.join(work, "prefill.log")).wait()
    started = time.monotonic()
    copy = os.path.join(work, "timing.sqlite")
    shutil.copy(prefilled, copy)
    run_index(args.bin, copy, args.gold, args.batch, os.path.join(work, "timing.log")).wait()
    refill_seconds = time.monotonic() - started

    failures = 0
    killed_mid_run = 0
    committed_range = []
    extra_batch = 0
    for trial in range(args.trials):
        store = os.path.join(work, f"trial-{trial}.sqlite")
        log_path = os.path.join(work, f"trial-{trial}.log")
        refill = trial % 2 == 1
        if refill:
            shutil.copy(prefilled, store)
        length = refill_seconds if refill else fresh_seconds
        delay = rng.uniform(0, 0.05) if trial % 10 == 0 else rng.uniform(0, length * 1.05)
        process = run_index(args.bin, store, args.gold, args.batch, log_path)
        time.sleep(delay)
        mid_run = process.poll() is None
        if mid_run:
            process.send_signal(signal.SIGKILL)
            killed_mid_run += 1
        process.wait()

        errors = []
        logged = logged_batches(log_path)
        if logged != expected[:len(logged)]:
            errors.append("logged batches are not the input's first batches in order")
        documents, problems = store_state(store)
        errors += problems
        new = {i for i in documents if not i.startswith("old:")}
        done = [i for batch in expected[:len(logged)] for i in batch]
        following = expected[len(logged)] if len(logged) < len(expected) else []
        committed = len(logged)
        if new == set(done) | set(following) and following:
            committed += 1
            extra_batch += 1
        elif new != set(done):
            errors.append(f"{len(new)} new documents stored, not {len(logged)} whole batches "
                          f"({len(done)} documents) or the next one too")
        wrong = [i for i in new if documents[i] != reference_counts[i]]
        if wrong:
            errors.append(f"{len(wrong)} documents with a partial set of quotations, e.g. {wrong[0]}")
        if refill:
            old = {i[4:] for i in documents if i.startswith("old:")}
            if old != set(ids) - new:
                errors.append(f"{len(old)} old copies left, expected {len(ids) - len(new)}")
        if not mid_run and (process.returncode != 0 or new != set(ids)):
            errors.append(f"finished with status {process.returncode} and {len(new)} documents")
        committed_range.append(committed)
        if errors:
            failures += 1
            print(f"trial {trial} ({'pre-filled' if refill else 'fresh'}, kill after {delay:.3f} s): "
                  + "; ".join(errors))
        # A run killed in its first milliseconds may not have created the store yet.
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(store + suffix):
                os.remove(store + suffix)

    print(f"{args.trials} trials (seed {seed}, batch {args.batch}, {len(expected)} batches per run, "
          f"runs of {fresh_seconds:.2f} s fresh and {refill_seconds:.2f} s pre-filled): "
          f"{killed_mid_run} killed mid-run, batches committed {min(committed_range)}..{max(committed_range)}, "
          f"{extra_batch} killed between a commit and its log line, {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
