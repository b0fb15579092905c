#!/usr/bin/env python3
"""Turn hand-written quote annotations (TSV) into gold JSONL with code-point offsets.

Each TSV line (after a header, '#' lines skipped):
    doc  kind  cue  speaker  speaker_text  speaker_anchor  text
- text: the quote span exactly as in the document (must occur once, or be given as
  `anchor<<span>>anchor` to pick one occurrence: the part between << and >> is the span).
- speaker: canonical name, or empty for an unattributed quote.
- speaker_text: the speaker mention as written; speaker_anchor: a longer string, unique in
  the document, that contains it (empty: the occurrence nearest before the quote, else the
  nearest after it).
- cue: lowercase cue words, or empty.
Usage: make_gold.py --corpus DIR (--annotations FILE.tsv | --spans FILE.tsv) --out gold.jsonl

--spans reads the same gold kept as offsets, without the quotes' text (heldout-spans.tsv:
doc, start, end, kind, cue, speaker, speaker_start, speaker_end; code points), and takes the
texts from the corpus.
Standard library only. Every span is checked against the text.
"""
import argparse
import json
import os
import sys


def find_once(content, needle, what):
    first = content.find(needle)
    if first < 0:
        sys.exit(f"not found ({what}): {needle!r}")
    if content.find(needle, first + 1) >= 0:
        sys.exit(f"ambiguous ({what}), add an anchor: {needle!r}")
    return first


def locate_span(content, text):
    if "<<" in text:
        before, rest = text.split("<<", 1)
        span, after = rest.split(">>", 1)
        at = find_once(content, before + span + after, "span anchor") + len(before)
        return at, at + len(span)
    at = find_once(content, text, "span")
    return at, at + len(text)


def locate_speaker(content, mention, anchor, quote_start):
    if anchor:
        at = find_once(content, anchor, "speaker anchor")
        inner = anchor.find(mention)
        if inner < 0:
            sys.exit(f"speaker {mention!r} not in anchor {anchor!r}")
        return at + inner
    before = content.rfind(mention, 0, quote_start)
    if before >= 0:
        return before
    after = content.find(mention, quote_start)
    if after < 0:
        sys.exit(f"speaker mention not found: {mention!r}")
    return after


def read_rows(path):
    with open(path, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]
    return lines[1:]


def from_spans(corpus, lines):
    rows = []
    for line in lines:
        doc, start, end, kind, cue, speaker, s_start, s_end = line.split("\t")
        assert kind in ("direct", "reported"), line
        with open(os.path.join(corpus, doc), encoding="utf-8") as f:
            content = f.read()
        start, end = int(start), int(end)
        row = {"doc": doc, "start": start, "end": end, "text": content[start:end],
               "kind": kind, "cue": cue or None, "speaker": speaker or None,
               "speaker_start": None, "speaker_end": None, "speaker_text": None}
        if speaker:
            s, e = int(s_start), int(s_end)
            row.update(speaker_start=s, speaker_end=e, speaker_text=content[s:e])
        rows.append(row)
    return rows


def from_annotations(corpus, lines):
    rows = []
    for line in lines:
        doc, kind, cue, speaker, stext, sanchor, text = line.split("\t")
        assert kind in ("direct", "reported"), line
        with open(os.path.join(corpus, doc), encoding="utf-8") as f:
            content = f.read()
        start, end = locate_span(content, text)
        row = {"doc": doc, "start": start, "end": end, "text": content[start:end],
               "kind": kind, "cue": cue or None, "speaker": speaker or None,
               "speaker_start": None, "speaker_end": None, "speaker_text": None}
        if speaker:
            s = locate_speaker(content, stext, sanchor, start)
            row.update(speaker_start=s, speaker_end=s + len(stext), speaker_text=stext)
        rows.append(row)
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", required=True)
    source = ap.add_mutually_exclusive_group(required=True)
    source.add_argument("--annotations")
    source.add_argument("--spans")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    if args.spans:
        rows = from_spans(args.corpus, read_rows(args.spans))
    else:
        rows = from_annotations(args.corpus, read_rows(args.annotations))
    rows.sort(key=lambda r: (r["doc"], r["start"]))
    with open(args.out, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} quotes -> {args.out}")


if __name__ == "__main__":
    main()
