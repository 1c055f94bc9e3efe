#!/usr/bin/env bash
# Instruction counts of one extraction under valgrind's callgrind: the measure this project
# compares builds by (wall times on these shared machines move by up to 40% between runs of one
# binary; instruction counts repeat to within a few thousand).
#
# Runs `quotes extract --jobs 1 --format jsonl INPUT` of the release build under callgrind, with
# Swift's hash seeds fixed (SWIFT_DETERMINISTIC_HASHING=1: otherwise each process seeds its
# hashes anew and the count of one binary moves by up to ~1.2M on the dev set), and prints:
#   - the total instruction count and the MD5 of the output (the same bytes before and after a
#     change that should not change them);
#   - the functions with the most instructions, inclusive (this project's Swift code) and on
#     their own (all code);
#   - with ANNOTATE set to source paths from the package's root (space-separated), those files'
#     lines with their counts above 100,000, from a second run of a build with DWARF 4 debug
#     information in its own scratch folder (.build-dwarf4): valgrind 3.19 cannot read the
#     DWARF 5 that Swift 6 writes, and with line information callgrind counts the code a
#     function inlined from other files apart, so the function lists come from a stripped copy.
# The callgrind files are kept (their paths are printed) for `callgrind_annotate
# --tree=caller` or `--tree=calling`.
#
# Usage: Benchmarks/instructions.sh [INPUT]   (default: the dev set's texts, as `quotes bench` reads them)
#        ANNOTATE="Sources/QuoteCore/Segmentation/Token.swift" TOP=40 Benchmarks/instructions.sh
# Needs valgrind (apt-get install valgrind). ~40 s of callgrind a run for the dev set's 1.4 MB,
# after the build.
set -euo pipefail
cd "$(dirname "$0")/.."
gold=../shared/gold/polnear.dev.jsonl
input=${1:-}
top=${TOP:-25}
command -v valgrind >/dev/null || { echo "instructions.sh: valgrind is not installed (apt-get install valgrind)" >&2; exit 1; }
[ -z "$input" ] || [ -f "$input" ] || { echo "instructions.sh: no input file '$input'" >&2; exit 1; }
out=$(mktemp -d)
if [ -z "$input" ]; then
    # The dev set's texts with their ids only (the gold annotations would be read as metadata).
    input="$out/dev-texts.jsonl"
    python3 - "$gold" "$input" <<'PY'
import json, sys
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in open(sys.argv[1], encoding="utf-8"):
        document = json.loads(line)
        out.write(json.dumps({"id": document["id"], "text": document["text"]}) + "\n")
PY
fi

# One run of `binary` under callgrind into `profile`, its records into `records`.
measure() {
    local binary=$1 profile=$2 records=$3
    SWIFT_DETERMINISTIC_HASHING=1 valgrind --tool=callgrind --callgrind-out-file="$profile" \
        "$binary" extract --jobs 1 --format jsonl "$input" 2>"$profile.log" >"$records" || {
        echo "instructions.sh: the run failed; valgrind's log: $profile.log" >&2
        exit 1
    }
}

# The first `top` function lines of a callgrind_annotate listing (awk reads all of it: `head`
# would end the pipe early, and `pipefail` the script), this project's Swift code only with `ours`.
functions() {
    awk -v top="$top" -v ours="${1:-}" '
        /^ *[0-9,]+ +\(/ && !/PROGRAM TOTALS/ && (ours == "" || /Quote(Core|Schema|Store)/) && shown < top {
            print substr($0, 1, 170); shown++
        }'
}

swift build -c release --product quotes >/dev/null
strip -g -o "$out/quotes" .build/release/quotes
profile="$out/callgrind.out"
measure "$out/quotes" "$profile" "$out/records.jsonl"
total=$(grep -m1 '^summary:' "$profile" | awk '{print $2}')
printf 'input      %s\n' "$input"
printf 'records    %s lines, md5 %s\n' "$(wc -l <"$out/records.jsonl")" "$(md5sum <"$out/records.jsonl" | cut -d' ' -f1)"
printf 'total      %s instructions (start-up included: ~75M)\n\n' "$total"
echo "inclusive, this project's Swift code (top $top):"
callgrind_annotate --inclusive=yes --auto=no "$profile" 2>/dev/null | functions ours
echo
echo "self (top $top):"
callgrind_annotate --auto=no "$profile" 2>/dev/null | functions

if [ -n "${ANNOTATE:-}" ]; then
    swift build -c release --product quotes --scratch-path .build-dwarf4 \
        -Xswiftc -dwarf-version=4 -Xcc -gdwarf-4 >/dev/null
    lines="$out/callgrind-lines.out"
    measure .build-dwarf4/release/quotes "$lines" "$out/records-lines.jsonl"
    for file in $ANNOTATE; do
        echo
        echo "lines of $file with more than 100,000 instructions:"
        callgrind_annotate --auto=no --show-percs=no "$lines" "$file" 2>/dev/null \
            | awk '/-- User-annotated source/ {on = 1} on && $1 ~ /^[0-9,]+$/ { n = $1; gsub(",", "", n); if (n + 0 > 100000) print substr($0, 1, 170) }'
    done
    echo
    echo "profile with lines kept: $lines"
fi
echo
echo "profile kept: $profile (callgrind_annotate --tree=caller|calling $profile)"
