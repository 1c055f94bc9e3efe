#!/usr/bin/env bash
# Wraps every gold article in a generated news page and checks, end to end through the
# `quotes` command, that the quotations found in the pages equal those found in the clean text
# (same quote text, white space normalised, and same speaker name).
#
# Usage: Tools/html-pages/agreement.sh [GOLD.jsonl]   (default ../shared/gold/polnear.dev.jsonl)
# The gold text is read at run time only; pages go to a temporary directory that is removed.
# The pages come from Tests/QuoteHTMLTests/NewsPageGenerator.swift, written by the test
# GoldPageAgreementTests when QUOTES_HTML_PAGES_OUT is set; the test prints its own rate too.
set -euo pipefail
cd "$(dirname "$0")/../.."
GOLD=$(realpath "${1:-../shared/gold/polnear.dev.jsonl}")
[ -f "$GOLD" ] || { echo "no gold file at $GOLD" >&2; exit 2; }
SCRATCH=${SCRATCH:-.build-html}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
mkdir "$OUT/pages"
QUOTES_GOLD_JSONL="$GOLD" QUOTES_HTML_PAGES_OUT="$OUT/pages" \
    swift test --scratch-path "$SCRATCH" --filter pageQuotesMatchCleanTextQuotes 2>&1 | grep "HTML page agreement" || true
swift build --scratch-path "$SCRATCH" >/dev/null
Q="$SCRATCH/debug/quotes"
"$Q" extract --format jsonl "$GOLD" > "$OUT/clean.jsonl" 2>/dev/null
"$Q" extract --format jsonl --input html "$OUT/pages" > "$OUT/pages.jsonl" 2>/dev/null
python3 - "$OUT/clean.jsonl" "$OUT/pages.jsonl" <<'PY'
import collections, json, os, re, sys

def key(document):
    return re.sub(r"[^\w-]", "_", document)

def load(path, by_file):
    quotes = collections.defaultdict(list)
    for line in open(path, encoding="utf-8"):
        record = json.loads(line)
        document = os.path.basename(record["document"])[:-5] if by_file else key(record["document"])
        speaker = (record.get("speaker") or {}).get("name") or ""
        quotes[document].append((" ".join(record["quote"]["text"].split()), speaker))
    return quotes

clean, pages = load(sys.argv[1], False), load(sys.argv[2], True)
matched = total_clean = total_pages = same_docs = 0
for document in set(clean) | set(pages):
    a, b = collections.Counter(clean.get(document, [])), collections.Counter(pages.get(document, []))
    matched += sum((a & b).values())
    total_clean += sum(a.values())
    total_pages += sum(b.values())
    same_docs += a == b
rate = 2 * matched / (total_clean + total_pages) if total_clean + total_pages else 1.0
print(f"command line: {total_clean} quotations from clean text, {total_pages} from pages, {matched} identical; "
      f"agreement {rate:.2%}; {same_docs} of {len(set(clean) | set(pages))} documents identical")
PY
