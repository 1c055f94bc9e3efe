#!/usr/bin/env bash
# kill -9 during `quotes index`: N trials (default 60) on the dev set, release build.
# Every trial must leave a store that passes PRAGMA integrity_check and holds exactly the
# batches that committed (see Tools/store-kill-trials.py for what is checked).
# Usage: Tools/store-kill-trials.sh [N] [GOLD_JSONL]   (SEED=123 to repeat a run)
set -euo pipefail
cd "$(dirname "$0")/.."
trials=${1:-60}
gold=${2:-../shared/gold/polnear.dev.jsonl}
swift build -c release --product quotes >/dev/null
exec python3 Tools/store-kill-trials.py --bin .build/release/quotes --gold "$gold" --trials "$trials" \
  --batch 20 ${SEED:+--seed "$SEED"}
