#!/usr/bin/env python3
"""List the entity errors of the engine on the TUNE part of the development set.

usage: python3 tools/devset/errors.py --pred PRED.jsonl [--devset DIR] [--part tune]

PRED.jsonl is `dossier extract <devset>/tune --format jsonl`. Both sides are mapped by
mapping.py, as scripts/eval-entities.sh maps them, then three lists are printed, most frequent first: wrong label (same span), wrong boundary
(overlapping spans) and misses / false alarms (no overlap). The frozen part is refused:
its errors are never read.
"""
import argparse
import os
import sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mapping import load as load_mapped, resolve_alternatives  # noqa: E402


def load(path):
    return {(i["doc"], i["start"], i["end"]): i for i in load_mapped(path)}


def overlapping(key, items):
    return [k for k in items if k[0] == key[0] and k[1] < key[2] and key[1] < k[2]]


def show(title, counter):
    print(f"\n== {title}: {sum(counter.values())}")
    for what, n in counter.most_common():
        print(f"{n:4}  {what}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pred", required=True)
    ap.add_argument("--devset", default=os.environ.get("DEVSET", "/work/devset"))
    ap.add_argument("--part", default="tune")
    a = ap.parse_args()
    if a.part != "tune":
        sys.exit("only the tune part's errors may be read (the frozen part is a test set)")
    gold = load(os.path.join(a.devset, "tune", "gold.jsonl"))
    pred = load(a.pred)
    resolve_alternatives(list(gold.values()), list(pred.values()))
    label, bound, miss, alarm = Counter(), Counter(), Counter(), Counter()
    for k, p in pred.items():
        g = gold.get(k)
        if g and g["label"] != p["label"]:
            label[f"{g['label']} -> {p['label']}: {p['text']}"] += 1
        elif not g:
            near = overlapping(k, gold)
            if near:
                bound[f"{gold[near[0]]['text']} | {p['text']} ({p['label']})"] += 1
            else:
                alarm[f"{p['label']}: {p['text']}"] += 1
    for k, g in gold.items():
        if k not in pred and not overlapping(k, pred):
            miss[f"{g['label']}: {g['text']}"] += 1
    show("wrong label (gold -> predicted)", label)
    show("wrong boundary (gold | predicted)", bound)
    show("missed (no overlapping prediction)", miss)
    show("false alarms (no overlapping gold)", alarm)


if __name__ == "__main__":
    main()
