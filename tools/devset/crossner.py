#!/usr/bin/env python3
"""Convert CrossNER (English Wikipedia sentences in five domains, hand-annotated with
fine-grained entity types) into extra training data for the learned decision.

usage: python3 tools/devset/crossner.py [--crossner DIR] [--out DIR] [--domains a,b]
                                        [--per-doc N] [--demonyms FILE]

Reads the CrossNER repository (a git directory, files read at HEAD with `git show`): the
`ner_data/<domain>/{train,dev,test}.txt` files of the domains asked for (default: all
five, politics, science, music, literature, ai). Its `conll2003` folder is Reuters text
under the Reuters licence and is never read. Writes under --out (default
/work/devset/train-extra/crossner) one `.txt` per document and a
`gold.jsonl` in the format of ../shared/eval/seeds-gold.jsonl, like build.py's parts.

Source: https://github.com/zliucr/CrossNER (MIT licence, its LICENSE); the sentences are
from English Wikipedia (CC BY-SA). Cite: Liu et al. (2021), "CrossNER: Evaluating
Cross-Domain Named Entity Recognition", AAAI. Training data only, never an evaluation set.

Mapping (tools/devset/README.md): person, politician, scientist, writer, researcher,
musicalartist -> PERSON; organisation, politicalparty, university, band -> ORG; location,
country -> GPE|LOC|FAC, except a demonym of data/demonyms.tsv -> NORP; event, election ->
EVENT; every other type (misc, works, awards, products, fields, genres ...) -> MISC, which
the trainer reads as NONE. A leading "the" is cut off; spans are kept only when their first
and last words start with a capital letter or a digit (as uner.py and docred.py), so
"2001 Italian general election" is no gold span at all.

CrossNER's sentences stand alone (no document ids): each file's sentences, in order, are
cut into documents of --per-doc sentences (default 8), the first as the title line, a blank
line, then the others joined by one space (as docred.py). The text is rebuilt from the
tokens by docred.py's detokenizer ("'" + "s" joined into "'s" first). Standard library
only; the output is a pure function of the CrossNER revision and the options.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from uner import clear, git_show, proper, spans, write_doc, write_gold  # noqa: E402
from docred import detokenize, read_demonyms  # noqa: E402

DEFAULT_REPO = "/work/.mirror/zliucr+CrossNER/repo"
DOMAINS = ("politics", "science", "music", "literature", "ai")
TYPES = {
    "PERSON": ("person", "politician", "scientist", "writer", "researcher", "musicalartist"),
    "ORG": ("organisation", "politicalparty", "university", "band"),
    "GPE|LOC|FAC": ("location", "country"),
    "EVENT": ("event", "election"),
}
LABEL = {t: label for label, types in TYPES.items() for t in types}


def sentences(text):
    """Yields [(token, tag)] per sentence of a CoNLL-style file (token TAB tag)."""
    toks = []
    for line in text.splitlines() + [""]:
        if line.strip():
            cols = line.split("\t")
            toks.append((cols[0], cols[-1].strip()))
        elif toks:
            yield joined_possessives(toks)
            toks = []


def joined_possessives(toks):
    """The tokens with "'" followed by "s" written as one "'s" token (tagged O)."""
    out = []
    for tok, tag in toks:
        if tok == "s" and out and out[-1][0] == "'" and out[-1][1] == "O":
            out[-1] = ("'s", "O")
        else:
            out.append((tok, tag))
    return out


def sentence_gold(toks, demonyms, label_of=LABEL):
    """(text, [(start, end, label)]) of one sentence; `label_of` maps a tag's type to our
    label (a type it lacks gives MISC)."""
    text, offs = detokenize([t for t, _ in toks])
    gold = []
    for a, b, kind in spans(toks):
        while a < b and toks[a][0].lower() == "the":
            a += 1
        if a >= b or offs[a] is None or offs[b - 1] is None:
            continue
        if not (proper(toks[a][0]) and proper(toks[b - 1][0])):
            continue
        s, e = offs[a][0], offs[b - 1][1]
        label = label_of.get(kind, "MISC")
        if label == "GPE|LOC|FAC" and text[s:e] in demonyms:
            label = "NORP"
        gold.append((s, e, label))
    return text, gold


def build_doc(sents):
    """(text, gold) of a document of sentences [(text, gold)]."""
    body, gold = "", []
    for i, (text, g) in enumerate(sents):
        body += "" if i == 0 else ("\n\n" if i == 1 else " ")
        base = len(body)
        gold.extend((base + s, base + e, label) for s, e, label in g)
        body += text
    return body, gold


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--crossner", default=DEFAULT_REPO, help="CrossNER git directory")
    ap.add_argument("--domains", default=",".join(DOMAINS), help="comma-separated, of " + ", ".join(DOMAINS))
    ap.add_argument("--out", default="/work/devset/train-extra/crossner", help="output folder")
    ap.add_argument("--per-doc", type=int, default=8, help="sentences per document")
    ap.add_argument("--demonyms", default=os.path.join(here, "../../crates/dossier-core/data/demonyms.tsv"))
    a = ap.parse_args()
    domains = a.domains.split(",")
    bad = [d for d in domains if d not in DOMAINS]
    if bad:
        sys.exit(f"unknown domain(s) {bad}: choose of {DOMAINS}")
    out = a.out
    demonyms = read_demonyms(a.demonyms)
    clear(out)
    lines, ndocs = [], 0
    for domain in domains:
        for split in ("train", "dev", "test"):
            path = f"ner_data/{domain}/{split}.txt"
            text = git_show(a.crossner, path)
            if text is None:
                print(f"{path}: not in the mirror, skipped", file=sys.stderr)
                continue
            sents = [sentence_gold(t, demonyms) for t in sentences(text)]
            for k in range(0, len(sents), a.per_doc):
                body, gold = build_doc(sents[k:k + a.per_doc])
                write_doc(out, f"crossner_{domain}_{split}_{k // a.per_doc:04d}.txt", body, gold, lines)
                ndocs += 1
    write_gold(out, lines, ndocs)


if __name__ == "__main__":
    main()
