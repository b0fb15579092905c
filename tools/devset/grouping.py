#!/usr/bin/env python3
"""The alias-grouping errors of the engine, each with its likely cause, counted by cause.

usage: python3 tools/devset/grouping.py --pred PRED.jsonl [--gold GOLD.jsonl] [--quiet]

PRED.jsonl is `dossier extract <corpus> --format jsonl`; GOLD.jsonl defaults to the tune
part's gold (/work/devset/tune/gold.jsonl, or $DEVSET/tune). The seeds gold
(/work/shared/eval/seeds-gold.jsonl) and the other-topic fixture's gold work too. Both
sides are mapped to PERSON / ORG / PLACE / EVENT (mapping.py) and the mentions paired as
score.py pairs them for its grouping line, then two lists are printed:

  split   gold entities written in more than one form whose paired mentions carry more
          than one cluster id (what "multi-form entities grouped" counts);
  merged  predicted clusters holding mentions of more than one gold entity (what B3
          precision loses).

Each error gets one cause, the first that applies:

  boundary      a paired prediction's span is not the gold span (the cluster id comes
                from other words: a recognition error, not a grouping one);
  gold          (merged only) the gold entities merged never share a document: the gold
                keys one thing differently in different documents ("US" / "United
                States"), where the engine groups across documents;
  acronym       (split) one form is written in capitals, as an acronym;
  short form    (split) the words of one form are among the words of another
                ("Acme" / "Acme Holdings");
  shared word   (merged) two entities of one document whose names share a word;
  other         nicknames, translations, misspellings: no shared word, no acronym.

The frozen part is refused: its errors are never read.
"""
import argparse
import os
import re
import sys
from collections import Counter, defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from errors import load, scorer  # noqa: E402
from mapping import resolve_alternatives  # noqa: E402


def bare(text):
    """A span's text as score.py's cluster key reads it, case kept."""
    t = re.sub(r"^(the|The) ", "", text.strip())
    return re.sub(r"(’s|'s|’|')$", "", t).strip(" .,;:!?“”\"‘’'()")


def words(text):
    return {w for w in re.findall(r"[\w]+", bare(text).lower())}


def acronym(text):
    t = bare(text).replace(".", "")
    return 2 <= len(t) <= 8 and sum(c.isupper() for c in t) >= max(2, len(t) - 1)


def split_cause(members):
    """members: (gold text, predicted text, cluster id)."""
    if any(bare(g) != bare(p) for g, p, _ in members):
        return "boundary"
    forms = {bare(g) for g, _, _ in members}
    if any(acronym(f) for f in forms):
        return "acronym"
    for a in forms:
        for b in forms:
            if a != b and words(a) and words(a) <= words(b):
                return "short form"
    return "other"


def merge_cause(members):
    """members: (gold canonical, gold text, predicted text, document)."""
    if any(bare(g) != bare(p) for _, g, p, _ in members):
        return "boundary"
    docs = defaultdict(set)
    for c, _, _, d in members:
        docs[c].add(d)
    apart = all(not (a & b) for x, a in docs.items() for y, b in docs.items() if x < y)
    if apart:
        return "gold"
    shared = set.intersection(*({w for c2, g, _, _ in members if c2 == c for w in words(g)} for c in docs))
    return "shared word" if shared else "other"


def paired(gold, pred):
    """(gold mention, predicted mention, cluster id) as score.py pairs them."""
    sc = scorer()
    named = [g for g in gold if g["label"] not in sc.VALUE]
    return [(named[gi], pred[pi], sc.ckey(pred[pi])) for gi, pi in sc.greedy(named, pred, lambda g, p: True)]


def report(pairs, quiet):
    ents, clusters = defaultdict(list), defaultdict(list)
    for g, p, key in pairs:
        ents[g["canonical"]].append((g["text"], p["text"], key))
        clusters[key].append((g["canonical"], g["text"], p["text"], g["doc"]))
    split = {c: m for c, m in ents.items()
             if len({bare(t) for t, _, _ in m}) >= 2 and len({k for _, _, k in m}) > 1}
    multi = sum(1 for m in ents.values() if len({g for g, _, _ in m}) >= 2)
    merged = {k: m for k, m in clusters.items() if len({c for c, _, _, _ in m}) > 1}
    causes = Counter()
    print(f"== split: {len(split)} of {multi} multi-form gold entities (forms as score.py counts them)")
    for canon, ms in sorted(split.items()):
        cause = split_cause(ms)
        causes["split " + cause] += 1
        if not quiet:
            forms = Counter(f"{g}" + (f" [{p}]" if bare(p) != bare(g) else "") + f" -> {k}" for g, p, k in ms)
            print(f"  {cause:<10} {canon}:  " + "; ".join(f"{n}x {f}" for f, n in forms.most_common()))
    print(f"== merged: {len(merged)} predicted clusters hold more than one gold entity")
    for key, ms in sorted(merged.items()):
        cause = merge_cause(ms)
        causes["merged " + cause] += 1
        if not quiet:
            forms = Counter(f"{c}: {g}" + (f" [{p}]" if bare(p) != bare(g) else "") for c, g, p, _ in ms)
            print(f"  {cause:<10} {key}:  " + "; ".join(f"{n}x {f}" for f, n in forms.most_common()))
    print("== causes")
    for cause, n in sorted(causes.items()):
        print(f"{n:4}  {cause}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pred", required=True)
    devset = os.environ.get("DEVSET", "/work/devset")
    ap.add_argument("--gold", default=os.path.join(devset, "tune", "gold.jsonl"))
    ap.add_argument("--quiet", action="store_true", help="print the counts only")
    a = ap.parse_args()
    if "frozen" in os.path.abspath(a.gold).split(os.sep):
        sys.exit("the frozen part's errors are never read (it is a test set)")
    gold, pred = load(a.gold), load(a.pred)
    resolve_alternatives(list(gold.values()), list(pred.values()))
    report(paired(sorted(gold.values(), key=lambda g: (g["doc"], g["start"])),
                  sorted(pred.values(), key=lambda p: (p["doc"], p["start"]))), a.quiet)


if __name__ == "__main__":
    main()
