#!/usr/bin/env python3
"""Convert the Broad Twitter Corpus (English tweets hand-annotated with persons,
organisations and locations) into extra training data for the learned decision.

usage: python3 tools/devset/btc.py [--btc DIR] [--out DIR] [--sections a,b,...]
                                   [--per-doc N] [--demonyms FILE]

Reads the corpus repository (a git directory, files read at HEAD with `git show`): the
CoNLL files `<section>.conll` of the sections asked for (default all six: a, b (UK,
expert-annotated), e (the MH17 disaster), f (stratified "twitterati"), g (tweets of news
outlets), h (non-UK); e to h crowd and expert). Writes under --out (default
/work/devset/train-extra/btc) one `.txt` per document and a `gold.jsonl` in the format of
../shared/eval/seeds-gold.jsonl, like build.py's parts.

Source: https://github.com/GateNLP/broad_twitter_corpus (CC BY 4.0, its LICENSE and
README). Cite: Derczynski, Bontcheva and Roberts (2016), "Broad Twitter Corpus: A Diverse
Named Entity Recognition Resource", COLING. Training data only, never an evaluation set;
tried and not kept for the weights (tools/devset/README.md).

Mapping (tools/devset/README.md): PER -> PERSON, ORG -> ORG, LOC -> GPE|LOC|FAC except a
demonym of data/demonyms.tsv -> NORP. Tweets are made to read as prose first
(`readable`): web addresses, "RT", user names ("@name", or "@" and the name as two
tokens) and any entity containing one are dropped, and a hashtag loses its "#"
("#Pistorius" -> "Pistorius", keeping its label). A leading "the" is cut off and spans are
kept only when their first and last words start with a capital letter or a digit (as
crossner.py). Each section's tweets, in order, are cut into documents of --per-doc tweets
(default 8), one paragraph each (the first is the title line). Standard library only; the
output is a pure function of the corpus revision and the options.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from uner import clear, git_show, write_doc, write_gold  # noqa: E402
from docred import read_demonyms  # noqa: E402
from crossner import sentence_gold, sentences  # noqa: E402

DEFAULT_REPO = "/work/.mirror/GateNLP+broad_twitter_corpus/repo"
SECTIONS = ("a", "b", "e", "f", "g", "h")
LABEL = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE|LOC|FAC"}


def dropped(tok):
    """Whether a tweet token is no prose: a web address, "RT" or a user name."""
    low = tok.lower()
    return low.startswith(("http://", "https://", "www.", "@")) or tok == "RT"


def readable(toks):
    """The tweet's (token, tag) list as prose: see the module doc. An entity that loses a
    token is dropped whole (its other tokens are tagged O)."""
    out, skip_next, cut = [], False, False
    for tok, tag in toks:
        drop = skip_next or dropped(tok)
        skip_next = tok == "@"
        if tag.startswith("B-") or tag == "O":
            cut = False
        if drop:
            cut = cut or tag != "O"
            if out and tag.startswith("I-") and out[-1][1] != "O":
                unmark(out)
            continue
        if cut and tag.startswith("I-"):
            tag = "O"
        if tok.startswith("#") and len(tok) > 1:
            tok = tok[1:]
        out.append((tok, tag))
    return out


def unmark(out):
    """Tags O the entity that ends `out` (it lost a later token)."""
    i = len(out) - 1
    while i >= 0 and out[i][1].startswith("I-"):
        out[i] = (out[i][0], "O")
        i -= 1
    if i >= 0 and out[i][1].startswith("B-"):
        out[i] = (out[i][0], "O")


def convert(toks, demonyms, label_of):
    """(text, [(start, end, label)]) of one tweet, its types mapped by `label_of`."""
    return sentence_gold(readable(toks), demonyms, label_of)


def paragraphs(posts):
    """(text, gold) of a document of posts [(text, gold)], one paragraph each: a post
    seldom ends in a full stop, and joined into one paragraph the next post's first word
    would read as part of a name ("... from Tromso The Federal Government ...")."""
    body, gold = "", []
    for i, (text, g) in enumerate(posts):
        body += "" if i == 0 else "\n\n"
        gold.extend((len(body) + s, len(body) + e, label) for s, e, label in g)
        body += text
    return body, gold


def write_docs(out, prefix, sents, per_doc, lines):
    """Writes the (text, gold) posts as documents of `per_doc`, leaving out those that are
    empty once made readable; their number."""
    sents, n = [s for s in sents if s[0].strip()], 0
    for k in range(0, len(sents), per_doc):
        body, gold = paragraphs(sents[k:k + per_doc])
        write_doc(out, f"{prefix}_{k // per_doc:04d}.txt", body, gold, lines)
        n += 1
    return n


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--btc", default=DEFAULT_REPO, help="broad_twitter_corpus git directory")
    ap.add_argument("--sections", default=",".join(SECTIONS), help="comma-separated, of a,b,e,f,g,h")
    ap.add_argument("--out", default="/work/devset/train-extra/btc", help="output folder")
    ap.add_argument("--per-doc", type=int, default=8, help="tweets per document")
    ap.add_argument("--demonyms", default=os.path.join(here, "../../crates/dossier-core/data/demonyms.tsv"))
    a = ap.parse_args()
    sections = a.sections.split(",")
    bad = [s for s in sections if s not in SECTIONS]
    if bad:
        sys.exit(f"unknown section(s) {bad}: choose of {SECTIONS}")
    demonyms = read_demonyms(a.demonyms)
    clear(a.out)
    lines, ndocs = [], 0
    for section in sections:
        text = git_show(a.btc, f"{section}.conll")
        if text is None:
            print(f"{section}.conll: not in the mirror, skipped", file=sys.stderr)
            continue
        sents = [convert(t, demonyms, LABEL) for t in sentences(text)]
        ndocs += write_docs(a.out, f"btc_{section}", sents, a.per_doc, lines)
    write_gold(a.out, lines, ndocs)


if __name__ == "__main__":
    main()
