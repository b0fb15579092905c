#!/usr/bin/env python3
"""Score predicted quotes against gold quotes (standard library only).

Both files are JSONL with doc, start, end (code points, end exclusive), kind, speaker and
speaker_start/speaker_end (the output of `dossier extract --quotes`, the gold of
tools/quotes/make_gold.py).

Spans: precision/recall/F1, exact (same start and end) and overlap (one-to-one, each gold
quote paired with the unpaired prediction it overlaps most). Speaker accuracy over the
overlap pairs: right when both are unattributed, or when both name a speaker and the
predicted speaker mention overlaps the gold one or the canonical names agree (equal, or one's
words contained in the other's: "Putin" / "Vladimir Putin"). Also given: kind accuracy over the
pairs, and end-to-end speaker accuracy (pairs right / all gold quotes).

Usage: score.py --gold G.jsonl --pred P.jsonl [--corpus DIR] [--aggregate]
--aggregate prints the tables only (the rule for frozen test parts); without it the errors are
listed too.
"""
import argparse
import json
import os
import re
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def words(name):
    return set(re.findall(r"\w+", (name or "").lower()))


def same_speaker(gold, pred):
    if gold.get("speaker") is None or pred.get("speaker") is None:
        return gold.get("speaker") is None and pred.get("speaker") is None
    gs, ge = gold.get("speaker_start"), gold.get("speaker_end")
    ps, pe = pred.get("speaker_start"), pred.get("speaker_end")
    if None not in (gs, ge, ps, pe) and ps < ge and gs < pe:
        return True
    g, p = words(gold["speaker"]), words(pred["speaker"])
    return bool(g) and bool(p) and (g <= p or p <= g)


def overlap(a, b):
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def pair_by_overlap(gold, pred):
    """One-to-one pairs, largest overlaps first (deterministic)."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if g["doc"] == p["doc"]:
                o = overlap(g, p)
                if o > 0:
                    candidates.append((-o, gi, pi))
    candidates.sort()
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def prf(tp, n_pred, n_gold):
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def check_gold(gold, corpus):
    for g in gold:
        with open(os.path.join(corpus, g["doc"]), encoding="utf-8") as f:
            text = f.read()
        if text[g["start"]:g["end"]] != g["text"]:
            sys.exit(f"gold text mismatch in {g['doc']} at {g['start']}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", required=True)
    ap.add_argument("--pred", required=True)
    ap.add_argument("--corpus")
    ap.add_argument("--aggregate", action="store_true")
    args = ap.parse_args()
    gold, pred = load(args.gold), load(args.pred)
    if args.corpus:
        check_gold(gold, args.corpus)
    exact = {(g["doc"], g["start"], g["end"]) for g in gold}
    tp_exact = sum((p["doc"], p["start"], p["end"]) in exact for p in pred)
    pairs = pair_by_overlap(gold, pred)
    speaker_ok = [same_speaker(gold[gi], pred[pi]) for gi, pi in pairs]
    kind_ok = sum(gold[gi]["kind"] == pred[pi]["kind"] for gi, pi in pairs)
    print(f"gold {len(gold)}  predicted {len(pred)}")
    print(f"{'match':<10}{'P':>8}{'R':>8}{'F1':>8}")
    for name, tp in (("exact", tp_exact), ("overlap", len(pairs))):
        p, r, f = prf(tp, len(pred), len(gold))
        print(f"{name:<10}{p:>8.3f}{r:>8.3f}{f:>8.3f}")
    n = len(pairs) or 1
    print(f"speaker accuracy (overlap pairs) {sum(speaker_ok) / n:.3f}  ({sum(speaker_ok)}/{len(pairs)})")
    print(f"speaker accuracy end-to-end      {sum(speaker_ok) / (len(gold) or 1):.3f}")
    print(f"kind accuracy (overlap pairs)    {kind_ok / n:.3f}")
    if args.aggregate:
        return
    paired_g = {gi for gi, _ in pairs}
    paired_p = {pi for _, pi in pairs}
    for gi, g in enumerate(gold):
        if gi not in paired_g:
            print(f"MISS {g['doc']} {g['start']} [{g['kind']}] {g['text'][:90]!r}")
    for pi, p in enumerate(pred):
        if pi not in paired_p:
            print(f"EXTRA {p['doc']} {p['start']} [{p['kind']}] {p['text'][:90]!r}")
    for (gi, pi), ok in zip(pairs, speaker_ok):
        g, p = gold[gi], pred[pi]
        if not ok:
            print(f"SPEAKER {g['doc']} {g['start']} gold={g['speaker']} pred={p['speaker']} {g['text'][:60]!r}")
        if (g["start"], g["end"]) != (p["start"], p["end"]):
            print(f"BOUNDS {g['doc']} gold {g['start']}-{g['end']} pred {p['start']}-{p['end']} {p['text'][:90]!r}")


if __name__ == "__main__":
    main()
