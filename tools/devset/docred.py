#!/usr/bin/env python3
"""Convert Re-DocRED (Wikipedia introductions with human-revised entity mentions) into extra
training data for the learned decision.

usage: python3 tools/devset/docred.py [--docred DIR] [--out DIR] [--demonyms FILE]

Reads the Re-DocRED repository (a git directory, files read at HEAD with `git show`): its
`data/dev_revised.json` and `data/test_revised.json` (500 + 500 documents; the train file
may be absent from a mirror, and is then skipped). Writes under --out (default
/work/devset/train-extra/docred) one `.txt` per document and a `gold.jsonl` in the format
of ../shared/eval/seeds-gold.jsonl, like tools/devset/build.py's parts: each mention's
canonical is the longest kept form of its DocRED entity, so the folder also measures alias
grouping (tools/devset/grouping-dev.sh); the trainer reads only doc, start, end and label.

Source: https://github.com/tonytan48/Re-DocRED (MIT licence, its LICENSE), a revision of
DocRED (https://github.com/thunlp/DocRED, MIT licence); the texts are the opening
paragraphs of English Wikipedia articles (CC BY-SA). Cite: Tan et al. (2022), "Revisiting
DocRED - Addressing the False Negative Problem in Relation Extraction", EMNLP; Yao et al.
(2019), "DocRED: A Large-Scale Document-Level Relation Extraction Dataset", ACL. Training
data only, never an evaluation set here.

Mapping (tools/devset/README.md): PER -> PERSON, ORG -> ORG, LOC -> GPE|LOC|FAC, except a
LOC that is a demonym of our tables ("German", "American": DocRED types nationalities as
LOC, our guidelines as NORP) -> NORP; MISC (events, works, products, languages,
nationalities) -> MISC, which the trainer leaves out (the data does not say which of our
classes, if any, such a name is); TIME and NUM are dropped. A leading "the" is cut off
(our span rules); spans are kept only when their first and last words start with a capital
letter or a digit, as in uner.py.

Each document: the first sentence as the title line, a blank line, then the other sentences
joined by one space. DocRED gives tokens, so the text is rebuilt from them: no space before
closing punctuation and "'s", none after an opening bracket, none around a hyphen, straight
quotes alternately opening and closing. Offsets are in code points. Standard library only;
the output is a pure function of the Re-DocRED revision and the demonym table.
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from uner import clear, git_show, proper, write_doc, write_gold  # noqa: E402  (the sibling converter)

DEFAULT_REPO = "/work/.mirror/tonytan48+Re-DocRED/repo"
FILES = ("data/train_revised.json", "data/dev_revised.json", "data/test_revised.json")
LABEL = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE|LOC|FAC", "MISC": "MISC"}
NO_SPACE_BEFORE = {",", ".", ";", ":", ")", "]", "}", "%", "?", "!", "'s", "’s", "'", "n't", "”"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "#", "“", "(;"}
TIGHT = {"-", "/"}


def detokenize(tokens):
    """The text of a token list and each token's (start, end) in it (None for a token that
    is only white space)."""
    out, offs, quote_open = "", [], False
    glue_next = True
    for tok in tokens:
        if not tok.strip():
            offs.append(None)
            continue
        opening = False
        if tok == '"':
            opening = not quote_open
            quote_open = not quote_open
        glue = glue_next or tok in NO_SPACE_BEFORE or tok in TIGHT or (tok == '"' and not opening)
        if not glue:
            out += " "
        offs.append((len(out), len(out) + len(tok)))
        out += tok
        glue_next = tok in NO_SPACE_AFTER or tok in TIGHT or (tok == '"' and opening)
    return out, offs


def label_of(mtype, text, demonyms):
    """Our gold label of a DocRED mention, or None to drop it."""
    if mtype == "LOC" and text in demonyms:
        return "NORP"
    return LABEL.get(mtype)


def build_doc(doc, demonyms):
    """(text, [(start, end, label, canonical)]) of one DocRED document. The canonical of a
    mention is the longest kept form of its DocRED entity (the first of equal length), as
    build.py gives a GUM coreference group its longest named form, so the scorer's and
    grouping.py's alias grouping is measured."""
    parts, bases, sent_offs = [], [], []
    at = 0
    for i, sent in enumerate(doc["sents"]):
        text, offs = detokenize(sent)
        sep = "" if i == 0 else ("\n\n" if i == 1 else " ")
        at += len(sep)
        parts.append(sep + text)
        bases.append(at)
        sent_offs.append((sent, offs))
        at += len(text)
    body = "".join(parts)
    gold = {}
    for entity in doc["vertexSet"]:
        kept = [span for span in (kept_span(m, sent_offs, bases, body, demonyms) for m in entity) if span]
        forms = [body[s:e] for s, e, _ in kept]
        canonical = max(forms, key=len) if forms else None
        for s, e, label in kept:
            gold[(s, e)] = (label, canonical)
    return body, sorted((s, e, l, c) for (s, e), (l, c) in gold.items())


def kept_span(m, sent_offs, bases, body, demonyms):
    """(start, end, label) of one DocRED mention in the document's text, or None when our
    span rules drop it (a leading "the" cut; first and last words capitalised)."""
    sent, offs = sent_offs[m["sent_id"]]
    a, b = m["pos"]
    while a < b and (offs[a] is None or sent[a].lower() == "the"):
        a += 1
    while b > a and offs[b - 1] is None:
        b -= 1
    if a >= b or not (proper(sent[a]) and proper(sent[b - 1])):
        return None
    s, e = bases[m["sent_id"]] + offs[a][0], bases[m["sent_id"]] + offs[b - 1][1]
    label = label_of(m["type"], body[s:e], demonyms)
    return None if label is None else (s, e, label)


def read_demonyms(path):
    """The surfaces of the demonym table (first column)."""
    with open(path, encoding="utf-8") as fh:
        return {line.split("\t", 1)[0] for line in fh if line.strip() and not line.startswith("#")}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docred", default=DEFAULT_REPO, help="Re-DocRED git directory")
    ap.add_argument("--out", default="/work/devset/train-extra/docred", help="output folder")
    ap.add_argument("--demonyms", default=os.path.join(here, "../../crates/dossier-core/data/demonyms.tsv"))
    a = ap.parse_args()
    demonyms = read_demonyms(a.demonyms)
    clear(a.out)
    lines, ndocs, seen = [], 0, set()
    for path in FILES:
        text = git_show(a.docred, path)
        if text is None:
            print(f"{path}: not in the mirror, skipped", file=sys.stderr)
            continue
        split = os.path.basename(path).split("_")[0]
        for k, doc in enumerate(json.loads(text)):
            body, gold = build_doc(doc, demonyms)
            if body in seen:
                continue
            seen.add(body)
            write_doc(a.out, f"docred_{split}_{k:04d}.txt", body, gold, lines)
            ndocs += 1
    write_gold(a.out, lines, ndocs)


if __name__ == "__main__":
    main()
