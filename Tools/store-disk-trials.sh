#!/usr/bin/env bash
# A real full disk and a real read-only file system under `quotes index` (needs root and tmpfs).
#   1. A 3 MiB tmpfs fills while the dev set is indexed in batches of 20: the run must fail with
#      a non-zero status and a message naming the store and "full", and the store must pass
#      `quotes check` and hold exactly the batches logged as committed.
#   2. A tmpfs holding a store of Corpus/ is remounted read-only: indexing must fail with a
#      message naming the store and "read-only", and the store must be unchanged.
# Usage: Tools/store-disk-trials.sh [GOLD_JSONL]
set -euo pipefail
cd "$(dirname "$0")/.."
gold=${1:-../shared/gold/polnear.dev.jsonl}
swift build -c release --product quotes >/dev/null
bin=$PWD/.build/release/quotes
work=$(mktemp -d)
mnt=$work/mnt
mkdir "$mnt"
cleanup() { umount "$mnt" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# 1. Full disk.
mount -t tmpfs -o size=3m tmpfs "$mnt"
status=0
"$bin" index --db "$mnt/q.sqlite" --batch 20 --log-batches "$gold" >"$work/log" 2>"$work/err" || status=$?
message=$(grep -i error "$work/err" || true)
echo "full disk: status $status: $message"
[ "$status" -ne 0 ] || fail "full disk: status 0"
grep -q "store '$mnt/q.sqlite' is full" "$work/err" || fail "full disk: no message naming the store and 'full'"
"$bin" check --db "$mnt/q.sqlite" || fail "full disk: store not intact"
python3 - "$mnt/q.sqlite" "$work/log" <<'PY' || fail "full disk: store does not hold exactly the logged batches"
import json, sqlite3, sys
logged = [i for line in open(sys.argv[2]) for i in json.loads(line)["documents"]]
stored = {row[0] for row in sqlite3.connect(sys.argv[1]).execute("SELECT id FROM documents")}
print(f"full disk: {len(logged) // 20} batches logged, {len(stored)} documents stored")
sys.exit(0 if stored == set(logged) and logged else 1)
PY
umount "$mnt"

# 2. Read-only file system.
mount -t tmpfs -o size=64m tmpfs "$mnt"
"$bin" index --db "$mnt/q.sqlite" Corpus/ 2>/dev/null
before=$("$bin" check --db "$mnt/q.sqlite")
mount -o remount,ro "$mnt"
status=0
"$bin" index --db "$mnt/q.sqlite" --batch 20 "$gold" >/dev/null 2>"$work/err" || status=$?
echo "read-only: status $status: $(cat "$work/err")"
[ "$status" -ne 0 ] || fail "read-only: status 0"
grep -q "store '$mnt/q.sqlite' is read-only" "$work/err" || fail "read-only: no message naming the store and 'read-only'"
mount -o remount,rw "$mnt"
after=$("$bin" check --db "$mnt/q.sqlite")
echo "read-only: before: $before"
[ "$before" = "$after" ] || fail "read-only: store changed: $after"
echo "disk trials: $failures failures"
[ "$failures" -eq 0 ]
