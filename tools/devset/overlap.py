#!/usr/bin/env python3
"""Count the documents of a training folder that repeat an evaluation document.

usage: python3 tools/devset/overlap.py <training folder>... [--devset DIR]

A training folder must hold no document of the evaluation parts: tune/ and frozen/ (GUM's
Wikinews) and news-frozen/ (Wikinews articles of our own annotation). A document overlaps
when its title line or its opening text (the first 200 letters and digits of its body),
normalised (lower case, letters and digits only), equals an evaluation document's, or when
one of its sentences of 60 normalised characters or more occurs in an evaluation document.
Only counts are printed, never a text: the frozen parts are read by the program, not shown.
Exits 1 when any document overlaps (drop those before training: a converter's job).
Standard library only.
"""
import argparse
import os
import re
import sys

PARTS = ("tune", "frozen", "news-frozen")


def norm(text):
    """Lower case, letters and digits only."""
    return re.sub(r"[\W_]+", "", text.lower())


def keys(text):
    """(title key, opening key, [sentence keys]) of one document's text."""
    lines = [line for line in text.splitlines() if line.strip()]
    title = norm(lines[0]) if lines else ""
    body = norm(" ".join(lines[1:]))[:200]
    sents = [norm(s) for s in re.split(r"(?<=[.!?])\s+", text)]
    return title, body, [s for s in sents if len(s) >= 60]


def documents(folder):
    """(name, text) of each .txt document of a folder."""
    for name in sorted(os.listdir(folder)):
        if name.endswith(".txt"):
            with open(os.path.join(folder, name), encoding="utf-8") as fh:
                yield name, fh.read()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="+", help="training folders to check")
    ap.add_argument("--devset", default="/work/devset", help="holds tune/, frozen/, news-frozen/")
    a = ap.parse_args()
    titles, openings, full = set(), set(), []
    for part in PARTS:
        folder = os.path.join(a.devset, part)
        if not os.path.isdir(folder):
            sys.exit(f"no {folder}: build the evaluation parts first")
        for _, text in documents(folder):
            t, b, _ = keys(text)
            titles.add(t)
            openings.add(b)
            full.append(norm(text))
    evaluation = "\n".join(full)
    bad = 0
    for folder in a.folders:
        n = hits = 0
        for _, text in documents(folder):
            n += 1
            t, b, sents = keys(text)
            if (t and t in titles) or (b and b in openings) or any(s in evaluation for s in sents):
                hits += 1
        print(f"{folder}: {hits} of {n} documents overlap the evaluation parts")
        bad += hits
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
