#!/usr/bin/env python3
"""Turn the hand annotation of the `news` frozen set (TSV) into gold JSONL with offsets.

Each TSV line (after the header; '#' lines and blank lines skipped):
    doc  text  label  canonical  occurrences
- doc: file name without `.txt`; text: the mention exactly as written.
- occurrences: empty = every occurrence of `text` in the document with no letter or digit
  directly before or after it; else a comma list of 1-based occurrence numbers (counted over
  those boundary matches); else `anchor<<span>>anchor` written in the text column instead.
- label `-` blocks the listed occurrences (a word that is no name there).
- canonical empty: the text itself (DATE/MONEY/PERCENT: the lower-cased text, as the
  guidelines say).
Candidate spans are taken longest first; a span overlapping one already taken is dropped,
as in the seed gold's lexicon pass. Every span is checked against the text. The first line
of a file is its title (zone `title`), everything else `body`.

usage: news_gold.py --corpus /work/devset/news-frozen --annotations annotations.tsv --out gold.jsonl
       [--show DOC]  print DOC with the spans inline, and the capitalised words outside spans
Standard library only.
"""
import argparse
import json
import os
import re
import sys

VALUE_LABELS = {"DATE", "MONEY", "PERCENT"}
LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"} | VALUE_LABELS


def boundary_matches(content, text):
    pat = re.compile(r"(?<![^\W_])" + re.escape(text) + r"(?![^\W_])")
    return [m.start() for m in pat.finditer(content)]


def candidates(content, rows, doc):
    """(start, end, label, canonical) for every TSV row of one document."""
    out = []
    for line_no, text, label, canonical, occ in rows:
        if label not in LABELS and label != "-":
            sys.exit(f"line {line_no}: unknown label {label!r}")
        if "<<" in text:
            before, rest = text.split("<<", 1)
            span, after = rest.split(">>", 1)
            hits = boundary_matches(content, before + span + after)
            if len(hits) != 1:
                sys.exit(f"line {line_no}: anchor {text!r} found {len(hits)} times in {doc}")
            starts, text = [hits[0] + len(before)], span
        else:
            hits = boundary_matches(content, text)
            if not hits:
                sys.exit(f"line {line_no}: {text!r} not found in {doc}")
            if occ:
                picks = [int(x) for x in occ.split(",")]
                if max(picks) > len(hits):
                    sys.exit(f"line {line_no}: {text!r} occurs {len(hits)} times in {doc}")
                starts = [hits[i - 1] for i in picks]
            else:
                starts = hits
        if not canonical:
            canonical = text.lower() if label in VALUE_LABELS else text
        out += [(s, s + len(text), label, canonical) for s in starts]
    return out


def resolve(cands):
    """Longest first, blocks (`-`) before names of the same length; no overlaps."""
    taken = []
    for s, e, label, canonical in sorted(cands, key=lambda c: (-(c[1] - c[0]), c[2] != "-", c[0])):
        if any(s < te and ts < e for ts, te, _, _ in taken):
            continue
        taken.append((s, e, label, canonical))
    return sorted(t for t in taken if t[2] != "-")


def read_tsv(path):
    by_doc = {}
    with open(path, encoding="utf-8") as f:
        for line_no, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line_no == 1 or not line.strip() or line.startswith("#"):
                continue
            cols = (line.split("\t") + [""] * 5)[:5]
            doc, text, label, canonical, occ = (c.strip() for c in cols)
            by_doc.setdefault(doc, []).append((line_no, text, label, canonical, occ))
    return by_doc


def show(content, spans):
    out, at = [], 0
    for s, e, label, _ in spans:
        out.append(content[at:s] + f"[{content[s:e]}|{label}]")
        at = e
    out.append(content[at:])
    print("".join(out))
    covered = [False] * len(content)
    for s, e, _, _ in spans:
        covered[s:e] = [True] * (e - s)
    loose = sorted({m.group() for m in re.finditer(r"\b[A-Z0-9][\w'.-]*", content)
                    if not covered[m.start()]})
    print("\nOUTSIDE SPANS:", " ".join(loose))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--annotations", required=True)
    ap.add_argument("--out")
    ap.add_argument("--show")
    args = ap.parse_args()
    by_doc = read_tsv(args.annotations)
    lines = []
    for doc in sorted(by_doc):
        path = os.path.join(args.corpus, doc + ".txt")
        with open(path, encoding="utf-8") as f:
            content = f.read()
        spans = resolve(candidates(content, by_doc[doc], doc))
        title_end = content.index("\n")
        for s, e, label, canonical in spans:
            assert content[s:e] == content[s:e].strip(), (doc, content[s:e])
            lines.append({"doc": doc + ".txt", "start": s, "end": e, "text": content[s:e],
                          "label": label, "canonical": canonical,
                          "zone": "title" if e <= title_end else "body"})
        if args.show == doc:
            show(content, spans)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            for row in lines:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
    counts = {}
    for row in lines:
        counts[row["label"]] = counts.get(row["label"], 0) + 1
    print(f"{len(lines)} mentions in {len(by_doc)} documents:",
          ", ".join(f"{k} {v}" for k, v in sorted(counts.items())), file=sys.stderr)


if __name__ == "__main__":
    main()
