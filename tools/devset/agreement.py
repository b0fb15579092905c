#!/usr/bin/env python3
"""How far two runs of the engine agree on the names of the same documents: the stability
of the learned decision (two trainings that differ only in the shuffle's seed, or in the
folds of a cross-validation).

A name is a surface (lower case) in a document; its label is the label most of its
mentions take in the four-label view (tools/devset/mapping.py; first in sorted order on a
tie), "-" when a run does not find it. Prints the share of the names either run finds
whose label differs, and the same for the mentions (exact span).

usage: python3 tools/devset/agreement.py A.jsonl B.jsonl
    (each `dossier extract --format jsonl` output, e.g. CROSSVAL_PRED of crossval.sh)
"""
import sys
from collections import Counter

from mapping import load


def names(path):
    """(doc, surface) -> its majority label; (doc, start, end) -> label."""
    votes, spans = {}, {}
    for m in load(path):
        votes.setdefault((m["doc"], m["text"].lower()), Counter())[m["label"]] += 1
        spans[(m["doc"], m["start"], m["end"])] = m["label"]
    major = {k: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for k, c in votes.items()}
    return major, spans


def differing(a, b):
    """The keys of either map and how many of them the two label differently."""
    keys = set(a) | set(b)
    return len(keys), sum(a.get(k, "-") != b.get(k, "-") for k in keys)


def main():
    (na, sa), (nb, sb) = names(sys.argv[1]), names(sys.argv[2])
    n, d = differing(na, nb)
    m, e = differing(sa, sb)
    print(f"names differing: {d}/{n} ({100 * d / max(n, 1):.1f} %); "
          f"mentions differing: {e}/{m} ({100 * e / max(m, 1):.1f} %)")


if __name__ == "__main__":
    main()
