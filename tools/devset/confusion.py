#!/usr/bin/env python3
"""The label confusion of the engine on the TUNE part: for the mentions whose span it
found exactly, which label the gold gives (rows) and which it predicted (columns).

usage: python3 tools/devset/confusion.py --pred PRED.jsonl [--devset DIR] [--list]
       python3 tools/devset/confusion.py --mapped GOLD.jsonl PRED.jsonl

PRED.jsonl is raw engine output on tune (`dossier extract <devset>/tune --format jsonl`, or
the pooled folds that `CROSSVAL_PRED=FILE tools/devset/crossval.sh` keeps); both sides are
mapped by mapping.py as scripts/eval-entities.sh maps them. `--mapped` takes files mapped
already (crossval.sh prints the cross-validated matrix this way). `--list` adds the
mentions off the diagonal, most frequent first. The span-only figure counts a found span
right whatever its label; the matrix shows where the difference to the exact figure goes.
The frozen part is refused: its errors are never read.
"""
import argparse
import os
import sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mapping import load, resolve_alternatives  # noqa: E402

LABELS = ["PERSON", "ORG", "PLACE", "EVENT"]


def matrix(gold, pred):
    """Counts of (gold label, predicted label) over the spans both sides have, and the
    off-diagonal mentions as (gold, predicted, text)."""
    said = {(p["doc"], p["start"], p["end"]): p for p in pred}
    cells, wrong = Counter(), Counter()
    for g in gold:
        p = said.get((g["doc"], g["start"], g["end"]))
        if p is None:
            continue
        cells[(g["label"], p["label"])] += 1
        if g["label"] != p["label"]:
            wrong[(g["label"], p["label"], p["text"])] += 1
    return cells, wrong


def show(cells, wrong, listing):
    matched = sum(cells.values())
    right = sum(n for (g, p), n in cells.items() if g == p)
    print(f"label confusion over {matched} exactly found spans: {right} labelled right, "
          f"{matched - right} wrong (rows gold, columns predicted)")
    print("gold\\pred " + "".join(f"{label:>8}" for label in LABELS))
    for g in LABELS:
        print(f"{g:<10}" + "".join(f"{cells[(g, p)]:>8}" for p in LABELS))
    pairs = Counter({(g, p): n for (g, p), n in cells.items() if g != p})
    print("most confused: " + ", ".join(f"{g}->{p} {n}" for (g, p), n in pairs.most_common(6)))
    if listing:
        for (g, p, text), n in wrong.most_common():
            print(f"{n:4}  {g} -> {p}: {text}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pred")
    ap.add_argument("--mapped", nargs=2, metavar=("GOLD", "PRED"))
    ap.add_argument("--devset", default=os.environ.get("DEVSET", "/work/devset"))
    ap.add_argument("--list", action="store_true", help="list the mentions off the diagonal")
    a = ap.parse_args()
    if a.mapped:
        gold_path, pred_path = a.mapped
        if "frozen" in os.path.abspath(gold_path).split(os.sep):
            sys.exit("only the tune part's confusion may be read (the frozen part is a test set)")
        gold, pred = load(gold_path), load(pred_path)
    elif a.pred:
        gold, pred = load(os.path.join(a.devset, "tune", "gold.jsonl")), load(a.pred)
        resolve_alternatives(gold, pred)
    else:
        ap.error("give --pred or --mapped")
    show(*matrix(gold, pred), a.list)


if __name__ == "__main__":
    main()
