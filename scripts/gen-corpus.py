#!/usr/bin/env python3
"""Generates a news-like corpus from the seed articles, for scale measurements.

    scripts/gen-corpus.py OUT_DIR [--articles 2000] [--seed 1] [--from seeds]

Deterministic for a given seed. Each article takes a seed title (titles repeat), then
paragraphs drawn from all seed articles, some of them rebuilt from sentences of other
paragraphs, and people's names varied lightly (a surname swapped for another from a
fixed list, consistently within the article) so the entity list grows with the corpus
as a real one would. About 5 KB an article: 2,000 articles make about 10 MB. The output
is for measuring only: do not commit it.
"""

import argparse
import os
import random
import re

# Surnames of seed people and the stand-ins an article may use instead.
SURNAMES = ["Putin", "Xi", "Blinken", "Zelenskiy", "Lavrov", "Gabuev", "Modi", "Trump", "Biden"]
STAND_INS = [
    "Petrov", "Ivanova", "Kowalski", "Novak", "Haddad", "Okafor", "Tanaka", "Moreau",
    "Lindqvist", "Castillo", "Mensah", "Fischer", "Kovalenko", "Abramov", "Romero",
    "Nakamura", "Okonkwo", "Sorensen", "Dimitrov", "Varga",
]
SENTENCE_END = re.compile(r"(?<=[.!?”])\s+(?=[A-Z“])")
# A period after one of these, or after a single capital (an initial), ends no sentence.
ABBREVIATION = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|St|Jr|Sr|No|vs)|\b[A-Z]|\b(?:[A-Z]\.){1,3}[A-Z]?)\.$")


def split_sentences(paragraph):
    """The paragraph's sentences: split at sentence ends, then rejoined after abbreviations."""
    out = []
    for piece in SENTENCE_END.split(paragraph):
        if out and ABBREVIATION.search(out[-1]):
            out[-1] += " " + piece
        else:
            out.append(piece)
    return out


def load(folder):
    docs = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            lines = [l.strip() for l in f.read().splitlines() if l.strip()]
        if lines:
            docs.append((lines[0], lines[1:]))
    return docs


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--from", dest="src", default=os.path.join(os.path.dirname(__file__), "..", "seeds"))
    ap.add_argument("--bytes-per-article", type=int, default=4700)
    args = ap.parse_args()

    rng = random.Random(args.seed)
    docs = load(args.src)
    titles = [t for t, _ in docs]
    paragraphs = [p for _, ps in docs for p in ps]
    sentences = [s for p in paragraphs if len(p) > 200 for s in split_sentences(p)]
    os.makedirs(args.out, exist_ok=True)
    total = 0
    for n in range(args.articles):
        swaps = {s: rng.choice(STAND_INS) for s in SURNAMES if rng.random() < 0.3}
        body = []
        size = 0
        while size < args.bytes_per_article:
            if rng.random() < 0.4:
                p = " ".join(rng.choice(sentences) for _ in range(rng.randint(2, 5)))
            else:
                p = rng.choice(paragraphs)
            body.append(p)
            size += len(p.encode("utf-8")) + 2
        text = rng.choice(titles) + "\n\n" + "\n\n".join(body) + "\n"
        for old, new in swaps.items():
            text = re.sub(r"\b%s\b" % re.escape(old), new, text)
        path = os.path.join(args.out, "%05d.txt" % n)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        total += len(text.encode("utf-8"))
    print("%d articles, %.1f MB in %s" % (args.articles, total / 1e6, args.out))


if __name__ == "__main__":
    main()
