#!/usr/bin/env python3
"""List the entity errors of the engine on the TUNE part of the development set.

usage: python3 tools/devset/errors.py --pred PRED.jsonl [--devset DIR] [--part tune] [--grouping]

PRED.jsonl is `dossier extract <devset>/tune --format jsonl`. Both sides are mapped by
mapping.py, as scripts/eval-entities.sh maps them, then three lists are printed, most frequent first: wrong label (same span), wrong boundary
(overlapping spans) and misses / false alarms (no overlap). With --grouping it lists
instead the gold entities written in more than one form whose mentions the engine did not
give one cluster id, each form with the id it got, paired as the scorer pairs them
(score.py, found in $DOSSIER_EVAL or /work/shared/eval). The frozen part is refused: its
errors are never read.
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


def scorer():
    """The shared scorer as a module (its pairing and cluster ids)."""
    import importlib.util
    path = os.path.join(os.environ.get("DOSSIER_EVAL", "/work/shared/eval"), "score.py")
    spec = importlib.util.spec_from_file_location("score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def grouping_errors(gold, pred):
    """Print the multi-form gold entities the prediction splits, as score.py counts them."""
    sc = scorer()
    named = [g for g in gold if g["label"] not in sc.VALUE]
    pairs = sc.greedy(named, pred, lambda g, p: True)
    ents = {}
    for gi, pi in pairs:
        ents.setdefault(named[gi]["canonical"], []).append((named[gi]["text"], sc.ckey(pred[pi])))
    split = [(c, m) for c, m in ents.items()
             if len({t for t, _ in m}) >= 2 and len({k for _, k in m}) > 1]
    print(f"== multi-form entities not grouped: {len(split)}")
    for canon, ms in sorted(split):
        forms = Counter(f"{t} -> {k}" for t, k in ms)
        print(f"{canon}:  " + "; ".join(f"{n}x {f}" for f, n in forms.most_common()))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pred", required=True)
    ap.add_argument("--devset", default=os.environ.get("DEVSET", "/work/devset"))
    ap.add_argument("--part", default="tune")
    ap.add_argument("--grouping", action="store_true", help="list the split multi-form entities")
    a = ap.parse_args()
    if a.part != "tune":
        sys.exit("only the tune part's errors may be read (the frozen part is a test set)")
    gold = load(os.path.join(a.devset, "tune", "gold.jsonl"))
    pred = load(a.pred)
    resolve_alternatives(list(gold.values()), list(pred.values()))
    if a.grouping:
        grouping_errors(sorted(gold.values(), key=lambda g: (g["doc"], g["start"])),
                        sorted(pred.values(), key=lambda p: (p["doc"], p["start"])))
        return
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
