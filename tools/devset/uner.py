#!/usr/bin/env python3
"""Convert Universal NER's English parts (EWT, PUD) into extra training data for the learned decision.

usage: python3 tools/devset/uner.py [--part ewt|pud] [--uner DIR] [--out DIR]

Reads the UNER_English-EWT repository (a git directory; files are read at HEAD with
`git show`): the `.iob2` files it holds whole (dev and test; the train file may be absent
from a mirror, and is then skipped). Writes under --out (default
/work/devset/train-extra/uner-ewt) one `.txt` per EWT document and a `gold.jsonl` in the
format of ../shared/eval/seeds-gold.jsonl, like tools/devset/build.py's `train/`.

`--part pud` reads UNER_English-PUD instead (its one file, en_pud-ud-test.iob2: the 1,000
sentences of the Parallel UD treebank, 100 short documents of news (`n…`) and Wikipedia
(`w…`), default out /work/devset/train-extra/uner-pud; licence CC BY-SA 3.0 per its
LICENSE.txt). All its documents are kept: both genres are news-like.

Source: https://github.com/UniversalNER/UNER_English-EWT, licence CC BY-SA 4.0 (its
LICENSE.txt; the texts are those of UD_English-EWT, CC BY-SA 4.0). Mayhew et al. (2024),
"Universal NER: A Gold-Standard Multilingual Named Entity Recognition Benchmark", NAACL.
Training data only: the texts are web text (reviews, answers, e-mail, newsgroups, blogs),
not news, and are never an evaluation set here.

Mapping (tools/devset/README.md): PER -> PERSON, ORG -> ORG, LOC -> GPE|LOC|FAC (UNER's
LOC covers countries, cities, regions and facilities). Spans are kept only when their first
and last words start with a capital letter or digit: our guidelines annotate proper names,
and the engine only ever asks about capitalised runs. UNER has no event label, so a named
event is not gold there (the trainer reads such spans as NONE).

Each document: the first sentence as the title line, a blank line, then the other sentences
joined by one space (EWT keeps no paragraphs). Offsets are in code points. Standard library
only; the output is a pure function of the UNER revision.
"""
import argparse
import json
import os
import subprocess
import sys

LABEL = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE|LOC|FAC"}
# per part: mirror, files, genres kept (document id prefix), default output. EWT's e-mail
# (signatures: "from Dana.") and short product reviews are furthest from news and taught the
# decision patterns news does not have; PUD's ids are n… (news) and w… (Wikipedia)
PARTS = {
    "ewt": ("/work/.mirror/UniversalNER+UNER_English-EWT/repo",
            ("en_ewt-ud-train.iob2", "en_ewt-ud-dev.iob2", "en_ewt-ud-test.iob2"),
            ("weblog", "newsgroup", "answers"), "/work/devset/train-extra/uner-ewt"),
    "pud": ("/work/.mirror/UniversalNER+UNER_English-PUD/repo", ("en_pud-ud-test.iob2",),
            ("n", "w"), "/work/devset/train-extra/uner-pud"),
}


def genre(doc):
    """EWT: the id up to its first hyphen ("weblog"); PUD: its first letter ("n", "w")."""
    head = doc.split("-", 1)[0]
    return head if not head[:1].isalpha() or not head[1:2].isdigit() else head[0]


def git_show(repo, path):
    """The file at HEAD, or None when the mirror lacks its blob."""
    run = subprocess.run(["git", "-C", repo, "show", "HEAD:" + path], capture_output=True)
    return run.stdout.decode("utf-8") if run.returncode == 0 else None


def sentences(text):
    """Yields (doc id or None, sentence text, [(token, tag)]) from an .iob2 file."""
    doc, sent, toks = None, None, []
    for line in text.splitlines() + [""]:
        if line.startswith("# newdoc id = "):
            doc = line.split("=", 1)[1].strip()
        elif line.startswith("# text = "):
            sent = line.split("=", 1)[1].strip()
        elif line.startswith("#"):
            continue
        elif line.strip():
            cols = line.split("\t")
            toks.append((cols[1], cols[2]))
        elif toks:
            yield doc, sent, toks
            doc, sent, toks = None, None, []


def token_offsets(sent, toks):
    """Character offsets of each token in the sentence text, or None when they do not align."""
    out, at = [], 0
    for tok, _ in toks:
        k = sent.find(tok, at)
        if k < 0:
            return None
        out.append((k, k + len(tok)))
        at = k + len(tok)
    return out


def spans(toks):
    """(first token, last token + 1, label) of each IOB2 entity."""
    out, start, label = [], None, None
    for i, (_, tag) in enumerate(toks + [("", "O")]):
        if start is not None and not tag.startswith("I-"):
            out.append((start, i, label))
            start = None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, label = i, tag[2:]
    return out


def proper(word):
    return word[:1].isupper() or word[:1].isdigit()


def clear(out):
    """Creates folder `out`, or removes the documents and gold of an earlier run."""
    os.makedirs(out, exist_ok=True)
    for old in os.listdir(out):
        if old.endswith(".txt") or old == "gold.jsonl":
            os.remove(os.path.join(out, old))


def write_doc(out, file, body, gold, lines):
    """Writes `body` as `file` in folder `out` and adds its `gold` spans ((start, end,
    label) or (start, end, label, canonical), code points) to `lines`, the gold file's
    lines. Without a canonical a mention is its own entity (its text)."""
    with open(os.path.join(out, file), "w", encoding="utf-8") as fh:
        fh.write(body + "\n")
    for s, e, label, *canonical in gold:
        t = body[s:e]
        lines.append(json.dumps({"doc": file, "start": s, "end": e, "text": t, "label": label,
                                 "canonical": canonical[0] if canonical else t, "zone": "body"},
                                ensure_ascii=False))


def write_gold(out, lines, ndocs):
    """Writes the gold file of folder `out` and says how much was written."""
    with open(os.path.join(out, "gold.jsonl"), "w", encoding="utf-8") as fh:
        fh.write("".join(line + "\n" for line in lines))
    print(f"{ndocs} documents, {len(lines)} gold mentions", file=sys.stderr)


def build_docs(text):
    """[(doc id, text, [gold mention])] of one .iob2 file."""
    docs = []
    for doc, sent, toks in sentences(text):
        if doc is not None:
            docs.append([doc, [], []])
        offs = token_offsets(sent or "", toks)
        if not docs or offs is None:
            continue
        d = docs[-1]
        sep = "" if not d[1] else ("\n\n" if len(d[1]) == 1 else " ")
        base = sum(len(s) for s in d[1]) + len(sep)
        d[1].append(sep + sent)
        for a, b, label in spans(toks):
            if label not in LABEL or not (proper(toks[a][0]) and proper(toks[b - 1][0])):
                continue
            s, e = base + offs[a][0], base + offs[b - 1][1]
            d[2].append((s, e, LABEL[label]))
    return [(doc, "".join(parts), gold) for doc, parts, gold in docs]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--part", default="ewt", choices=sorted(PARTS), help="UNER English part")
    ap.add_argument("--uner", help="its git directory (default: the part's /work/.mirror snapshot)")
    ap.add_argument("--out", help="output folder (default: /work/devset/train-extra/uner-<part>)")
    ap.add_argument("--genres",
                    help="genres to keep, comma-separated (EWT default weblog,newsgroup,answers; "
                         "all: weblog,newsgroup,answers,email,reviews; PUD default n,w)")
    a = ap.parse_args()
    repo, files, genres, out = PARTS[a.part]
    a.uner, a.out = a.uner or repo, a.out or out
    a.genres = a.genres or ",".join(genres)
    os.makedirs(a.out, exist_ok=True)
    lines, ndocs = [], 0
    for name in files:
        text = git_show(a.uner, name)
        if text is None:
            print(f"{name}: not in the mirror, skipped", file=sys.stderr)
            continue
        for doc, body, gold in build_docs(text):
            if genre(doc) not in a.genres.split(","):
                continue
            write_doc(a.out, doc.replace("/", "_") + ".txt", body, gold, lines)
            ndocs += 1
    write_gold(a.out, lines, ndocs)


if __name__ == "__main__":
    main()
